import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import { createTestApp, silentLogger } from "../support/app.js";
import { openTestDatabase, postgresAvailable } from "../support/database.js";
import { startTcpProxy } from "./support/tcp-proxy.js";

/**
 * The database goes away mid-run (docs/decisions/0051-faults-and-shutdown.md). A TCP proxy sits between the app
 * and PostgreSQL; cutting it drops every connection and refuses new ones, exactly what the app sees when the
 * server or the network fails — without stopping the machine's PostgreSQL server, which other suites use.
 */
const title = postgresAvailable()
  ? "database faults [PostgreSQL via a TCP proxy]"
  : "database faults [PostgreSQL — skipped: TEST_DATABASE_URL is not set]";

describe.skipIf(!postgresAvailable())(title, () => {
  let direct: DatabaseHandle;
  let proxied: DatabaseHandle;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    direct = await openTestDatabase("PostgreSQL");
    const url = new URL(direct.url!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    proxied = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 4 });
    await direct.db.execute(
      sql`create table fault_orders (id int primary key, total int not null);
          create table fault_order_lines (order_id int not null, line int not null, primary key (order_id, line));
          create table fault_job_effects (job_key text primary key)`,
    );
    app = await createTestApp(proxied, {
      NODE_ENV: "production",
      SECRET_KEY: "s".repeat(40),
      PUBLIC_BASE_URL: "http://localhost:3000",
    });
    // A test-only route that reads the database, like every API list endpoint will.
    app.get("/api/v1/fault-probe", async (c) =>
      c.json(await queryRows(proxied.db, sql`select count(*)::int as n from fault_orders`)),
    );
  });
  afterAll(async () => {
    await proxy?.restore();
    await proxied?.close().catch(() => {});
    await proxy?.cut();
    await direct?.close();
  });

  it("answers normally while the database is there", async () => {
    expect((await app.request("/readyz")).status).toBe(200);
    expect((await app.request("/regio?gemeente=Utrecht")).status).toBe(303);
    expect((await app.request("/api/v1/fault-probe")).status).toBe(200);
  });

  it("gives a friendly 503 page, problem+json and an unready /readyz, all with Retry-After, while it is away", async () => {
    await proxy.cut();
    // A catalogue search reads the database (the page cache has not stored it: nobody asked for it yet).
    const page = await app.request("/aanbod?q=subsidie");
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    const html = await page.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+|Error:/);

    const api = await app.request("/api/v1/fault-probe");
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
    const problem = await api.json();
    expect(problem).toMatchObject({ status: 503, type: "/problems/service-unavailable" });
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|\.ts/);

    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
    // Pages that need no database keep working.
    expect((await app.request("/toegankelijkheid")).status).toBe(200);
    await proxy.restore();
  });

  it("leaves nothing half-written when the connection drops inside a multi-statement transaction", async () => {
    const attempt = proxied.db.transaction(async (tx) => {
      await tx.execute(sql`insert into fault_orders values (1, 30)`);
      await tx.execute(sql`insert into fault_order_lines values (1, 1)`);
      await proxy.cut(); // the database goes away between two statements of one unit of work
      await tx.execute(sql`insert into fault_order_lines values (1, 2)`);
    });
    await expect(attempt).rejects.toThrow();
    await proxy.restore();
    const counts = await queryRows<{ orders: number; lines: number }>(
      direct.db,
      sql`select (select count(*)::int from fault_orders) as orders,
                 (select count(*)::int from fault_order_lines) as lines`,
    );
    expect(counts).toEqual([{ orders: 0, lines: 0 }]);
  });

  it("recovers by itself once the database is back, without a restart", async () => {
    await proxy.cut();
    expect((await app.request("/readyz")).status).toBe(503);
    await proxy.restore();
    // Broken pooled connections are discarded on first use; allow the pool a few attempts, then expect steady 2xx.
    let recovered = false;
    for (let attempt = 0; attempt < 20 && !recovered; attempt++) {
      recovered = (await app.request("/readyz")).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(recovered).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect((await app.request("/api/v1/fault-probe")).status).toBe(200);
      expect((await app.request("/regio?gemeente=Utrecht")).status).toBe(303);
    }
  });

  it("a job cut off mid-way is taken over after its lock expires, and its effect happens once", async () => {
    let now = new Date("2026-11-27T10:00:00Z");
    await enqueueJob(direct.db, "fault-effect", { key: "k1" }, { runAt: now });
    let calls = 0;
    const worker = createJobWorker({
      db: proxied.db,
      logger: silentLogger,
      clock: () => now,
      handlers: {
        "fault-effect": async (payload, { tx }) => {
          calls++;
          await tx.execute(sql`insert into fault_job_effects values (${payload.key as string})`);
          if (calls === 1) await proxy.cut(); // the database goes away before the job's transaction commits
        },
      },
    });
    await expect(worker.runOne()).rejects.toThrow();
    await proxy.restore();
    expect(await queryRows(direct.db, sql`select * from fault_job_effects`)).toHaveLength(0);
    // The claim is still held; once its lock time has passed another attempt takes the job over.
    now = new Date(now.getTime() + 61_000);
    let ran = false;
    for (let attempt = 0; attempt < 10 && !ran; attempt++) ran = await worker.runOne().catch(() => false);
    expect(ran).toBe(true);
    expect(calls).toBe(2);
    expect(await queryRows(direct.db, sql`select * from fault_job_effects`)).toEqual([{ job_key: "k1" }]);
    const [job] = await queryRows<{ status: string; attempts: number }>(
      direct.db,
      sql`select status, attempts from jobs where queue = 'fault-effect'`,
    );
    expect(job).toEqual({ status: "done", attempts: 2 });
  });
});
