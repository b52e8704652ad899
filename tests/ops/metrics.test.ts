import { beforeAll, expect, it } from "vitest";
import { enqueueJob } from "../../src/jobs/index.js";
import { createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

describeEachDatabase("GET /metrics", (database, kind) => {
  const token = "metrics-token-0123456789";
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database(), { METRICS_TOKEN: token });
  });

  it("refuses a scrape without the token", async () => {
    expect((await app.request("/metrics")).status).toBe(401);
    expect((await app.request("/metrics", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("counts requests by route pattern and status, and reports the job queue and the pool", async () => {
    await app.request("/regio/ES04");
    await app.request("/regio/ES05");
    await app.request("/bestaat-niet/123");
    await enqueueJob(database().db, "metrics-check", {});
    const response = await app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    // Both region pages land on one series: the pattern, not the filled-in path.
    expect(text).toMatch(
      /http_request_duration_seconds_count\{service="circulair-loket",method="GET",route="\/regio\/:code",status="200"\} 2/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{service="circulair-loket",method="GET",route="\/\*",status="404"\} 1/,
    );
    expect(text).not.toContain("ES04");
    expect(text).not.toContain("bestaat-niet");
    expect(text).toMatch(/job_queue_jobs\{status="queued",service="circulair-loket"\} [1-9]/);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    if (kind === "PostgreSQL")
      expect(text).toMatch(/db_pool_connections\{state="total",service="circulair-loket"\} [1-9]/);
  });
});
