import type { Lang } from "../../i18n/index.js";
import { STATUS_SORT_ORDER } from "../vocabulary/index.js";
import { lowerBound } from "./catalogue.query.js";
import type { FacetCount, InstrumentSummary, SearchFilters, SortOrder } from "./catalogue.repository.js";
import { isStale, type PastWindow, type Recurrence } from "./catalogue.status.js";
import { normaliseText } from "./catalogue.text.js";
import { lexemeRankShare, parseTsvector, type QueryNode, queryOperands } from "./catalogue.tsquery.js";
import type { FacetKey } from "./catalogue.vocabulary.js";

/**
 * The catalogue's search index in memory (ADR 0067), pure and without I/O. PostgreSQL computes the search vectors
 * and stems the query words; this index answers a search — matching, facet counts, ranking and paging — from those
 * vectors without a database round trip. It is rebuilt whenever the catalogue's revision changes.
 */

/** One instrument as the index loads it: the result line, the facet values and both search vectors. */
export type IndexRow = InstrumentSummary & {
  journey_steps: string[];
  phases: string[];
  themes: string[];
  coverage_keys: string[];
  synthetic: boolean;
  recurrence?: Recurrence | null;
  past_windows?: PastWindow[];
  vector_nl: string;
  vector_en: string;
};

export type IndexSearchInput = {
  lang: Lang;
  /** One parsed tsquery per search term (undefined when the term has no lexemes); empty without a query. */
  terms: (QueryNode | undefined)[];
  minimumMatch: number;
  filters: SearchFilters;
  sort: SortOrder;
  limit: number;
  offset: number;
  withFacets: boolean;
  today: string;
  includeSynthetic: boolean;
};

export type IndexSearchResult = { total: number; items: InstrumentSummary[]; facets: FacetCount[] };

type Postings = { docs: Uint32Array; shares: Float32Array };
type LanguageIndex = {
  postings: Map<string, Postings>;
  /** Every lexeme, sorted, for prefix operands. */
  lexemes: string[];
  /** Each document's place in name order for this language. */
  nameOrder: Uint32Array;
};

/** A facet's values as small numbers, and each document's values as those numbers. */
type FacetColumn = { values: string[]; ids: Map<string, number>; byDocument: number[][] };

const FACET_KEYS: FacetKey[] = ["journey_step", "phase", "theme", "kind", "status", "coverage"];
const ALL_FACETS = (1 << FACET_KEYS.length) - 1;
const STATUS_ORDER = new Map<string, number>(STATUS_SORT_ORDER.map((status, place) => [status, place]));
const DAY_MS = 86_400_000;

const dayNumber = (isoDate: string | null) => (isoDate ? Date.parse(isoDate) / DAY_MS : undefined);

export type SearchIndex = ReturnType<typeof buildSearchIndex>;

/**
 * Builds the index. `today` decides which listings are stale: at equal relevance a stale one (checked more than
 * twelve months ago) ranks right after a fresh one of the same status (ADR 0079).
 */
