import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { loadTestSettings } from "../../src/config/env.js";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { migrateDatabase, withSeedLock } from "../../src/db/migrate.js";
import { seedDatabase } from "../../src/db/seed.js";
import { createScratchDatabase } from "../../src/ops/service-process.js";
import { postgresAvailable } from "../support/database.js";

/**
 * Instances started together on an empty PostgreSQL database seed one after the other: without the lock, both can
 * insert the same curated organisations at once and one start fails on a duplicate key (seen once in CI on
 * 5 December 2026, in tests/ops/two-instances.test.ts). The race depends on timing and this test does not force it;
 * it holds that seeding under the lock from several connections at once finishes, without deadlock or duplicates.
 */
describe.skipIf(!postgresAvailable())("seeding at start, several instances at once", () => {
  const handles: DatabaseHandle[] = [];
  let drop: (() => Promise<unknown>) | undefined;
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    await drop?.();
  });

  it("three instances seeding an empty database at once all succeed, and each curated row exists once", async () => {
    const scratch = await createScratchDatabase(loadTestSettings().testDatabaseUrl!, "cl_seed_lock");
    drop = scratch.drop;
    for (let i = 0; i < 3; i++) handles.push(await openDatabase({ kind: "postgres", url: scratch.url }));
    await migrateDatabase(handles[0]!);
    await Promise.all(
      handles.map((handle) => withSeedLock(handle, () => seedDatabase(handle.db, { demo: true }))),
    );
    const [row] = await queryRows<{ organisations: number; distinct_refs: number }>(
      handles[0]!.db,
      sql`select count(*)::int as organisations, count(distinct ref_id)::int as distinct_refs
          from catalogue_organizations`,
    );
    expect(row!.organisations).toBeGreaterThan(20);
    expect(row!.distinct_refs).toBe(row!.organisations);
  });
});
