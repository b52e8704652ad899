import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import { catalogueInstruments, catalogueOrganizations } from "./catalogue.tables.js";
import type { FacetKey } from "./catalogue.vocabulary.js";

export type InstrumentRow = typeof catalogueInstruments.$inferSelect;
export type OrganizationRow = typeof catalogueOrganizations.$inferSelect;

/** One result line of the search page. */
export type InstrumentSummary = {
  id: string;
  ref_id: string;
  slug: string;
  name: { nl: string; en: string };
  summary: { nl: string; en: string };
  kind: string;
  status: string;
  coverage_level: string;
  coverage_codes: string[];
  window_open: string | null;
  window_close: string | null;
  last_verified: string;
  provider_name: string;
};

export type FacetCount = { facet: FacetKey; value: string; count: number };
export type SearchFilters = Partial<Record<FacetKey, string[]>> & { areaKeys?: string[] };
export type SortOrder = "relevance" | "newest" | "closing";

export type SearchSqlInput = {
  lang: Lang;
  /** to_tsquery texts, one per term; empty when there is no query. */
  terms: string[];
  minimumMatch: number;
  filters: SearchFilters;
  sort: SortOrder;
  limit: number;
  offset: number;
  withFacets: boolean;
  today: string;
  includeSynthetic?: boolean;
};

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

const STATUS_ORDER = sql.raw(
  "case i.status when 'open' then 0 when 'doorlopend' then 1 when 'overtekend' then 2 when 'gesloten' then 3 else 4 end",
);

