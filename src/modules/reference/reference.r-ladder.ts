import { readDataCsv } from "../../db/data-files.js";
import type { Localised } from "../../i18n/index.js";

/** One rung of the R-ladder as data/reference/r_ladder.csv holds it. */
export type RLadderStep = { code: string; name: Localised; group: Localised; description: Localised };

let cached: RLadderStep[] | undefined;

/** The R-ladder R0–R9 in order, read once from the committed reference file (the same file the loader stores). */
export function rLadder(): RLadderStep[] {
  cached ??= readDataCsv("reference/r_ladder.csv")
    .sort((a, b) => Number(a.step) - Number(b.step))
    .map((row) => ({
      code: row.code!,
      name: { nl: row.name_nl!, en: row.name_en! },
      group: { nl: row.group_nl!, en: row.group_en! },
      description: { nl: row.description_nl!, en: row.description_en! },
    }));
  return cached;
}