export function buildSearchIndex(rows: IndexRow[], today?: string) {
  const count = rows.length;
  const words = Math.ceil(count / 32);
  const facets = facetColumns(rows);
  const areas = facetColumn(rows.map((row) => row.coverage_keys));
  // Whether a listing is stale depends on the day only, and an index is built per day: decided once here, not per
  // search or per result line.
  const stale = rows.map((row) => Boolean(today && isStale(row.last_verified, today)));
  const statusOrder = Uint8Array.from(
    rows,
    (row, document) =>
      (STATUS_ORDER.get(row.status) ?? STATUS_SORT_ORDER.length) * 2 + (stale[document] ? 1 : 0),
  );
  const newest = Float64Array.from(rows, (row) => dayNumber(row.window_open ?? row.last_verified) ?? 0);
  const closing = Float64Array.from(rows, (row) => dayNumber(row.window_close) ?? Number.POSITIVE_INFINITY);
  const synthetic = Uint8Array.from(rows, (row) => (row.synthetic ? 1 : 0));
  const languages: Record<Lang, LanguageIndex> = {
    nl: languageIndex(rows, "nl"),
    en: languageIndex(rows, "en"),
  };
  // The result lines only: the vectors' text is not kept once the postings are built.
  const summaries = rows.map((row, document) => summaryOf(row, stale[document]!));

  const emptySet = () => new Uint32Array(words);
  const fullSet = () => {
    const set = new Uint32Array(words).fill(0xffffffff);
    if (count % 32) set[words - 1] = (1 << (count % 32)) - 1;
    return set;
  };
  const addPostings = (set: Uint32Array, postings: Postings) => {
    for (const document of postings.docs) set[document >>> 5]! |= 1 << (document & 31);
  };

  /** The postings of an operand: one lexeme, or every lexeme that starts with a prefix. */
  function operandPostings(language: LanguageIndex, node: { lexeme: string; prefix: boolean }): Postings[] {
    if (!node.prefix) {
      const exact = language.postings.get(node.lexeme);
      return exact ? [exact] : [];
    }
    const found: Postings[] = [];
    for (let at = lowerBound(language.lexemes, node.lexeme); at < language.lexemes.length; at++) {
      const lexeme = language.lexemes[at]!;
      if (!lexeme.startsWith(node.lexeme)) break;
      found.push(language.postings.get(lexeme)!);
    }
    return found;
  }

  /** The documents that match a query, as `vector @@ query` decides. */
  function matching(language: LanguageIndex, node: QueryNode): Uint32Array {
    if (node.op === "lexeme") {
      const set = emptySet();
      for (const postings of operandPostings(language, node)) addPostings(set, postings);
      return set;
    }
    if (node.op === "not") {
      const set = matching(language, node.child);
      const all = fullSet();
      for (let word = 0; word < words; word++) set[word] = ~set[word]! & all[word]!;
      return set;
    }
    const [first, ...rest] = node.children.map((child) => matching(language, child));
    for (const other of rest)
      for (let word = 0; word < words; word++)
        first![word] = node.op === "and" ? first![word]! & other[word]! : first![word]! | other[word]!;
    return first!;
  }

  /** ts_rank of every document against all terms ORed, as PostgreSQL's calc_rank_or computes it. */
  function ranks(language: LanguageIndex, terms: QueryNode[]): Float64Array {
    const rank = new Float64Array(count);
    const operands = new Map<string, { lexeme: string; prefix: boolean }>();
    for (const term of terms)
      for (const operand of queryOperands(term).values()) {
        if (operand.op !== "lexeme") continue;
        // PostgreSQL counts an operand once, whether or not it is a prefix.
        const known = operands.get(operand.lexeme);
        operands.set(operand.lexeme, { lexeme: operand.lexeme, prefix: operand.prefix || !!known?.prefix });
      }
    for (const operand of operands.values())
      for (const { docs, shares } of operandPostings(language, operand))
        for (let at = 0; at < docs.length; at++) rank[docs[at]!]! += shares[at]!;
    if (operands.size) for (let document = 0; document < count; document++) rank[document]! /= operands.size;
    return rank;
  }

  return {
    size: count,

    search(input: IndexSearchInput): IndexSearchResult {
      const language = languages[input.lang];
      const terms = input.terms.filter((term): term is QueryNode => term !== undefined);
      const hasQuery = input.terms.length > 0;
      // All terms required: one AND, as PostgreSQL's && of the term queries (a term without lexemes drops out).
      const requireAll = hasQuery && input.minimumMatch >= input.terms.length;
      let candidates: Uint32Array | undefined;
      let matchedTerms: Uint8Array | undefined;
      if (hasQuery && terms.length === 0) candidates = emptySet();
      else if (requireAll)
        candidates = matching(language, terms.length === 1 ? terms[0]! : { op: "and", children: terms });
      else if (hasQuery) {
        matchedTerms = new Uint8Array(count);
        candidates = emptySet();
        const counted = matchedTerms;
        for (const term of terms)
          forEachMember(matching(language, term), (document) => {
            counted[document]! += 1;
          });
        for (let document = 0; document < count; document++)
          if (matchedTerms[document]! >= input.minimumMatch)
            candidates[document >>> 5]! |= 1 << (document & 31);
      }

      const filterSets = FACET_KEYS.map((key) => memberSet(facets[key], input.filters[key]));
      const columns = FACET_KEYS.map((key) => facets[key].byDocument);
      const areaSet = memberSet(areas, input.filters.areaKeys);
      // The documents the query, area and synthetic flag let through, each with a bit per facet filter it passes.
      const base: number[] = [];
      const masks: number[] = [];
      const consider = (document: number) => {
        if (!input.includeSynthetic && synthetic[document]) return;
        if (areaSet && !hasAny(areas.byDocument[document]!, areaSet)) return;
        let mask = 0;
        for (let bit = 0; bit < FACET_KEYS.length; bit++) {
          const wanted = filterSets[bit];
          if (!wanted || hasAny(columns[bit]![document]!, wanted)) mask |= 1 << bit;
        }
        base.push(document);
        masks.push(mask);
      };
      if (candidates) forEachMember(candidates, consider);
      else for (let document = 0; document < count; document++) consider(document);

      const results: number[] = [];
      for (let at = 0; at < base.length; at++) if (masks[at] === ALL_FACETS) results.push(base[at]!);

      const facetCounts: FacetCount[] = [];
      if (input.withFacets)
        for (let bit = 0; bit < FACET_KEYS.length; bit++) {
          const column = facets[FACET_KEYS[bit]!];
          const counts = new Uint32Array(column.values.length);
          const needed = ALL_FACETS & ~(1 << bit);
          for (let at = 0; at < base.length; at++) {
            if ((masks[at]! & needed) !== needed) continue;
            for (const id of column.byDocument[base[at]!]!) counts[id]! += 1;
          }
          for (let id = 0; id < counts.length; id++)
            if (counts[id])
              facetCounts.push({ facet: FACET_KEYS[bit]!, value: column.values[id]!, count: counts[id]! });
        }

      const order = comparator(input, language, terms, matchedTerms);
      const page = firstInOrder(results, input.offset + input.limit, order).slice(input.offset);
      return {
        total: results.length,
        items: page.map((document) => summaries[document]!),
        facets: facetCounts,
      };
    },
  };

  function comparator(
    input: IndexSearchInput,
    language: LanguageIndex,
    terms: QueryNode[],
    matchedTerms: Uint8Array | undefined,
  ): (a: number, b: number) => number {
    const byName = (a: number, b: number) => language.nameOrder[a]! - language.nameOrder[b]!;
    if (input.sort === "newest") return (a, b) => newest[b]! - newest[a]! || byName(a, b);
    if (input.sort === "closing") {
      const today = dayNumber(input.today)!;
      const group = (document: number) => (closing[document]! >= today ? 0 : 1);
      return (a, b) =>
        group(a) - group(b) ||
        compareNumbers(closing[a]!, closing[b]!) ||
        statusOrder[a]! - statusOrder[b]! ||
        byName(a, b);
    }
    // Relevance: ts_rank (a float4 in PostgreSQL), plus the number of matched terms when not all were required.
    if (!terms.length) return (a, b) => statusOrder[a]! - statusOrder[b]! || byName(a, b);
    const score = ranks(language, terms);
    for (let document = 0; document < count; document++)
      score[document] = Math.fround(score[document]!) + (matchedTerms ? matchedTerms[document]! : 0);
    return (a, b) => score[b]! - score[a]! || statusOrder[a]! - statusOrder[b]! || byName(a, b);
  }
}

