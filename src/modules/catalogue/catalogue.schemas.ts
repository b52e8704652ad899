import { z } from "zod";
import {
  COVERAGE_LEVELS,
  JOURNEY_STEPS,
  KINDS,
  PHASES,
  R_STRATEGIES,
  SIZE_CLASSES,
  STATUSES,
  THEMES,
} from "../vocabulary/index.js";
import { ALLOCATIONS, SBI_SECTIONS, sbiSectionOfDivision } from "./catalogue.vocabulary.js";

/**
 * The exchange format of the catalogue: one record per instrument as in data/catalogue/instruments.json, one per
 * provider as in organizations.json. Import (JSON and CSV), export and the curated seed all go through these schemas.
 */
const text = z.string().trim().min(1).max(10_000);
const localised = z.object({ nl: text, en: text });
const optionalLocalised = localised.nullable().default(null);
const refId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, "use lower-case letters, digits and hyphens (2–100 characters)");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD");
const money = z.number().nonnegative().max(1e12).nullable().default(null);
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, "values must not repeat");

export const organizationRecordSchema = z.object({
  id: refId,
  name: text,
  alternate_name: z.string().trim().max(200).nullable().default(null),
  description: localised,
  website: z.url().nullable().default(null),
  email: z.email().nullable().default(null),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "use a phone number with digits only")
    .nullable()
    .default(null),
  kind: z.string().trim().min(1).max(40),
});
export type OrganizationRecord = z.infer<typeof organizationRecordSchema>;

export const instrumentRecordSchema = z
  .object({
    ref_id: refId,
    slug: refId,
    name: localised,
    provider_id: refId,
    partners: z.array(text).default([]),
    kind: z.enum(KINDS),
    summary: localised,
    description: localised,
    audience: localised,
    benefit: localised,
    conditions: localised,
    how_to_apply: localised,
    journey_steps: listOf(JOURNEY_STEPS).min(1),
    phases: listOf(PHASES).min(1),
    themes: listOf(THEMES).default([]),
    r_strategies: listOf(R_STRATEGIES).default([]),
    sbi_sections: z.array(z.enum(SBI_SECTIONS as [string, ...string[]])).default([]),
    /** Divisions that narrow a listed section (plastics: 22 within C); each must lie in a listed section. */
    sbi_divisions: z.array(z.string().regex(/^\d{2}$/, "an SBI division is two digits")).default([]),
    coverage: z.object({
      level: z.enum(COVERAGE_LEVELS),
      codes: z.array(z.string().regex(/^(NL|PV\d{2}|ES\d{2}|GM\d{4})$/, "unknown area code")).default([]),
    }),
    size_classes: listOf(SIZE_CLASSES).min(1),
    consortium_rules: optionalLocalised,
    money: z
      .object({
        amount_min: money,
        amount_max: money,
        percentage: z.number().min(0).max(100).nullable().default(null),
        pot: money,
        pot_year: z.number().int().min(1990).max(2100).nullable().default(null),
        window_open: isoDate.nullable().default(null),
        window_close: isoDate.nullable().default(null),
        allocation: z.enum(ALLOCATIONS).nullable().default(null),
      })
      .default({
        amount_min: null,
        amount_max: null,
        percentage: null,
        pot: null,
        pot_year: null,
        window_open: null,
        window_close: null,
        allocation: null,
      }),
    status: z.enum(STATUSES),
    status_note: optionalLocalised,
    last_verified: isoDate,
    certainty: optionalLocalised,
    website: z.url().nullable().default(null),
    /** Evidence of effect only: an evaluation or an outcome rate. Reach figures go in `reach` (ADR 0079). */
    evidence: z.object({ nl: text, en: text, source: text }).nullable().default(null),
    reach: z.object({ nl: text, en: text, source: text }).nullable().default(null),
    /** General SME finance rather than circular support: listed, labelled, never offered in a circular route. */
    general_finance: z.boolean().default(false),
    recurrence: z
      .object({
        frequency: z.literal("yearly"),
        months: z.array(z.number().int().min(1).max(12)).min(1).max(12),
        until: isoDate.nullable().default(null),
      })
      .nullable()
      .default(null),
    past_windows: z
      .array(z.object({ open: isoDate, close: isoDate.nullable().default(null) }))
      .max(50)
      .default([]),
    keywords: z
      .object({ nl: z.array(text).default([]), en: z.array(text).default([]) })
      .default({ nl: [], en: [] }),
  })
  .superRefine((record, context) => {
    const { level, codes } = record.coverage;
    const expected: Record<string, RegExp | null> = {
      eu: null,
      national: /^NL$/,
      province: /^PV\d{2}$/,
      res_region: /^ES\d{2}$/,
      municipality: /^GM\d{4}$/,
    };
    const pattern = expected[level];
    if (pattern && (codes.length === 0 || codes.some((code) => !pattern.test(code))))
      context.addIssue({
        code: "custom",
        path: ["coverage", "codes"],
        message: `coverage level ${level} needs codes like ${pattern.source.replace(/[\^$\\d{}]/g, "")}…`,
      });
    for (const division of record.sbi_divisions) {
      const section = sbiSectionOfDivision(division);
      if (!section || !record.sbi_sections.includes(section))
        context.addIssue({
          code: "custom",
          path: ["sbi_divisions"],
          message: `division ${division} must lie in one of the listed sbi_sections`,
        });
    }
    const { amount_min, amount_max, window_open, window_close } = record.money;
    if (amount_min !== null && amount_max !== null && amount_min > amount_max)
      context.addIssue({
        code: "custom",
        path: ["money", "amount_min"],
        message: "is larger than amount_max",
      });
    if (window_open && window_close && window_open > window_close)
      context.addIssue({ code: "custom", path: ["money", "window_close"], message: "is before window_open" });
  });
