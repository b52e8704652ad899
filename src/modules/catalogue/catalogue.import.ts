import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import { unescapeCsvFormula } from "../../web/csv.js";
import { createRegionsRepository, type Geography, loadGeography } from "../regions/index.js";
import {
  csvRowToRecord,
  type InstrumentRecord,
  instrumentRecordSchema,
  type OrganizationRecord,
  organizationRecordSchema,
} from "./catalogue.schemas.js";
import { catalogueInstruments, catalogueOrganizations, catalogueSearchWords } from "./catalogue.tables.js";
import { splitCompound, tokenise } from "./catalogue.text.js";
import { uuidFor } from "./catalogue.vocabulary.js";

export type ImportInput = { organizations: unknown[]; instruments: unknown[] };
export type ImportRowError = {
  entity: "organization" | "instrument";
  row: number;
  ref_id?: string;
  field: string;
  message: string;
};
export type ImportCounts = { created: number; updated: number; unchanged: number };
export type ImportReport = {
  ok: boolean;
  organizations: ImportCounts;
  instruments: ImportCounts;
  errors: ImportRowError[];
};

/** Reads an import file: JSON ({organizations, instruments} or a list of instruments) or CSV (one instrument a row). */
export function parseImportFile(content: string, format: "json" | "csv"): ImportInput {
  if (format === "csv") {
    const rows = parse(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
      string,
      string
    >[];
    // A cell our own export escaped against formula injection ('=…) reads back as it was written.
    const unescaped = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, unescapeCsvFormula(value)])),
    );
    return { organizations: [], instruments: unescaped.map(csvRowToRecord) };
  }
  const data = JSON.parse(content) as unknown;
  if (Array.isArray(data)) return { organizations: [], instruments: data };
  if (data && typeof data === "object") {
    const { organizations = [], instruments = [] } = data as Partial<ImportInput>;
    if (Array.isArray(organizations) && Array.isArray(instruments)) return { organizations, instruments };
  }
  throw new Error("A JSON import is a list of instruments or an object with organizations and instruments.");
}

const emptyCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });
const hash = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

/**
 * Validates every row, then writes all of them in one transaction or none: an import with any row error changes
 * nothing. Rows are matched by ref_id and only written when their content differs, so importing the same file twice
 * reports 0 changes the second time.
 */
