import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import {
  ensurePlatformOrganisation,
  seedDemoAccounts,
  syncProviderOrganisations,
} from "../modules/auth/index.js";
import { listCatalogueProviders, loadCuratedCatalogue } from "../modules/catalogue/index.js";
import { loadKnowledgeContent } from "../modules/knowledge/index.js";
import { loadReferenceVocabularies } from "../modules/reference/index.js";
import { loadRegionalLokets, seedDemoHubs } from "../modules/referrals/index.js";
import { loadRegionsReferenceData } from "../modules/regions/index.js";
import type { Database } from "./client.js";
import { hashDataFiles } from "./data-files.js";
import { migrationsFolder } from "./migrate.js";
import { dataFileLoads } from "./seed.tables.js";

/** Loads the product's reference data (geography, SBI, R-ladder). Idempotent: returns rows changed. */
export async function seedReferenceData(db: Database): Promise<number> {
  let changed = 0;
  changed += await loadRegionsReferenceData(db);
  changed += await loadReferenceVocabularies(db);
  return changed;
}

/**
 * Raise this when a loader starts to write the same files differently (a new column filled, a changed rule) without
 * a migration: every data set then loads once more at the next start. A migration does the same by itself.
 */
export const LOADERS_VERSION = 1;

/** One data set loaded at start: the files under data/ it reads, the options that change what it writes. */
export type DataSet = {
  name: string;
  /** Files and folders under data/ (folders recursively), including those of the sets whose rows it builds on. */
  files: readonly string[];
  options?: unknown;
  load: () => Promise<number>;
};

/** Rows changed per data set; "unchanged" when the set's content hash matched and its load was skipped. */
export type SeedReport = Record<string, number | "unchanged">;

/** The newest migration's tag: a new schema loads every set again, since a loader may fill what it added. */
function schemaTag(): string {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? "";
}

/** The hash a data set is filed under: its files, its options, the loaders' version and the schema. */
export function dataSetHash(set: Pick<DataSet, "files" | "options">, root?: string): string {
  return createHash("sha256")
    .update(
      JSON.stringify([LOADERS_VERSION, schemaTag(), set.options ?? null, hashDataFiles(set.files, root)]),
    )
    .digest("hex");
}

/**
 * Loads a data set unless the database says it was loaded from the same content (ADR 0082). The hash is written
 * after the load succeeds, so a start that failed half-way loads the set again next time.
 */
export async function loadWhenChanged(
  db: Database,
  set: DataSet,
  contentHash = dataSetHash(set),
): Promise<number | "unchanged"> {
  const [stored] = await db
    .select({ contentHash: dataFileLoads.contentHash })
    .from(dataFileLoads)
    .where(eq(dataFileLoads.name, set.name));
  if (stored?.contentHash === contentHash) return "unchanged";
  const changed = await set.load();
  const loadedAt = new Date();
  await db
    .insert(dataFileLoads)
    .values({ name: set.name, contentHash, loadedAt })
    .onConflictDoUpdate({ target: dataFileLoads.name, set: { contentHash, loadedAt } });
  return changed;
}

/**
 * The data sets every installation loads at start, in order. Each lists the files it reads and those of the sets
 * its rows build on (the catalogue's coverage and the lokets' regions rest on the reference data; the knowledge
 * checks its links against the catalogue file), so a change there loads it again too.
 */
export function startupDataSets(db: Database, options: { exampleEventsFrom?: Date } = {}): DataSet[] {
  const exampleEventsFrom = options.exampleEventsFrom;
  return [
    { name: "reference", files: ["reference"], load: () => seedReferenceData(db) },
    {
      name: "knowledge",
      files: ["knowledge", "catalogue/instruments.json", "reference"],
      // The demo moves its example events ahead of the day it starts: a start on another day loads them again.
      options: { exampleEventsFrom: exampleEventsFrom?.toISOString().slice(0, 10) ?? null },
      load: () => loadKnowledgeContent(db, { exampleEventsFrom }),
    },
    { name: "catalogue", files: ["catalogue", "reference"], load: () => loadCuratedCatalogue(db) },
    { name: "lokets", files: ["regions", "reference"], load: () => loadRegionalLokets(db) },
  ];
}

const LOADED_MESSAGES: Record<string, string> = {
  reference: "reference data loaded",
  knowledge: "knowledge content loaded",
  catalogue: "curated catalogue loaded",
  lokets: "regional lokets loaded",
};

/**
 * Everything a database needs before the service starts. A data set whose files, options and schema are unchanged
 * since it was last loaded is skipped (ADR 0082): a restart does not read every reference row again.
 */
export async function seedDatabase(
  db: Database,
  options: { demo: boolean; logger?: Logger; demoPassword?: string; exampleEventsFrom?: Date },
): Promise<SeedReport> {
  const report: SeedReport = {};
  // The curated catalogue is content every installation needs, demo or not; loaded through the import (idempotent).
  // The example events carry is_example and exist only when the demo service passes its start (ADR 0079).
  // The real regional lokets and the national queue's organisation: facts every installation needs (ADR 0081).
  for (const set of startupDataSets(db, { exampleEventsFrom: options.exampleEventsFrom })) {
    const changed = await loadWhenChanged(db, set);
    report[set.name] = changed;
    options.logger?.info(
      changed === "unchanged" ? { changed: 0, skipped: "unchanged" } : { changed },
      changed === "unchanged"
        ? `${LOADED_MESSAGES[set.name] ?? set.name}: files unchanged, skipped`
        : (LOADED_MESSAGES[set.name] ?? `${set.name} loaded`),
    );
  }
  // Every real catalogue provider is a workspace organisation, so it can get accounts or a referral address (ADR 0084).
  // Run at every start, not only when the files change: the catalogue's import API can add providers too.
  const providers = await syncProviderOrganisations(db, await listCatalogueProviders(db));
  options.logger?.info({ providers }, "provider organisations loaded");
  // The platform's own organisation, where beheerders belong; the first one is invited with `npm run beheer:invite`.
  await ensurePlatformOrganisation(db);
  if (options.demo) await seedDemoData(db, options.demoPassword ?? "demo-wachtwoord", options.logger);
  return report;
}

/** Demo organisations, accounts and hubs (idempotent); tests load the same data with this function. */
export async function seedDemoData(db: Database, demoPassword: string, logger?: Logger): Promise<void> {
  const accounts = await seedDemoAccounts(db, demoPassword);
  const hubs = await seedDemoHubs(db);
  logger?.info({ accounts, hubs }, "demo data loaded");
}
