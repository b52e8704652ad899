import { createHash } from "node:crypto";
import type { Localised } from "../../i18n/index.js";
import { STATUS_LABELS, STATUSES } from "./catalogue.status.js";

/**
 * The closed vocabularies of the catalogue (facets and taxonomies). They change with a code release, not with an
 * import, so they live in code; the API publishes them as HSDS taxonomies.
 */
export const JOURNEY_STEPS = [
  "informeren",
  "inspireren",
  "kansen_identificeren",
  "invoering",
  "verankering",
  "ketensamenwerking",
] as const;
export const PHASES = ["starter", "peloton", "koploper"] as const;
export const THEMES = [
  "inkoop",
  "productontwerp",
  "productieproces",
  "levensduur",
  "hergebruik",
  "recycling",
  "ketensamenwerking",
  "verdienmodel",
] as const;
export const KINDS = [
  "subsidy",
  "voucher",
  "tax_scheme",
  "finance",
  "advice",
  "programme",
  "network",
  "training",
  "information",
  "tool",
  "event",
  "procurement",
  "loket",
] as const;
// The status vocabulary and its rules live in one module (ADR 0079).
export { STATUS_SORT_ORDER, STATUSES, type Status } from "./catalogue.status.js";
export const COVERAGE_LEVELS = ["eu", "national", "province", "res_region", "municipality"] as const;
export const SIZE_CLASSES = ["micro", "klein", "middel", "groot"] as const;
export const ALLOCATIONS = ["first_come", "tender", "continuous"] as const;
export const R_STRATEGIES = ["R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"] as const;
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

export type JourneyStep = (typeof JOURNEY_STEPS)[number];
export type Phase = (typeof PHASES)[number];
export type Theme = (typeof THEMES)[number];
export type Kind = (typeof KINDS)[number];
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** Labels in both languages for every facet value. */
export const LABELS: Record<string, Record<string, Localised>> = {
  journey_step: {
    informeren: { nl: "Informeren", en: "Getting informed" },
    inspireren: { nl: "Inspireren", en: "Getting inspired" },
    kansen_identificeren: { nl: "Kansen identificeren", en: "Identifying opportunities" },
    invoering: { nl: "Invoering maatregelen", en: "Implementing measures" },
    verankering: { nl: "Verankering in de bedrijfsvoering", en: "Embedding in operations" },
    ketensamenwerking: { nl: "Ketensamenwerking", en: "Chain collaboration" },
  },
  phase: {
    starter: { nl: "Starter", en: "Starter" },
    peloton: { nl: "Peloton", en: "Mainstream (peloton)" },
    koploper: { nl: "Koploper", en: "Frontrunner" },
  },
  theme: {
    inkoop: { nl: "Inkoop", en: "Procurement" },
    productontwerp: { nl: "Productontwerp", en: "Product design" },
    productieproces: { nl: "Productieproces", en: "Production process" },
    levensduur: { nl: "Levensduurverlenging", en: "Life extension" },
    hergebruik: { nl: "Hergebruik", en: "Reuse" },
    recycling: { nl: "Recycling", en: "Recycling" },
    ketensamenwerking: { nl: "Ketensamenwerking", en: "Chain collaboration" },
    verdienmodel: { nl: "Verdienmodel", en: "Business model" },
  },
  kind: {
    subsidy: { nl: "Subsidie", en: "Subsidy" },
    voucher: { nl: "Voucher", en: "Voucher" },
    tax_scheme: { nl: "Fiscale regeling", en: "Tax scheme" },
    finance: { nl: "Financiering", en: "Finance" },
    advice: { nl: "Advies", en: "Advice" },
    programme: { nl: "Programma", en: "Programme" },
    network: { nl: "Netwerk", en: "Network" },
    training: { nl: "Training", en: "Training" },
    information: { nl: "Informatie", en: "Information" },
    tool: { nl: "Hulpmiddel", en: "Tool" },
    event: { nl: "Evenement", en: "Event" },
    procurement: { nl: "Inkoopprogramma", en: "Procurement programme" },
    loket: { nl: "Loket", en: "Help desk" },
  },
  status: STATUS_LABELS,
  coverage: {
    eu: { nl: "Europees", en: "European" },
    national: { nl: "Landelijk", en: "National" },
    province: { nl: "Provinciaal", en: "Provincial" },
    res_region: { nl: "Regionaal", en: "Regional" },
    municipality: { nl: "Gemeentelijk", en: "Municipal" },
  },
  size_class: {
    micro: { nl: "Micro (minder dan 10 werknemers)", en: "Micro (fewer than 10 employees)" },
    klein: { nl: "Klein (10 tot 50 werknemers)", en: "Small (10 to 50 employees)" },
    middel: { nl: "Middelgroot (50 tot 250 werknemers)", en: "Medium (50 to 250 employees)" },
    groot: { nl: "Groot (250 werknemers of meer)", en: "Large (250 employees or more)" },
  },
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
