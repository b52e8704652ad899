import { and, eq, getTableColumns, notInArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import { upsertChanged } from "../../db/upsert.js";
import { amsterdamDate, amsterdamInstant } from "../../i18n/index.js";
import { curatedInstrumentRefIds } from "../catalogue/index.js";
import {
  curatedEventsFile,
  curatedExamplesFile,
  curatedPackagesFile,
  curatedRoadmapsFile,
} from "./knowledge.schemas.js";
import {
  knowledgeEvents,
  knowledgeExamples,
  knowledgeMeasurePackages,
  knowledgeMeasures,
  knowledgeRoadmaps,
} from "./knowledge.tables.js";

/** The curated files of data/knowledge, each checked against its schema, and the ref_ids of the curated catalogue. */
export type CuratedKnowledge = {
  examples: z.infer<typeof curatedExamplesFile>;
  events: z.infer<typeof curatedEventsFile>;
  packages: z.infer<typeof curatedPackagesFile>;
  roadmaps: z.infer<typeof curatedRoadmapsFile>;
  /** Curated content links only instruments of the curated catalogue, which every installation loads. */
  instrumentRefIds: ReadonlySet<string>;
};

/** Reads and parses the curated knowledge files; a file that does not fit its schema throws. */
export function readCuratedKnowledge(): CuratedKnowledge {
  return {
    examples: curatedExamplesFile.parse(readDataJson("knowledge/examples.json")),
    events: curatedEventsFile.parse(readDataJson("knowledge/events.json")),
    packages: curatedPackagesFile.parse(readDataJson("knowledge/measure-packages.json")),
    roadmaps: curatedRoadmapsFile.parse(readDataJson("knowledge/roadmaps.json")),
    instrumentRefIds: curatedInstrumentRefIds(),
  };
}

/** Where the curated examples are (region and sector section only), for the monitor's coverage (ADR 0087). */
export function curatedExampleFacts(): { regionCode: string | null; sbiSection: string | null }[] {
  return readDataJson<{ res_region: string | null; sbi_section: string | null }[]>(
    "knowledge/examples.json",
  ).map((row) => ({ regionCode: row.res_region, sbiSection: row.sbi_section }));
}

/** Where and when the curated agenda events are, for the monitor's coverage (ADR 0087). */
export function curatedEventFacts(): { regionCode: string | null; startsAt: Date }[] {
  return readDataJson<{ region: string | null; starts_at: string }[]>("knowledge/events.json").map((row) => ({
    regionCode: row.region,
    startsAt: new Date(row.starts_at),
  }));
}

/**
 * What in the curated content points at nothing: a measure code or package slug a roadmap names, an instrument
 * ref_id of a measure, roadmap or example, a package an example names, a measure code used twice, or a sector
 * choice claimed by two packages. Empty when every link holds. Pure.
 */
export function danglingLinks(content: CuratedKnowledge): string[] {
  const problems: string[] = [];
  const slugs = new Set(content.packages.map((item) => item.slug));
  const codes = new Set<string>();
  const choices = new Map<string, string>();
  const checkRefIds = (where: string, refIds: string[]) => {
    for (const refId of refIds)
      if (!content.instrumentRefIds.has(refId)) problems.push(`${where}: unknown instrument ${refId}`);
  };
  for (const item of content.packages) {
    for (const choice of item.sector_choices) {
      const other = choices.get(choice);
      if (other) problems.push(`${item.slug}: sector choice ${choice} is already ${other}'s`);
      choices.set(choice, item.slug);
    }
    for (const measure of item.measures) {
      if (codes.has(measure.code)) problems.push(`${item.slug}: measure code ${measure.code} is used twice`);
      codes.add(measure.code);
      checkRefIds(`${item.slug}/${measure.code}`, measure.instrument_ref_ids);
    }
  }
  for (const roadmap of content.roadmaps) {
    if (roadmap.measure_package && !slugs.has(roadmap.measure_package))
      problems.push(`${roadmap.slug}: unknown measure package ${roadmap.measure_package}`);
    for (const action of roadmap.horizons.flatMap((horizon) => horizon.actions)) {
      for (const code of action.measure_codes)
        if (!codes.has(code)) problems.push(`${roadmap.slug}: unknown measure ${code}`);
      checkRefIds(roadmap.slug, action.instrument_ref_ids);
    }
  }
  for (const example of content.examples) {
    if (example.sector_package && !slugs.has(example.sector_package))
      problems.push(`${example.slug}: unknown measure package ${example.sector_package}`);
    checkRefIds(example.slug, example.instruments);
  }
  return problems;
}

/**
 * Loads the curated knowledge content from data/knowledge (examples, events, measure packages, roadmaps) and removes
 * curated rows that left the files. Idempotent: returns the number of rows changed, 0 when nothing changed.
 * Content with a dangling link (`danglingLinks`) is refused before anything is written, so a typo stops the start
 * instead of leaving a link to nowhere on a page. With `exampleEventsFrom` (the demo service passes its start), the
 * invented example events move forward by whole weeks so the first is on or after that day (`moveExampleEvents`);
 * without it they keep the file's dates. `content` replaces the files (tests).
 */
export async function loadKnowledgeContent(
  db: Database,
  options: { exampleEventsFrom?: Date; content?: CuratedKnowledge } = {},
): Promise<number> {
  const content = options.content ?? readCuratedKnowledge();
  const problems = danglingLinks(content);
  if (problems.length)
    throw new Error(
      `data/knowledge has links to nothing:\n${problems.map((line) => `- ${line}`).join("\n")}`,
    );
  const { examples, packages, roadmaps } = content;
  // Invented example events exist only in demo mode (`exampleEventsFrom` is the demo's start): without it they are
  // left out, and curated rows that are not in the list are removed below, so a switch to DEMO=0 drops them.
  const events = options.exampleEventsFrom
    ? moveExampleEvents(content.events, options.exampleEventsFrom)
    : content.events.filter((event) => !event.is_example);

  const packageNames = new Map(packages.map((item) => [item.slug, item.name] as const));
  const exampleRows = examples.map((example) => ({
    slug: example.slug,
    company: example.company,
    title: example.title,
    sbiSection: example.sbi_section,
    sbiDivision: example.sbi_division,
    sectorPackage: example.sector_package,
    provinceCode: example.province,
    regionCode: example.res_region,
    municipalityCode: example.municipality,
    strategies: example.r_strategies,
    themes: example.themes,
    whatTheyDid: example.what_they_did,
    result: example.result,
    instrumentRefIds: example.instruments,
    year: example.year,
    sources: example.sources,
    searchText: [
      example.company,
      example.title.nl,
      example.title.en,
      example.what_they_did.nl,
      example.what_they_did.en,
      example.result.nl,
      example.result.en,
      example.themes.join(" "),
      // The sector's name in both languages, so a search for "textiel" finds what the sector filter finds.
      ...(example.sector_package ? Object.values(packageNames.get(example.sector_package) ?? {}) : []),
    ].join(" \n"),
  }));
  const packageRows = packages.map((item, position) => ({
    slug: item.slug,
    position,
    name: item.name,
    intro: item.intro,
    sbiSections: item.sbi_sections,
    sbiDivisions: item.sbi_divisions,
    sectorChoices: item.sector_choices,
  }));
  const measureRows = packages.flatMap((item) =>
    item.measures.map((measure, position) => ({
      code: measure.code,
      packageSlug: item.slug,
      position,
      title: measure.title,
      description: measure.description,
      strategy: measure.r_strategy,
      theme: measure.theme,
      horizon: measure.horizon,
      cost: measure.cost.level,
      costBasis: measure.cost.level_basis,
      costIndication: measure.cost.indication,
      costSource: measure.cost.source,
      benefit: measure.benefit.text,
      benefitIndication: measure.benefit.indication,
      benefitSource: measure.benefit.source,
      difficulty: measure.difficulty,
      instrumentRefIds: measure.instrument_ref_ids,
    })),
  );
  const roadmapRows = roadmaps.map((roadmap, position) => ({
    slug: roadmap.slug,
    position,
    title: roadmap.title,
    intro: roadmap.intro,
    measurePackageSlug: roadmap.measure_package,
    horizons: roadmap.horizons.map((horizon) => ({
      horizon: horizon.horizon,
      goals: horizon.goals,
      actions: horizon.actions.map((action) => ({
        scale: action.scale,
        text: action.text,
        measureCodes: action.measure_codes,
        instrumentRefIds: action.instrument_ref_ids,
      })),
    })),
    sources: roadmap.sources,
  }));
  const eventRows = events.map((event) => ({
    slug: event.slug,
    title: event.title,
    description: event.description,
    startsAt: new Date(event.starts_at),
    endsAt: new Date(event.ends_at),
    online: event.online,
    place: event.place,
    regionCode: event.region,
    organiser: event.organiser,
    instrumentRefId: event.instrument_ref_id,
    registrationUrl: event.registration_url,
    isExample: event.is_example,
    origin: "curated" as const,
  }));

  return db.transaction(async (tx) => {
    const database = tx;
    let changed = 0;
    changed += await upsertChanged(database, knowledgeExamples, knowledgeExamples.slug, exampleRows);
    changed += await upsertChanged(
      database,
      knowledgeMeasurePackages,
      knowledgeMeasurePackages.slug,
      packageRows,
    );
    changed += await upsertChanged(database, knowledgeMeasures, knowledgeMeasures.code, measureRows);
    changed += await upsertChanged(database, knowledgeRoadmaps, knowledgeRoadmaps.slug, roadmapRows);
    changed += await upsertCuratedEvents(database, eventRows);
    changed += await removeMissing(
      database,
      knowledgeExamples.slug,
      exampleRows.map((row) => row.slug),
    );
    changed += await removeMissing(
      database,
      knowledgeRoadmaps.slug,
      roadmapRows.map((row) => row.slug),
    );
    changed += await removeMissing(
      database,
      knowledgeMeasures.code,
      measureRows.map((row) => row.code),
    );
    changed += await removeMissing(
      database,
      knowledgeMeasurePackages.slug,
      packageRows.map((row) => row.slug),
    );
    const curatedSlugs = eventRows.map((row) => row.slug);
    changed += (
      await database
        .delete(knowledgeEvents)
        .where(and(eq(knowledgeEvents.origin, "curated"), notInArray(knowledgeEvents.slug, curatedSlugs)))
        .returning({ slug: knowledgeEvents.slug })
    ).length;
    return changed;
  });
}

async function removeMissing(db: Database, key: PgColumn, keep: string[]): Promise<number> {
  const table = key.table;
  const result = (await db
    .delete(table)
    .where(notInArray(key, keep))
    .returning({ one: sql<number>`1` })) as unknown[];
  return result.length;
}

/**
 * Curated events are upserted by slug, but a changed event gets version + 1 (providers' edits rely on the version),
 * and an event a provider has taken over is never overwritten by the curated file.
 */
const DAY_MS = 24 * 3600 * 1000;

/**
 * The example events (is_example) moved forward by whole weeks so the earliest starts on or after `from`: the same
 * weekdays, the same Dutch wall-clock times, the same gaps between them, so a demo started on any day shows an agenda
 * ahead of it (and the regions whose example event is within six months get their star, ADR 0061). The examples
 * marked `demo_archive` are dated before the others and move by the same weeks, so they land in the past and the
 * archive has something to show. Real events and an agenda that already lies ahead are left alone. Pure.
 */
export function moveExampleEvents<
  T extends { starts_at: string; ends_at: string; is_example: boolean; demo_archive?: boolean },
>(events: T[], from: Date): T[] {
  const examples = events.filter((event) => event.is_example && !event.demo_archive);
  if (examples.length === 0) return events;
  const first = Math.min(...examples.map((event) => Date.parse(event.starts_at)));
  if (first >= from.getTime()) return events;
  const days = Math.ceil((from.getTime() - first) / (7 * DAY_MS)) * 7;
  return events.map((event) => {
    if (!event.is_example) return event;
    // Whole weeks keep the weekday and the office hours; one that would land in the Christmas holidays
    // (24 December to 1 January) moves on two more weeks, so no invented event sits on a day offices are closed.
    const shift = inChristmasHolidays(amsterdamPlusDays(event.starts_at, days)) ? days + 14 : days;
    return {
      ...event,
      starts_at: amsterdamPlusDays(event.starts_at, shift),
      ends_at: amsterdamPlusDays(event.ends_at, shift),
    };
  });
}

/** 24 December to 1 January, by the Dutch calendar day of an ISO time. */
function inChristmasHolidays(iso: string): boolean {
  const day = amsterdamDate(new Date(iso)).slice(5);
  return day >= "12-24" || day === "01-01";
}

/** An ISO time `days` calendar days later at the same wall-clock time in the Netherlands, with its own UTC offset. */
function amsterdamPlusDays(iso: string, days: number): string {
  const wall = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(iso)![1]!;
  // The wall-clock time read as if it were UTC, moved by whole days, then read in the Netherlands again.
  const moved = new Date(Date.parse(`${wall}Z`) + days * DAY_MS).toISOString().slice(0, 16);
  return amsterdamInstant(moved).toISOString();
}

async function upsertCuratedEvents(db: Database, rows: (typeof knowledgeEvents.$inferInsert)[]) {
  if (rows.length === 0) return 0;
  const contentColumns = Object.values(getTableColumns(knowledgeEvents)).filter(
    (column) => !["slug", "version", "updated_at"].includes(column.name),
  );
  const set: Record<string, SQL> = {
    version: sql`${knowledgeEvents.version} + 1`,
    updatedAt: sql`now()`,
  };
  for (const [key, column] of Object.entries(getTableColumns(knowledgeEvents)))
    if (contentColumns.includes(column)) set[key] = sql.raw(`excluded."${column.name}"`);
  const differs = sql.join(
    contentColumns.map((column) => sql`${column} is distinct from ${sql.raw(`excluded."${column.name}"`)}`),
    sql` or `,
  );
  const result = await db
    .insert(knowledgeEvents)
    .values(rows)
    .onConflictDoUpdate({
      target: knowledgeEvents.slug,
      set,
      setWhere: sql`${knowledgeEvents.origin} = 'curated' and (${differs})`,
    })
    .returning({ slug: knowledgeEvents.slug });
  return result.length;
}
