import type { Hono } from "hono";
import type { Env } from "../config/env.js";
import type { Database } from "../db/client.js";
import type { AppEnv } from "./context.js";
import { clientKey, createBufferedRateLimiter, rateLimit } from "./rate-limit.js";

/**
 * Paths that do expensive work per request (search, route, export) and so get a per-client limit. Generous: a
 * person never reaches it; a scraper or a loop does. Add a path here when a module adds such an endpoint.
 * Middleware for a path that no module serves yet is harmless.
 */
export const ABUSE_LIMITED_PATHS = [
  "/regio", // the municipality search (GET /regio?gemeente=…)
  "/aanbod", // catalogue search with facets
  "/route",
  "/route/*",
  "/api/v1/route",
  "/api/v1/services",
  "/api/v1/export/*",
] as const;

export const ABUSE_LIMIT = { limit: 300, windowSeconds: 60 };

/**
 * Attaches the shared, database-backed rate limit to every path in ABUSE_LIMITED_PATHS (one counter per client
 * and path family, so a busy search does not use up the route's allowance). Counted in memory and written in batches
 * (createBufferedRateLimiter), so these busy pages cost no database round trip each. Call before the modules are
 * mounted.
 */
export function attachAbuseLimits(
  app: Hono<AppEnv>,
  options: { db: Database; env: Pick<Env, "secretKey" | "trustProxy">; paths?: readonly string[] } & Partial<
    typeof ABUSE_LIMIT
  >,
) {
  const limiter = createBufferedRateLimiter(options.db);
  for (const path of options.paths ?? ABUSE_LIMITED_PATHS) {
    app.use(
      path,
      rateLimit({
        limiter,
        name: path.replace("/*", ""),
        limit: options.limit ?? ABUSE_LIMIT.limit,
        windowSeconds: options.windowSeconds ?? ABUSE_LIMIT.windowSeconds,
        key: (c) => clientKey(c, options.env.secretKey, options.env.trustProxy),
      }),
    );
  }
}
