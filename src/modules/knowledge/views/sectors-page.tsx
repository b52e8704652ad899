import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { ExampleCardModel, MeasurePackageModel } from "../knowledge.presenters.js";
import { ExampleCards } from "./example-cards.js";
import { MeasureCard } from "./measure-package.js";

/** /sectoren: every sector measure package, with the roadmaps. */
export const SectorsPage = ({
  page,
  packages,
  roadmaps,
}: {
  page: PageContext;
  packages: MeasurePackageModel[];
  roadmaps: { href: string; text: string }[];
}) => {
  const t = knowledgeMessages[page.lang];
  return (
    <Layout page={page} title={t.sectorsTitle} current="sectors">
      <Heading level={1}>{t.sectorsTitle}</Heading>
      <Paragraph lead>{t.sectorsIntro}</Paragraph>
      <ul class="cl-plain-list cl-card-list">
        {packages.map((item) => (
          <li class="cl-card">
            <Heading level={2}>
              <Link href={item.href}>{item.name}</Link>
            </Heading>
            <Paragraph>{item.intro}</Paragraph>
            <Paragraph small>
              {format(t.measuresCount, { count: item.measureCount })} · {t.sbiCodes}: {item.sbiCodes}
            </Paragraph>
          </li>
        ))}
      </ul>
      <section aria-labelledby="routekaarten" class="cl-section">
        <Heading level={2} id="routekaarten">
          {t.roadmapsTitle}
        </Heading>
        <Paragraph>{t.roadmapsIntro}</Paragraph>
        <ul class="utrecht-unordered-list">
          {roadmaps.map((roadmap) => (
            <li class="utrecht-unordered-list__item">
              <Link href={roadmap.href}>{roadmap.text}</Link>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
};

/** /sectoren/{slug}: one package, its measures per decision horizon, its roadmap and examples. */
export const SectorPage = ({
  page,
  model,
  examples,
}: {
  page: PageContext;
  model: MeasurePackageModel;
  examples: ExampleCardModel[];
}) => {
  const t = knowledgeMessages[page.lang];
  return (
    <Layout page={page} title={model.name} current="sectors">
      <Paragraph>
        <Link href="/sectoren">{t.allSectors}</Link>
      </Paragraph>
      <Heading level={1}>{model.name}</Heading>
      <Paragraph lead>{model.intro}</Paragraph>
      <Paragraph small>
        {t.sbiCodes}: {model.sbiCodes}
      </Paragraph>
      {model.roadmaps.length ? (
        <section aria-labelledby="routekaart" class="cl-card cl-section">
          <Heading level={2} id="routekaart">
            {t.roadmapForSector}
          </Heading>
          <ul class="cl-plain-list">
            {model.roadmaps.map((roadmap) => (
              <li>
                <Link href={roadmap.href}>{roadmap.text}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {model.horizons.map((horizon) => (
        <section aria-labelledby={`termijn-${horizon.horizon}`} class="cl-section">
          <Heading level={2} id={`termijn-${horizon.horizon}`}>
            {horizon.label}
          </Heading>
          {horizon.measures.length === 0 ? (
            <Paragraph>{t.noMeasuresInHorizon}</Paragraph>
          ) : (
            <ul class="cl-plain-list cl-card-list">
              {horizon.measures.map((measure) => (
                <MeasureCard measure={measure} lang={page.lang} headingLevel={3} />
              ))}
            </ul>
          )}
        </section>
      ))}
      {examples.length ? (
        <section aria-labelledby="voorbeelden" class="cl-section">
          <Heading level={2} id="voorbeelden">
            {t.examplesTitle}
          </Heading>
          <ExampleCards examples={examples} lang={page.lang} headingLevel={3} />
        </section>
      ) : null}
    </Layout>
  );
};
