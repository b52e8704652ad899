import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import { regionsMessages } from "../regions.messages.js";

export type LoketKind = "loket" | "hub" | "netwerk" | "ontwikkelingsmaatschappij";

/** One organisation a company can contact: what it is and its public organisational contact, null where unknown. */
export type LoketCardModel = {
  name: string;
  kind: LoketKind;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  openingHours: string | null;
  /** Demo hubs (DEMO=1 only); their name already carries "(demo)". */
  isDemo: boolean;
};

/**
 * A region's loket as every page shows it (/regio, the route, the intake): the organisations a company can contact,
 * or the national fallback, and where a request for a conversation goes (ADR 0081).
 */
export type LoketViewModel = {
  /** The first card's name and description (the API and short mentions). */
  name: string;
  description: string;
  /** Our page about the region's loket. */
  href: string;
  linkText: string;
  /** True when the region has no loket, hub, network or development company we know of: `cards` is the fallback. */
  isNationalFallback: boolean;
  cards: LoketCardModel[];
  /** A hub that takes requests through this service, or the national queue. */
  intake: { kind: "hub" | "national"; recipientName: string; href: string };
};

const kindLabel = (lang: "nl" | "en", kind: LoketKind) => {
  const t = regionsMessages[lang];
  return {
    loket: t.kindLoket,
    hub: t.kindHub,
    netwerk: t.kindNetwerk,
    ontwikkelingsmaatschappij: t.kindOntwikkelingsmaatschappij,
  }[kind];
};

/** One loket with what it is and how to reach it; says plainly which details we do not know. */
export const LoketCard = ({
  card,
  lang,
  headingLevel = 3,
}: {
  card: LoketCardModel;
  lang: "nl" | "en";
  headingLevel?: 2 | 3 | 4;
}) => {
  const t = regionsMessages[lang];
  const unknown = [
    card.website ? null : t.contactWebsite,
    card.email ? null : t.contactEmail,
    card.phone ? null : t.contactPhone,
    card.address ? null : t.contactAddress,
    card.openingHours ? null : t.contactHours,
  ].filter((item): item is string => item !== null);
  return (
    <div class="cl-loket">
      <Heading level={headingLevel}>{card.name}</Heading>
      <Paragraph>
        <span class="cl-tag">{kindLabel(lang, card.kind)}</span>
        {card.isDemo ? (
          <>
            {" "}
            <span class="cl-tag">{t.demoTag}</span>
          </>
        ) : null}
      </Paragraph>
      {card.isDemo ? <Paragraph small>{t.demoNotice}</Paragraph> : null}
      {card.description ? <Paragraph>{card.description}</Paragraph> : null}
      {unknown.length < 5 ? (
        <dl class="cl-facts">
          {card.website ? (
            <>
              <dt>{t.contactWebsite}</dt>
              <dd>
                <Link href={card.website}>{card.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}</Link>
              </dd>
            </>
          ) : null}
          {card.email ? (
            <>
              <dt>{t.contactEmail}</dt>
              <dd>
                <Link href={`mailto:${card.email}`}>{card.email}</Link>
              </dd>
            </>
          ) : null}
          {card.phone ? (
            <>
              <dt>{t.contactPhone}</dt>
              <dd>
                <Link href={`tel:${card.phone.replace(/[^\d+]/g, "")}`}>{card.phone}</Link>
              </dd>
            </>
          ) : null}
          {card.address ? (
            <>
              <dt>{t.contactAddress}</dt>
              <dd>{card.address}</dd>
            </>
          ) : null}
          {card.openingHours ? (
            <>
              <dt>{t.contactHours}</dt>
              <dd>{card.openingHours}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {unknown.length ? (
        <Paragraph small>{format(t.contactUnknown, { items: unknown.join(", ").toLowerCase() })}</Paragraph>
      ) : null}
    </div>
  );
};

/** Where a request for a conversation goes, in plain words: never a regional adviser where there is none. */
export const IntakeRouteNote = ({
  intake,
  lang,
}: {
  intake: LoketViewModel["intake"];
  lang: "nl" | "en";
}) => {
  const t = regionsMessages[lang];
  return (
    <Paragraph>
      {intake.kind === "hub"
        ? format(t.intakeToHub, { hub: intake.recipientName })
        : format(t.intakeToNational, { name: intake.recipientName })}
    </Paragraph>
  );
};
