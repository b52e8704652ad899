/**
 * npm run db:backup [-- --file backups/name]
 * PostgreSQL (DATABASE_URL set): pg_dump custom format, while the service runs.
 * Embedded (DATA_DIR): a .tar.gz of the data directory — STOP the service first.
 */
import { parseArgs } from "node:util";
import { loadEnv } from "../src/config/env.js";
import { backupPglite, backupPostgres } from "../src/ops/backup.js";

const { values } = parseArgs({ options: { file: { type: "string" } } });
const env = loadEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = values.file ?? `backups/circulair-loket-${stamp}.${env.databaseUrl ? "dump" : "tar.gz"}`;
const started = performance.now();
if (env.databaseUrl) await backupPostgres(env.databaseUrl, file);
else await backupPglite(env.dataDir, file);
console.log(
  `backup of the ${env.databaseUrl ? "PostgreSQL" : "embedded"} database written to ${file} in ${Math.round(performance.now() - started)} ms`,
);