// Outside buildSearchIndex: a closure there that mentions `rows` would keep every row (and its vectors) alive.
function facetColumns(rows: IndexRow[]): Record<FacetKey, FacetColumn> {
  return Object.fromEntries(
    FACET_KEYS.map((key) => [key, facetColumn(rows.map((row) => facetValuesOf(row, key)))]),
  ) as Record<FacetKey, FacetColumn>;
}

function facetValuesOf(row: IndexRow, key: FacetKey): string[] {
  switch (key) {
    case "journey_step":
      return row.journey_steps;
    case "phase":
      return row.phases;
    case "theme":
      return row.themes;
    case "kind":
      return [row.kind];
    case "status":
      return [row.status];
    case "coverage":
      return [row.coverage_level];
  }
}

function facetColumn(valuesByDocument: string[][]): FacetColumn {
  const ids = new Map<string, number>();
  const values: string[] = [];
  const byDocument = valuesByDocument.map((documentValues) =>
    [...new Set(documentValues)].map((value) => {
      let id = ids.get(value);
      if (id === undefined) {
        id = values.push(value) - 1;
        ids.set(value, id);
      }
      return id;
    }),
  );
  return { values, ids, byDocument };
}

/** The wanted values of a filter as a lookup by value id; undefined when the filter is not set. */
function memberSet(column: FacetColumn, wanted: string[] | undefined): Uint8Array | undefined {
  if (!wanted?.length) return undefined;
  const set = new Uint8Array(column.values.length);
  for (const value of wanted) {
    const id = column.ids.get(value);
    if (id !== undefined) set[id] = 1;
  }
  return set;
}

