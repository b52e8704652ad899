import { Hono } from "hono";
import { readDataCsv } from "../../db/data-files.js";
import { format, formatDate, formatEuro, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { notFound } from "../../web/errors.js";
import { pageContext, renderPage } from "../../web/render.js";
import { alertSubscribeHref } from "../alerts/index.js";
import {
  checkPlaceField,
  type Geography,
  municipalityPickerOptions,
  placeChoiceParam,
} from "../regions/index.js";
import { type CardNames, cardFactsOfRow, presentCard } from "./catalogue.card.js";
import { catalogueMessages } from "./catalogue.messages.js";
import { MAX_QUERY_LENGTH } from "./catalogue.query.js";
import type { InstrumentRow } from "./catalogue.repository.js";
import type { CatalogueService } from "./catalogue.service.js";
import { formatExpected, isStale } from "./catalogue.status.js";
import { FACETS, type FacetKey, label } from "./catalogue.vocabulary.js";
import { ComparePage, type ComparePageModel, MAX_COMPARED } from "./views/compare-page.js";
import { InstrumentPage, type InstrumentPageModel } from "./views/instrument-page.js";
import { ProfilePage } from "./views/profile-page.js";
import { SearchPage, type SearchPageModel } from "./views/search-page.js";

const PER_PAGE = 20;
const SORTS = ["relevance", "newest", "closing"] as const;

/** A search that found nothing usable (ADR 0094), as the monitor's demand log takes it: codes only. */
export type UnmetSearchDemand = { regionCode: string; step: string; phase: string | null };

/** /aanbod (search with facets), /aanbod/{slug} (one instrument) and /api/profile (the API profile page). */
export function catalogueRoutes({
  service,
  geography,
  recordUnmetDemand,
}: {
  service: CatalogueService;
  geography: Geography;
  /**
   * Unmet demand (ADR 0094): a search for a place and one journey step, without a status filter, whose results hold
   * nothing open or doorlopend. The composition root wires the monitoring module's demand log (once per visitor).
   */
  recordUnmetDemand?: (c: AppContext, demand: UnmetSearchDemand) => Promise<void>;
}) {
  // One list for every request: the picker renders its 342 options once per list (regions/views/municipality-picker).
  const municipalityOptions = municipalityPickerOptions(geography);
  const cardNames = sbiCardNames(geography);
  return new Hono<AppEnv>()
    .get("/aanbod", async (c) => {
      const lang = c.get("lang");
      const t = catalogueMessages[lang];
      const url = new URL(c.req.url);
      const params = url.searchParams;
      const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
      const sortParam = params.get("sort");
      const sort = (SORTS as readonly string[]).includes(sortParam ?? "")
        ? (sortParam as (typeof SORTS)[number])
        : "relevance";
      const pageNumber = Math.min(10_000, Math.max(1, Number.parseInt(params.get("pagina") ?? "1", 10) || 1));
      // Unknown facet values in a hand-edited address are dropped rather than failing the page.
      const filters: Partial<Record<FacetKey, string[]>> = {};
      for (const facet of FACETS) {
        const values = params
          .getAll(facet.param)
          .filter((value) => (facet.values as readonly string[]).includes(value));
        if (values.length) filters[facet.key] = [...new Set(values)];
      }
      const typed = (params.get("gemeente") ?? "").trim();
      const place = typed
        ? checkPlaceField(
            geography,
            lang,
            "gemeente",
            typed,
            params.get(placeChoiceParam("gemeente")) ?? undefined,
          )
        : undefined;
      const municipality = place?.ok ? place.municipality : undefined;
      const problems = place && !place.ok ? [{ field: "gemeente", message: place.problem }] : [];
      const result = await service.search({
        q,
        lang,
        filters,
        municipality: municipality?.code,
        sort,
        page: pageNumber,
        perPage: PER_PAGE,
        facets: true,
      });

      const state = { q, gemeente: municipality?.code ?? typed, sort, filters, lang: params.get("lang") };
      const href = (changes: {
        filters?: Partial<Record<FacetKey, string[]>>;
        page?: number;
        gemeente?: string;
        q?: string;
      }) =>
        searchHref({
          ...state,
          ...changes,
          filters: changes.filters ?? state.filters,
          page: changes.page ?? 1,
        });
      const toggle = (key: FacetKey, value: string) => {
        const current = filters[key] ?? [];
        const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
        return href({ filters: { ...filters, [key]: next } });
      };
      const counts = new Map(result.facets.map((f) => [`${f.facet}:${f.value}`, f.count]));
      const steps = filters.journey_step ?? [];
      const usable = (counts.get("status:open") ?? 0) + (counts.get("status:doorlopend") ?? 0);
      if (recordUnmetDemand && municipality && steps.length === 1 && !filters.status?.length && usable === 0)
        try {
          await recordUnmetDemand(c, {
            regionCode: municipality.regionCode,
            step: steps[0]!,
            phase: filters.phase?.length === 1 ? filters.phase[0]! : null,
          });
        } catch (error) {
          c.get("logger").warn({ err: error }, "unmet demand of a search not recorded");
        }
      const facets = FACETS.map((facet) => ({
        key: facet.key,
        title: t.facetNames[facet.key],
        values: facet.values
          .map((value) => ({
            value,
            label: label(facet.key, value, lang),
            count: counts.get(`${facet.key}:${value}`) ?? 0,
            selected: filters[facet.key]?.includes(value) ?? false,
            href: toggle(facet.key, value),
          }))
          .filter((value) => value.count > 0 || value.selected),
      }));
      const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
      const anyFilter = Object.values(filters).some((values) => values?.length) || Boolean(municipality);
      const suggestions: SearchPageModel["suggestions"] = [];
      if (result.total === 0) {
        if (q) suggestions.push({ text: t.emptyCheckSpelling });
        for (const facet of FACETS)
          for (const value of filters[facet.key] ?? [])
            suggestions.push({
              text: format(t.emptyRemoveFilter, {
                filter: `${t.facetNames[facet.key]}: ${label(facet.key, value, lang)}`,
              }),
              href: toggle(facet.key, value),
            });
        if (municipality)
          suggestions.push({
            text: format(t.emptyRemoveMunicipality, { name: municipality.name }),
            href: href({ gemeente: "" }),
          });
        suggestions.push({ text: t.emptyShowAll, href: searchHref({ lang: state.lang }) });
      }
      const model: SearchPageModel = {
        q,
        gemeente: municipality?.name ?? typed,
        sort,
        municipalityName: municipality?.name,
        problems,
        municipalities: municipalityOptions,
        municipalityChoice: place && !place.ok ? place.choice : undefined,
        total: result.total,
        page: pageNumber,
        pages,
        relaxed: result.relaxed,
        results: result.items.map((item) =>
          presentCard(
            {
              refId: item.ref_id,
              slug: item.slug,
              name: item.name,
              summary: item.summary,
              kind: item.kind,
              providerName: item.provider_name,
              amountMin: item.amount_min,
              amountMax: item.amount_max,
              percentage: item.percentage,
              sizeClasses: item.size_classes,
              sbiSections: item.sbi_sections,
              sbiDivisions: item.sbi_divisions,
              coverage: { level: item.coverage_level, codes: item.coverage_codes },
              status: item.status,
              windowClose: item.window_close,
              expected: item.expected,
              lastVerified: item.last_verified,
              // Decided when the index was built for today (catalogue.search-index.ts), not per result line.
              stale: item.stale,
              howToApply: item.how_to_apply,
              website: item.website,
            },
            lang,
            cardNames,
          ),
        ),
        facets,
        hiddenFields: FACETS.flatMap((facet) =>
          (filters[facet.key] ?? []).map((value) => ({ name: facet.param, value })),
        ),
        clearHref: anyFilter ? searchHref({ q, sort, lang: state.lang }) : undefined,
        suggestions,
        previousHref: pageNumber > 1 ? href({ page: pageNumber - 1 }) : undefined,
        nextHref: pageNumber < pages ? href({ page: pageNumber + 1 }) : undefined,
      };
      return renderPage(c, <SearchPage page={pageContext(c)} model={model} />, problems.length ? 400 : 200);
    })
    .get("/aanbod/vergelijk", async (c) => {
      // Registered before /aanbod/:slug, which would take "vergelijk" for a slug.
      const lang = c.get("lang");
      const asked = [
        ...new Set(
          new URL(c.req.url).searchParams
            .getAll("id")
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ];
      const chosen = asked.slice(0, MAX_COMPARED);
      const today = service.today();
      const found = await Promise.all(
        chosen.map(async (id) => {
          if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) return undefined;
          const row = (await service.findByRefId(id)) ?? (await service.findBySlug(id));
          if (!row || (row.synthetic && !service.includeSynthetic)) return undefined;
          const organization = await service.findOrganization(row.organizationId);
          return presentCard(
            cardFactsOfRow(
              row,
              { name: organization?.name ?? "", website: organization?.website },
              isStale(row.lastVerified, today),
            ),
            lang,
            cardNames,
          );
        }),
      );
      const cards = found.filter((card) => card !== undefined);
      const model: ComparePageModel = {
        cards,
        asked: asked.length,
        unknown: chosen.length - cards.length,
        backHref: "/aanbod",
      };
      return renderPage(c, <ComparePage page={pageContext(c)} model={model} />);
    })
    .get("/aanbod/:slug", async (c) => {
      const slug = c.req.param("slug");
      if (!/^[a-z0-9][a-z0-9-]{1,99}$/.test(slug)) throw notFound("instrument");
      const row = await service.findBySlug(slug);
      if (!row) {
        // Links by ref_id (for example from the regions page) lead to the instrument's page.
        const byRef = await service.findByRefId(slug);
        if (byRef && !byRef.synthetic)
          return c.redirect(`/aanbod/${byRef.slug}${new URL(c.req.url).search}`, 301);
        throw notFound("instrument");
      }
      if (row.synthetic && !service.includeSynthetic) throw notFound("instrument");
      return renderPage(
        c,
        <InstrumentPage page={pageContext(c)} model={await instrumentModel(c, row, service, geography)} />,
      );
    })
    .get("/api/profile", (c) => renderPage(c, <ProfilePage page={pageContext(c)} />));
}

function searchHref(state: {
  q?: string;
  gemeente?: string;
  sort?: string;
  filters?: Partial<Record<FacetKey, string[]>>;
  page?: number;
  lang?: string | null;
}): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.gemeente) params.set("gemeente", state.gemeente);
  for (const facet of FACETS)
    for (const value of state.filters?.[facet.key] ?? []) params.append(facet.param, value);
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  if (state.page && state.page > 1) params.set("pagina", String(state.page));
  if (state.lang) params.set("lang", state.lang);
  const query = params.toString();
  return query ? `/aanbod?${query}` : "/aanbod";
}

