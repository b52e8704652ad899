import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../tests/support/app.js";
import { describeEachDatabase } from "../../tests/support/database.js";
import { queryRows } from "../db/client.js";
import { createJobWorker, enqueueJob } from "./job-queue.js";

describeEachDatabase("job queue", (database) => {
  beforeEach(async () => {
    await database().db.execute(sql`delete from jobs`);
    await database().db.execute(sql`create table if not exists job_effects (job_key text primary key)`);
    await database().db.execute(sql`delete from job_effects`);
  });

  it("runs a job once and records it done", async () => {
    const db = database().db;
    await enqueueJob(db, "effect", { key: "a" });
    const worker = createJobWorker({
      db,
      logger: silentLogger,
      handlers: {
        effect: async (payload, { tx }) =>
          void (await tx.execute(sql`insert into job_effects values (${payload.key as string})`)),
      },
    });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    const [job] = await queryRows<{ status: string; attempts: number }>(
      db,
      sql`select status, attempts from jobs`,
    );
    expect(job).toEqual({ status: "done", attempts: 1 });
    expect(await queryRows(db, sql`select * from job_effects`)).toHaveLength(1);
  });

  it("retries a failed job later, and its database effect happens exactly once", async () => {
    const db = database().db;
    let now = new Date("2026-11-27T10:00:00Z");
    await enqueueJob(db, "flaky", { key: "b" }, { runAt: now });
    let calls = 0;
    const worker = createJobWorker({
      db,
      logger: silentLogger,
      clock: () => now,
      handlers: {
        flaky: async (payload, { tx }) => {
          calls++;
          await tx.execute(sql`insert into job_effects values (${payload.key as string})`);
          // The first attempt fails after writing: its write must be rolled back with it.
          if (calls === 1) throw new Error("mail server away");
        },
      },
    });
    expect(await worker.drain()).toBe(1);
    expect(await queryRows(db, sql`select * from job_effects`)).toHaveLength(0);
    expect(await worker.drain()).toBe(0); // not due yet: back-off
    now = new Date(now.getTime() + 10_000);
    expect(await worker.drain()).toBe(1);
    expect(calls).toBe(2);
    expect(await queryRows(db, sql`select * from job_effects`)).toHaveLength(1);
    const [job] = await queryRows<{ status: string; last_error: string }>(
      db,
      sql`select status, last_error from jobs`,
    );
    expect(job).toEqual({ status: "done", last_error: "mail server away" });
  });

  it("gives up after the maximum number of attempts", async () => {
    const db = database().db;
    let now = new Date("2026-11-27T10:00:00Z");
    await enqueueJob(db, "broken", {}, { runAt: now, maxAttempts: 2 });
    const worker = createJobWorker({
      db,
      logger: silentLogger,
      clock: () => now,
      handlers: {
        broken: async () => {
          throw new Error("always");
        },
      },
    });
    await worker.drain();
    now = new Date(now.getTime() + 60_000);
    await worker.drain();
    now = new Date(now.getTime() + 60_000);
    expect(await worker.drain()).toBe(0);
    const [job] = await queryRows<{ status: string; attempts: number }>(
      db,
      sql`select status, attempts from jobs`,
    );
    expect(job).toEqual({ status: "failed", attempts: 2 });
  });

  it("adds a deduplicated job only once", async () => {
    const db = database().db;
    expect(await enqueueJob(db, "tick", {}, { dedupeKey: "tick:2026-11-27T10" })).toBe(true);
    expect(await enqueueJob(db, "tick", {}, { dedupeKey: "tick:2026-11-27T10" })).toBe(false);
    expect(await queryRows(db, sql`select id from jobs`)).toHaveLength(1);
  });
});
