import type { Hono } from "hono";
import type { Env } from "../config/env.js";
import type { Database } from "../db/client.js";
import type { AppEnv } from "./context.js";
import { clientKey, createBufferedRateLimiter, createRateLimiter, rateLimit } from "./rate-limit.js";

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
 * Paths that store something expensive per request, with their own, lower limit per client (ADR 0075). Storing a
 * scan result (POST /scan/resultaat) writes a row and renders the result: a person stores a handful, an office a few
 * dozen an hour.
 */
export const EXPENSIVE_WRITE_LIMITS = [
  { path: "/scan/resultaat", limit: 60, windowSeconds: 3600 },
  // Saving a route writes a route and its items (ADR 0091); asking for its link by e-mail sends a mail.
  { path: "/mijn-route", limit: 60, windowSeconds: 3600 },
  { path: "/mijn-route/:token/e-mail", limit: 10, windowSeconds: 3600 },
] as const;

/**
 * Attaches the shared, database-backed rate limit to every path in ABUSE_LIMITED_PATHS (one counter per client
 * and path family, so a busy search does not use up the route's allowance). Counted in memory and written in batches
 * (createBufferedRateLimiter), so these busy pages cost no database round trip each. Call before the modules are
 * mounted.
 */
export function attachAbuseLimits(
  app: Hono<AppEnv>,
  options: {
    db: Database;
    env: Pick<Env, "secretKey" | "trustProxy">;
    paths?: readonly string[];
    clock?: () => Date;
  } & Partial<typeof ABUSE_LIMIT>,
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
  // Counted exactly in the database (not buffered): these are rare and each one is costly.
  const exact = createRateLimiter(options.db, options.clock);
  for (const { path, limit, windowSeconds } of EXPENSIVE_WRITE_LIMITS)
    app.on(
      "POST",
      path,
      rateLimit({
        limiter: exact,
        name: path,
        limit,
        windowSeconds,
        key: (c) => clientKey(c, options.env.secretKey, options.env.trustProxy),
      }),
    );
}
