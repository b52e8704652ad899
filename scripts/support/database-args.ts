// Opens the database a script is pointed at: --database-url URL or --data-dir DIR, else the configured one.
import { parseArgs } from "node:util";
import { loadEnv } from "../../src/config/env.js";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { migrateDatabase } from "../../src/db/migrate.js";

export type ScriptTarget = { databaseUrl?: string; dataDir?: string };

/** Parses the common options and the script's own. */
export function scriptArgs<T extends Record<string, { type: "string" | "boolean"; short?: string }>>(
  options: T,
) {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { "database-url": { type: "string" }, "data-dir": { type: "string" }, ...options },
  });
}

/** Opens and migrates the target database. */
export async function openTarget(target: ScriptTarget): Promise<DatabaseHandle> {
  const env = loadEnv();
  const url = target.databaseUrl ?? (target.dataDir ? undefined : env.databaseUrl);
  const database = url
    ? await openDatabase({ kind: "postgres", url })
    : await openDatabase({ kind: "pglite", dataDir: target.dataDir ?? env.dataDir });
  await migrateDatabase(database);
  return database;
}
