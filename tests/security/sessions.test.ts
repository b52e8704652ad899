import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { browserSession, createTestApp, silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 6 of issue 13: the idle timeout belongs to the session. Two instances with different SESSION_IDLE_MINUTES on
 * one database: one's cleanup job does not end the other's sessions, each session keeps the window it got at login,
 * and a session with a one-minute window stays alive while requests keep coming. Time is the apps' injectable clock.
 */
describeEachDatabase("idle expiry per session", (database) => {
  let now = new Date("2026-12-01T09:00:00Z");
  const clock = () => now;
  const later = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  const settings = { short: { SESSION_IDLE_MINUTES: "1" }, long: { SESSION_IDLE_MINUTES: "30" } };
  let shortIdle: Awaited<ReturnType<typeof createTestApp>>;
  let longIdle: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    shortIdle = await createTestApp(database(), settings.short, { clock });
    longIdle = await createTestApp(database(), settings.long, { clock });
  });

  type App = typeof shortIdle;
  /** Logs in on one app; answers the session cookie, which works on either app (one database). */
  const login = async (app: App, email: string) => {
    const browser = browserSession(app);
    const csrf = await browser.csrfTokenFrom("/inloggen");
    const response = await browser.post(
      "/inloggen",
      { email, password: "demo-wachtwoord", terug: "/" },
      { csrf },
    );
    expect(response.status).toBe(303);
    return browser.cookies.get("cl_session")!;
  };
  const signedInOn = async (app: App, session: string) =>
    (await (await app.request("/", { headers: { cookie: `cl_session=${session}` } })).text()).includes(
      'action="/uitloggen"',
    );
  /** The scheduled cleanup of the instance with these settings (the job every instance runs each minute). */
  const cleanupOf = async (overrides: Record<string, string>) => {
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0", ...overrides });
    await (await createBackgroundJobs({ env, database: database(), logger: silentLogger, clock })).schedule(
      now,
    );
  };
  /** Rows in `sessions` of one user (other tests' sessions on this shared copy may be purged by the same cleanup). */
  const sessionsOf = async (email: string) =>
    (
      await queryRows<{ n: number }>(
        database().db,
        sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.email = ${email}`,
      )
    )[0]!.n;

  it("the cleanup job of an instance with a 1-minute window does not end a session started with 30 minutes", async () => {
    const session = await login(longIdle, "adviseur.es04@demo.invalid");
    later(5 * 60);
    await cleanupOf(settings.short);
    expect(await signedInOn(longIdle, session)).toBe(true);
    expect(await signedInOn(shortIdle, session)).toBe(true);
  });

  it("a session keeps the window it got at login on every instance, and any instance's cleanup removes it after", async () => {
    const session = await login(shortIdle, "adviseur.es23@demo.invalid");
    later(90);
    // Idle for 90 s with a 1-minute window: ended, also on the instance whose own setting is 30 minutes …
    expect(await signedInOn(longIdle, session)).toBe(false);
    const other = await login(shortIdle, "adviseur.es01@demo.invalid");
    expect(await sessionsOf("adviseur.es01@demo.invalid")).toBe(1);
    later(90);
    // … and purged by the 30-minute instance's cleanup, which reads the session's own end.
    await cleanupOf(settings.long);
    expect(await sessionsOf("adviseur.es01@demo.invalid")).toBe(0);
    expect(await signedInOn(shortIdle, other)).toBe(false);
  });

  it("a session with a 1-minute window stays alive while requests keep coming, on either instance", async () => {
    const session = await login(shortIdle, "coordinator@demo.invalid");
    for (let step = 0; step < 30; step++) {
      later(20);
      expect(await signedInOn(step % 2 ? shortIdle : longIdle, session), `after ${(step + 1) * 20} s`).toBe(
        true,
      );
      if (step % 5 === 0) await cleanupOf(settings.short);
    }
    later(61);
    expect(await signedInOn(longIdle, session)).toBe(false);
  });

  it("a request moves the idle end on only when less than half the window is left (few writes)", async () => {
    const session = await login(longIdle, "aanbieder.rvo@demo.invalid");
    const idleEnd = async () =>
      (
        await queryRows<{ idle_expires_at: string | Date }>(
          database().db,
          sql`select s.idle_expires_at from sessions s join users u on u.id = s.user_id
              where u.email = 'aanbieder.rvo@demo.invalid'`,
        )
      )[0]!.idle_expires_at;
    const atLogin = new Date(await idleEnd()).getTime();
    expect(atLogin).toBe(now.getTime() + 30 * 60_000);
    later(10 * 60);
    expect(await signedInOn(longIdle, session)).toBe(true);
    expect(new Date(await idleEnd()).getTime()).toBe(atLogin);
    later(6 * 60);
    expect(await signedInOn(longIdle, session)).toBe(true);
    expect(new Date(await idleEnd()).getTime()).toBe(now.getTime() + 30 * 60_000);
  });
});