export type InstrumentRecord = z.infer<typeof instrumentRecordSchema>;
export type InstrumentInput = z.input<typeof instrumentRecordSchema>;

/** The flat CSV columns: localised texts as _nl/_en, lists separated by semicolons. */
export const CSV_COLUMNS = [
  "ref_id",
  "slug",
  "provider_id",
  "kind",
  "status",
  "last_verified",
  "name_nl",
  "name_en",
  "summary_nl",
  "summary_en",
  "description_nl",
  "description_en",
  "audience_nl",
  "audience_en",
  "benefit_nl",
  "benefit_en",
  "conditions_nl",
  "conditions_en",
  "how_to_apply_nl",
  "how_to_apply_en",
  "journey_steps",
  "phases",
  "themes",
  "r_strategies",
  "sbi_sections",
  "sbi_divisions",
  "coverage_level",
  "coverage_codes",
  "size_classes",
  "consortium_rules_nl",
  "consortium_rules_en",
  "amount_min",
  "amount_max",
  "percentage",
  "pot",
  "pot_year",
  "window_open",
  "window_close",
  "allocation",
  "status_note_nl",
  "status_note_en",
  "certainty_nl",
  "certainty_en",
  "website",
  "evidence_nl",
  "evidence_en",
  "evidence_source",
  "reach_nl",
  "reach_en",
  "reach_source",
  "general_finance",
  "recurrence_months",
  "recurrence_until",
  "past_windows",
  "partners",
  "keywords_nl",
  "keywords_en",
] as const;

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
const pair = (row: Record<string, string>, key: string) =>
  row[`${key}_nl`] || row[`${key}_en`] ? { nl: row[`${key}_nl`] ?? "", en: row[`${key}_en`] ?? "" } : null;
const number = (cell: string | undefined) => {
  if (cell === undefined || cell.trim() === "") return null;
  const value = Number(cell.replace(",", "."));
  return Number.isFinite(value) ? value : (cell as unknown as number);
};