export async function importCatalogue(
  db: Database,
  input: ImportInput,
  options: { rowOffset?: number } = {},
): Promise<ImportReport> {
  const offset = options.rowOffset ?? 1;
  const errors: ImportRowError[] = [];
  const organizations: OrganizationRecord[] = [];
  const instruments: InstrumentRecord[] = [];
  const instrumentRows: number[] = [];
  input.organizations.forEach((raw, index) => {
    const parsed = organizationRecordSchema.safeParse(raw);
    if (parsed.success) organizations.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({
          entity: "organization",
          row: index + offset,
          ref_id: refOf(raw, "id"),
          field: issue.path.join(".") || "row",
          message: issue.message,
        });
  });
  input.instruments.forEach((raw, index) => {
    const parsed = instrumentRecordSchema.safeParse(raw);
    if (parsed.success) {
      instruments.push(parsed.data);
      instrumentRows.push(index + offset);
    } else
      for (const issue of parsed.error.issues)
        errors.push({
          entity: "instrument",
          row: index + offset,
          ref_id: refOf(raw, "ref_id"),
          field: issue.path.join(".") || "row",
          message: issue.message,
        });
  });

  const geography = await loadGeography(createRegionsRepository(db));
  const existingOrganizations = new Map(
    (
      await db
        .select({ refId: catalogueOrganizations.refId, contentHash: catalogueOrganizations.contentHash })
        .from(catalogueOrganizations)
    ).map((row) => [row.refId, row.contentHash]),
  );
  const existingInstruments = new Map(
    (
      await db
        .select({
          refId: catalogueInstruments.refId,
          slug: catalogueInstruments.slug,
          contentHash: catalogueInstruments.contentHash,
        })
        .from(catalogueInstruments)
    ).map((row) => [row.refId, row]),
  );
  checkReferences(
    instruments,
    instrumentRows,
    organizations,
    existingOrganizations,
    existingInstruments,
    geography,
    errors,
  );
  checkDuplicates(
    organizations.map((o) => o.id),
    "organization",
    "id",
    input.organizations,
    offset,
    errors,
  );

  const report: ImportReport = {
    ok: errors.length === 0,
    organizations: emptyCounts(),
    instruments: emptyCounts(),
    errors,
  };
  if (!report.ok) return report;

  await db.transaction(async (tx) => {
    const database = tx;
    const organizationRows = [];
    for (const record of organizations) {
      const contentHash = hash(record);
      const previous = existingOrganizations.get(record.id);
      if (previous === contentHash) {
        report.organizations.unchanged++;
        continue;
      }
      report.organizations[previous ? "updated" : "created"]++;
      organizationRows.push({
        id: uuidFor("organization", record.id),
        refId: record.id,
        name: record.name,
        alternateName: record.alternate_name,
        description: record.description,
        website: record.website,
        email: record.email,
        phone: record.phone,
        kind: record.kind,
        synthetic: record.id.startsWith("synthetic-"),
        contentHash,
        updatedAt: new Date(),
      });
    }
    for (let start = 0; start < organizationRows.length; start += 500)
      await database
        .insert(catalogueOrganizations)
        .values(organizationRows.slice(start, start + 500))
        .onConflictDoUpdate({
          target: catalogueOrganizations.refId,
          set: excludedSet(
            Object.keys(organizationRows[0]!).filter((key) => key !== "id" && key !== "refId"),
            catalogueOrganizationsColumns,
          ),
        });

    const instrumentRows = [];
    for (const record of instruments) {
      const contentHash = hash(record);
      const previous = existingInstruments.get(record.ref_id);
      if (previous?.contentHash === contentHash) {
        report.instruments.unchanged++;
        continue;
      }
      report.instruments[previous ? "updated" : "created"]++;
      instrumentRows.push(toInstrumentRow(record, contentHash, geography));
    }
    for (let start = 0; start < instrumentRows.length; start += 300)
      await database
        .insert(catalogueInstruments)
        .values(instrumentRows.slice(start, start + 300))
        .onConflictDoUpdate({
          target: catalogueInstruments.refId,
          set: excludedSet(
            Object.keys(instrumentRows[0]!).filter(
              (key) => key !== "id" && key !== "refId" && key !== "searchExtra",
            ),
            catalogueInstrumentsColumns,
          ),
        });
    if (organizationRows.length || instrumentRows.length) await rebuildSearchIndex(database, geography);
  });
  return report;
}

