import { LRUCache } from "lru-cache";
import type { Database } from "../../db/client.js";
import type { Lang, Localised } from "../../i18n/index.js";
import type { Geography } from "../regions/index.js";
import type { CoverageLevel } from "../vocabulary/index.js";
import { type ImportInput, type ImportReport, importCatalogue } from "./catalogue.import.js";
import {
  createVocabulary,
  minimumMatch,
  planQuery,
  type Term,
  termToTsquery,
  type Vocabulary,
  withCorrections,
} from "./catalogue.query.js";
import {
  type CatalogueRepository,
  createCatalogueRepository,
  type FacetCount,
  type InstrumentRow,
  type InstrumentSummary,
  type SearchFilters,
  type SortOrder,
} from "./catalogue.repository.js";
import { buildSearchIndex, type SearchIndex } from "./catalogue.search-index.js";
import { type ExpectedWindow, isStale, type StatusInput, statusOn } from "./catalogue.status.js";
import { loadSynonyms, type Synonyms } from "./catalogue.synonyms.js";
import { parseTsquery, type QueryNode } from "./catalogue.tsquery.js";
import type { FacetKey } from "./catalogue.vocabulary.js";

const statusInputOf = (row: InstrumentRow): StatusInput => ({
  status: row.status,
  windowOpen: row.windowOpen,
  windowClose: row.windowClose,
  recurrence: row.recurrence,
  pastWindows: row.pastWindows,
});

export type SearchRequest = {
  q?: string;
  lang: Lang;
  filters?: Partial<Record<FacetKey, string[]>>;
  /** Available in this place: a CBS municipality (GM), province (PV) or RES region (ES) code. */
  municipality?: string;
  province?: string;
  region?: string;
  sort?: SortOrder;
  page?: number;
  perPage?: number;
  facets?: boolean;
};

export type SearchResult = {
  total: number;
  items: InstrumentSummary[];
  facets: FacetCount[];
  /** True when few instruments matched enough words and the search was widened to any word (best matches first). */
  relaxed: boolean;
  /** How many instruments matched enough of the words, before widening. */
  strictTotal: number;
  terms: Term[];
  page: number;
  perPage: number;
};

/**
 * An instrument as other modules match and rank it (the route engine, the monitor, the dossier's picker): the one
 * shape, written here by the catalogue that owns instruments. Fields a hand-made instrument (a test, a benchmark)
 * may leave out are optional; `listForMatching` always fills them.
 */
export type MatchableInstrument = {
  id: string;
  refId: string;
  slug: string;
  name: Localised;
  kind: string;
  journeySteps: string[];
  phases: string[];
  themes: string[];
  rStrategies: string[];
  /** SBI 2008 section letters the instrument is meant for; empty means every sector. */
  sbiSections: string[];
  /** SBI 2008 divisions that narrow a listed section to part of it (22 plastics within C); absent or empty: the
   * whole listed sections. */
  sbiDivisions?: string[];
  coverage: { level: CoverageLevel; codes: string[] };
  /** Size classes that may apply; empty means every size. */
  sizeClasses: string[];
  /** The status as of today (statusOn). */
  status: string;
  windowOpen?: string | null;
  /** Last day to apply (YYYY-MM-DD), when the instrument has a window. */
  windowClose: string | null;
  hasEvidence: boolean;
  providerName: string;
  /** The provider organisation's catalogue ref_id ("rvo"): auth organisations carry it as provider_id. */
  providerId?: string;
  /** For a verwacht scheme (between two rounds): the month its next round is expected to open. */
  expected?: ExpectedWindow | null;
  /** The day the listing was last checked (YYYY-MM-DD), HSDS assured_date. */
  lastVerified?: string;
  /** Checked more than twelve months ago: ranks below a fresh equal. */
  stale?: boolean;
  /** General SME finance (Qredits, BMKB-Groen, …), not circular support: never offered in a route (ADR 0079). */
  generalFinance?: boolean;
  /** The card's facts (ADR 0088): one line, the money fields, the application text and where to apply. */
  summary?: Localised;
  amountMin?: number | null;
  amountMax?: number | null;
  percentage?: number | null;
  howToApply?: Localised;
  /** The instrument's own page at the provider, else the provider's website. */
  website?: string | null;
};

