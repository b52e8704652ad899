import { format, type Lang, plural } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { MeasureModel, MeasurePackageModel } from "../knowledge.presenters.js";
import { LinkList } from "./filter-fields.js";
import { SourceLink } from "./source-list.js";

/** One measure with its facts; the id lets roadmaps link straight to it. */
export const MeasureCard = ({
  measure,
  lang,
  headingLevel,
  from,
}: {
  measure: MeasureModel;
  lang: Lang;
  headingLevel: 3 | 4;
  /** In search results: a link to the measure in its package. */
  from?: { href: string; text: string };
}) => {
  const t = knowledgeMessages[lang];
  return (
    <li class="cl-card" id={from ? undefined : measure.code}>
      <Heading level={headingLevel}>{measure.title}</Heading>
      {from ? (
        <Paragraph small>
          <a class="utrecht-link utrecht-link--html-a" href={from.href}>
            {from.text}
          </a>
        </Paragraph>
      ) : null}
      <Paragraph>{measure.description}</Paragraph>
      <dl class="cl-facts">
        <dt>{t.strategy}</dt>
        <dd>{measure.strategy}</dd>
        <dt>{t.horizonLabel}</dt>
        <dd>{measure.horizon}</dd>
        <dt>{t.theme}</dt>
        <dd>{measure.theme}</dd>
        <dt>{t.cost}</dt>
        <dd>
          {measure.costEstimated ? `${measure.cost} (${t.costEstimate})` : measure.cost}
          {measure.costIndication ? (
            <>
              <br />
              {measure.costIndication}
            </>
          ) : null}
        </dd>
        <dt>{t.benefit}</dt>
        <dd>
          {measure.benefit}
          {measure.benefitIndication ? (
            <>
              <br />
              {measure.benefitIndication}
            </>
          ) : null}
        </dd>
        <dt>{t.difficulty}</dt>
        <dd>{measure.difficulty}</dd>
        <dt>{plural(lang, measure.sources.length, t.sourcesLabel)}</dt>
        <dd>
          <ul class="cl-plain-list">
            {measure.sources.map((source) => (
              <li>
                {source.supports}: <SourceLink source={source} pageLang={lang} />
                {source.date ? ` (${source.date})` : null}
              </li>
            ))}
          </ul>
        </dd>
        {measure.instruments.length ? (
          <>
            <dt>{t.instruments}</dt>
            <dd>
              <LinkList links={measure.instruments} />
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
};

/**
 * For the route page: the measure package of the company's sector (from measurePackageForSector, mapped with
 * toMeasurePackageModel), showing the short-term measures and a link to the whole package.
 */
export const MeasurePackagePanel = ({
  model,
  lang,
  headingLevel = 2,
}: {
  model: MeasurePackageModel;
  lang: Lang;
  headingLevel?: 2 | 3;
}) => {
  const t = knowledgeMessages[lang];
  const quickWins = model.horizons.find((horizon) => horizon.horizon === "kort");
  return (
    <section aria-labelledby="maatregelpakket" class="cl-section">
      <Heading level={headingLevel} id="maatregelpakket">
        {format(t.packageHeading, { name: model.name })}
      </Heading>
      <Paragraph>{model.intro}</Paragraph>
      {quickWins?.measures.length ? (
        <>
          <Heading level={headingLevel === 2 ? 3 : 4}>{quickWins.label}</Heading>
          <ul class="utrecht-unordered-list">
            {quickWins.measures.map((measure) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`${model.href}#${measure.code}`}>{measure.title}</Link>{" "}
                <span class="cl-muted">
                  ({measure.strategy}; {t.cost.toLowerCase()}: {measure.cost.toLowerCase()}
                  {measure.costEstimated ? `, ${t.costEstimate}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Paragraph>
        <Link href={model.href}>{format(t.packageLink, { name: model.name })}</Link>
      </Paragraph>
    </section>
  );
};
