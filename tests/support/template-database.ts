import pg from "pg";
import { openDatabase } from "../../src/db/client.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { seedDatabase } from "../../src/db/seed.js";

/** Builds the migrated, reference-seeded PGlite database once per run and returns its data directory as a tarball. */
export async function buildPgliteTemplate(): Promise<Uint8Array> {
  const handle = await openDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { demo: false });
  const dump = await handle.pglite!.dumpDataDir("none");
  await handle.close();
  return new Uint8Array(await dump.arrayBuffer());
}

/** Creates a migrated, reference-seeded template database on the PostgreSQL server; tests copy it. */
export async function buildPostgresTemplate(serverUrl: string, templateName: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`drop database if exists "${templateName}" with (force)`);
    await client.query(`create database "${templateName}"`);
  });
  const handle = await openDatabase({
    kind: "postgres",
    url: withDatabase(serverUrl, templateName),
    maxConnections: 2,
  });
  await migrateDatabase(handle);
  await seedDatabase(handle.db, { demo: false });
  await handle.close();
}

export async function dropPostgresDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`${prefix}%`],
    );
    for (const row of rows) await client.query(`drop database if exists "${row.datname}" with (force)`);
  });
}

export async function withAdminClient<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
