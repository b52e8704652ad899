import type { Server } from "node:http";
import { createConnection } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTestSettings } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import {
  createScratchDatabase,
  type ServiceProcess,
  startServiceProcess,
} from "../../src/ops/service-process.js";
import { shutDownGracefully } from "../../src/ops/shutdown.js";
import { createTestApp, silentLogger } from "../support/app.js";
import { describeEachDatabase, postgresAvailable } from "../support/database.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the first part of a request, returns a function that sends the rest and resolves with the raw response. */
function startRequestSlowly(port: number, path: string) {
  const socket = createConnection(port, "127.0.0.1");
  let response = "";
  socket.on("data", (chunk) => {
    response += chunk.toString();
  });
  const ended = new Promise<string>((resolve) => socket.on("close", () => resolve(response)));
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return {
    async begin() {
      await connected;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    },
    finish() {
      socket.write("Connection: close\r\n\r\n");
      return ended;
    },
  };
}

const processTitle = postgresAvailable()
  ? "graceful shutdown of the real server process [PostgreSQL]"
  : "graceful shutdown of the real server process [PostgreSQL — skipped: TEST_DATABASE_URL is not set]";

describe.skipIf(!postgresAvailable())(processTitle, () => {
  let service: ServiceProcess | undefined;
  let dropDatabase: (() => Promise<unknown>) | undefined;

  beforeAll(async () => {
    const database = await createScratchDatabase(loadTestSettings().testDatabaseUrl!, "cl_ops_shutdown");
    dropDatabase = database.drop;
    service = await startServiceProcess({
      env: {
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        SECRET_KEY: "shutdown-test-secret-0123456789abcdef",
        PUBLIC_BASE_URL: "http://localhost:3000",
        LOG_LEVEL: "info",
        SHUTDOWN_GRACE_SECONDS: "10",
      },
      readyTimeoutMs: 120_000,
    });
  });
  afterAll(async () => {
    await service?.stop("SIGKILL");
    await dropDatabase?.();
  });

  it("on SIGTERM finishes a request already in flight with 200, refuses new connections and exits 0", async () => {
    const running = service!;
    const inFlight = startRequestSlowly(running.port, "/regio/ES04");
    await inFlight.begin();
    await sleep(100);
    running.child.kill("SIGTERM");
    // The listener closes first (on a loaded machine the signal may take a moment to arrive)...
    await expect
      .poll(
        () =>
          fetch(`${running.baseUrl}/healthz`).then(
            () => "open",
            () => "closed",
          ),
        {
          timeout: 10_000,
          interval: 100,
        },
      )
      .toBe("closed");
    expect(running.child.exitCode).toBeNull(); // ...while the process still waits for the request in flight
    const raw = await inFlight.finish();
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw).toContain("</html>");
    const started = Date.now();
    expect(await running.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(running.output()).toContain('"msg":"stopped"');
  });
});

describeEachDatabase("graceful shutdown with a job in progress", (database) => {
  it("waits for the job and the slow request in progress, then closes; the job's effect happens once", async () => {
    const db = database().db;
    await db.execute(sql`create table if not exists shutdown_effects (job_key text primary key)`);
    await enqueueJob(db, "slow", { key: "s1" });
    let jobStarted = false;
    const worker = createJobWorker({
      db,
      logger: silentLogger,
      handlers: {
        slow: async (payload, { tx }) => {
          jobStarted = true;
          await sleep(600);
          await tx.execute(sql`insert into shutdown_effects values (${payload.key as string})`);
        },
      },
    });
    const app = await createTestApp(database());
    let requestArrived = false;
    app.get("/test-slow", async (c) => {
      requestArrived = true;
      await sleep(600);
      return c.text("done");
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as { port: number };

    worker.start();
    const slow = fetch(`http://127.0.0.1:${port}/test-slow`);
    while (!jobStarted || !requestArrived) await sleep(20);
    let databaseClosed = false;
    const code = await shutDownGracefully({
      server: server as Server,
      logger: silentLogger,
      graceMs: 5_000,
      stopWorkers: [() => worker.stop()],
      closeDatabase: async () => {
        databaseClosed = true;
      },
    });
    expect(code).toBe(0);
    expect(databaseClosed).toBe(true);
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("done");
    expect(await queryRows(db, sql`select * from shutdown_effects`)).toEqual([{ job_key: "s1" }]);
    const [job] = await queryRows<{ status: string; attempts: number }>(
      db,
      sql`select status, attempts from jobs where queue = 'slow'`,
    );
    expect(job).toEqual({ status: "done", attempts: 1 });
  });
});
