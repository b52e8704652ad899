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
    /** Deletes windows that ended long ago; run from a scheduled job. */
    async purge(olderThanSeconds = 86_400): Promise<void> {
      await db.execute(
        sql`delete from rate_limit_counters where window_start < ${new Date(clock().getTime() - olderThanSeconds * 1000)}`,
      );
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

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
