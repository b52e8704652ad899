// Fills a SEPARATE database with synthetic instruments for load tests and benchmarks (never the demo database).
// npm run seed:synthetic -- --instruments 10000 (--data-dir DIR | --database-url URL)
import { resolve } from "node:path";
import { loadEnv } from "../src/config/env.js";
import { seedDatabase } from "../src/db/seed.js";
import { generateSyntheticCatalogue, importCatalogue } from "../src/modules/catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../src/modules/regions/index.js";
import { openTarget, scriptArgs } from "./support/database-args.js";

const { values } = scriptArgs({ instruments: { type: "string" } });
const count = Number(values.instruments ?? 10_000);
const target = { databaseUrl: values["database-url"], dataDir: values["data-dir"] };
const env = loadEnv();
if (!target.databaseUrl && !target.dataDir) {
  console.error("Give the separate database on the command line: --data-dir DIR or --database-url URL.");
  process.exit(2);
}
if (
  (target.dataDir && resolve(target.dataDir) === resolve(env.dataDir)) ||
  (target.databaseUrl && target.databaseUrl === env.databaseUrl)
) {
  console.error("Refusing to put synthetic instruments in the configured (demo) database. Use another one.");
  process.exit(2);
}
if (!Number.isInteger(count) || count < 1 || count > 200_000) {
  console.error("--instruments must be a whole number from 1 to 200000");
  process.exit(2);
}
const started = performance.now();
const database = await openTarget(target);
try {
  await seedDatabase(database.db, { demo: false });
  const geography = await loadGeography(createRegionsRepository(database.db));
  const report = await importCatalogue(database.db, generateSyntheticCatalogue(count, geography));
  if (!report.ok) {
    console.error(report.errors.slice(0, 20));
    process.exitCode = 1;
  } else
    console.log(
      `Synthetic instruments: ${report.instruments.created} created, ${report.instruments.updated} updated, ${report.instruments.unchanged} unchanged in ${((performance.now() - started) / 1000).toFixed(1)} s. Start the app on this database with CATALOGUE_SYNTHETIC=1 to see them.`,
    );
} finally {
  await database.close();
}
