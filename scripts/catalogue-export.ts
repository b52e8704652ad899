// Exports the catalogue: --format csv (the import's columns), json (the import's format) or hsds (HSDS 3.0 JSON).
// npm run catalogue:export -- [--format csv|json|hsds] [--out file] [--database-url URL | --data-dir DIR]
import { writeFileSync } from "node:fs";
import { loadEnv } from "../src/config/env.js";
import { seedDatabase } from "../src/db/seed.js";
import { createCatalogueService, exportCsv, exportHsds, exportJson } from "../src/modules/catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../src/modules/regions/index.js";
import { absoluteUrlOn } from "../src/web/links.js";
import { openTarget, scriptArgs } from "./support/database-args.js";

const { values } = scriptArgs({ format: { type: "string" }, out: { type: "string" } });
const format = values.format ?? "csv";
if (!["csv", "json", "hsds"].includes(format)) {
  console.error("--format must be csv, json or hsds");
  process.exit(2);
}
const database = await openTarget({ databaseUrl: values["database-url"], dataDir: values["data-dir"] });
try {
  await seedDatabase(database.db, { demo: false });
  const service = createCatalogueService({
    db: database.db,
    geography: await loadGeography(createRegionsRepository(database.db)),
  });
  const text =
    format === "csv"
      ? await exportCsv(service)
      : `${JSON.stringify(format === "json" ? await exportJson(service) : await exportHsds(service, { absoluteUrl: absoluteUrlOn(loadEnv().publicBaseUrl) }), null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, text);
    console.error(`Wrote ${values.out}`);
  } else process.stdout.write(text);
} finally {
  await database.close();
}