/** One CSV row (keyed by header) as the nested record the schema validates. */
export function csvRowToRecord(row: Record<string, string>): unknown {
  return {
    ref_id: row.ref_id,
    slug: row.slug,
    provider_id: row.provider_id,
    kind: row.kind,
    status: row.status,
    last_verified: row.last_verified,
    name: pair(row, "name"),
    summary: pair(row, "summary"),
    description: pair(row, "description"),
    audience: pair(row, "audience"),
    benefit: pair(row, "benefit"),
    conditions: pair(row, "conditions"),
    how_to_apply: pair(row, "how_to_apply"),
    journey_steps: list(row.journey_steps),
    phases: list(row.phases),
    themes: list(row.themes),
    r_strategies: list(row.r_strategies),
    sbi_sections: list(row.sbi_sections),
    sbi_divisions: list(row.sbi_divisions),
    coverage: { level: row.coverage_level, codes: list(row.coverage_codes) },
    size_classes: list(row.size_classes),
    consortium_rules: pair(row, "consortium_rules"),
    money: {
      amount_min: number(row.amount_min),
      amount_max: number(row.amount_max),
      percentage: number(row.percentage),
      pot: number(row.pot),
      pot_year: number(row.pot_year),
      window_open: row.window_open || null,
      window_close: row.window_close || null,
      allocation: row.allocation || null,
    },
    status_note: pair(row, "status_note"),
    certainty: pair(row, "certainty"),
    website: row.website || null,
    evidence: row.evidence_nl
      ? { nl: row.evidence_nl, en: row.evidence_en ?? "", source: row.evidence_source ?? "" }
      : null,
    reach: row.reach_nl ? { nl: row.reach_nl, en: row.reach_en ?? "", source: row.reach_source ?? "" } : null,
    general_finance: row.general_finance === "true" || row.general_finance === "1",
    recurrence: row.recurrence_months
      ? {
          frequency: "yearly",
          months: list(row.recurrence_months).map((month) => number(month)),
          until: row.recurrence_until || null,
        }
      : null,
    past_windows: list(row.past_windows).map((window) => {
      const [open, close] = window.split("/");
      return { open: open?.trim() ?? "", close: close?.trim() || null };
    }),
    partners: list(row.partners),
    keywords: { nl: list(row.keywords_nl), en: list(row.keywords_en) },
  };
}

/** A record as one flat CSV row (the inverse of csvRowToRecord). */
export function recordToCsvRow(record: InstrumentRecord): Record<(typeof CSV_COLUMNS)[number], string> {
  const join = (values: string[]) => values.join(";");
  const value = (cell: number | string | null) => (cell === null ? "" : String(cell));
  return {
    ref_id: record.ref_id,
    slug: record.slug,
    provider_id: record.provider_id,
    kind: record.kind,
    status: record.status,
    last_verified: record.last_verified,
    name_nl: record.name.nl,
    name_en: record.name.en,
    summary_nl: record.summary.nl,
    summary_en: record.summary.en,
    description_nl: record.description.nl,
    description_en: record.description.en,
    audience_nl: record.audience.nl,
    audience_en: record.audience.en,
    benefit_nl: record.benefit.nl,
    benefit_en: record.benefit.en,
    conditions_nl: record.conditions.nl,
    conditions_en: record.conditions.en,
    how_to_apply_nl: record.how_to_apply.nl,
    how_to_apply_en: record.how_to_apply.en,
    journey_steps: join(record.journey_steps),
    phases: join(record.phases),
    themes: join(record.themes),
    r_strategies: join(record.r_strategies),
    sbi_sections: join(record.sbi_sections),
    sbi_divisions: join(record.sbi_divisions),
    coverage_level: record.coverage.level,
    coverage_codes: join(record.coverage.codes),
    size_classes: join(record.size_classes),
    consortium_rules_nl: record.consortium_rules?.nl ?? "",
    consortium_rules_en: record.consortium_rules?.en ?? "",
    amount_min: value(record.money.amount_min),
    amount_max: value(record.money.amount_max),
    percentage: value(record.money.percentage),
    pot: value(record.money.pot),
    pot_year: value(record.money.pot_year),
    window_open: value(record.money.window_open),
    window_close: value(record.money.window_close),
    allocation: value(record.money.allocation),
    status_note_nl: record.status_note?.nl ?? "",
    status_note_en: record.status_note?.en ?? "",
    certainty_nl: record.certainty?.nl ?? "",
    certainty_en: record.certainty?.en ?? "",
    website: record.website ?? "",
    evidence_nl: record.evidence?.nl ?? "",
    evidence_en: record.evidence?.en ?? "",
    evidence_source: record.evidence?.source ?? "",
    reach_nl: record.reach?.nl ?? "",
    reach_en: record.reach?.en ?? "",
    reach_source: record.reach?.source ?? "",
    general_finance: record.general_finance ? "true" : "",
    recurrence_months: record.recurrence ? record.recurrence.months.join(";") : "",
    recurrence_until: record.recurrence?.until ?? "",
    past_windows: record.past_windows.map((window) => `${window.open}/${window.close ?? ""}`).join(";"),
    partners: join(record.partners),
    keywords_nl: join(record.keywords.nl),
    keywords_en: join(record.keywords.en),
  };
}
