import { format, formatDate } from "../../../i18n/index.js";
import { ButtonLink, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { regionsMessages } from "../regions.messages.js";
import { IntakeRouteNote, LoketCard, type LoketViewModel } from "./loket-card.js";

export type { LoketViewModel } from "./loket-card.js";

export type RegionPageModel = {
  code: string;
  name: string;
  provinces: { code: string; name: string }[];
  municipalities: { code: string; name: string; highlighted: boolean }[];
  highlightedMunicipality?: string;
  /** "Scheveningen ligt in de gemeente Den Haag.", when the visitor typed a place name. */
  placeNote?: string;
  loket: LoketViewModel;
  /** The region's provinces without a usable or expected provincial or regional scheme (a gap, named honestly). */
  provincesWithoutOwn?: string[];
  /** Stars, what is missing, offer, events, examples and gaps; absent when no monitor is wired in. */
  status?: RegionStatusModel;
};

/** The monitor's and the knowledge module's part of the region page, in words (ADR 0089). */
export type RegionStatusModel = {
  stars: number;
  missingForNext: string[];
  gaps: string[];
  offer: {
    name: string;
    href: string;
    status: string;
    statusCode: string;
    level: string;
    partOnly: boolean;
  }[];
  events: { title: string; when: string; href: string }[];
  examples: { title: string; company: string; href: string }[];
  /**
   * Gaps where companies asked and found nothing usable (ADR 0094): register entries not done, with the organisation
   * aan zet, and gaps nobody is aan zet for yet. Cell in words ("Twente, Informeren, Bouw").
   */
  demandGaps?: {
    cell: string;
    owner: string | null;
    status: string | null;
    deadline: string | null;
    overdue: boolean;
  }[];
};

/** Five stars, filled up to the level; the words beside it carry the level for everyone. */
const StarRating = ({ stars }: { stars: number }) => (
  <span class="cl-star-rating" aria-hidden="true">
    {[1, 2, 3, 4, 5].map((star) => (
      <span class={star <= stars ? "cl-star-rating__on" : "cl-star-rating__off"}>
        {star <= stars ? "\u2605" : "\u2606"}
      </span>
    ))}
  </span>
);

/** Stars and what is missing, the regional offer, events, examples and open gaps of one region. */
const RegionStatus = ({
  status,
  code,
  name,
  lang,
}: {
  status: RegionStatusModel;
  code: string;
  name: string;
  lang: "nl" | "en";
}) => {
  const t = regionsMessages[lang];
  return (
    <>
      <section aria-labelledby="sterren" class="cl-card cl-section" data-stars={status.stars}>
        <Heading level={2} id="sterren">
          {t.starsHeading}
        </Heading>
        <Paragraph lead>
          <StarRating stars={status.stars} /> {format(t.starsValue, { name, stars: status.stars })}
        </Paragraph>
        <Paragraph>{t.starsExplain}</Paragraph>
        <Heading level={3} id="volgende-ster">
          {t.nextStarHeading}
        </Heading>
        {status.missingForNext.length ? (
          <ul class="utrecht-unordered-list" aria-labelledby="volgende-ster">
            {status.missingForNext.map((missing) => (
              <li class="utrecht-unordered-list__item">{missing}</li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.allStars}</Paragraph>
        )}
        <Paragraph>
          <Link href={`/monitor/regio/${code}`}>{t.starsMonitorLink}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="aanbod" class="cl-section">
        <Heading level={2} id="aanbod">
          {t.offerHeading}
        </Heading>
        <Paragraph>{t.offerIntro}</Paragraph>
        {status.offer.length ? (
          <ul class="utrecht-unordered-list">
            {status.offer.map((item) => (
              <li class="utrecht-unordered-list__item" data-status={item.statusCode}>
                <Link href={item.href}>{item.name}</Link> ({item.level}, {item.status.toLowerCase()}
                {item.partOnly ? `, ${t.offerPart}` : ""})
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.offerNone}</Paragraph>
        )}
        <Paragraph>
          <Link href="/aanbod">{t.offerAll}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="bijeenkomsten" class="cl-section">
        <Heading level={2} id="bijeenkomsten">
          {t.eventsHeading}
        </Heading>
        {status.events.length ? (
          <ul class="utrecht-unordered-list">
            {status.events.map((event) => (
              <li class="utrecht-unordered-list__item">
                <Link href={event.href}>{event.title}</Link>, {event.when}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.eventsNone}</Paragraph>
        )}
        <Paragraph>
          <Link href={`/agenda?regio=${code}`}>{t.eventsAll}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="voorbeelden" class="cl-section">
        <Heading level={2} id="voorbeelden">
          {t.examplesHeading}
        </Heading>
        {status.examples.length ? (
          <ul class="utrecht-unordered-list">
            {status.examples.map((example) => (
              <li class="utrecht-unordered-list__item">
                <Link href={example.href}>{example.title}</Link> ({example.company})
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.examplesNone}</Paragraph>
        )}
        <Paragraph>
          <Link href={`/voorbeelden?regio=${code}`}>{t.examplesAll}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="open-gaten" class="cl-section">
        <Heading level={2} id="open-gaten">
          {t.gapsHeading}
        </Heading>
        {status.gaps.length ? (
          <>
            <Paragraph>{t.gapsIntro}</Paragraph>
            <ul class="utrecht-unordered-list">
              {status.gaps.map((gap) => (
                <li class="utrecht-unordered-list__item">{gap}</li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{t.gapsNone}</Paragraph>
        )}
        {status.demandGaps?.length ? (
          <>
            <Paragraph>{t.demandGapsIntro}</Paragraph>
            <ul class="utrecht-unordered-list">
              {status.demandGaps.map((gap) => (
                <li class="utrecht-unordered-list__item">
                  {gap.owner
                    ? format(t.demandGapOwner, {
                        cell: gap.cell,
                        owner: gap.owner,
                        status: gap.status ?? "",
                        deadline: gap.deadline ? formatDate(gap.deadline, lang) : "",
                      })
                    : format(t.demandGapNobody, { cell: gap.cell })}
                  {gap.overdue ? ` (${t.demandGapOverdue})` : ""}
                </li>
              ))}
            </ul>
            <Paragraph>
              <Link href="/monitor/gaten">{t.demandGapsLink}</Link>
            </Paragraph>
          </>
        ) : null}
      </section>
    </>
  );
};

/** /regio/{code}: one region, its provinces and municipalities, and the loket to contact. */
export const RegionPage = ({ page, model }: { page: PageContext; model: RegionPageModel }) => {
  const t = regionsMessages[page.lang];
  return (
    <Layout page={page} title={format(t.regionTitle, { name: model.name })} current="regions">
      <Paragraph>
        <Link href="/regio">{t.backToRegions}</Link>
      </Paragraph>
      <Heading level={1}>{format(t.regionTitle, { name: model.name })}</Heading>
      {model.highlightedMunicipality ? (
        <Paragraph lead>
          {model.placeNote ? `${model.placeNote} ` : ""}
          {format(t.municipalityOf, { municipality: model.highlightedMunicipality, region: model.name })}
        </Paragraph>
      ) : null}
      <dl class="cl-facts">
        <dt>{t.regionCode}</dt>
        <dd>{model.code}</dd>
        <dt>{model.provinces.length > 1 ? t.provincesPlural : t.provinces}</dt>
        <dd>{model.provinces.map((province) => province.name).join(", ")}</dd>
      </dl>
      {model.provincesWithoutOwn?.length ? (
        <Paragraph>
          {format(t.provinceWithoutOwn, {
            names: new Intl.ListFormat(page.lang === "en" ? "en-GB" : "nl-NL", {
              type: "conjunction",
            }).format(model.provincesWithoutOwn),
          })}{" "}
          <Link href="/monitor/dekking#provincies-zonder-eigen-aanbod">{t.provinceWithoutOwnLink}</Link>
        </Paragraph>
      ) : null}
      <section aria-labelledby="loket" class="cl-card cl-section">
        <Heading level={2} id="loket">
          {t.loketHeading}
        </Heading>
        <Paragraph>{model.loket.isNationalFallback ? t.fallbackLoketIntro : t.lokettenIntro}</Paragraph>
        {model.loket.cards.map((card) => (
          <LoketCard card={card} lang={page.lang} />
        ))}
      </section>
      <section aria-labelledby="gesprek" class="cl-card cl-section">
        <Heading level={2} id="gesprek">
          {t.intakeHeading}
        </Heading>
        <IntakeRouteNote intake={model.loket.intake} lang={page.lang} />
        <ButtonLink href={model.loket.intake.href}>{t.intakeHeading}</ButtonLink>
      </section>
      {model.status ? (
        <RegionStatus status={model.status} code={model.code} name={model.name} lang={page.lang} />
      ) : null}
      <section aria-labelledby="belemmering" class="cl-section">
        <Heading level={2} id="belemmering">
          {t.barrierHeading}
        </Heading>
        <Paragraph>{t.barrierText}</Paragraph>
        <Paragraph>
          <Link href="/belemmering-melden">{t.barrierLink}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="gemeenten" class="cl-section">
        <Heading level={2} id="gemeenten">
          {t.municipalities} ({model.municipalities.length})
        </Heading>
        <ul class="utrecht-unordered-list cl-multicolumn">
          {model.municipalities.map((municipality) => (
            <li class="utrecht-unordered-list__item" id={municipality.code}>
              {municipality.highlighted ? <strong>{municipality.name}</strong> : municipality.name}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
};
