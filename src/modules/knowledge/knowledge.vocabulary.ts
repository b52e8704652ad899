import { readDataCsv } from "../../db/data-files.js";
import { foldDiacritics, type Lang, type Localised } from "../../i18n/index.js";

// The R-ladder and SBI names are the reference module's data; reading the same committed files keeps this module
// free of another module's tables while showing exactly the same names.
const strategies = new Map(
  readDataCsv("reference/r_ladder.csv").map((row) => [
    row.code!,
    { nl: row.name_nl!, en: row.name_en! } satisfies Localised,
  ]),
);
const sections = new Map(
  readDataCsv("reference/sbi_sections.csv").map((row) => [
    row.section!,
    { nl: row.name_nl!, en: row.name_en_nace_rev2! } satisfies Localised,
  ]),
);
const divisionSections = new Map(
  readDataCsv("reference/sbi_divisions.csv").map((row) => [row.division!, row.section!]),
);

/** "R8 Recyclen": the code with its name in the language. */
export function strategyLabel(code: string, lang: Lang): string {
  const name = strategies.get(code);
  return name ? `${code} ${name[lang]}` : code;
}

/** The name of an SBI 2008 section (A–U). */
export function sbiSectionName(code: string, lang: Lang): string | undefined {
  return sections.get(code)?.[lang];
}

/** An SBI 2008 code as section and division: "C" → {section C}, "14" or "14.1" → {section C, division 14}. */
export function parseSbiCode(code: string): { section: string; division?: string } | undefined {
  const trimmed = code.trim().toUpperCase();
  if (/^[A-U]$/.test(trimmed)) return sections.has(trimmed) ? { section: trimmed } : undefined;
  const division = /^(\d\d)(?:[.\d]*)$/.exec(trimmed)?.[1];
  const section = division ? divisionSections.get(division) : undefined;
  return section && division ? { section, division } : undefined;
}

/**
 * Whether every word of a search occurs somewhere in the texts (accents and case ignored, parts of words count):
 * the same rule as the agenda's search (ADR 0030), for content small enough to search in memory.
 */
export function containsEveryWord(texts: readonly string[], search: string): boolean {
  const haystack = foldDiacritics(texts.join(" \n"));
  return foldDiacritics(search)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .every((word) => haystack.includes(word));
}
