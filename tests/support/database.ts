import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { withAdminClient, withDatabase } from "./template-database.js";

export type TestDatabaseKind = "PGlite" | "PostgreSQL";

/** A fresh copy of the migrated template: PGlite loads the dumped data dir, PostgreSQL copies the template database. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<DatabaseHandle> {
  if (kind === "PGlite") {
    const tarball = readFileSync(inject("pgliteTemplatePath"));
    return openDatabase({ kind: "pglite", loadDataDir: new Blob([tarball]) });
  }
  const serverUrl = inject("postgresServerUrl");
  const template = inject("postgresTemplate");
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
  const close = handle.close;
  return {
    ...handle,
    close: async () => {
      await close();
      await withAdminClient(serverUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

export const postgresAvailable = () => Boolean(inject("postgresServerUrl"));

/**
 * Runs a suite once on PGlite and once on PostgreSQL. Without TEST_DATABASE_URL the PostgreSQL variant is reported
 * as skipped, by name, so a green run never hides that it ran on one engine only.
 */
export function describeEachDatabase(
  title: string,
  suite: (database: () => DatabaseHandle, kind: TestDatabaseKind) => void,
) {
  for (const kind of ["PGlite", "PostgreSQL"] as const) {
    const skip = kind === "PostgreSQL" && !postgresAvailable();
    const label = skip
      ? `${title} [PostgreSQL — skipped: TEST_DATABASE_URL is not set]`
      : `${title} [${kind}]`;
    (skip ? describe.skip : describe)(label, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("test database not opened yet");
        return handle;
      }, kind);
    });
  }
}
