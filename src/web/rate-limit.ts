import { createHmac } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Database, queryRows } from "../db/client.js";
import type { AppEnv } from "./context.js";
import { tooManyRequests } from "./errors.js";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Counts attempts per key in fixed windows stored in the database, so limits hold across instances. */
export function createRateLimiter(db: Database, clock: () => Date = () => new Date()) {
  return {
    /** Counts one attempt for `key`; refuses once `limit` attempts were made in the current window. */
    async consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
      const now = clock().getTime();
      const windowMs = windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`insert into rate_limit_counters (key, window_start, count) values (${key}, ${windowStart}, 1)
            on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
            returning count`,
      );
      const count = row?.count ?? 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
    },
    /**
     * Reads the count of the current window without counting: for limits that count only some outcomes (failed
     * logins, accepted intakes), which `consume` once the outcome is known. Old windows are deleted by the hourly
     * purge job (src/jobs/maintenance.ts).
     */
    async peek(
      key: string,
      limit: number,
      windowSeconds: number,
    ): Promise<RateLimitResult & { count: number }> {
      const now = clock().getTime();
      const windowMs = windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`select count from rate_limit_counters where key = ${key} and window_start = ${windowStart}`,
      );
      const count = row?.count ?? 0;
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
      return { allowed: count < limit, remaining: Math.max(0, limit - count), retryAfterSeconds, count };
    },
  };
}

export type RateLimiter = {
  consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
};

/** A limiter that can also read a count without adding to it (createRateLimiter). */
export type OutcomeRateLimiter = RateLimiter & ReturnType<typeof createRateLimiter>;

type SharedCount = {
  windowStart: number;
  windowEnd: number;
  /** The count in the database at the last synchronisation: every instance's requests. */
  shared: number;
  /** This instance's requests since then, not yet written. */
  pending: number;
};

/**
 * A rate limiter for busy paths (search, route, export; ADR 0004): requests are counted in memory and written to the
 * shared counters in one statement every `syncMs`, which also brings back what the other instances counted. A request
 * that brings a client close to its limit (above `exactFraction` of it) is counted in the database at once, exactly as
 * createRateLimiter does, so the limit holds across instances; below that, a client may briefly get up to `syncMs`
 * worth of extra requests from an instance that has not yet heard of the others. A busy page so costs no database round
 * trip per request.
 */
export function createBufferedRateLimiter(
  db: Database,
  options: { syncMs?: number; exactFraction?: number; clock?: () => Date } = {},
) {
  const syncMs = options.syncMs ?? 500;
  const exactFraction = options.exactFraction ?? 0.8;
  const clock = options.clock ?? (() => new Date());
  const exact = createRateLimiter(db, clock);
  const counts = new Map<string, SharedCount>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  async function writeCounts(): Promise<void> {
    const now = clock().getTime();
    for (const [key, count] of counts) if (count.pending === 0 && count.windowEnd <= now) counts.delete(key);
    const batch = [...counts]
      .filter(([, count]) => count.pending > 0)
      .map(([key, count]) => ({ key, count, pending: count.pending }));
    if (!batch.length) return;
    for (const item of batch) item.count.pending -= item.pending;
    try {
      const rows = await queryRows<{ key: string; window_start: Date | string; count: number }>(
        db,
        // One JSON parameter for the whole batch: a busy second brings hundreds of clients.
        sql`insert into rate_limit_counters (key, window_start, count)
            select key, window_start, count from json_to_recordset(${JSON.stringify(
              batch.map((item) => ({
                key: item.key,
                window_start: new Date(item.count.windowStart).toISOString(),
                count: item.pending,
              })),
            )}::json) as batch(key text, window_start timestamptz, count int)
            on conflict (key, window_start) do update set count = rate_limit_counters.count + excluded.count
            returning key, window_start, count`,
      );
      for (const row of rows) {
        const count = counts.get(row.key);
        if (count && count.windowStart === new Date(row.window_start).getTime()) count.shared = row.count;
      }
    } catch {
      // The database is away: keep the requests for the next flush; meanwhile they still limit this instance.
      for (const item of batch) item.count.pending += item.pending;
    }
  }

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    flushing = flushing.then(writeCounts);
    return flushing;
  };

  return {
    async consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
      const now = clock().getTime();
      const windowMs = windowSeconds * 1000;
      const windowStart = Math.floor(now / windowMs) * windowMs;
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      let count = counts.get(key);
      if (!count || count.windowStart !== windowStart) {
        count = { windowStart, windowEnd: windowStart + windowMs, shared: 0, pending: 0 };
        counts.set(key, count);
      }
      if (count.shared + count.pending + 1 > limit * exactFraction) {
        // Close to the limit: write what this instance holds, then count this request in the database.
        await flush();
        const result = await exact.consume(key, limit, windowSeconds);
        count.shared = Math.max(count.shared, limit - result.remaining + (result.allowed ? 0 : 1));
        return result;
      }
      count.pending++;
      timer ??= setTimeout(() => void flush(), syncMs).unref();
      const total = count.shared + count.pending;
      return { allowed: total <= limit, remaining: Math.max(0, limit - total), retryAfterSeconds };
    },
    /**
     * Writes what is counted in memory now (tests). Not called at shutdown on purpose: losing at most half a second
     * of an abuse limit's counts when an instance stops is harmless.
     */
    flush,
  };
}

/**
 * The client as a pseudonymous key: an HMAC of its address, so counters never store an IP address.
 * Behind a trusted proxy the first X-Forwarded-For address counts.
 */
export function clientKey(c: Context, secretKey: string, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  let address = forwarded;
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      // app.request() in tests has no socket.
      address = undefined;
    }
  }
  return createHmac("sha256", secretKey)
    .update(`client:${address ?? "unknown"}`)
    .digest("base64url")
    .slice(0, 22);
}

/** Middleware that answers 429 with Retry-After once a client used up `limit` requests in the window. */
export function rateLimit(options: {
  limiter: RateLimiter;
  name: string;
  limit: number;
  windowSeconds: number;
  key: (c: Context<AppEnv>) => string;
}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const result = await options.limiter.consume(
      `${options.name}:${options.key(c)}`,
      options.limit,
      options.windowSeconds,
    );
    c.header("RateLimit-Limit", String(options.limit));
    c.header("RateLimit-Remaining", String(result.remaining));
    if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
    await next();
  });
}
