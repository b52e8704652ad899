/**
 * npm run db:restore -- --file backups/name
 * PostgreSQL (DATABASE_URL set): pg_restore into that database (create it empty first), in one transaction.
 * Embedded (DATA_DIR): creates the data directory from the .tar.gz; the directory must not exist or be empty,
 * and the service must be STOPPED.
 */
import { parseArgs } from "node:util";
import { loadEnv } from "../src/config/env.js";
import { restorePglite, restorePostgres } from "../src/ops/backup.js";

const { values } = parseArgs({ options: { file: { type: "string" } } });
if (!values.file) {
  console.error("usage: npm run db:restore -- --file <backup file>");
  process.exit(2);
}
const env = loadEnv();
const started = performance.now();
if (env.databaseUrl) await restorePostgres(env.databaseUrl, values.file);
else await restorePglite(env.dataDir, values.file);
console.log(
  `${values.file} restored into the ${env.databaseUrl ? "PostgreSQL" : "embedded"} database in ${Math.round(performance.now() - started)} ms`,
);
