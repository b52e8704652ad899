import { existsSync, mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** The Drizzle database every repository receives; the same API on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Present for PGlite only: used by tests and backups to copy the data directory. */
  pglite?: PGlite;
  /** Present for PostgreSQL only. */
  url?: string;
  /** PostgreSQL only: connections in the pool, idle ones, and queries waiting for a connection (for /metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
};

export const pgliteExtensions = { pg_trgm, unaccent };

export type DatabaseOptions =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob | File; onProgress?: (message: string) => void };

/** Opens PostgreSQL (pooled) or the embedded PGlite database. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // A broken idle connection must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    // A connection that drops while checked out (e.g. inside a transaction) emits "error" on its client, where the
    // pool listens only while it is idle: unhandled, that event would crash the process. The query in progress
    // still rejects, so the request gets its 503 (found by tests/ops/faults.test.ts).
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      url: options.url,
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const fresh = options.dataDir !== undefined && !existsSync(options.dataDir);
  if (options.dataDir && fresh) mkdirSync(options.dataDir, { recursive: true });
  const stopProgress = fresh ? startProgress(options.onProgress) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      pglite: client,
      ping: async () => {
        await client.query("select 1");
      },
      close: () => client.close(),
    };
  } finally {
    stopProgress();
  }
}

function startProgress(report: ((message: string) => void) | undefined) {
  if (!report) return () => {};
  const started = Date.now();
  // What the first start costs on a laptop or a loaded CI machine: the estimate of what is left is made from it.
  const expectedSeconds = 20;
  report(`Embedded database is being created (first start only, about 10–${expectedSeconds} s)…`);
  const timer = setInterval(() => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    const left = expectedSeconds - elapsed;
    report(
      left > 0
        ? `…still creating the embedded database (${elapsed} s so far, about ${left} s to go)`
        : `…still creating the embedded database (${elapsed} s so far, nearly done)`,
    );
  }, 3000);
  return () => {
    clearInterval(timer);
    report(`Embedded database ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
}

/** Runs raw SQL and returns its rows; the one place that knows both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