function languageIndex(rows: IndexRow[], lang: Lang): LanguageIndex {
  const building = new Map<string, { docs: number[]; shares: number[] }>();
  rows.forEach((row, document) => {
    for (const entry of parseTsvector(lang === "en" ? row.vector_en : row.vector_nl)) {
      let postings = building.get(entry.lexeme);
      if (!postings) {
        postings = { docs: [], shares: [] };
        building.set(entry.lexeme, postings);
      }
      postings.docs.push(document);
      postings.shares.push(lexemeRankShare(entry.weights));
    }
  });
  const postings = new Map<string, Postings>();
  for (const [lexeme, built] of building)
    postings.set(lexeme, { docs: Uint32Array.from(built.docs), shares: Float32Array.from(built.shares) });
  // Code-point order, as prefixes are found by binary search.
  const lexemes = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Names in alphabetical order regardless of case and accents ("Élan" with the E's), ties by id.
  const byName = rows
    .map((row, document) => ({ document, key: `${normaliseText(row.name[lang] ?? "")}\u0000${row.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const nameOrder = new Uint32Array(rows.length);
  byName.forEach((entry, place) => {
    nameOrder[entry.document] = place;
  });
  return { postings, lexemes, nameOrder };
}

function summaryOf(row: IndexRow, stale: boolean): InstrumentSummary {
  return {
    id: row.id,
    ref_id: row.ref_id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    kind: row.kind,
    status: row.status,
    coverage_level: row.coverage_level,
    coverage_codes: row.coverage_codes,
    window_open: row.window_open,
    window_close: row.window_close,
    last_verified: row.last_verified,
    provider_name: row.provider_name,
    amount_min: row.amount_min,
    amount_max: row.amount_max,
    percentage: row.percentage,
    size_classes: row.size_classes,
    sbi_sections: row.sbi_sections,
    sbi_divisions: row.sbi_divisions,
    how_to_apply: row.how_to_apply,
    website: row.website,
    expected: row.expected ?? null,
    stale,
  };
}

function forEachMember(set: Uint32Array, visit: (document: number) => void) {
  for (let word = 0; word < set.length; word++) {
    let bits = set[word]!;
    while (bits) {
      const bit = bits & -bits;
      visit((word << 5) + 31 - Math.clz32(bit));
      bits ^= bit;
    }
  }
}

function hasAny(ids: number[], wanted: Uint8Array): boolean {
  for (const id of ids) if (wanted[id]) return true;
  return false;
}

function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * The first `limit` documents in order, without sorting them all: a bounded max-heap keeps the best `limit`
 * (n log limit instead of n log n; a search page needs 20 of up to 10,000 matches).
 */
function firstInOrder(documents: number[], limit: number, order: (a: number, b: number) => number): number[] {
  if (limit <= 0) return [];
  if (documents.length <= limit) return documents.sort(order);
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  };
  for (const document of documents) {
    if (heap.length < limit) {
      heap.push(document);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (order(heap[at]!, heap[parent]!) <= 0) break;
        swap(at, parent);
        at = parent;
      }
    } else if (order(document, heap[0]!) < 0) {
      heap[0] = document;
      for (let at = 0; ; ) {
        const left = 2 * at + 1;
        const right = left + 1;
        let worst = at;
        if (left < heap.length && order(heap[left]!, heap[worst]!) > 0) worst = left;
        if (right < heap.length && order(heap[right]!, heap[worst]!) > 0) worst = right;
        if (worst === at) break;
        swap(at, worst);
        at = worst;
      }
    }
  }
  return heap.sort(order);
}
