import { createMiddleware } from "hono/factory";
import type { Logger } from "pino";
import type { AppEnv } from "../context.js";

/**
 * One log line per request with its id, the route pattern (never the filled-in path or query, which can hold
 * personal data or secret result ids), status and duration.
 */
export function requestLogging(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestId = c.get("requestId");
    c.set("logger", logger.child({ requestId }));
    await next();
    logger.info(
      {
        requestId,
        method: c.req.method,
        route: c.get("cachedRoute") ?? c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  });
}
