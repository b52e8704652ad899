import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTestSettings } from "../../src/config/env.js";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import { SESSION_COOKIE } from "../../src/modules/auth/index.js";
import {
  createScratchDatabase,
  type ServiceProcess,
  startServiceProcess,
} from "../../src/ops/service-process.js";
import { ABUSE_LIMIT } from "../../src/web/abuse-limits.js";
import { browserSession, silentLogger } from "../support/app.js";
import { postgresAvailable } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";

/**
 * Two instances of the real server process on one PostgreSQL database, as behind a load balancer: nothing that
 * matters may live in one process's memory — CSRF, rate limits, jobs, sessions, login limits and optimistic locking
 * on a real edit all hold across them.
 */
const SECRET_KEY = "two-instances-shared-secret-0123456789abcdef";
/** Pages with a POST form; the first one that exists provides a real form token. Integrator: add form pages. */
const FORM_PAGES = ["/inloggen", "/intake", "/belemmering-melden"];

const title = postgresAvailable()
  ? "two instances on one PostgreSQL database"
  : "two instances on one PostgreSQL database [skipped: TEST_DATABASE_URL is not set]";

describe.skipIf(!postgresAvailable())(title, () => {
  let a: ServiceProcess;
  let b: ServiceProcess;
  let databaseUrl: string;
  let dropDatabase: (() => Promise<unknown>) | undefined;

  beforeAll(async () => {
    const database = await createScratchDatabase(loadTestSettings().testDatabaseUrl!, "cl_ops_two");
    dropDatabase = database.drop;
    databaseUrl = database.url;
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      SECRET_KEY,
      PUBLIC_BASE_URL: "http://localhost:3000",
      LOG_LEVEL: "warn",
    };
    // Both start at once on an empty database: the migration advisory lock lets exactly one migrate.
    [a, b] = await Promise.all([
      startServiceProcess({ env, readyTimeoutMs: 120_000 }),
      startServiceProcess({ env, readyTimeoutMs: 120_000 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
    await dropDatabase?.();
  });

  it("both serve the same pages after starting together on an empty database", async () => {
    for (const instance of [a, b]) {
      const response = await fetch(`${instance.baseUrl}/regio/ES04`);
      expect(response.status).toBe(200);
    }
  });

  it("a CSRF cookie and token issued by instance A are accepted by instance B, a forged one is not", async () => {
    // A page without a posting form sets no CSRF cookie; the first form page A serves sets it, with its token.
    expect((await fetch(`${a.baseUrl}/`)).headers.getSetCookie()).toEqual([]);
    let token: string | undefined;
    let cookiePair = "";
    for (const path of FORM_PAGES) {
      const response = await fetch(`${a.baseUrl}${path}`);
      const html = await response.text();
      token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      const cookie = response.headers.getSetCookie().find((header) => header.startsWith("cl_csrf="));
      cookiePair = cookie?.split(";")[0] ?? "";
      if (token) break;
    }
    // The token a form on A carries is the HMAC of the cookie secret (and of the session, none here: ADR 0073) under
    // the shared SECRET_KEY.
    expect(token).toBe(
      createHmac("sha256", SECRET_KEY)
        .update(`csrf:${cookiePair.split("=")[1]}:`)
        .digest("base64url"),
    );
    if (!token) throw new Error("no form page with a CSRF token");
    // A region page: no POST handler, and no rate limit (the rate-limit test below may have used up /regio's).
    const post = (csrf: string) =>
      fetch(`${b.baseUrl}/regio/ES04`, {
        method: "POST",
        headers: { cookie: cookiePair, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
        redirect: "manual",
      });
    const forged = await post(`${token.slice(0, -2)}xx`);
    expect(forged.status).toBe(403);
    const accepted = await post(token);
    // Past the CSRF check; the region page has no POST handler, so the router answers 404 — not 403.
    expect(accepted.status).not.toBe(403);
    expect(accepted.status).toBe(404);
  });

  it("rate limit counts are shared: requests to A and B use up one allowance, and both refuse when it is gone", async () => {
    const windowMs = ABUSE_LIMIT.windowSeconds * 1000;
    const pool = await openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 1 });
    const request = (instance: typeof a) =>
      fetch(`${instance.baseUrl}/regio?gemeente=Utrecht`, { redirect: "manual" });
    const counted = async (window: Date) => {
      const [row] = await queryRows<{ count: number; key: string | null }>(
        pool.db,
        sql`select coalesce(sum(count), 0)::int as count, max(key) as key from rate_limit_counters
            where key like '/regio:%' and window_start = ${window}`,
      );
      return row!;
    };
    // Each instance writes its counts every 500 ms (ADR 0004); wait a little longer.
    const synced = () => new Promise((resolve) => setTimeout(resolve, 1_200));
    let window = new Date(0);
    let added = 0;
    // Within one fixed window (repeat in the rare case the steps straddle a window boundary).
    await synced(); // earlier tests' requests are written first
    for (let attempt = 0; attempt < 3; attempt++) {
      window = new Date(Math.floor(Date.now() / windowMs) * windowMs);
      const before = (await counted(window)).count;
      for (const instance of [a, b, a, b, a, b]) {
        const response = await request(instance);
        expect(response.status).toBe(303);
        expect(response.headers.get("ratelimit-limit")).toBe(String(ABUSE_LIMIT.limit));
      }
      await synced();
      added = (await counted(window)).count - before;
      if (Math.floor(Date.now() / windowMs) * windowMs === window.getTime()) break;
    }
    expect(added).toBe(6);
    // The client uses up its allowance (as if through other instances): A and B both refuse it soon after.
    const { key } = await counted(window);
    for (const start of [window.getTime(), window.getTime() + windowMs])
      await pool.db.execute(
        sql`insert into rate_limit_counters (key, window_start, count) values (${key}, ${new Date(start)}, ${ABUSE_LIMIT.limit})
            on conflict (key, window_start) do update set count = ${ABUSE_LIMIT.limit}`,
      );
    for (const instance of [a, b]) {
      let status = 0;
      for (let tries = 0; tries < 30 && status !== 429; tries++) {
        status = (await request(instance)).status;
        if (status !== 429) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(429);
    }
    await pool.close();
  });

  describe("with two job workers on two connection pools", () => {
    let pools: DatabaseHandle[] = [];
    beforeAll(async () => {
      pools = await Promise.all([
        openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 3 }),
        openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 3 }),
      ]);
      await pools[0]!.db.execute(
        sql`create table two_job_effects (job_key text primary key, worker text not null);
            create table two_documents (id int primary key, title text not null, version int not null)`,
      );
    });
    afterAll(async () => {
      await Promise.all(pools.map((pool) => pool.close()));
    });

    it("runs each of 40 jobs exactly once when both workers drain the queue at the same time", async () => {
      const count = 40;
      for (let i = 0; i < count; i++) await enqueueJob(pools[0]!.db, "two-effect", { key: `job-${i}` });
      const workers = pools.map((pool, index) =>
        createJobWorker({
          db: pool.db,
          logger: silentLogger,
          handlers: {
            "two-effect": async (payload, { tx }) => {
              await new Promise((resolve) => setTimeout(resolve, 5));
              await tx.execute(
                sql`insert into two_job_effects values (${payload.key as string}, ${`worker-${index}`})`,
              );
            },
          },
        }),
      );
      const ran = await Promise.all(workers.map((worker) => worker.drain()));
      expect(ran[0]! + ran[1]!).toBe(count);
      expect(ran[0]).toBeGreaterThan(0);
      expect(ran[1]).toBeGreaterThan(0);
      const [effects] = await queryRows<{ total: number; distinct: number }>(
        pools[0]!.db,
        sql`select count(*)::int as total, count(distinct job_key)::int as distinct from two_job_effects`,
      );
      expect(effects).toEqual({ total: count, distinct: count });
      const [jobs] = await queryRows<{ done_once: number }>(
        pools[0]!.db,
        sql`select count(*)::int as done_once from jobs
            where queue = 'two-effect' and status = 'done' and attempts = 1`,
      );
      expect(jobs!.done_once).toBe(count);
    });

    it("the optimistic-locking pattern (update … where version = n) lets exactly one of two instances win", async () => {
      // The bare SQL pattern; the test "two saves of one listing at once through A and B" does it through the app.
      await pools[0]!.db.execute(sql`insert into two_documents values (1, 'first', 1)`);
      const edit = (pool: DatabaseHandle, title: string) =>
        queryRows<{ version: number }>(
          pool.db,
          sql`update two_documents set title = ${title}, version = version + 1
              where id = 1 and version = 1 returning version`,
        );
      const results = await Promise.all([edit(pools[0]!, "from A"), edit(pools[1]!, "from B")]);
      expect(results.map((rows) => rows.length).sort()).toEqual([0, 1]);
      const [row] = await queryRows<{ version: number }>(
        pools[1]!.db,
        sql`select version from two_documents`,
      );
      expect(row!.version).toBe(2);
    });
  });

  describe("with the demo accounts", () => {
    /** A browser across both instances: browserSession's cookie jar over fetch to either address. */
    const newBrowser = () =>
      browserSession({ request: (url, init) => fetch(url, { ...init, redirect: "manual" }) });
    type Browser = ReturnType<typeof newBrowser>;
    const logIn = async (browser: Browser, instance: typeof a, email: string, password: string) =>
      browser.post(
        `${instance.baseUrl}/inloggen`,
        { email, password },
        { csrf: await browser.csrfTokenFrom(`${instance.baseUrl}/inloggen`) },
      );

    beforeAll(async () => {
      const pool = await openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 1 });
      await seedDemoData(pool.db, DEMO_PASSWORD);
      await pool.close();
    });

    it("a session started on A works on B, and logging out on B ends it on A too", async () => {
      const browser = newBrowser();
      const login = await logIn(browser, a, "adviseur.es04@demo.invalid", DEMO_PASSWORD);
      expect(login.status).toBe(303);
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
      const onB = await browser.get(`${b.baseUrl}/werkruimte`);
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain("Uitloggen");
      const logout = await browser.post(
        `${b.baseUrl}/uitloggen`,
        {},
        { csrf: await browser.csrfTokenFrom(`${b.baseUrl}/werkruimte`) },
      );
      expect(logout.status).toBe(303);
      // Even with the old cookie, A finds no session any more and sends the visitor to the login page.
      const stale = await fetch(`${a.baseUrl}/werkruimte`, {
        headers: {
          cookie: `${SESSION_COOKIE}=${
            login.headers
              .getSetCookie()
              .join("")
              .match(/cl_session=([^;]+)/)![1]
          }`,
        },
        redirect: "manual",
      });
      expect(stale.status).toBe(303);
      expect(stale.headers.get("location")).toContain("/inloggen");
    });

    it("failed logins on A and B count against one limit for the account", async () => {
      const statuses: number[] = [];
      for (const instance of [a, b, a, b, a, b]) {
        const browser = newBrowser();
        statuses.push(
          (await logIn(browser, instance, "coordinator@demo.invalid", "niet-het-wachtwoord")).status,
        );
      }
      // Five wrong passwords are answered with the form again; the sixth is refused, on whichever instance.
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    });

    it("two saves of one listing at once through A and B: one is kept, the other gets the conflict page", async () => {
      const browser = newBrowser();
      expect((await logIn(browser, a, "aanbieder.rvo@demo.invalid", DEMO_PASSWORD)).status).toBe(303);
      const html = await (await browser.get(`${a.baseUrl}/werkruimte/aanbod`)).text();
      const [, refId, version] =
        /action="\/werkruimte\/aanbod\/([^"/]+)"[\s\S]*?name="version" value="(\d+)"/.exec(html)!;
      const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      const save = (instance: typeof a, terms: string) =>
        browser.post(
          `${instance.baseUrl}/werkruimte/aanbod/${refId}`,
          { version: version!, status: "open", opensOn: "", closesOn: "", terms },
          { csrf: token },
        );
      const results = await Promise.all([
        save(a, "Voorwaarden bewaard via A."),
        save(b, "Voorwaarden bewaard via B."),
      ]);
      expect(results.map((response) => response.status).sort()).toEqual([303, 409]);
      const conflict = results.find((response) => response.status === 409)!;
      expect(await conflict.text()).toMatch(/Voorwaarden bewaard via [AB]\./);
    });
  });
});
