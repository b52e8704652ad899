import { plural } from "../../../i18n/index.js";
import { ErrorSummary, Heading, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { ExampleCardModel } from "../knowledge.presenters.js";
import { ExampleCards } from "./example-cards.js";
import { FilterForm, SelectField, type SelectGroup, type SelectOption } from "./filter-fields.js";

export type ExamplesPageModel = {
  query: { q?: string; sector?: string; strategie?: string; regio?: string };
  sectorOptions: SelectOption[];
  strategyOptions: SelectOption[];
  areaGroups: SelectGroup[];
  examples: ExampleCardModel[];
  total: number;
  problems: FieldProblem[];
};

/** /voorbeelden: search and filter the practice examples; a plain GET form that works without JavaScript. */
export const ExamplesPage = ({ page, model }: { page: PageContext; model: ExamplesPageModel }) => {
  const t = knowledgeMessages[page.lang];
  const error = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  const filtered = Object.values(model.query).some(Boolean);
  return (
    <Layout page={page} title={t.examplesTitle} current="examples">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.examplesTitle}</Heading>
      <Paragraph lead>{t.examplesIntro}</Paragraph>
      <FilterForm
        action="/voorbeelden"
        lang={page.lang}
        searchHint={t.searchHint}
        searchValue={model.query.q}
        clearHref={filtered ? "/voorbeelden" : undefined}
      >
        <SelectField
          id="sector"
          label={t.sectorLabel}
          anyLabel={t.anyOption}
          value={model.query.sector}
          options={model.sectorOptions}
          error={error("sector")}
        />
        <SelectField
          id="strategie"
          label={t.strategyLabel}
          anyLabel={t.anyOption}
          value={model.query.strategie}
          options={model.strategyOptions}
          error={error("strategie")}
        />
        <SelectField
          id="regio"
          label={t.areaLabel}
          anyLabel={t.anyOption}
          value={model.query.regio}
          groups={model.areaGroups}
          error={error("regio")}
        />
      </FilterForm>
      <section aria-labelledby="resultaten" class="cl-section">
        <Heading level={2} id="resultaten">
          {plural(page.lang, model.total, t.examplesCount)}
        </Heading>
        {model.examples.length === 0 ? (
          <Paragraph>{t.noExamples}</Paragraph>
        ) : (
          <ExampleCards examples={model.examples} lang={page.lang} headingLevel={3} />
        )}
      </section>
    </Layout>
  );
};
