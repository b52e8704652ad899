import { format, plural } from "../../../i18n/index.js";
import { Button, ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type MunicipalityOption, MunicipalityPicker, type PlaceChoiceModel } from "../../regions/index.js";
import type { InstrumentCardView } from "../catalogue.card.js";
import { catalogueMessages } from "../catalogue.messages.js";
import { CompareForm, InstrumentCard } from "./instrument-card.js";

export type FacetViewModel = {
  key: string;
  title: string;
  values: { value: string; label: string; count: number; selected: boolean; href: string }[];
};

export type SearchPageModel = {
  q: string;
  gemeente: string;
  sort: "relevance" | "newest" | "closing";
  municipalityName?: string;
  problems: FieldProblem[];
  municipalities: MunicipalityOption[];
  /** The municipalities a typed name can mean, or the suggestions for a typo. */
  municipalityChoice?: PlaceChoiceModel;
  total: number;
  page: number;
  pages: number;
  relaxed: boolean;
  /** One card per result, the same card the route shows (ADR 0088). */
  results: InstrumentCardView[];
  facets: FacetViewModel[];
  hiddenFields: { name: string; value: string }[];
  clearHref?: string;
  suggestions: { text: string; href?: string }[];
  previousHref?: string;
  nextHref?: string;
};

/** /aanbod: search form, facets with counts, results and pagination; every state is in the URL. */
export const SearchPage = ({ page, model }: { page: PageContext; model: SearchPageModel }) => {
  const t = catalogueMessages[page.lang];
  const municipalityError = model.problems.find((problem) => problem.field === "gemeente")?.message;
  const countText = model.q
    ? plural(page.lang, model.total, t.resultCountFor, { q: model.q })
    : plural(page.lang, model.total, t.resultCount);
  return (
    <Layout page={page} title={model.q ? `${model.q} – ${t.title}` : t.title} current="catalogue">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <form method="get" action="/aanbod" role="search" class="cl-catalogue-search" novalidate>
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="q">
              {t.searchLabel}
            </label>
          </div>
          <div class="utrecht-form-field__description utrecht-form-field-description" id="q-hint">
            {t.searchHint}
          </div>
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="q"
              name="q"
              type="search"
              value={model.q}
              maxlength={200}
              aria-describedby="q-hint"
              autocomplete="off"
            />
          </div>
        </div>
        <MunicipalityPicker
          id="gemeente"
          name="gemeente"
          label={t.municipalityLabel}
          hint={t.municipalityHint}
          value={model.gemeente}
          error={municipalityError}
          options={model.municipalities}
          choice={model.municipalityChoice}
        />
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="sort">
              {t.sortLabel}
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <select
              class="utrecht-select utrecht-select--html-select"
              id="sort"
              name="sort"
              data-module="auto-submit"
            >
              <option value="relevance" selected={model.sort === "relevance"}>
                {t.sortRelevance}
              </option>
              <option value="newest" selected={model.sort === "newest"}>
                {t.sortNewest}
              </option>
              <option value="closing" selected={model.sort === "closing"}>
                {t.sortClosing}
              </option>
            </select>
          </div>
        </div>
        {model.hiddenFields.map((field) => (
          <input type="hidden" name={field.name} value={field.value} />
        ))}
        <Button>{t.searchButton}</Button>
      </form>
      <div class="cl-catalogue">
        <section class="cl-catalogue__facets" aria-labelledby="filters-title">
          <Heading level={2} id="filters-title">
            {t.filtersTitle}
          </Heading>
          {model.clearHref ? (
            <Paragraph>
              <Link href={model.clearHref}>{t.clearFilters}</Link>
            </Paragraph>
          ) : null}
          {model.facets.map((facet) =>
            facet.values.length === 0 ? null : (
              <nav aria-labelledby={`facet-${facet.key}`} class="cl-facet">
                <Heading level={3} id={`facet-${facet.key}`}>
                  {facet.title}
                </Heading>
                <ul class="cl-plain-list">
                  {facet.values.map((value) => (
                    <li>
                      <a
                        class={`utrecht-link utrecht-link--html-a cl-facet__link${value.selected ? " cl-facet__link--selected" : ""}`}
                        href={value.href}
                        data-facet={`${facet.key}:${value.value}`}
                      >
                        {value.selected ? <span aria-hidden="true">✓ </span> : null}
                        {value.label} <span class="cl-muted">({value.count})</span>
                        {value.selected ? <span class="cl-visually-hidden">, {t.selected}</span> : null}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ),
          )}
        </section>
        <section class="cl-catalogue__results" aria-labelledby="results-title">
          <Heading level={2} id="results-title">
            {countText}
          </Heading>
          {model.municipalityName ? (
            <Paragraph>{format(t.inMunicipality, { name: model.municipalityName })}</Paragraph>
          ) : null}
          {model.relaxed ? <Paragraph>{t.relaxedNote}</Paragraph> : null}
          {model.total === 0 ? (
            <div class="cl-card" id="geen-resultaten">
              <Heading level={3}>{t.emptyTitle}</Heading>
              <Paragraph>{t.emptyIntro}</Paragraph>
              <ul class="utrecht-unordered-list">
                {model.suggestions.map((suggestion) => (
                  <li class="utrecht-unordered-list__item">
                    {suggestion.href ? (
                      <Link href={suggestion.href}>{suggestion.text}</Link>
                    ) : (
                      suggestion.text
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <CompareForm lang={page.lang} id="vergelijk">
              <ol class="cl-plain-list cl-results">
                {model.results.map((result, index) => (
                  <li class="cl-result">
                    <InstrumentCard card={result} lang={page.lang} id={`resultaat-${index + 1}`} compare />
                  </li>
                ))}
              </ol>
            </CompareForm>
          )}
          {model.pages > 1 ? (
            <nav aria-label={t.pagination} class="cl-pagination">
              {model.previousHref ? <Link href={model.previousHref}>{t.previous}</Link> : null}
              <span>{format(t.pageOf, { page: model.page, pages: model.pages })}</span>
              {model.nextHref ? <Link href={model.nextHref}>{t.next}</Link> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </Layout>
  );
};
