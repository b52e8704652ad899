import type { Database } from "../../db/client.js";
import { readDataCsv } from "../../db/data-files.js";
import { upsertChanged } from "../../db/upsert.js";
import { rStrategies, sbiCodes } from "./reference.tables.js";

// SBI 2008 divisions in our CBS file carry Dutch names only; English comes from the NACE-based 2025 list where the
// division exists there too. Division 45 has no 2025 counterpart, so its NACE Rev. 2 name is given here.
const SBI_2008_ENGLISH_OVERRIDES: Record<string, string> = {
  "45": "Wholesale and retail trade and repair of motor vehicles and motorcycles",
};

/** Loads SBI 2008 and SBI 2025 sections and divisions and the R-ladder; returns the number of rows changed. */
export async function loadReferenceVocabularies(db: Database): Promise<number> {
  const sbi2025 = readDataCsv("reference/sbi2025_sections_divisions.csv");
  const english2025 = new Map(
    sbi2025.filter((row) => row.level === "division").map((row) => [row.code!, row.name_en!]),
  );
  const sbiRows: (typeof sbiCodes.$inferInsert)[] = [
    ...readDataCsv("reference/sbi_sections.csv").map((row) => ({
      version: "2008",
      code: row.section!,
      level: "section" as const,
      parentCode: null,
      nameNl: row.name_nl!,
      nameEn: row.name_en_nace_rev2!,
    })),
    ...readDataCsv("reference/sbi_divisions.csv").map((row) => ({
      version: "2008",
      code: row.division!,
      level: "division" as const,
      parentCode: row.section!,
      nameNl: row.name_nl!,
      nameEn: SBI_2008_ENGLISH_OVERRIDES[row.division!] ?? english2025.get(row.division!) ?? row.name_nl!,
    })),
    ...sbi2025.map((row) => ({
      version: "2025",
      code: row.code!,
      level: row.level === "section" ? ("section" as const) : ("division" as const),
      parentCode: row.parent || null,
      nameNl: sentenceCase(row.name_nl!),
      nameEn: sentenceCase(row.name_en!),
    })),
  ];
  const strategyRows = readDataCsv("reference/r_ladder.csv").map((row) => ({
    code: row.code!,
    step: Number(row.step),
    nameNl: row.name_nl!,
    nameEn: row.name_en!,
    groupNl: row.group_nl!,
    groupEn: row.group_en!,
    descriptionNl: row.description_nl!,
    descriptionEn: row.description_en!,
  }));
  return (
    (await upsertChanged(db, sbiCodes, [sbiCodes.version, sbiCodes.code], sbiRows)) +
    (await upsertChanged(db, rStrategies, rStrategies.code, strategyRows))
  );
}

// The 2025 file writes section names in capitals; we show them in sentence case.
function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
