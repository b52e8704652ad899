import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseHandle } from "./client.js";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

// Any constants work; they only have to be the same for every instance of the service.
const MIGRATION_LOCK_ID = 7_302_211;
const SEED_LOCK_ID = 7_302_212;

/** Applies the committed SQL migrations; safe to call from several instances at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // The advisory lock belongs to a session, so lock, migrate and unlock on one dedicated connection.
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    const db = drizzle(client);
    // Up to date: nothing to lock or create. So the service can run as a role without DDL rights (ADR 0074), once
    // the owner has applied the migrations.
    if (await upToDate(client)) return;
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    try {
      await migrateNodePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    }
  } finally {
    await client.end();
  }
}

/** Whether drizzle's journal in the database already holds the newest committed migration. */
async function upToDate(client: pg.Client): Promise<boolean> {
  const newest = Math.max(
    ...readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis),
  );
  const exists = await client.query<{ table: string | null }>(
    `select to_regclass('drizzle.__drizzle_migrations')::text as table`,
  );
  if (!exists.rows[0]?.table) return false;
  const applied = await client.query<{ newest: string | null }>(
    "select max(created_at)::text as newest from drizzle.__drizzle_migrations",
  );
  return applied.rows[0]?.newest !== null && Number(applied.rows[0]?.newest) >= newest;
}

/**
 * Runs the start-up seeding with one instance at a time: instances started together on an empty PostgreSQL database
 * would otherwise insert the same curated rows at once and one would fail on a duplicate key. The loaders are
 * idempotent, so the instance that waits finds nothing left to change. PGlite serves one process: nothing to lock.
 */
export async function withSeedLock<T>(handle: DatabaseHandle, seed: () => Promise<T>): Promise<T> {
  if (handle.kind === "pglite") return seed();
  // A session lock, held on its own connection while the seed runs on the pool.
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SEED_LOCK_ID]);
    try {
      return await seed();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [SEED_LOCK_ID]);
    }
  } finally {
    await client.end();
  }
}
