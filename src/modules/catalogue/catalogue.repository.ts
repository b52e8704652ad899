import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import { STATUS_SORT_ORDER } from "../vocabulary/index.js";
import type { IndexRow } from "./catalogue.search-index.js";
import type { ExpectedWindow } from "./catalogue.status.js";
import { catalogueInstruments, catalogueOrganizations } from "./catalogue.tables.js";
import type { FacetKey } from "./catalogue.vocabulary.js";

// The search vectors stay in the database: only the search index reads them, as text (loadIndexRows).
const {
  searchNl: _searchNl,
  searchEn: _searchEn,
  ...instrumentColumns
} = getTableColumns(catalogueInstruments);
/** A stored instrument; `expected` is set once its status is taken as of today (statusOn, ADR 0079). */
export type InstrumentRow = Omit<typeof catalogueInstruments.$inferSelect, "searchNl" | "searchEn"> & {
  expected?: ExpectedWindow | null;
};
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
  /** The card's facts (ADR 0088). */
  amount_min: number | null;
  amount_max: number | null;
  percentage: number | null;
  size_classes: string[];
  sbi_sections: string[];
  sbi_divisions: string[];
  how_to_apply: { nl: string; en: string };
  website: string | null;
  /** For verwacht: the month the next round is expected to open (set when the index is built). */
  expected?: ExpectedWindow | null;
  /** Checked more than twelve months before the day the index was built for (set when the index is built). */
  stale?: boolean;
};

export type FacetCount = { facet: FacetKey; value: string; count: number };
export type SearchFilters = Partial<Record<FacetKey, string[]>> & { areaKeys?: string[] };
export type SortOrder = "relevance" | "newest" | "closing";

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

const STATUS_ORDER = sql.raw(
  `case i.status ${STATUS_SORT_ORDER.map((status, place) => `when '${status}' then ${place}`).join(" ")} else ${STATUS_SORT_ORDER.length} end`,
);

/** Reads the catalogue; searches are answered by the in-memory index built from what this loads (ADR 0067). */
export function createCatalogueRepository(db: Database) {
  return {
    /** The catalogue's revision: raised by a trigger at the commit of every write (migration 0006, ADR 0067). */
    revision: async () =>
      Number(
        (
          await queryRows<{ revision: string }>(
            db,
            sql`select revision::text as revision from catalogue_search_revision where id = 1`,
          )
        )[0]?.revision ?? 0,
      ),

    /** Every instrument with its result line, facet values and both search vectors as text, for the index. */
    loadIndexRows: () =>
      queryRows<IndexRow>(
        db,
        sql`select i.id, i.ref_id, i.slug, i.name, i.summary, i.kind, i.status, i.coverage_level, i.coverage_codes,
            i.coverage_keys, i.journey_steps, i.phases, i.themes, i.window_open::text as window_open,
            i.window_close::text as window_close, i.last_verified::text as last_verified, i.synthetic,
            i.recurrence, i.past_windows, i.amount_min, i.amount_max, i.percentage, i.size_classes,
            i.sbi_sections, i.sbi_divisions, i.how_to_apply, coalesce(i.website, o.website) as website,
            o.name as provider_name, i.search_nl::text as vector_nl, i.search_en::text as vector_en
          from catalogue_instruments i join catalogue_organizations o on o.id = i.organization_id
          order by i.ref_id`,
      ),

    /** Query texts stemmed by PostgreSQL's own configuration, as tsquery text (empty when only stopwords remain). */
    async stemQueries(lang: Lang, texts: string[]): Promise<Map<string, string>> {
      const config = sql.raw(lang === "en" ? "'cl_english'::regconfig" : "'cl_dutch'::regconfig");
      const rows = await queryRows<{ text: string; query: string }>(
        db,
        sql`select t as text, to_tsquery(${config}, t)::text as query from unnest(${textArray(texts)}) as t`,
      );
      return new Map(rows.map((row) => [row.text, row.query]));
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
      const [row] = await db.select(instrumentColumns).from(catalogueInstruments).where(condition).limit(1);
      return row;
    },

    listInstruments: async (options: { ids?: string[]; includeSynthetic?: boolean } = {}) => {
      const query = db.select(instrumentColumns).from(catalogueInstruments);
      if (options.ids) {
        if (options.ids.length === 0) return [];
        return query.where(inArray(catalogueInstruments.id, options.ids));
      }
      return options.includeSynthetic
        ? query.orderBy(asc(catalogueInstruments.refId))
        : query.where(eq(catalogueInstruments.synthetic, false)).orderBy(asc(catalogueInstruments.refId));
    },

    listOrganizations: async (options: { ids?: string[]; includeSynthetic?: boolean } = {}) => {
      const query = db.select().from(catalogueOrganizations);
      if (options.ids) {
        if (options.ids.length === 0) return [];
        return query.where(inArray(catalogueOrganizations.id, options.ids));
      }
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
