import { expect, it } from "vitest";
import { describeEachDatabase } from "../../tests/support/database.js";
import { createRateLimiter } from "./rate-limit.js";

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