const ORGANIZATION_NAMES_TTL_MS = 30_000;
const STEMMED_QUERIES_KEPT = 5_000;
const CORRECTIONS_KEPT = 2_000;
/** Fewer strict matches than this and the search also shows instruments that match some of the words. */
const WIDEN_BELOW = 5;

/** What one revision of the catalogue is searched with: the index, the known words and typo corrections found. */
type IndexedCatalogue = {
  revision: number;
  /** The day the statuses were taken for: a new day rebuilds the index, since a window may have opened or closed. */
  day: string;
  index: SearchIndex;
  vocabulary: Vocabulary;
  corrections: LRUCache<string, string[]>;
};

/** The catalogue's operations: search, look-ups, import. Holds the in-memory search index (ADRs 0011 and 0067). */
export function createCatalogueService(deps: {
  db: Database;
  geography: Geography;
  synonyms?: Synonyms;
  clock?: () => Date;
  /** Show synthetic instruments too: only in benchmark databases (CATALOGUE_SYNTHETIC=1). */
  includeSynthetic?: boolean;
}) {
  const includeSynthetic = deps.includeSynthetic ?? false;
  const repository: CatalogueRepository = createCatalogueRepository(deps.db);
  const synonyms = deps.synonyms ?? loadSynonyms();
  const clock = deps.clock ?? (() => new Date());
  // Provider names by organisation id, reused for 30 s: one load at a time, a failed load not kept.
  const organizationNames = new LRUCache<
    "all",
    { names: Map<string, string>; refIds: Map<string, string>; websites: Map<string, string> }
  >({
    max: 1,
    ttl: ORGANIZATION_NAMES_TTL_MS,
    fetchMethod: async () => {
      const rows = await repository.listOrganizations({ includeSynthetic: true });
      return {
        names: new Map(rows.map((o) => [o.id, o.name])),
        refIds: new Map(rows.map((o) => [o.id, o.refId])),
        websites: new Map(rows.flatMap((o) => (o.website ? [[o.id, o.website] as const] : []))),
      };
    },
  });
  let indexed: IndexedCatalogue | undefined;
  let building: { revision: number; day: string; done: Promise<IndexedCatalogue> } | undefined;
  const today = () => clock().toISOString().slice(0, 10);
  /** The row with its status as of today and, for a recurring scheme between rounds, the expected window. */
  function current<T extends InstrumentRow | undefined>(row: T): T {
    if (!row) return row;
    const now = statusOn(statusInputOf(row), today());
    return { ...row, status: now.status, expected: now.expected };
  }
  // Stemming depends on the text-search configuration only, never on the catalogue: kept across rebuilds.
  // "none": PostgreSQL found no lexemes (only stopwords); such a term matches nothing.
  const stemmed = new LRUCache<string, QueryNode | "none">({ max: STEMMED_QUERIES_KEPT });

  /**
   * The index for the catalogue's current revision. One small query per search asks for the revision; any write by
   * any process raises it, and the first search after that rebuilds the index (one build at a time per revision).
   */
  async function indexedCatalogue(): Promise<IndexedCatalogue> {
    const revision = await freshRevision();
    const day = today();
    if (indexed?.revision === revision && indexed.day === day) return indexed;
    if (building?.revision !== revision || building.day !== day) {
      const started = { revision, day, done: buildIndexed(revision, day) };
      building = started;
      started.done.then(
        (built) => {
          if (!indexed || indexed.revision < built.revision || indexed.day !== built.day) indexed = built;
        },
        () => {},
      );
      started.done.finally(() => {
        if (building === started) building = undefined;
      });
    }
    return building!.done;
  }

  let revisionRead: Promise<number> | undefined;
  let nextRevisionRead: Promise<number> | undefined;
  /**
   * The revision as of a read that started after the call: a search never misses a write committed before it
   * arrived. Searches that arrive while a read is under way share the next read, so a busy instance makes at most
   * one revision read at a time instead of one per search.
   */
  function freshRevision(): Promise<number> {
    if (!revisionRead) {
      revisionRead = repository.revision().finally(() => {
        revisionRead = undefined;
      });
      return revisionRead;
    }
    nextRevisionRead ??= revisionRead
      .catch(() => {})
      .then(() => {
        nextRevisionRead = undefined;
        return freshRevision();
      });
    return nextRevisionRead;
  }

  async function buildIndexed(revision: number, day: string): Promise<IndexedCatalogue> {
    // Read after the revision: the rows are at least as new as the revision they are filed under.
    const [rows, words] = await Promise.all([repository.loadIndexRows(), repository.listWords()]);
    for (const row of rows) {
      const now = statusOn(
        {
          status: row.status,
          windowOpen: row.window_open,
          windowClose: row.window_close,
          recurrence: row.recurrence ?? null,
          pastWindows: row.past_windows ?? [],
        },
        day,
      );
      row.status = now.status;
      row.expected = now.expected;
    }
    return {
      revision,
      day,
      index: buildSearchIndex(rows, day),
      vocabulary: createVocabulary(words),
      corrections: new LRUCache({ max: CORRECTIONS_KEPT }),
    };
  }

  /** Parsed tsqueries for the terms' texts; texts not seen before are stemmed by PostgreSQL in one round trip. */
  async function stemTerms(lang: Lang, texts: string[]): Promise<(QueryNode | undefined)[]> {
    const key = (text: string) => `${lang}:${text}`;
    const unknown = [...new Set(texts.filter((text) => !stemmed.has(key(text))))];
    if (unknown.length) {
      const found = await repository.stemQueries(lang, unknown);
      for (const text of unknown) stemmed.set(key(text), parseTsquery(found.get(text) ?? "") ?? "none");
    }
    return texts.map((text) => {
      const node = stemmed.get(key(text));
      return node === "none" ? undefined : node;
    });
  }

  async function providerNames(): Promise<Map<string, string>> {
    return (await organizationNames.fetch("all"))?.names ?? new Map();
  }

  function areaKeys(request: SearchRequest): string[] | undefined {
    const keys = new Set<string>();
    const municipality = request.municipality ? deps.geography.municipality(request.municipality) : undefined;
    const add = (...codes: string[]) => {
      for (const code of ["NL", "EU", ...codes]) keys.add(code);
    };
    if (municipality) add(municipality.code, municipality.provinceCode, municipality.regionCode);
    const region = request.region ? deps.geography.region(request.region) : undefined;
    if (region) add(region.code, ...region.provinceCodes);
    const province = request.province ? deps.geography.province(request.province) : undefined;
    if (province) add(province.code);
    return keys.size ? [...keys] : undefined;
  }

  async function planTerms(q: string, catalogue: IndexedCatalogue): Promise<Term[]> {
    const planned = planQuery(q, catalogue.vocabulary, synonyms);
    const unknown = planned
      .filter((term) => term.needsCorrection && !catalogue.corrections.has(term.source))
      .map((term) => term.source);
    if (unknown.length) {
      const found = await repository.similarWords(unknown);
      for (const word of unknown) catalogue.corrections.set(word, found.get(word) ?? []);
    }
    const corrections = new Map(
      planned.map((term) => [term.source, catalogue.corrections.get(term.source) ?? []] as const),
    );
    return withCorrections(planned, corrections);
  }

  return {
    /** Full-text search with facets; widens to "any word" when all words together find nothing. */
    async search(request: SearchRequest): Promise<SearchResult> {
      const page = request.page ?? 1;
      const perPage = request.perPage ?? 20;
      const catalogue = await indexedCatalogue();
      const terms = request.q?.trim() ? await planTerms(request.q, catalogue) : [];
      const filters: SearchFilters = { ...request.filters, areaKeys: areaKeys(request) };
      const base = {
        lang: request.lang,
        terms: await stemTerms(request.lang, terms.map(termToTsquery)),
        filters,
        sort: request.sort ?? "relevance",
        limit: perPage,
        offset: (page - 1) * perPage,
        withFacets: request.facets ?? false,
        today: today(),
        includeSynthetic,
      };
      const strict = catalogue.index.search({ ...base, minimumMatch: minimumMatch(terms.length) });
      if (strict.total >= WIDEN_BELOW || terms.length < 2)
        return { ...strict, relaxed: false, strictTotal: strict.total, terms, page, perPage };
      // Ranking puts instruments that match more words first, so the strict matches stay on top.
      const relaxed = catalogue.index.search({ ...base, minimumMatch: 1 });
      return {
        ...relaxed,
        relaxed: relaxed.total > strict.total,
        strictTotal: strict.total,
        terms,
        page,
        perPage,
      };
    },

    geography: deps.geography,
    includeSynthetic,
    today,
    findBySlug: async (slug: string) => current(await repository.findInstrument({ slug })),
    findByRefId: async (refId: string) => current(await repository.findInstrument({ refId })),
    findById: async (id: string) => current(await repository.findInstrument({ id })),
    related: (row: InstrumentRow, limit = 3) => repository.related(row, limit),
    /** The instruments as stored, with the status the curator or provider recorded (for the JSON and CSV export). */
    listRecordedInstruments: (options: { ids?: string[]; includeSynthetic?: boolean } = {}) =>
      repository.listInstruments({ includeSynthetic, ...options }),
    listInstruments: async (options: { ids?: string[]; includeSynthetic?: boolean } = {}) =>
      (await repository.listInstruments({ includeSynthetic, ...options })).map((row) => current(row)),
    listOrganizations: repository.listOrganizations,
    findOrganization: repository.findOrganization,
    providerNames,

    /** Every curated instrument in the shape the route engine and knowledge module match on. */
    async listForMatching(): Promise<MatchableInstrument[]> {
      const organizations = await organizationNames.fetch("all");
      const names = organizations?.names ?? new Map<string, string>();
      const refIds = organizations?.refIds ?? new Map<string, string>();
      const day = today();
      return (await repository.listInstruments()).map((stored) => {
        const row = current(stored as InstrumentRow);
        return {
          id: row.id,
          refId: row.refId,
          slug: row.slug,
          name: row.name,
          kind: row.kind,
          journeySteps: row.journeySteps,
          phases: row.phases,
          themes: row.themes,
          rStrategies: row.rStrategies,
          sbiSections: row.sbiSections,
          sbiDivisions: row.sbiDivisions,
          coverage: { level: row.coverageLevel, codes: row.coverageCodes },
          sizeClasses: row.sizeClasses,
          status: row.status,
          windowOpen: row.windowOpen,
          windowClose: row.windowClose,
          hasEvidence: row.evidence !== null,
          providerName: names.get(row.organizationId) ?? "",
          providerId: refIds.get(row.organizationId),
          expected: row.expected ?? null,
          lastVerified: row.lastVerified,
          stale: isStale(row.lastVerified, day),
          generalFinance: row.generalFinance,
          summary: row.summary,
          amountMin: row.amountMin,
          amountMax: row.amountMax,
          percentage: row.percentage,
          howToApply: row.howToApply,
          website: row.website ?? organizations?.websites.get(row.organizationId) ?? null,
        };
      });
    },

    /** Name and slug for a link, by ref_id or slug. */
    async lookup(
      refIdOrSlug: string,
    ): Promise<{ refId: string; slug: string; name: { nl: string; en: string } } | undefined> {
      const row =
        (await repository.findInstrument({ refId: refIdOrSlug })) ??
        (await repository.findInstrument({ slug: refIdOrSlug }));
      return row ? { refId: row.refId, slug: row.slug, name: row.name } : undefined;
    },

    /** Imports through the one import path and refreshes the caches. */
    async import(input: ImportInput, options: { rowOffset?: number } = {}): Promise<ImportReport> {
      const report = await importCatalogue(deps.db, input, options);
      organizationNames.clear();
      return report;
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
