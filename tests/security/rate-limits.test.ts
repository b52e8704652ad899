import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker } from "../../src/jobs/index.js";
import {
  LOGIN_FAILURES_PER_CLIENT,
  LOGIN_FAILURES_PER_CLIENT_AND_ACCOUNT,
  loginSlowdownMs,
} from "../../src/modules/auth/auth.routes.js";
import { INTAKE_LIMIT } from "../../src/modules/referrals/intake.routes.js";
import { EXPENSIVE_WRITE_LIMITS } from "../../src/web/abuse-limits.js";
import { intakeFields } from "../factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 5 of issue 13: rate limits that stop attackers, not customers (ADR 0075). Before: five wrong passwords from
 * anyone locked the owner out, successful logins counted, the sixth intake in an hour (failures included) was
 * refused with the form lost, POST /scan/resultaat had no limit and nothing deleted counters or finished jobs.
 * Clients are told apart by X-Forwarded-For behind a trusted proxy, as in production.
 */
const PASSWORD = "demo-wachtwoord";
const OWNER = "adviseur.es04@demo.invalid";

describeEachDatabase("rate limits that stop attackers, not customers", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  // A frozen clock one second into an hour: every fixed window (15 min, 1 h) holds the whole test.
  let now = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 1000);
  const clock = () => now;

  beforeAll(async () => {
    await seedDemoData(database().db, PASSWORD);
  });
  beforeEach(async () => {
    now = new Date(now.getTime() + 2 * 3_600_000);
    app = await createTestApp(database(), { TRUST_PROXY: "1" }, { clock });
  });

  /** A browser at one address. */
  const client = (address: string) =>
    browserSession({
      request: (input: string, init: RequestInit = {}) =>
        app.request(input, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": address },
        }),
    });
  const login = async (address: string, email: string, password: string) => {
    const browser = client(address);
    const csrf = await browser.csrfTokenFrom("/inloggen");
    const started = performance.now();
    const response = await browser.post("/inloggen", { email, password, terug: "/" }, { csrf });
    return { status: response.status, ms: performance.now() - started };
  };

  it("successful logins are not counted: the owner logs in ten times in a row", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++)
      statuses.push((await login("192.0.2.1", OWNER, PASSWORD)).status);
    expect(statuses).toEqual(Array(10).fill(303));
  });

  it("an attacker elsewhere is stopped on the account, and the owner still gets in", async () => {
    const attacker: number[] = [];
    for (let attempt = 0; attempt <= LOGIN_FAILURES_PER_CLIENT_AND_ACCOUNT; attempt++)
      attacker.push((await login("198.51.100.66", OWNER, "geraden")).status);
    expect(attacker).toEqual([...Array(LOGIN_FAILURES_PER_CLIENT_AND_ACCOUNT).fill(400), 429]);
    expect((await login("192.0.2.1", OWNER, PASSWORD)).status).toBe(303);
  });

  it("many addresses guessing one account slow it down but never lock the owner out", async () => {
    let failures = 0;
    for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3"])
      for (let attempt = 0; attempt < 4; attempt++) {
        expect((await login(address, OWNER, "geraden")).status).toBe(400);
        failures++;
      }
    const owner = await login("192.0.2.1", OWNER, PASSWORD);
    expect(owner.status).toBe(303);
    expect(loginSlowdownMs(failures)).toBeGreaterThan(0);
    expect(owner.ms).toBeGreaterThanOrEqual(loginSlowdownMs(failures) - 5);
  });

  it("one address guessing many accounts is stopped after its own limit", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LOGIN_FAILURES_PER_CLIENT; attempt++)
      statuses.push((await login("198.51.100.99", `niemand${attempt}@voorbeeld.nl`, "geraden")).status);
    expect(statuses.slice(0, LOGIN_FAILURES_PER_CLIENT)).toEqual(Array(LOGIN_FAILURES_PER_CLIENT).fill(400));
    expect(statuses.at(-1)).toBe(429);
  });

  it("intake: refused forms do not count; a shared address sends a day's intakes; a refusal keeps the input", async () => {
    const office = "203.0.113.10";
    const send = async (fields: Record<string, string>, address = office) => {
      const browser = client(address);
      const csrf = await browser.csrfTokenFrom("/intake?regio=ES04");
      const response = await browser.post("/intake", fields, { csrf });
      return {
        status: response.status,
        html: await response.text(),
        retryAfter: response.headers.get("retry-after"),
      };
    };
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await send(intakeFields({ kvk: "12", email: "geen-mail" }))).status).toBe(400);
    const accepted: number[] = [];
    for (let attempt = 0; attempt < INTAKE_LIMIT; attempt++)
      accepted.push((await send(intakeFields({ email: `kantoor${attempt}@voorbeeld.nl` }))).status);
    expect(accepted).toEqual(Array(INTAKE_LIMIT).fill(303));
    const refused = await send(
      intakeFields({ contactName: "Anna Bakker", question: "Mijn eigen vraag over hout." }),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.html).toContain("Probeer het over");
    expect(refused.html).toContain('value="Anna Bakker"');
    expect(refused.html).toContain("Mijn eigen vraag over hout.");
    expect((await send(intakeFields(), "203.0.113.99")).status).toBe(303);
  });

  it("POST /scan/resultaat has a per-client limit like the other expensive paths", async () => {
    const [{ limit }] = EXPENSIVE_WRITE_LIMITS;
    const browser = client("198.51.100.7");
    const csrf = await browser.csrfTokenFrom("/scan?stap=7&gemeente=GM0153&sector=C");
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limit; attempt++)
      statuses.push(
        (await browser.post("/scan/resultaat", { gemeente: "GM0153", sector: "C" }, { csrf })).status,
      );
    expect(statuses.slice(0, limit).every((status) => status !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = client("198.51.100.8");
    const otherCsrf = await other.csrfTokenFrom("/scan?stap=7&gemeente=GM0153&sector=C");
    expect(
      (await other.post("/scan/resultaat", { gemeente: "GM0153" }, { csrf: otherCsrf })).status,
    ).not.toBe(429);
  });

  it("the hourly purge deletes old counters and old finished jobs, and keeps recent and waiting ones", async () => {
    const db = database().db;
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db.execute(sql`insert into rate_limit_counters (key, window_start, count)
      values ('purge-test:old', ${daysAgo(2)}, 3), ('purge-test:new', ${now}, 1)`);
    await db.execute(sql`insert into jobs (queue, status, finished_at, created_at) values
      ('purge-test.done-old', 'done', ${daysAgo(31)}, ${daysAgo(31)}),
      ('purge-test.failed-old', 'failed', ${daysAgo(40)}, ${daysAgo(40)}),
      ('purge-test.done-new', 'done', ${daysAgo(1)}, ${daysAgo(1)}),
      ('purge-test.queued-old', 'queued', null, ${daysAgo(60)})`);
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const background = await createBackgroundJobs({ env, database: database(), logger: silentLogger, clock });
    await background.schedule(now);
    await createJobWorker({
      db,
      handlers: { ...background.handlers, "purge-test.queued-old": async () => {} },
      logger: silentLogger,
      clock,
    }).drain();
    const counters = await queryRows<{ key: string }>(
      db,
      sql`select key from rate_limit_counters where key like 'purge-test:%' order by key`,
    );
    expect(counters.map((row) => row.key)).toEqual(["purge-test:new"]);
    const jobs = await queryRows<{ queue: string }>(
      db,
      sql`select queue from jobs where queue like 'purge-test.%' order by queue`,
    );
    // The old queued job ran in this drain (it is now recent and done); the old finished ones are gone.
    expect(jobs.map((row) => row.queue)).toEqual(["purge-test.done-new", "purge-test.queued-old"]);
  });
});
