import { createHash } from "node:crypto";
import type { Localised } from "../../i18n/index.js";
import {
  COVERAGE_LEVELS,
  JOURNEY_STEPS,
  KINDS,
  PHASES,
  STATUSES,
  THEMES,
  VOCABULARY_LABELS,
} from "../vocabulary/index.js";

/**
 * The catalogue's own closed vocabularies (allocation rules, SBI sections) and its facets. The domain's
 * shared ones (steps, phases, themes, kinds, statuses, coverage, size classes) and their labels are the vocabulary
 * module's (ADR 0083). They change with a code release, not with an import; the API publishes them as HSDS
 * taxonomies.
 */
export const ALLOCATIONS = ["first_come", "tender", "continuous"] as const;
export const SBI_SECTIONS = "ABCDEFGHIJKLMNOPQRSTU".split("");

/** The first division of each SBI 2008 section (A 01–03, B 05–09, C 10–33, …, U 99): fixed by the standard. */
const SECTION_STARTS: readonly [string, number][] = [
  ["A", 1],
  ["B", 5],
  ["C", 10],
  ["D", 35],
  ["E", 36],
  ["F", 41],
  ["G", 45],
  ["H", 49],
  ["I", 55],
  ["J", 58],
  ["K", 64],
  ["L", 68],
  ["M", 69],
  ["N", 77],
  ["O", 84],
  ["P", 85],
  ["Q", 86],
  ["R", 90],
  ["S", 94],
  ["T", 97],
  ["U", 99],
];

/** The SBI 2008 section letter of a two-digit division ("22" → "C"); undefined for what is not a division. */
export function sbiSectionOfDivision(division: string): string | undefined {
  if (!/^\d{2}$/.test(division)) return undefined;
  const number = Number(division);
  if (number < 1) return undefined;
  let section: string | undefined;
  for (const [letter, start] of SECTION_STARTS) if (number >= start) section = letter;
  return section;
}

/** Labels in both languages for every facet value. */
export const LABELS: Record<string, Record<string, Localised>> = {
  ...VOCABULARY_LABELS,
  allocation: {
    first_come: { nl: "Wie het eerst komt, het eerst maalt", en: "First come, first served" },
    tender: { nl: "Tender (de beste plannen winnen)", en: "Tender (the best plans win)" },
    continuous: { nl: "Doorlopend aan te vragen", en: "Apply at any time" },
  },
};

/** The facets of the search page, in display order, with their URL parameter names. */
export const FACETS = [
  { key: "journey_step", param: "stap", apiParam: "journey_step", values: JOURNEY_STEPS },
  { key: "phase", param: "fase", apiParam: "phase", values: PHASES },
  { key: "theme", param: "thema", apiParam: "theme", values: THEMES },
  { key: "kind", param: "soort", apiParam: "kind", values: KINDS },
  { key: "status", param: "status", apiParam: "status", values: STATUSES },
  { key: "coverage", param: "bereik", apiParam: "coverage", values: COVERAGE_LEVELS },
] as const;
export type FacetKey = (typeof FACETS)[number]["key"];

/** A label for a facet value, or the value itself when unknown. */
export function label(facet: string, value: string, lang: "nl" | "en"): string {
  return LABELS[facet]?.[value]?.[lang] ?? value;
}

// A fixed namespace so that ids derived from ref_ids never change between imports, machines or exports.
const NAMESPACE = "6f1c8c52-3d0e-4f4e-9a53-2c1b5e8f7a10";

const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
// An API page derives hundreds of ids (services, taxonomy terms, areas) from a small, fixed set of names: keep them.
const uuidCache = new Map<string, string>();

/** A deterministic UUID (version 5, SHA-1) from a name: the same ref_id always gets the same HSDS id. */
export function uuidFor(kind: string, name: string): string {
  const key = `${kind}:${name}`;
  const known = uuidCache.get(key);
  if (known) return known;
  const hash = createHash("sha1").update(NAMESPACE_BYTES).update(key).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (uuidCache.size < 200_000) uuidCache.set(key, uuid);
  return uuid;
}