function refOf(raw: unknown, key: string): string | undefined {
  const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

function checkDuplicates(
  keys: string[],
  entity: ImportRowError["entity"],
  field: string,
  raws: unknown[],
  offset: number,
  errors: ImportRowError[],
) {
  const seen = new Set<string>();
  raws.forEach((raw, index) => {
    const key = refOf(raw, field);
    if (!key || !keys.includes(key)) return;
    if (seen.has(key))
      errors.push({
        entity,
        row: index + offset,
        ref_id: key,
        field,
        message: `appears more than once in this file`,
      });
    seen.add(key);
  });
}

function checkReferences(
  instruments: InstrumentRecord[],
  rows: number[],
  organizations: OrganizationRecord[],
  existingOrganizations: Map<string, string>,
  existingInstruments: Map<string, { refId: string; slug: string }>,
  geography: Geography,
  errors: ImportRowError[],
) {
  const providers = new Set([...existingOrganizations.keys(), ...organizations.map((o) => o.id)]);
  const slugOwners = new Map([...existingInstruments.values()].map((row) => [row.slug, row.refId]));
  const seenRefs = new Set<string>();
  const seenSlugs = new Map<string, string>();
  instruments.forEach((record, index) => {
    const row = rows[index] ?? 0;
    const add = (field: string, message: string) =>
      errors.push({ entity: "instrument", row, ref_id: record.ref_id, field, message });
    if (seenRefs.has(record.ref_id)) add("ref_id", "appears more than once in this file");
    seenRefs.add(record.ref_id);
    if (!providers.has(record.provider_id)) add("provider_id", `unknown provider "${record.provider_id}"`);
    const owner = seenSlugs.get(record.slug) ?? slugOwners.get(record.slug);
    if (owner && owner !== record.ref_id) add("slug", `is already used by ${owner}`);
    seenSlugs.set(record.slug, record.ref_id);
    for (const code of record.coverage.codes) {
      const known =
        code === "NL" ||
        (code.startsWith("PV") && geography.province(code)) ||
        (code.startsWith("ES") && geography.region(code)) ||
        (code.startsWith("GM") && geography.municipality(code));
      if (!known) add("coverage.codes", `unknown area code ${code}`);
    }
  });
}

/** Coverage as match keys (ADR 0010): the area codes themselves, NL for national and EU for European instruments. */
export function coverageKeys(level: string, codes: string[]): string[] {
  if (level === "eu") return ["EU"];
  if (level === "national") return ["NL"];
  return [...codes];
}

function toInstrumentRow(record: InstrumentRecord, contentHash: string, _geography: Geography) {
  return {
    id: uuidFor("service", record.ref_id),
    refId: record.ref_id,
    slug: record.slug,
    organizationId: uuidFor("organization", record.provider_id),
    name: record.name,
    partners: record.partners,
    kind: record.kind,
    summary: record.summary,
    description: record.description,
    audience: record.audience,
    benefit: record.benefit,
    conditions: record.conditions,
    howToApply: record.how_to_apply,
    journeySteps: record.journey_steps,
    phases: record.phases,
    themes: record.themes,
    rStrategies: record.r_strategies,
    sbiSections: record.sbi_sections,
    sbiDivisions: record.sbi_divisions,
    coverageLevel: record.coverage.level,
    coverageCodes: record.coverage.codes,
    coverageKeys: coverageKeys(record.coverage.level, record.coverage.codes),
    sizeClasses: record.size_classes,
    consortiumRules: record.consortium_rules,
    amountMin: record.money.amount_min,
    amountMax: record.money.amount_max,
    percentage: record.money.percentage,
    pot: record.money.pot,
    potYear: record.money.pot_year,
    windowOpen: record.money.window_open,
    windowClose: record.money.window_close,
    allocation: record.money.allocation,
    status: record.status,
    statusNote: record.status_note,
    lastVerified: record.last_verified,
    certainty: record.certainty,
    website: record.website,
    evidence: record.evidence,
    reach: record.reach,
    generalFinance: record.general_finance,
    recurrence: record.recurrence,
    pastWindows: record.past_windows,
    keywords: record.keywords,
    synthetic: record.ref_id.startsWith("synthetic-"),
    contentHash,
    updatedAt: new Date(),
  };
}

const catalogueOrganizationsColumns = catalogueOrganizations as unknown as Record<string, { name: string }>;
const catalogueInstrumentsColumns = catalogueInstruments as unknown as Record<string, { name: string }>;
function excludedSet(keys: string[], table: Record<string, { name: string }>) {
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${table[key]!.name}"`)]));
}

/**
 * Rebuilds the derived search words (ADR 0011): compound parts found against the catalogue's own vocabulary
 * ("textielrecycling" also indexes "recycling"), the place names of an instrument's coverage, and the word list the
 * query planner and the pg_trgm typo fallback use. Runs inside the import transaction.
 */
export async function rebuildSearchIndex(db: Database, geography: Geography): Promise<void> {
  const rows = await queryRows<{ id: string; texts: string; level: string; codes: string[]; extra: string }>(
    db,
    sql`select id, concat_ws(' ', name->>'nl', name->>'en', summary->>'nl', summary->>'en', description->>'nl',
      description->>'en', audience->>'nl', audience->>'en', benefit->>'nl', benefit->>'en', conditions->>'nl',
      conditions->>'en', how_to_apply->>'nl', how_to_apply->>'en', keywords->>'nl', keywords->>'en') as texts,
      coverage_level as level, coverage_codes as codes, search_extra as extra from catalogue_instruments`,
  );
  const documentWords = rows.map((row) => new Set(tokenise(row.texts)));
  const documents = new Map<string, number>();
  for (const words of documentWords)
    for (const word of words) documents.set(word, (documents.get(word) ?? 0) + 1);
  const isWord = (word: string) => word.length >= 4 && documents.has(word);
  const updates: { id: string; extra: string }[] = [];
  const finalExtras: string[] = [];
  rows.forEach((row, index) => {
    const extra = new Set<string>();
    for (const word of documentWords[index]!) {
      if (word.length < 9) continue;
      const parts = splitCompound(word, (candidate) => candidate !== word && isWord(candidate));
      if (parts) for (const part of parts) extra.add(part);
      else {
        const tail = longestKnownTail(word, isWord);
        if (tail) extra.add(tail);
      }
    }
    for (const name of placeNames(row.level, row.codes, geography))
      for (const word of tokenise(name)) extra.add(word);
    const value = [...extra].sort().join(" ");
    finalExtras.push(value);
    if (value !== row.extra) updates.push({ id: row.id, extra: value });
  });
  for (let start = 0; start < updates.length; start += 500) {
    const values = sql.join(
      updates.slice(start, start + 500).map((update) => sql`(${update.id}::uuid, ${update.extra})`),
      sql`, `,
    );
    await db.execute(
      sql`update catalogue_instruments as i set search_extra = v.extra from (values ${values}) as v(id, extra) where i.id = v.id`,
    );
  }
  // Place names and compound parts are words a query may use, so the planner must know them too.
  for (const extra of finalExtras)
    for (const word of tokenise(extra)) if (!documents.has(word)) documents.set(word, 1);
  await db.delete(catalogueSearchWords);
  const words = [...documents]
    .filter(([word]) => word.length >= 2)
    .map(([word, count]) => ({ word, documents: count }));
  for (let start = 0; start < words.length; start += 2000)
    await db.insert(catalogueSearchWords).values(words.slice(start, start + 2000));
}

function longestKnownTail(word: string, isWord: (word: string) => boolean): string | undefined {
  for (let cut = 4; cut <= word.length - 5; cut++) {
    const tail = word.slice(cut);
    if (isWord(tail)) return tail;
  }
  return undefined;
}

/** The names of the places an instrument covers, so "Apeldoorn" finds a Cleantech Regio instrument. */
function placeNames(level: string, codes: string[], geography: Geography): string[] {
  const names: string[] = [];
  for (const code of codes) {
    const province = geography.province(code);
    if (province) names.push(province.name, province.alternateName ?? "");
    const region = code.startsWith("ES") ? geography.region(code) : undefined;
    if (region) {
      names.push(region.name);
      for (const member of region.municipalityCodes) names.push(geography.municipality(member)?.name ?? "");
      for (const provinceCode of region.provinceCodes)
        names.push(geography.province(provinceCode)?.name ?? "");
    }
    const municipality = level === "municipality" ? geography.municipality(code) : undefined;
    if (municipality)
      names.push(municipality.name, geography.province(municipality.provinceCode)?.name ?? "");
  }
  return names;
}

/** Loads the curated catalogue from data/catalogue through the import; a curated file with errors stops start-up. */
export async function loadCuratedCatalogue(db: Database): Promise<number> {
  const report = await importCatalogue(db, {
    organizations: readDataJson<unknown[]>("catalogue/organizations.json"),
    instruments: readDataJson<unknown[]>("catalogue/instruments.json"),
  });
  if (!report.ok)
    throw new Error(
      `The curated catalogue has errors:\n${report.errors.map((e) => `  ${e.entity} ${e.ref_id ?? e.row} ${e.field}: ${e.message}`).join("\n")}`,
    );
  return (
    report.organizations.created +
    report.organizations.updated +
    report.instruments.created +
    report.instruments.updated
  );
}
