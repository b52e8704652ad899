import { foldDiacritics } from "../../i18n/index.js";

/**
 * Place names → municipalities, in memory and without I/O (ADR 0077). The names are the CBS municipalities, the
 * BAG woonplaatsen and our own alias table; a typed name is matched in any case, without accents or punctuation,
 * with or without the BAG's suffix, and a name that matches nothing gets trigram suggestions computed exactly as
 * PostgreSQL's pg_trgm `similarity()` computes them (an oracle test holds the two equal).
 */

/** Where a name comes from: a municipality's CBS name, a BAG woonplaats, or a row of data/reference/place-aliases.csv. */
export const PLACE_NAME_KINDS = ["municipality", "woonplaats", "common_name", "other_name", "part"] as const;
export type PlaceNameKind = (typeof PLACE_NAME_KINDS)[number];

/** One name that leads to a municipality, as the place_names table holds it. */
export type PlaceNameRow = { name: string; municipalityCode: string; kind: PlaceNameKind; matchKey: string };

/** Lower case, no accents, no punctuation: how names are compared. */
export function normaliseName(name: string): string {
  return foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// The BAG and CBS tell same-named places apart with a suffix: a province in brackets ("Bergen (NH)",
// "Hengelo (O.)", "Rijswijk (GLD)") or an abbreviation after a space ("Bergen L", "Haren Gn", "Bavel AC",
// "Bleskensgraaf ca"). Matched on the name as written, so "De Pol", "Smalle Ee" and "Nieuwer Ter Aa" stay whole.
const BRACKET_SUFFIX = /\s*\([^()]*\)$/;
const ABBREVIATION_SUFFIX = /\s+(?:L|NB|Gld|GLD|Gn|GN|NH|ZH|Ut|AC|ca)$/;
// "Alteveer gem Hoogeveen", "Spaarndam gem. Haarlem": the municipality's name after "gem".
const MUNICIPALITY_SUFFIX = /\s+gem\.?\s+(.+)$/;

/** A name without the suffix the BAG or CBS adds to tell same-named places apart ("Hengelo (Gld)" → "Hengelo"). */
export function withoutSuffix(name: string, municipalityName?: string): string {
  const trimmed = name.trim();
  const bracket = trimmed.replace(BRACKET_SUFFIX, "");
  if (bracket !== trimmed && bracket) return bracket;
  const abbreviation = trimmed.replace(ABBREVIATION_SUFFIX, "");
  if (abbreviation !== trimmed && abbreviation) return abbreviation;
  const municipality = MUNICIPALITY_SUFFIX.exec(trimmed);
  if (
    municipality &&
    municipalityName &&
    normaliseName(municipality[1]!) === normaliseName(withoutSuffix(municipalityName))
  )
    return trimmed.slice(0, municipality.index);
  return trimmed;
}

/** The key a name is matched and compared by: normalised, without its suffix. */
export function matchKeyOf(name: string, municipalityName?: string): string {
  return normaliseName(withoutSuffix(name, municipalityName));
}

// ---------------------------------------------------------------------------------------------------------------
// Trigrams as pg_trgm makes them (contrib/pg_trgm, trgm_op.c): every word (a run of letters and digits) padded with
// two spaces in front and one behind, every three consecutive characters, each trigram once; similarity is
// shared / (count1 + count2 − shared) in single precision (float4). Keys are already normalised to [a-z0-9 ], so a
// trigram is one of 37³ numbers.

const ALPHABET = " abcdefghijklmnopqrstuvwxyz0123456789";
const CHAR_CODE = new Map([...ALPHABET].map((char, at) => [char, at]));
const BASE = ALPHABET.length;

/** The distinct trigrams of a normalised key, as numbers, ascending. */
export function trigramsOf(key: string): number[] {
  const found = new Set<number>();
  for (const word of key.split(" ")) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let at = 0; at + 3 <= padded.length; at++) {
      const a = CHAR_CODE.get(padded[at]!) ?? 0;
      const b = CHAR_CODE.get(padded[at + 1]!) ?? 0;
      const c = CHAR_CODE.get(padded[at + 2]!) ?? 0;
      found.add((a * BASE + b) * BASE + c);
    }
  }
  return [...found].sort((x, y) => x - y);
}

/** pg_trgm's `similarity(a, b)` for two normalised keys, rounded to single precision like PostgreSQL's real. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigramsOf(a);
  const right = new Set(trigramsOf(b));
  if (left.length === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return Math.fround(shared / (left.length + right.size - shared));
}

/** pg_trgm's default `similarity_threshold`: the `%` operator's cut-off. */
export const SIMILARITY_THRESHOLD = 0.3;

/** A key and how similar it is to what was typed. */
export type SimilarKey = { key: string; similarity: number };

/**
 * Keys ranked by trigram similarity to a normalised query: every key at or above the threshold, best first, ties
 * in code-point order of the key (PostgreSQL: `order by similarity(key, q) desc, key collate "C"`).
 */
export function createTrigramIndex(keys: Iterable<string>) {
  const list = [...new Set(keys)].sort(codePointOrder);
  const sizes = new Uint16Array(list.length);
  const postings = new Map<number, number[]>();
  list.forEach((key, id) => {
    const trigrams = trigramsOf(key);
    sizes[id] = trigrams.length;
    for (const trigram of trigrams) {
      const ids = postings.get(trigram);
      if (ids) ids.push(id);
      else postings.set(trigram, [id]);
    }
  });
  const shared = new Uint16Array(list.length);
  return {
    size: list.length,
    similar(query: string, limit: number): SimilarKey[] {
      const trigrams = trigramsOf(query);
      if (trigrams.length === 0) return [];
      const touched: number[] = [];
      for (const trigram of trigrams)
        for (const id of postings.get(trigram) ?? []) {
          if (shared[id] === 0) touched.push(id);
          shared[id]!++;
        }
      const found: SimilarKey[] = [];
      for (const id of touched) {
        const similarity = Math.fround(shared[id]! / (trigrams.length + sizes[id]! - shared[id]!));
        shared[id] = 0;
        if (similarity >= SIMILARITY_THRESHOLD) found.push({ key: list[id]!, similarity });
      }
      found.sort((a, b) => b.similarity - a.similarity || codePointOrder(a.key, b.key));
      return found.slice(0, limit);
    },
  };
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