/** Reads and searches the catalogue; every search is one SQL round trip, facets included (ADR 0011). */
export function createCatalogueRepository(db: Database) {
  return {
    async search(input: SearchSqlInput) {
      const config = sql.raw(input.lang === "en" ? "'cl_english'::regconfig" : "'cl_dutch'::regconfig");
      const vector = sql.raw(input.lang === "en" ? "i.search_en" : "i.search_nl");
      const queries = input.terms.map((text) => sql`to_tsquery(${config}, ${text})`);
      const any = queries.length ? sql.join(queries, sql` || `) : undefined;
      const matched = queries.length
        ? sql.join(
            queries.map((query) => sql`(${vector} @@ ${query})::int`),
            sql` + `,
          )
        : sql`0`;
      const conditions: SQL[] = [];
      // All terms required (the usual case of one or two words): one tsquery the GIN index answers on its own,
      // without evaluating every term per row.
      const requireAll = queries.length > 0 && input.minimumMatch >= queries.length;
      if (requireAll) conditions.push(sql`${vector} @@ (${sql.join(queries, sql` && `)})`);
      else if (any) conditions.push(sql`${vector} @@ (${any})`, sql`(${matched}) >= ${input.minimumMatch}`);
      if (!input.includeSynthetic) conditions.push(sql`not i.synthetic`);
      if (input.filters.areaKeys?.length)
        conditions.push(sql`i.coverage_keys && ${textArray(input.filters.areaKeys)}`);
      const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
      const f = input.filters;
      const facetMatch = {
        journey_step: f.journey_step?.length
          ? sql`i.journey_steps && ${textArray(f.journey_step)}`
          : sql`true`,
        phase: f.phase?.length ? sql`i.phases && ${textArray(f.phase)}` : sql`true`,
        theme: f.theme?.length ? sql`i.themes && ${textArray(f.theme)}` : sql`true`,
        kind: f.kind?.length ? sql`i.kind = any(${textArray(f.kind)})` : sql`true`,
        status: f.status?.length ? sql`i.status = any(${textArray(f.status)})` : sql`true`,
        coverage: f.coverage?.length ? sql`i.coverage_level = any(${textArray(f.coverage)})` : sql`true`,
      };
      const nameKey = input.lang;
      // Rank only when it orders the results; ts_rank reads each matched row's whole vector.
      const rank =
        !any || input.sort !== "relevance"
          ? sql`0::float8`
          : requireAll
            ? sql`ts_rank(${vector}, ${any})`
            : sql`(${matched})::float8 + ts_rank(${vector}, ${any})`;
      const order =
        input.sort === "newest"
          ? sql.raw(`coalesce(b.window_open, b.last_verified) desc, b.name->>'${nameKey}'`)
          : input.sort === "closing"
            ? sql`case when b.window_close >= ${input.today}::date then 0 else 1 end, b.window_close asc nulls last, b.status_order, b.name->>${nameKey}`
            : sql.raw(`b.rank desc, b.status_order, b.name->>'${nameKey}'`);
      const all = sql.raw("m_journey_step and m_phase and m_theme and m_kind and m_status and m_coverage");
      const except = (facet: FacetKey) =>
        sql.raw(
          ["journey_step", "phase", "theme", "kind", "status", "coverage"]
            .filter((key) => key !== facet)
            .map((key) => `m_${key}`)
            .join(" and "),
        );
      const facets = input.withFacets
        ? sql`(select coalesce(json_agg(f), '[]'::json) from (
            select 'journey_step' as facet, v as value, count(*)::int as count from base, unnest(journey_steps) v where ${except("journey_step")} group by v
            union all select 'phase', v, count(*)::int from base, unnest(phases) v where ${except("phase")} group by v
            union all select 'theme', v, count(*)::int from base, unnest(themes) v where ${except("theme")} group by v
            union all select 'kind', kind, count(*)::int from base where ${except("kind")} group by kind
            union all select 'status', status, count(*)::int from base where ${except("status")} group by status
            union all select 'coverage', coverage_level, count(*)::int from base where ${except("coverage")} group by coverage_level
          ) f)`
        : sql`'[]'::json`;
      type Row = { total: number; items: InstrumentSummary[]; facets: FacetCount[] };
      const statement = sql`with base as (
          select i.id, i.journey_steps, i.phases, i.themes, i.kind, i.status, i.coverage_level, i.name,
            i.window_open, i.window_close, i.last_verified, ${STATUS_ORDER} as status_order, ${rank} as rank,
            ${facetMatch.journey_step} as m_journey_step, ${facetMatch.phase} as m_phase, ${facetMatch.theme} as m_theme,
            ${facetMatch.kind} as m_kind, ${facetMatch.status} as m_status, ${facetMatch.coverage} as m_coverage
          from catalogue_instruments i ${where}
        )
        select
          (select count(*)::int from base where ${all}) as total,
          (select coalesce(json_agg(p), '[]'::json) from (
            select i.id, i.ref_id, i.slug, i.name, i.summary, i.kind, i.status, i.coverage_level, i.coverage_codes,
              i.window_open, i.window_close, i.last_verified, o.name as provider_name
            from (select b.id, row_number() over (order by ${order}) as position from base b where ${all}
                  order by ${order} limit ${input.limit} offset ${input.offset}) page
            join catalogue_instruments i on i.id = page.id
            join catalogue_organizations o on o.id = i.organization_id
            order by page.position
          ) p) as items,
          ${facets} as facets`;
      // The planner underestimates reading TOASTed tsvectors and picks a sequential scan over all of them (measured
      // ≈ 4× slower at 10k rows, ADR 0011); for a text search the GIN index is always the better path.
      const [row] = any
        ? await db.transaction(async (tx) => {
            await tx.execute(sql`set local enable_seqscan = off`);
            return queryRows<Row>(tx as unknown as Database, statement);
          })
        : await queryRows<Row>(db, statement);
      return { total: row?.total ?? 0, items: row?.items ?? [], facets: row?.facets ?? [] };
    },

    /** Words in the index that look like a mistyped word (pg_trgm), best first. */
    async similarWords(words: string[]): Promise<Map<string, string[]>> {
      const found = new Map<string, string[]>();
      if (words.length === 0) return found;
      const rows = await queryRows<{ source: string; word: string }>(
        db,
        sql`select q.word as source, w.word from unnest(${textArray(words)}) as q(word)
          cross join lateral (
            select s.word from catalogue_search_words s
            where q.word <% s.word and abs(length(s.word) - length(q.word)) <= 3
            order by similarity(q.word, s.word) desc, s.documents desc limit 2
          ) w`,
      );
      for (const row of rows) found.set(row.source, [...(found.get(row.source) ?? []), row.word]);
      return found;
    },

    listWords: async () =>
      (await queryRows<{ word: string }>(db, sql`select word from catalogue_search_words`)).map(
        (row) => row.word,
      ),

    findInstrument: async (key: { slug?: string; refId?: string; id?: string }) => {
      const condition = key.id
        ? eq(catalogueInstruments.id, key.id)
        : key.refId
          ? eq(catalogueInstruments.refId, key.refId)
          : eq(catalogueInstruments.slug, key.slug ?? "");
      const [row] = await db.select().from(catalogueInstruments).where(condition).limit(1);
      return row;
    },

    listInstruments: async (options: { ids?: string[]; includeSynthetic?: boolean } = {}) => {
      const query = db.select().from(catalogueInstruments);
      if (options.ids) {
        if (options.ids.length === 0) return [];
        return query.where(inArray(catalogueInstruments.id, options.ids));
      }
      return options.includeSynthetic
        ? query.orderBy(asc(catalogueInstruments.refId))
        : query.where(eq(catalogueInstruments.synthetic, false)).orderBy(asc(catalogueInstruments.refId));
    },

    listOrganizations: async (options: { includeSynthetic?: boolean } = {}) => {
      const query = db.select().from(catalogueOrganizations);
      return options.includeSynthetic
        ? query.orderBy(asc(catalogueOrganizations.name))
        : query.where(eq(catalogueOrganizations.synthetic, false)).orderBy(asc(catalogueOrganizations.name));
    },

    findOrganization: async (id: string) =>
      (await db.select().from(catalogueOrganizations).where(eq(catalogueOrganizations.id, id)).limit(1))[0],

    /** Instruments that share a theme or journey step with the given one, most overlap first. */
    related: async (row: InstrumentRow, limit: number) =>
      queryRows<{ slug: string; name: { nl: string; en: string }; status: string }>(
        db,
        sql`select slug, name, status from catalogue_instruments i
          where i.id <> ${row.id} and not i.synthetic
            and (i.themes && ${textArray(row.themes.length ? row.themes : [""])} or i.journey_steps && ${textArray(row.journeySteps)})
          order by (select count(*) from unnest(i.themes) t where t = any(${textArray(row.themes.length ? row.themes : [""])}))
            + (select count(*) from unnest(i.journey_steps) s where s = any(${textArray(row.journeySteps)})) desc,
            ${STATUS_ORDER}, i.slug
          limit ${limit}`,
      ),
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
