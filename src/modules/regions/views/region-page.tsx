import { format } from "../../../i18n/index.js";
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
