import type { Lang } from "../../../i18n/index.js";
import { Heading, Link } from "../../../web/components.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { ExampleCardModel } from "../knowledge.presenters.js";

/** A list of practice examples as cards; headings start at the given level. */
export const ExampleCards = ({
  examples,
  lang,
  headingLevel = 2,
}: {
  examples: ExampleCardModel[];
  lang: Lang;
  headingLevel?: 2 | 3 | 4;
}) => {
  const t = knowledgeMessages[lang];
  return (
    <ul class="cl-plain-list cl-card-list">
      {examples.map((example) => (
        <li class="cl-card">
          <Heading level={headingLevel}>
            <Link href={example.href}>{example.title}</Link>
          </Heading>
          <dl class="cl-facts">
            <dt>{t.company}</dt>
            <dd>{example.company}</dd>
            <dt>{t.sector}</dt>
            <dd>{example.sectorName}</dd>
            {example.areaName ? (
              <>
                <dt>{t.area}</dt>
                <dd>{example.areaName}</dd>
              </>
            ) : null}
            <dt>{t.strategies}</dt>
            <dd>{example.strategies.join(", ")}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
};

/**
 * For the route page: practice examples from the company's sector (from examplesForSector), with a link to all
 * examples. Renders nothing when there are none.
 */
export const SectorExamplesPanel = ({
  examples,
  lang,
  headingLevel = 2,
}: {
  examples: ExampleCardModel[];
  lang: Lang;
  headingLevel?: 2 | 3;
}) => {
  if (examples.length === 0) return null;
  const t = knowledgeMessages[lang];
  // Say so when some examples come from a related sector (the same SBI section only): each card names its sector.
  const same = examples.filter((example) => example.sameSector !== false).length;
  const heading =
    same === examples.length
      ? t.examplesForSectorHeading
      : same > 0
        ? t.examplesForSectorAndRelatedHeading
        : t.examplesFromRelatedHeading;
  return (
    <section aria-labelledby="voorbeelden-sector" class="cl-section">
      <Heading level={headingLevel} id="voorbeelden-sector">
        {heading}
      </Heading>
      <ExampleCards examples={examples} lang={lang} headingLevel={headingLevel === 2 ? 3 : 4} />
      <p class="utrecht-paragraph">
        <Link href="/voorbeelden">{t.moreExamples}</Link>
      </p>
    </section>
  );
};
