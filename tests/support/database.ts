import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { withAdminClient, withDatabase } from "./template-database.js";

export type TestDatabaseKind = "PGlite" | "PostgreSQL";

/** A database to copy: the migrated template, or a copy of it that a suite has prepared (seeded) once. */
type Source = { pgliteDump: Blob } | { postgresTemplate: string };

/** A fresh copy of the migrated template: PGlite loads the dumped data dir, PostgreSQL copies the template database. */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  source?: Source,
): Promise<DatabaseHandle & { postgres?: { name: string; disconnect: () => Promise<void> } }> {
  if (kind === "PGlite") {
    const dump =
      source && "pgliteDump" in source
        ? source.pgliteDump
        : new Blob([readFileSync(inject("pgliteTemplatePath"))]);
    return openDatabase({ kind: "pglite", loadDataDir: dump });
  }
  const serverUrl = inject("postgresServerUrl");
  const template =
    source && "postgresTemplate" in source ? source.postgresTemplate : inject("postgresTemplate");
  const prefix = inject("postgresPrefix");
  if (!serverUrl || !template || !prefix) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`create database "${name}" template "${template}"`),
  );
  const handle = await openDatabase({
    kind: "postgres",
    url: withDatabase(serverUrl, name),
    maxConnections: 4,
  });
  const disconnect = handle.close;
  return {
    ...handle,
    close: async () => {
      await disconnect();
      await withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
    postgres: { name, disconnect },
  };
}

/**
 * Prepares a copy of the template once (`prepare` seeds it) and answers a source that opens a fresh copy of the
 * prepared database, and a function that removes it. PGlite keeps a dump of the prepared data directory; PostgreSQL
 * keeps the prepared database, closed, as a template.
 */
async function preparedSource(kind: TestDatabaseKind, prepare: (database: DatabaseHandle) => Promise<void>) {
  const base = await openTestDatabase(kind);
  await prepare(base);
  if (kind === "PGlite") {
    const pgliteDump = await base.pglite!.dumpDataDir("none");
    await base.close();
    return { source: { pgliteDump } as Source, remove: async () => {} };
  }
  // Only the connections end: the prepared database stays, unused, so it can serve as a template.
  await base.postgres!.disconnect();
  const serverUrl = inject("postgresServerUrl")!;
  return {
    source: { postgresTemplate: base.postgres!.name } as Source,
    remove: () =>
      withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists "${base.postgres!.name}" with (force)`),
      ),
  };
}

export const postgresAvailable = () => Boolean(inject("postgresServerUrl"));

/**
 * Runs a suite once on PGlite and once on PostgreSQL. Without TEST_DATABASE_URL the PostgreSQL variant is reported
 * as skipped, by name, so a green run never hides that it ran on one engine only.
 *
 * The suite's tests share one copy of the template database; each test makes what it needs (tests/factories) and
 * reads only what it made. With `databasePerTest` every test gets a fresh copy instead, of the template prepared once
 * by the given function (seeded, say), or of the migrated template itself (`true`): for suites whose subject is one
 * shared record, such as one instrument's listing, or whose tests count whole tables, that each test must find as the
 * seed left it (ADR 0090).
 */
export function describeEachDatabase(
  title: string,
  suite: (database: () => DatabaseHandle, kind: TestDatabaseKind) => void,
  options: { databasePerTest?: true | ((database: DatabaseHandle) => Promise<void>) } = {},
) {
  for (const kind of ["PGlite", "PostgreSQL"] as const) {
    const skip = kind === "PostgreSQL" && !postgresAvailable();
    const label = skip
      ? `${title} [PostgreSQL — skipped: TEST_DATABASE_URL is not set]`
      : `${title} [${kind}]`;
    (skip ? describe.skip : describe)(label, () => {
      let handle: DatabaseHandle | undefined;
      const close = async () => {
        await handle?.close();
        handle = undefined;
      };
      const prepare = options.databasePerTest;
      if (prepare === true) {
        beforeEach(async () => {
          handle = await openTestDatabase(kind);
        });
        afterEach(close);
      } else if (prepare) {
        let prepared: Awaited<ReturnType<typeof preparedSource>> | undefined;
        beforeAll(async () => {
          prepared = await preparedSource(kind, prepare);
        });
        afterAll(async () => {
          await prepared?.remove();
        });
        beforeEach(async () => {
          handle = await openTestDatabase(kind, prepared!.source);
        });
        afterEach(close);
      } else {
        beforeAll(async () => {
          handle = await openTestDatabase(kind);
        });
        afterAll(close);
      }
      suite(() => {
        if (!handle) throw new Error("test database not opened yet");
        return handle;
      }, kind);
    });
  }
}
