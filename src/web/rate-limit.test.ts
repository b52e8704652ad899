import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../tests/support/database.js";
import { queryRows } from "../db/client.js";
import { createBufferedRateLimiter, createRateLimiter } from "./rate-limit.js";

describeEachDatabase("rate limiter", (database) => {
  it("allows the limit within a window, refuses beyond it, and starts again in the next window", async () => {
    let now = new Date("2026-11-27T10:00:05Z");
    const limiter = createRateLimiter(database().db, () => now);
    const results = [];
    for (let attempt = 0; attempt < 4; attempt++) results.push(await limiter.consume("login:abc", 3, 60));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(55);
    now = new Date("2026-11-27T10:01:01Z");
    expect((await limiter.consume("login:abc", 3, 60)).allowed).toBe(true);
    // Another key has its own count.
    expect((await limiter.consume("login:other", 3, 60)).remaining).toBe(2);
  });
});

describeEachDatabase("buffered rate limiter", (database) => {
  const storedCount = async (key: string) => {
    const [row] = await queryRows<{ count: number }>(
      database().db,
      sql`select coalesce(sum(count), 0)::int as count from rate_limit_counters where key = ${key}`,
    );
    return row!.count;
  };

  it("counts in memory and writes the counts in one go", async () => {
    const limiter = createBufferedRateLimiter(database().db, { syncMs: 60_000 });
    for (let i = 0; i < 5; i++) expect((await limiter.consume("search:a", 100, 60)).allowed).toBe(true);
    expect((await limiter.consume("search:a", 100, 60)).remaining).toBe(94);
    expect(await storedCount("search:a")).toBe(0);
    await limiter.flush();
    expect(await storedCount("search:a")).toBe(6);
  });

  it("shares one allowance between two instances: together they allow exactly the limit", async () => {
    const [first, second] = [0, 1].map(() => createBufferedRateLimiter(database().db, { syncMs: 60_000 }));
    const limit = 20;
    let allowed = 0;
    const attempt = async (instance: typeof first) => {
      if ((await instance!.consume("route:b", limit, 60)).allowed) allowed++;
      // Between two requests of one client the instances have written their counts (every 500 ms in service).
      await instance!.flush();
    };
    for (let i = 0; i < 5; i++) await attempt(first);
    for (let i = 0; i < 5; i++) await attempt(second);
    expect(await storedCount("route:b")).toBe(10);
    // Each write brings back the other instance's requests.
    await attempt(first);
    expect((await first!.consume("route:b", limit, 60)).remaining).toBe(limit - 12);
    allowed++;
    // Taking turns: above 80 % of the limit every request is counted in the database at once.
    for (let i = 0; i < 20; i++) await attempt(i % 2 ? first : second);
    expect(allowed).toBe(limit);
    await first!.flush();
    expect(await storedCount("route:b")).toBe(32);
  });
});
