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

/** Loads the product's reference data (geography, SBI, R-ladder). Idempotent: returns rows changed. */
export async function seedReferenceData(db: Database): Promise<number> {
  let changed = 0;
  changed += await loadRegionsReferenceData(db);
  changed += await loadReferenceVocabularies(db);
  return changed;
}

/** Everything a fresh database needs before the service starts. */
export async function seedDatabase(
  db: Database,
  options: { demo: boolean; logger?: Logger; demoPassword?: string; exampleEventsFrom?: Date },
): Promise<void> {
  const changed = await seedReferenceData(db);
  options.logger?.info({ changed }, "reference data loaded");
  // Curated content, loaded always: the example events carry is_example and are shown as examples, not demo-only.
  // The demo service moves them ahead of its start (`exampleEventsFrom`); tests keep the file's dates.
  const knowledgeChanged = await loadKnowledgeContent(db, { exampleEventsFrom: options.exampleEventsFrom });
  options.logger?.info({ changed: knowledgeChanged }, "knowledge content loaded");
  // The curated catalogue is content every installation needs, demo or not; loaded through the import (idempotent).
  const catalogueChanged = await loadCuratedCatalogue(db);
  options.logger?.info({ changed: catalogueChanged }, "curated catalogue loaded");
  // Every real catalogue provider is a workspace organisation, so it can get accounts or a referral address (ADR 0084).
  const providers = await syncProviderOrganisations(db, await listCatalogueProviders(db));
  options.logger?.info({ providers }, "provider organisations loaded");
  // The platform's own organisation, where beheerders belong; the first one is invited with `npm run beheer:invite`.
  await ensurePlatformOrganisation(db);
  // The real regional lokets and the national queue's organisation: facts every installation needs (ADR 0081).
  const lokets = await loadRegionalLokets(db);
  options.logger?.info({ lokets }, "regional lokets loaded");
  if (options.demo) await seedDemoData(db, options.demoPassword ?? "demo-wachtwoord", options.logger);
}

/** Demo organisations, accounts and hubs (idempotent); tests load the same data with this function. */
export async function seedDemoData(db: Database, demoPassword: string, logger?: Logger): Promise<void> {
  const accounts = await seedDemoAccounts(db, demoPassword);
  const hubs = await seedDemoHubs(db);
  logger?.info({ accounts, hubs }, "demo data loaded");
}