/** Sector names (SBI 2008 sections and divisions, Dutch and English) and place names for the cards, read once. */
export function sbiCardNames(geography: Geography): CardNames {
  const names = new Map<string, { nl: string; en: string }>();
  for (const row of readDataCsv("reference/sbi_sections.csv"))
    names.set(row.section!, { nl: row.name_nl!, en: row.name_en_nace_rev2! });
  for (const row of readDataCsv("reference/sbi_divisions.csv"))
    names.set(row.division!, { nl: row.name_nl!, en: row.name_nl! });
  for (const row of readDataCsv("reference/sbi2025_sections_divisions.csv"))
    if (row.level === "division" && names.has(row.code!))
      names.set(row.code!, { nl: names.get(row.code!)!.nl, en: row.name_en! });
  return {
    sectorName: (code, lang) => names.get(code)?.[lang],
    placeName: (code) =>
      geography.province(code)?.name ??
      geography.region(code)?.name ??
      geography.municipality(code)?.name ??
      code,
  };
}

async function instrumentModel(
  c: AppContext,
  row: InstrumentRow,
  service: CatalogueService,
  geography: Geography,
): Promise<InstrumentPageModel> {
  const lang = c.get("lang");
  const t = catalogueMessages[lang];
  const today = service.today();
  const [organization, related] = await Promise.all([
    service.findOrganization(row.organizationId),
    service.related(row, 4),
  ]);
  const money: InstrumentPageModel["money"] = [];
  if (row.amountMin !== null) money.push({ label: t.amountMin, value: formatEuro(row.amountMin, lang) });
  if (row.amountMax !== null) money.push({ label: t.amountMax, value: formatEuro(row.amountMax, lang) });
  if (row.percentage !== null) money.push({ label: t.percentage, value: `${row.percentage}%` });
  if (row.pot !== null)
    money.push({
      label: row.potYear ? format(t.potYear, { year: row.potYear }) : t.pot,
      value: formatEuro(row.pot, lang),
    });
  if (row.allocation) money.push({ label: t.allocation, value: label("allocation", row.allocation, lang) });
  const places =
    row.coverageLevel === "national" || row.coverageLevel === "eu"
      ? []
      : row.coverageCodes.map(
          (code) =>
            geography.province(code)?.name ??
            geography.region(code)?.name ??
            geography.municipality(code)?.name ??
            code,
        );
  return {
    name: pick(row.name, lang),
    summary: pick(row.summary, lang),
    description: pick(row.description, lang),
    audience: pick(row.audience, lang),
    sizeClasses: row.sizeClasses.map((value) => label("size_class", value, lang)),
    phases: row.phases.map((value) => label("phase", value, lang)),
    consortiumRules: row.consortiumRules ? pick(row.consortiumRules, lang) : undefined,
    benefit: pick(row.benefit, lang),
    money,
    conditions: pick(row.conditions, lang),
    status: row.status,
    statusLabel: label("status", row.status, lang),
    statusNote: row.statusNote ? pick(row.statusNote, lang) : undefined,
    // "Houd me op de hoogte" (ADR 0092): when it opens, or when its deadline nears; not for a scheme without rounds.
    alertsHref: ["open", "verwacht", "gesloten"].includes(row.status)
      ? alertSubscribeHref({ instrument: row.refId }, lang)
      : undefined,
    windowOpen: row.windowOpen ? formatDate(row.windowOpen, lang) : undefined,
    windowClose: row.windowClose ? formatDate(row.windowClose, lang) : undefined,
    certainty: row.certainty ? pick(row.certainty, lang) : undefined,
    lastVerified: formatDate(row.lastVerified, lang),
    staleNotice: isStale(row.lastVerified, today)
      ? format(t.staleNotice, { date: formatDate(row.lastVerified, lang) })
      : undefined,
    expected:
      row.status === "verwacht"
        ? {
            window: row.expected
              ? format(t.expectedWindow, { month: formatExpected(row.expected, lang) })
              : t.expectedUnknown,
            advice: t.prepareNow,
          }
        : undefined,
    pastWindows: row.pastWindows.map((window) =>
      window.close
        ? `${formatDate(window.open, lang)} – ${formatDate(window.close, lang)}`
        : formatDate(window.open, lang),
    ),
    reach: row.reach ? { text: pick(row.reach, lang), source: row.reach.source } : undefined,
    generalFinance: row.generalFinance,
    howToApply: pick(row.howToApply, lang),
    website: row.website ?? undefined,
    provider: {
      name: organization?.name ?? "",
      description: organization ? pick(organization.description, lang) : "",
      website: organization?.website ?? undefined,
      email: organization?.email ?? undefined,
      phone: organization?.phone ?? undefined,
    },
    partners: row.partners,
    coverageText:
      row.coverageLevel === "national"
        ? t.nationalCoverage
        : row.coverageLevel === "eu"
          ? t.euCoverage
          : label("coverage", row.coverageLevel, lang),
    places,
    journeySteps: row.journeySteps.map((value) => label("journey_step", value, lang)),
    themes: row.themes.map((value) => label("theme", value, lang)),
    rStrategies: row.rStrategies,
    evidence: row.evidence ? { text: pick(row.evidence, lang), source: row.evidence.source } : undefined,
    related: related.map((item) => ({
      slug: item.slug,
      name: pick(item.name, lang),
      status: item.status,
      statusLabel: label("status", item.status, lang),
    })),
  };
}
