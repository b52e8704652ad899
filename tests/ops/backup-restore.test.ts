import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { enqueueJob } from "../../src/jobs/index.js";
import { backupPglite, restorePglite, tableChecksums } from "../../src/ops/backup.js";
import { createScratchDatabase } from "../../src/ops/service-process.js";
import { openTestDatabase, postgresAvailable } from "../support/database.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const tsxCli = join(root, "node_modules/tsx/dist/cli.mjs");
const folder = mkdtempSync(join(tmpdir(), "cl-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Rows beyond the reference data, in tables of several kinds (json, timestamps, text with accents). */
async function addRows(db: Database) {
  await enqueueJob(
    db,
    "backup-check",
    { note: "één café, ‘quotes’ and\nnewlines" },
    { dedupeKey: "backup-1" },
  );
  await enqueueJob(db, "backup-check", { n: 2 }, { runAt: new Date("2030-01-01T00:00:00Z") });
  await db.execute(
    sql`insert into rate_limit_counters (key, window_start, count) values ('backup:test', now(), 7)`,
  );
}

function expectUsefulChecksums(checksums: Awaited<ReturnType<typeof tableChecksums>>) {
  const byTable = new Map(checksums.map((entry) => [entry.table, entry]));
  expect(byTable.get("public.jobs")?.rows).toBe(2);
  expect(byTable.get("public.municipalities")?.rows).toBeGreaterThan(300);
  expect(checksums.some((entry) => entry.table.startsWith("drizzle."))).toBe(true);
}

describe.skipIf(!postgresAvailable())(
  postgresAvailable()
    ? "backup and restore [PostgreSQL: npm run db:backup / db:restore]"
    : "backup and restore [PostgreSQL — skipped: TEST_DATABASE_URL is not set]",
  () => {
    it("restores a pg_dump -Fc backup into a fresh database with equal row counts and checksums in every table", async () => {
      const source = await openTestDatabase("PostgreSQL");
      const target = await createScratchDatabase(inject("postgresServerUrl")!, "cl_ops_restore");
      try {
        await addRows(source.db);
        const file = join(folder, "pg.dump");
        const cli = (script: string, url: string) =>
          run(process.execPath, [tsxCli, script, "--file", file], {
            cwd: root,
            env: {
              DATABASE_URL: url,
              NODE_ENV: "production",
              SECRET_KEY: "b".repeat(40),
              PUBLIC_BASE_URL: "http://localhost:3000",
            },
          });
        const backup = await cli("scripts/db-backup.ts", source.url!);
        expect(backup.stdout).toContain("backup of the PostgreSQL database written to");
        expect(readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP"); // custom format
        const restore = await cli("scripts/db-restore.ts", target.url);
        expect(restore.stdout).toContain("restored into the PostgreSQL database");

        const restored = await openDatabase({ kind: "postgres", url: target.url, maxConnections: 1 });
        try {
          const before = await tableChecksums(source.db);
          expectUsefulChecksums(before);
          expect(await tableChecksums(restored.db)).toEqual(before);
        } finally {
          await restored.close();
        }
      } finally {
        await source.close();
        await target.drop();
      }
    }, 180_000);
  },
);

describe("backup and restore [PGlite: data directory as .tar.gz]", () => {
  it("restores the data directory into a new one with equal row counts and checksums in every table", async () => {
    const dataDir = join(folder, "pglite-source");
    const source = await openDatabase({
      kind: "pglite",
      dataDir,
      loadDataDir: new Blob([new Uint8Array(readFileSync(inject("pgliteTemplatePath")))]),
    });
    await addRows(source.db);
    const before = await tableChecksums(source.db);
    await source.close(); // the service must be stopped for an embedded backup
    expectUsefulChecksums(before);

    const file = join(folder, "pglite.tar.gz");
    await backupPglite(dataDir, file);
    expect(statSync(file).size).toBeGreaterThan(1000);
    expect([...readFileSync(file).subarray(0, 2)]).toEqual([0x1f, 0x8b]); // gzip

    const restoredDir = join(folder, "pglite-restored");
    await restorePglite(restoredDir, file);
    await expect(restorePglite(restoredDir, file)).rejects.toThrow(/not empty/);
    const restored = await openDatabase({ kind: "pglite", dataDir: restoredDir });
    try {
      expect(await tableChecksums(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 180_000);
});
