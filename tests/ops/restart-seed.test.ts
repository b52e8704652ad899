import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { hashDataFiles } from "../../src/db/data-files.js";
import { dataSetHash, loadWhenChanged, seedDatabase, startupDataSets } from "../../src/db/seed.js";
import { describeEachDatabase, openTestDatabase } from "../support/database.js";

/**
 * A restart on an existing database skips the reference data, knowledge, catalogue and lokets when their files are
 * unchanged, and loads a set again when its files changed (ADR 0082). Each test works on its own copy of the seeded
 * template, so it passes alone and in any order.
 */
const instrumentName = async (handle: DatabaseHandle, slug: string) =>
  (
    await queryRows<{ name: string }>(
      handle.db,
      sql`select name->>'nl' as name from catalogue_instruments where slug = ${slug}`,
    )
  )[0]?.name;

const storedHashes = async (handle: DatabaseHandle) =>
  new Map(
    (
      await queryRows<{ name: string; content_hash: string }>(
        handle.db,
        sql`select name, content_hash from data_file_loads`,
      )
    ).map((row) => [row.name, row.content_hash]),
  );

describeEachDatabase("start-up data loads", (_database, kind) => {
  const opened: DatabaseHandle[] = [];
  const fresh = async () => {
    const handle = await openTestDatabase(kind);
    opened.push(handle);
    return handle;
  };
  afterAll(async () => {
    await Promise.all(opened.map((handle) => handle.close()));
  });

  it("a restart on unchanged files skips every data set, so even a row that differs from the file stays as it is", async () => {
    const handle = await fresh();
    const slug = "mit-haalbaarheidsproject";
    const original = await instrumentName(handle, slug);
    expect(original).toBe("MIT Haalbaarheidsproject");
    await handle.db.execute(
      sql`update catalogue_instruments set name = jsonb_set(name, '{nl}', '"Uit een oudere versie van het bestand"'),
            content_hash = 'older' where slug = ${slug}`,
    );
    const report = await seedDatabase(handle.db, { demo: false });
    expect(report).toEqual({
      reference: "unchanged",
      knowledge: "unchanged",
      catalogue: "unchanged",
      lokets: "unchanged",
    });
    // Not read again: a load would have found the row's content hash differing from the file's and put its name back.
    expect(await instrumentName(handle, slug)).toBe("Uit een oudere versie van het bestand");
  });

  it("a data set whose files changed since its last load is loaded again at the next start, and only that set", async () => {
    const handle = await fresh();
    const slug = "mit-haalbaarheidsproject";
    await handle.db.execute(
      sql`update catalogue_instruments set name = jsonb_set(name, '{nl}', '"Uit een oudere versie van het bestand"'),
            content_hash = 'older' where slug = ${slug}`,
    );
    // The catalogue was last loaded from other files than today's (the row above came from an older file): its
    // stored hash differs from the current one.
    await handle.db.execute(
      sql`update data_file_loads set content_hash = 'loaded-from-older-files' where name = 'catalogue'`,
    );
    const report = await seedDatabase(handle.db, { demo: false });
    expect(report.catalogue).toEqual(expect.any(Number));
    expect(report.catalogue).toBeGreaterThan(0);
    expect(report).toMatchObject({ reference: "unchanged", knowledge: "unchanged", lokets: "unchanged" });
    expect(await instrumentName(handle, slug)).toBe("MIT Haalbaarheidsproject");
    const catalogue = startupDataSets(handle.db).find((set) => set.name === "catalogue")!;
    expect((await storedHashes(handle)).get("catalogue")).toBe(dataSetHash(catalogue));
    // And the start after that skips it again.
    expect((await seedDatabase(handle.db, { demo: false })).catalogue).toBe("unchanged");
  });

  it("the demo's example events load again when the demo starts on another day, and not on a restart that day", async () => {
    const handle = await fresh();
    const exampleEvents = sql`select count(*)::int as n from knowledge_events where is_example`;
    const examples = async () => (await queryRows<{ n: number }>(handle.db, exampleEvents))[0]!.n;
    expect(await examples()).toBe(0);
    const monday = new Date("2027-03-01T08:00:00Z");
    const first = await seedDatabase(handle.db, { demo: false, exampleEventsFrom: monday });
    expect(first.knowledge).toEqual(expect.any(Number));
    expect(await examples()).toBeGreaterThan(0);
    expect(
      (await seedDatabase(handle.db, { demo: false, exampleEventsFrom: new Date("2027-03-01T17:00:00Z") }))
        .knowledge,
    ).toBe("unchanged");
    // Back to DEMO=0: the invented events leave again.
    expect((await seedDatabase(handle.db, { demo: false })).knowledge).toEqual(expect.any(Number));
    expect(await examples()).toBe(0);
  });

  it("a load that fails records nothing, so the next start tries it again", async () => {
    const handle = await fresh();
    let attempts = 0;
    const set = {
      name: "test-set",
      files: ["regions"],
      load: async () => {
        attempts++;
        if (attempts === 1) throw new Error("disk full");
        return 7;
      },
    };
    await expect(loadWhenChanged(handle.db, set)).rejects.toThrow("disk full");
    expect((await storedHashes(handle)).has("test-set")).toBe(false);
    expect(await loadWhenChanged(handle.db, set)).toBe(7);
    expect(await loadWhenChanged(handle.db, set)).toBe("unchanged");
    expect(attempts).toBe(2);
  });
});

describe("the content hash of a data set", () => {
  const root = `${mkdtempSync(join(tmpdir(), "cl-data-hash-"))}/`;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("changes when a file's content changes, a file is added or removed, and not otherwise", () => {
    mkdirSync(`${root}regions`);
    writeFileSync(`${root}regions/lokets.json`, '{"organisations": []}');
    writeFileSync(`${root}other.csv`, "code\nA\n");
    const before = hashDataFiles(["regions"], root);
    expect(hashDataFiles(["regions"], root)).toBe(before);
    // A file outside the set does not count.
    writeFileSync(`${root}other.csv`, "code\nB\n");
    expect(hashDataFiles(["regions"], root)).toBe(before);
    writeFileSync(`${root}regions/lokets.json`, '{"organisations": [1]}');
    const changed = hashDataFiles(["regions"], root);
    expect(changed).not.toBe(before);
    writeFileSync(`${root}regions/extra.json`, "{}");
    const added = hashDataFiles(["regions"], root);
    expect(added).not.toBe(changed);
    rmSync(`${root}regions/extra.json`);
    expect(hashDataFiles(["regions"], root)).toBe(changed);
    // The loader's options are part of a set's hash (the demo's start day, for instance).
    expect(dataSetHash({ files: ["regions"], options: { day: "2027-03-01" } }, root)).not.toBe(
      dataSetHash({ files: ["regions"], options: { day: "2027-03-02" } }, root),
    );
  });
});
