import { timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type DatabaseHandle, queryRows } from "../db/client.js";
import type { AppEnv } from "./context.js";

/**
 * Prometheus metrics (docs/decisions/0050-metrics-and-logs.md): request durations by method, route pattern and
 * status (the histogram's _count is the request count), job queue depth by status, database pool use and the
 * Node process defaults. Labels use the route pattern, never the filled-in path, so series stay few and carry no
 * personal data. One registry per app, so tests can build several apps in one process.
 */
export function createMetrics(database: DatabaseHandle) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "circulair-loket" });
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Duration of HTTP requests by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  new Gauge({
    name: "job_queue_jobs",
    help: "Jobs in the queue by status (queued, running, failed; done jobs are not counted)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const rows = await queryRows<{ status: string; count: number }>(
          database.db,
          sql`select status, count(*)::int as count from jobs where status <> 'done' group by status`,
        );
        for (const status of ["queued", "running", "failed"]) this.set({ status }, 0);
        for (const row of rows) this.set({ status: row.status }, row.count);
      } catch {
        // The database is away: report no value rather than failing the whole scrape.
      }
    },
  });

  if (database.poolStats) {
    const stats = database.poolStats;
    new Gauge({
      name: "db_pool_connections",
      help: "PostgreSQL pool connections by state (total, idle) and queries waiting for one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const { total, idle, waiting } = stats();
        this.set({ state: "total" }, total);
        this.set({ state: "idle" }, idle);
        this.set({ state: "waiting" }, waiting);
      },
    });
  }

  return {
    registry,
    /** Page cache hits and misses (ADR 0054), read from the cache's own counters at scrape time. */
    trackPageCache(stats: { hits: number; misses: number }) {
      new Gauge({
        name: "page_cache_requests",
        help: "Cacheable page requests since start, by result (hit, miss)",
        labelNames: ["result"] as const,
        registers: [registry],
        collect() {
          this.set({ result: "hit" }, stats.hits);
          this.set({ result: "miss" }, stats.misses);
        },
      });
    },
    /** Observes every request; put it first so it sees the final status, errors included. */
    middleware: createMiddleware<AppEnv>(async (c, next) => {
      const started = performance.now();
      await next();
      requestDuration.observe(
        {
          method: c.req.method,
          route: c.get("cachedRoute") ?? c.req.routePath,
          status: String(c.res.status),
        },
        (performance.now() - started) / 1000,
      );
    }),
    /** GET /metrics in the Prometheus text format; with a token, only for `Authorization: Bearer <token>`. */
    routes(token: string | undefined) {
      return new Hono<AppEnv>().get("/metrics", async (c) => {
        if (token && !bearerMatches(c.req.header("authorization"), token)) {
          c.header("WWW-Authenticate", 'Bearer realm="metrics"');
          return c.text("Unauthorized", 401);
        }
        c.header("Cache-Control", "no-store");
        c.header("Content-Type", registry.contentType);
        return c.body(await registry.metrics());
      });
    },
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const supplied = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return supplied.length === expected.length && timingSafeEqual(supplied, expected);
}
