// Imports a CSV or JSON file into the catalogue: all rows or none, idempotent by ref_id.
// npm run catalogue:import -- file.csv [--database-url URL | --data-dir DIR]
import { readFileSync } from "node:fs";
import { seedDatabase } from "../src/db/seed.js";
import { syncProviderOrganisations } from "../src/modules/auth/index.js";
import {
  createCatalogueService,
  listCatalogueProviders,
  parseImportFile,
} from "../src/modules/catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../src/modules/regions/index.js";
import { openTarget, scriptArgs } from "./support/database-args.js";

const { values, positionals } = scriptArgs({});
const [file] = positionals;
if (!file) {
  console.error(
    "usage: npm run catalogue:import -- <file.csv|file.json> [--database-url URL | --data-dir DIR]",
  );
  process.exit(2);
}
const format = file.endsWith(".csv") ? "csv" : "json";
const database = await openTarget({ databaseUrl: values["database-url"], dataDir: values["data-dir"] });
try {
  await seedDatabase(database.db, { demo: false });
  const service = createCatalogueService({
    db: database.db,
    geography: await loadGeography(createRegionsRepository(database.db)),
  });
  const report = await service.import(parseImportFile(readFileSync(file, "utf8"), format), {
    rowOffset: format === "csv" ? 2 : 1,
  });
  if (!report.ok) {
    console.error(`Nothing was imported: ${report.errors.length} problem(s).`);
    for (const error of report.errors)
      console.error(
        `  ${format === "csv" ? "line" : "row"} ${error.row} ${error.ref_id ?? ""} ${error.field}: ${error.message}`,
      );
    process.exitCode = 1;
  } else {
    const { instruments: i, organizations: o } = report;
    console.log(`Instruments: ${i.created} created, ${i.updated} updated, ${i.unchanged} unchanged.`);
    console.log(`Organizations: ${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged.`);
    // New providers become workspace organisations at once, not only at the next start (ADR 0084).
    await syncProviderOrganisations(database.db, await listCatalogueProviders(database.db));
  }
} finally {
  await database.close();
}
