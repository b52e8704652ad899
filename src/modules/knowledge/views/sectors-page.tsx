import { format, plural } from "../../../i18n/index.js";
import { ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { ExampleCardModel, MeasureModel, MeasurePackageModel } from "../knowledge.presenters.js";
import { ExampleCards } from "./example-cards.js";
import { FilterForm, SelectField, type SelectOption } from "./filter-fields.js";
import { MeasureCard } from "./measure-package.js";

export type MeasureSearchModel = {
  query: { q?: string; strategie?: string; termijn?: string };
  strategyOptions: SelectOption[];
  horizonOptions: SelectOption[];
  problems: FieldProblem[];
  /** Present when the visitor searched or filtered. */
  results?: {
    measures: { measure: MeasureModel; packageName: string; packageHref: string }[];
    roadmaps: { href: string; text: string }[];
  };
};

/** /sectoren: search the measures of every package; every sector measure package, with the roadmaps. */
export const SectorsPage = ({
  page,
  packages,
  roadmaps,
  search,
}: {
  page: PageContext;
  packages: MeasurePackageModel[];
  roadmaps: { href: string; text: string }[];
  search: MeasureSearchModel;
}) => {
  const t = knowledgeMessages[page.lang];
  const error = (field: string) => search.problems.find((problem) => problem.field === field)?.message;
  const { results } = search;
  return (
    <Layout page={page} title={t.sectorsTitle} current="sectors">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={search.problems} />
      <Heading level={1}>{t.sectorsTitle}</Heading>
      <Paragraph lead>{t.sectorsIntro}</Paragraph>
      <FilterForm
        action="/sectoren"
        lang={page.lang}
        heading={t.measureSearchHeading}
        searchHint={t.measureSearchHint}
        searchValue={search.query.q}
        clearHref={results || search.problems.length ? "/sectoren" : undefined}
      >
        <SelectField
          id="strategie"
          label={t.strategyLabel}
          anyLabel={t.anyOption}
          value={search.query.strategie}
          options={search.strategyOptions}
          error={error("strategie")}
        />
        <SelectField
          id="termijn"
          label={t.horizonLabel}
          anyLabel={t.anyOption}
          value={search.query.termijn}
          options={search.horizonOptions}
          error={error("termijn")}
        />
      </FilterForm>
      {results ? (
        <section aria-labelledby="resultaten" class="cl-section">
          <Heading level={2} id="resultaten">
            {plural(page.lang, results.measures.length, t.measuresFound)}
          </Heading>
          {results.measures.length === 0 ? <Paragraph>{t.noMeasures}</Paragraph> : null}
          <ul class="cl-plain-list cl-card-list">
            {results.measures.map((result) => (
              <MeasureCard
                measure={result.measure}
                lang={page.lang}
                headingLevel={3}
                from={{
                  href: result.packageHref,
                  text: format(t.measureOfPackage, { name: result.packageName }),
                }}
              />
            ))}
          </ul>
          {results.roadmaps.length ? (
            <>
              <Heading level={3}>{t.roadmapsFound}</Heading>
              <ul class="utrecht-unordered-list">
                {results.roadmaps.map((roadmap) => (
                  <li class="utrecht-unordered-list__item">
                    <Link href={roadmap.href}>{roadmap.text}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <Heading level={2}>{t.packagesHeading}</Heading>
      <ul class="cl-plain-list cl-card-list">
        {packages.map((item) => (
          <li class="cl-card">
            <Heading level={3}>
              <Link href={item.href}>{item.name}</Link>
            </Heading>
            <Paragraph>{item.intro}</Paragraph>
            <Paragraph small>
              {plural(page.lang, item.measureCount, t.measuresCount)} · {t.sbiCodes}: {item.sbiCodes}
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
