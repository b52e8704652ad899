import { readDataCsv, readDataJson, splitList } from "../../db/data-files.js";
import type { Localised } from "../../i18n/index.js";
import { R_STRATEGIES } from "../vocabulary/index.js";
import type { SectorStrategy } from "./route.engine.js";

/** A plain-language sector choice and the SBI 2008 code behind it (a section letter or a 2-digit division). */
export type SectorChoice = { code: string; label: Localised };

/** The route's reference tables, read once at start-up from data/route and data/reference. */
export type RouteReferenceData = {
  sectorStrategies: SectorStrategy[];
  sectorChoices: SectorChoice[];
  /** SBI 2008 section letter of every 2-digit division. */
  sectionOfDivision: Map<string, string>;
  sections: Set<string>;
  /** R-ladder names by code (R0–R9). */
  strategyNames: Map<string, Localised>;
  /** The sector's name for a valid SBI code: the plain choice if there is one, else the official SBI name. */
  sectorName(code: string, lang: "nl" | "en"): string | undefined;
};

/** Reads data/route/sector-strategies.csv, data/route/sector-names.json and the SBI 2008 code lists. */
export function loadRouteReferenceData(): RouteReferenceData {
  const sectorStrategies = readDataCsv("route/sector-strategies.csv").map((row) => ({
    section: row.sbi_section!,
    division: row.sbi_division || undefined,
    strategies: splitList(row.strategies),
    reason: { nl: row.reason_nl!, en: row.reason_en! },
  }));
  // The engine matches strategies on the R-ladder's codes only: a code outside it would silently never match.
  const known: readonly string[] = R_STRATEGIES;
  for (const row of sectorStrategies)
    for (const code of row.strategies)
      if (!known.includes(code))
        throw new Error(
          `data/route/sector-strategies.csv: "${code}" (${row.division ?? row.section}) is no R-strategy`,
        );
  const sectorChoices = readDataJson<SectorChoice[]>("route/sector-names.json");
  const divisions = readDataCsv("reference/sbi_divisions.csv");
  const sectionRows = readDataCsv("reference/sbi_sections.csv");
  const sectionOfDivision = new Map(divisions.map((row) => [row.division!, row.section!]));
  // English division names come from the NACE-based SBI 2025 list where the division exists there (see data/README.md).
  const englishDivisions = new Map(
    readDataCsv("reference/sbi2025_sections_divisions.csv")
      .filter((row) => row.level === "division")
      .map((row) => [row.code!, sentenceCase(row.name_en!)]),
  );
  const officialNames = new Map<string, Localised>([
    ...sectionRows.map((row) => [row.section!, { nl: row.name_nl!, en: row.name_en_nace_rev2! }] as const),
    ...divisions.map(
      (row) =>
        [
          row.division!,
          { nl: row.name_nl!, en: englishDivisions.get(row.division!) ?? row.name_nl! },
        ] as const,
    ),
  ]);
  const choiceNames = new Map(sectorChoices.map((choice) => [choice.code, choice.label]));
  const strategyNames = new Map(
    readDataCsv("reference/r_ladder.csv").map((row) => [row.code!, { nl: row.name_nl!, en: row.name_en! }]),
  );
  return {
    strategyNames,
    sectorStrategies,
    sectorChoices,
    sectionOfDivision,
    sections: new Set(sectionRows.map((row) => row.section!)),
    sectorName(code, lang) {
      const name = choiceNames.get(code) ?? officialNames.get(code);
      return name ? name[lang] : undefined;
    },
  };
}

/** Splits an SBI code into section and division; undefined when the code is not SBI 2008. */
export function parseSbi(
  reference: Pick<RouteReferenceData, "sectionOfDivision" | "sections">,
  code: string,
): { section: string; division?: string } | undefined {
  const trimmed = code.trim().toUpperCase();
  if (/^[A-U]$/.test(trimmed)) return reference.sections.has(trimmed) ? { section: trimmed } : undefined;
  if (/^\d{2}$/.test(trimmed)) {
    const section = reference.sectionOfDivision.get(trimmed);
    return section ? { section, division: trimmed } : undefined;
  }
  return undefined;
}

const sentenceCase = (text: string) =>
  text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
