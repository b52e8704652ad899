import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "../db/client.js";

const run = promisify(execFile);

/**
 * Backup and restore for both engines (docs/deployment.md §Backups):
 * - PostgreSQL: pg_dump in custom format (-Fc), restored with pg_restore in one transaction. Runs while the
 *   service is up (pg_dump reads one consistent snapshot).
 * - The embedded database (PGlite): its data directory as a .tar.gz. PGlite serves one process per data
 *   directory, so the service must be STOPPED for a backup and for a restore.
 */
export async function backupPostgres(url: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
}

/** Restores a pg_dump -Fc file into the database at `url` (best an empty one), all or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  await run("pg_restore", [
    "--single-transaction",
    "--exit-on-error",
    "--no-owner",
    "--no-privileges",
    `--dbname=${url}`,
    file,
  ]);
}

/** Writes the embedded database's data directory to a .tar.gz file. The service must be stopped. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir)) throw new Error(`no embedded database at ${dataDir}`);
  const handle = await openDatabase({ kind: "pglite", dataDir });
  try {
    const dump = await handle.pglite!.dumpDataDir("gzip");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

/** Creates the embedded database in an empty `dataDir` from a .tar.gz backup. The service must be stopped. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup file at ${file}`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: move it aside first (the restore never overwrites data)`);
  const handle = await openDatabase({
    kind: "pglite",
    dataDir,
    loadDataDir: new Blob([new Uint8Array(readFileSync(file))]),
  });
  await handle.db.execute(sql`select 1`);
  await handle.close();
}

export type TableChecksum = { table: string; rows: number; md5: string };

/**
 * Row count and an md5 over every row of every table outside the system schemas (including drizzle's migration
 * journal), rows in a fixed order, so two databases can be compared after a restore. Same SQL on both engines.
 */
export async function tableChecksums(db: Database): Promise<TableChecksum[]> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const result: TableChecksum[] = [];
  for (const { schema, name } of tables) {
    const table = sql.raw(`"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`);
    const [row] = await queryRows<{ rows: number; md5: string | null }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
          from ${table} t`,
    );
    result.push({ table: `${schema}.${name}`, rows: row!.rows, md5: row!.md5 ?? "" });
  }
  return result;
}
