import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSession, createTestApp, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createBackgroundJobs } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createJobWorker } from "../../jobs/index.js";
import { passwordProblem } from "./auth.passwords.js";
import { type Area, areaContains, areaOf, can, type Principal } from "./auth.policy.js";
import { safeReturnPath } from "./auth.routes.js";

const principal = (overrides: Partial<Principal>): Principal => ({
  userId: 1,
  email: "x@demo.invalid",
  displayName: "X",
  role: "adviseur",
  organisationId: "hub-twente",
  organisationName: "Hub",
  organisationKind: "hub",
  providerId: null,
  regionCodes: ["ES04"],
  scope: null,
  ...overrides,
});

describe("policy table", () => {
  it("lets an adviseur act only in the regions its hub covers", () => {
    const adviseur = principal({});
    expect(can(adviseur, "case.read", { regionCode: "ES04" })).toBe(true);
    expect(can(adviseur, "case.read", { regionCode: "ES23" })).toBe(false);
    expect(can(adviseur, "case.read", {})).toBe(false);
    expect(can(adviseur, "listing.update", { providerId: "rvo" })).toBe(false);
  });
  it("lets an aanbieder act only on its own provider's referrals and listings", () => {
    const aanbieder = principal({ role: "aanbieder", providerId: "rvo", regionCodes: [] });
    expect(can(aanbieder, "referral.transition", { providerId: "rvo", regionCode: "ES04" })).toBe(true);
    expect(can(aanbieder, "referral.transition", { providerId: "circo", regionCode: "ES04" })).toBe(false);
    expect(can(aanbieder, "case.read", { regionCode: "ES04" })).toBe(false);
  });
  it("gives coordinators aggregates only and beheerders administration only", () => {
    const coordinator = principal({ role: "coordinator", scope: "national", regionCodes: [] });
    expect(can(coordinator, "monitor.view_restricted", { area: { level: "region", code: "ES04" } })).toBe(
      true,
    );
    expect(can(coordinator, "case.read", { regionCode: "ES04" })).toBe(false);
    const beheerder = principal({ role: "beheerder", regionCodes: [] });
    expect(can(beheerder, "subject.erase")).toBe(true);
    expect(can(beheerder, "case.read", { regionCode: "ES04" })).toBe(false);
    expect(can(undefined, "workspace.enter")).toBe(false);
  });
});

describe("coordinators' areas in the policy table", () => {
  // ES09 lies in two provinces (PV25 and PV26), as some RES regions do.
  const regionProvinces = new Map([
    ["ES04", ["PV23"]],
    ["ES05", ["PV23"]],
    ["ES09", ["PV25", "PV26"]],
    ["ES13", ["PV26"]],
  ]);
  const region = (code: string): Area => ({ level: "region", code });
  const province = (code: string): Area => ({ level: "province", code });
  const national: Area = { level: "national" };
  const coordinator = (scope: Principal["scope"], regionCodes: string[]) =>
    principal({ role: "coordinator", organisationKind: "coordinator", scope, regionCodes });

  it("national ⊇ province ⊇ region, never the other way", () => {
    expect(areaContains(national, region("ES04"), regionProvinces)).toBe(true);
    expect(areaContains(province("PV23"), region("ES04"), regionProvinces)).toBe(true);
    expect(areaContains(province("PV23"), region("ES13"), regionProvinces)).toBe(false);
    expect(areaContains(province("PV26"), region("ES09"), regionProvinces)).toBe(true);
    expect(areaContains(province("PV23"), national, regionProvinces)).toBe(false);
    expect(areaContains(region("ES04"), province("PV23"), regionProvinces)).toBe(false);
    expect(areaContains(region("ES04"), region("ES04"), regionProvinces)).toBe(true);
  });

  it("reads a coordinator's area from the organisation, and places none it cannot", () => {
    expect(areaOf(coordinator("national", []), regionProvinces)).toEqual(national);
    expect(areaOf(coordinator("province", ["ES04", "ES05"]), regionProvinces)).toEqual(province("PV23"));
    expect(areaOf(coordinator("province", ["ES09", "ES13"]), regionProvinces)).toEqual(province("PV26"));
    expect(areaOf(coordinator("region", ["ES04"]), regionProvinces)).toEqual(region("ES04"));
    // No shared province, no region, no scope, or no map: no area, so every area rule refuses.
    expect(areaOf(coordinator("province", ["ES04", "ES13"]), regionProvinces)).toBeUndefined();
    expect(areaOf(coordinator("region", []), regionProvinces)).toBeUndefined();
    expect(areaOf(coordinator(null, ["ES04"]), regionProvinces)).toBeUndefined();
    expect(areaOf(coordinator("province", ["ES04", "ES05"]))).toBeUndefined();
    expect(areaOf(principal({}), regionProvinces)).toBeUndefined();
  });

  it("lets coordinators see, set and handle only what lies within their area", () => {
    const overijssel = coordinator("province", ["ES04", "ES05"]);
    const twente = coordinator("region", ["ES04"]);
    const nl = coordinator("national", []);
    const may = (who: Principal, action: Parameters<typeof can>[1], area: Area) =>
      can(who, action, { area }, regionProvinces);
    // Goals are set for the country by the national coordinator only; a province coordinator breaks them down
    // within the province (ADR 0095).
    for (const action of ["goal.create", "goal.update"] as const) {
      expect(may(nl, action, national), action).toBe(true);
      expect(may(overijssel, action, province("PV23")), action).toBe(false);
      expect(may(twente, action, region("ES04")), action).toBe(false);
    }
    expect(may(overijssel, "goal.breakdown", province("PV23"))).toBe(true);
    expect(may(overijssel, "goal.breakdown", region("ES05"))).toBe(true);
    expect(may(overijssel, "goal.breakdown", province("PV26"))).toBe(false);
    expect(may(twente, "goal.breakdown", region("ES04"))).toBe(false);
    for (const action of [
      "monitor.view_restricted",
      "barrier.read_register",
      "barrier.update",
      "gap.read",
      "gap.update",
      "report.read",
    ] as const) {
      expect(may(nl, action, national), action).toBe(true);
      expect(may(overijssel, action, province("PV23")), action).toBe(true);
      expect(may(overijssel, action, region("ES05")), action).toBe(true);
      expect(may(overijssel, action, region("ES13")), action).toBe(false);
      expect(may(overijssel, action, national), action).toBe(false);
      expect(may(twente, action, region("ES04")), action).toBe(true);
      expect(may(twente, action, province("PV23")), action).toBe(false);
      // Without an area named, nothing is allowed; an adviser or a beheerder is no coordinator.
      expect(can(nl, action, {}, regionProvinces), action).toBe(false);
      expect(may(principal({}), action, region("ES04")), action).toBe(false);
      expect(may(principal({ role: "beheerder", regionCodes: [] }), action, national), action).toBe(false);
    }
  });

  it("lets the organisation that is aan zet for a gap read and update it, and marks an adviser's barrier report", () => {
    const provider = principal({
      role: "aanbieder",
      organisationId: "provider-rvo",
      providerId: "rvo",
      regionCodes: [],
    });
    const gap = { area: region("ES13"), organisationId: "provider-rvo" };
    expect(can(provider, "gap.read", gap, regionProvinces)).toBe(true);
    expect(can(provider, "gap.update", gap, regionProvinces)).toBe(true);
    expect(can(provider, "gap.update", { ...gap, organisationId: "provider-circo" }, regionProvinces)).toBe(
      false,
    );
    // A barrier forwarded to RVO: RVO's users read and answer it; another organisation's and a coordinator's
    // elsewhere do not (the coordinators of its area work it in the register instead).
    for (const action of ["barrier.read_forwarding", "barrier.answer_forwarding"] as const) {
      expect(can(provider, action, { organisationId: "provider-rvo" }), action).toBe(true);
      expect(can(provider, action, { organisationId: "provider-circo" }), action).toBe(false);
      expect(can(provider, action, {}), action).toBe(false);
      expect(can(coordinator("national", []), action, { organisationId: "provider-rvo" }), action).toBe(
        false,
      );
    }
    expect(can(principal({}), "barrier.report_as_adviser")).toBe(true);
    expect(can(coordinator("national", []), "barrier.report_as_adviser")).toBe(false);
    expect(can(undefined, "barrier.report_as_adviser")).toBe(false);
  });
});

describe("password rules and return paths", () => {
  it("refuses short, long, trivial and e-mail-equal passwords", () => {
    expect(passwordProblem("kort", "a@b.nl")).toBe("tooShort");
    expect(passwordProblem("x".repeat(129), "a@b.nl")).toBe("tooLong");
    expect(passwordProblem("aaaaaaaaaaaaaa", "a@b.nl")).toBe("weak");
    expect(passwordProblem("a@b.nl-a@b.nl", "a@b.nl-a@b.nl")).toBe("weak");
    expect(passwordProblem("paarse fietsen rijden", "a@b.nl")).toBeUndefined();
  });
  it("only returns to paths inside the service", () => {
    expect(safeReturnPath("/werkruimte/dossiers/1")).toBe("/werkruimte/dossiers/1");
    expect(safeReturnPath("//evil.example")).toBe("/werkruimte");
    expect(safeReturnPath("https://evil.example")).toBe("/werkruimte");
    expect(safeReturnPath(undefined)).toBe("/werkruimte");
  });
});

describeEachDatabase("accounts and sessions", (database) => {
  let now = new Date("2026-11-27T09:00:00Z");
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(
      database(),
      { SESSION_IDLE_MINUTES: "30", SESSION_ABSOLUTE_HOURS: "12" },
      { clock: () => now },
    );
  });

  const login = async (email: string, password = "demo-wachtwoord") => {
    const session = browserSession(app);
    const csrf = await session.csrfTokenFrom("/inloggen");
    const response = await session.post("/inloggen", { email, password, terug: "/" }, { csrf });
    return { session, response, csrf };
  };
  const signedIn = async (session: ReturnType<typeof browserSession>) =>
    (await (await session.get("/")).text()).includes('action="/uitloggen"');

  it("seeding the demo accounts twice adds nothing", async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    const [row] = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from users where email like '%@demo.invalid'`,
    );
    expect(row!.n).toBe(9);
    const [hash] = await queryRows<{ password_hash: string }>(
      database().db,
      sql`select password_hash from users limit 1`,
    );
    expect(hash!.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("logs in with the demo password: an HttpOnly, SameSite=Lax session cookie whose hash only is stored", async () => {
    const { session, response } = await login("Adviseur.ES04@demo.invalid");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith("cl_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; https sets Secure
    const token = session.cookies.get("cl_session")!;
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await queryRows<{ id_hash: string }>(database().db, sql`select id_hash from sessions`);
    expect(stored.some((row) => row.id_hash === token)).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true);
    expect(await signedIn(session)).toBe(true);
  });

  it("marks the cookie Secure behind https", async () => {
    const session = browserSession(app);
    const csrf = await session.csrfTokenFrom("/inloggen");
    const body = new URLSearchParams({
      email: "beheer@demo.invalid",
      password: "demo-wachtwoord",
      _csrf: csrf,
    });
    const response = await app.request("https://loket.example/inloggen", {
      method: "POST",
      headers: {
        cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: body.toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().find((h) => h.startsWith("cl_session="))).toMatch(/Secure/);
  });

  it("refuses a wrong password with the form again (400) and no session", async () => {
    const { session, response } = await login("adviseur.es23@demo.invalid", "fout-wachtwoord");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("klopt niet");
    expect(html).toContain('value="adviseur.es23@demo.invalid"');
    expect(session.cookies.has("cl_session")).toBe(false);
  });

  it("rotates the session id at login and ends it at logout", async () => {
    const { session } = await login("aanbieder.rvo@demo.invalid");
    const first = session.cookies.get("cl_session")!;
    // The CSRF token is bound to the session: a signed-in browser reads it from its own page (ADR 0073).
    await session.post(
      "/inloggen",
      { email: "aanbieder.rvo@demo.invalid", password: "demo-wachtwoord" },
      { csrf: await session.csrfTokenFrom("/inloggen") },
    );
    const second = session.cookies.get("cl_session")!;
    expect(second).not.toBe(first);
    const stale = browserSession(app);
    stale.cookies.set("cl_session", first);
    expect(await signedIn(stale)).toBe(false);
    expect(await signedIn(session)).toBe(true);
    const out = await session.post("/uitloggen", {}, { csrf: await session.csrfTokenFrom("/") });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/inloggen?uitgelogd");
    const replay = browserSession(app);
    replay.cookies.set("cl_session", second);
    expect(await signedIn(replay)).toBe(false);
  });

  it("ends a session after the idle timeout and after the absolute timeout", async () => {
    const { session } = await login("coordinator@demo.invalid");
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await signedIn(session)).toBe(true);
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await signedIn(session)).toBe(false);
    const { session: busy } = await login("coordinator@demo.invalid");
    for (let hour = 0; hour < 12; hour++) {
      now = new Date(now.getTime() + 25 * 60_000);
      expect(await signedIn(busy)).toBe(true);
    }
    now = new Date(now.getTime() + 2 * 3_600_000);
    expect(await signedIn(busy)).toBe(false);
  });

  it("resets a password by e-mail link, with password rules, and ends old sessions", async () => {
    const { session: old } = await login("adviseur.es01@demo.invalid");
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/wachtwoord-vergeten");
    const asked = await visitor.post(
      "/wachtwoord-vergeten",
      { email: "adviseur.es01@demo.invalid" },
      { csrf },
    );
    expect(asked.status).toBe(200);
    const unknown = await visitor.post("/wachtwoord-vergeten", { email: "niemand@demo.invalid" }, { csrf });
    expect(await unknown.text()).toContain("Als dit e-mailadres bij ons bekend is");
    // The request only queues the reset (the same work for every address); the job writes token and mail.
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const background = await createBackgroundJobs({
      env,
      database: database(),
      logger: silentLogger,
      clock: () => now,
    });
    await createJobWorker({
      db: database().db,
      handlers: background.handlers,
      logger: silentLogger,
      clock: () => now,
    }).drain();
    const mails = await queryRows<{ body: string; to_address: string }>(
      database().db,
      sql`select body, to_address from outbox_messages where kind = 'password_reset'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe("adviseur.es01@demo.invalid");
    const token = /token=([\w-]+)/.exec(mails[0]!.body)![1]!;
    expect(await (await visitor.get(`/wachtwoord-herstellen?token=${token}`)).text()).toContain(
      'name="password"',
    );
    const weak = await visitor.post("/wachtwoord-herstellen", { token, password: "kort" }, { csrf });
    expect(weak.status).toBe(400);
    const done = await visitor.post(
      "/wachtwoord-herstellen",
      { token, password: "groene bomen langs de dijk" },
      { csrf },
    );
    expect(done.status).toBe(303);
    expect(await signedIn(old)).toBe(false);
    const again = await visitor.post(
      "/wachtwoord-herstellen",
      { token, password: "nog een ander wachtwoord" },
      { csrf },
    );
    expect(again.status).toBe(400);
    expect((await login("adviseur.es01@demo.invalid", "groene bomen langs de dijk")).response.status).toBe(
      303,
    );
    expect((await login("adviseur.es01@demo.invalid")).response.status).toBe(400);
  });

  it("answers 429 after too many login attempts for one account", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++)
      statuses.push((await login("adviseur.es14@demo.invalid", "geraden-wachtwoord")).response.status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("the OIDC seam resolves a linked external identity to a user that can start a session", async () => {
    const { createAuthService } = await import("./auth.service.js");
    const auth = createAuthService(
      database().db,
      { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 },
      () => now,
    );
    const [user] = await queryRows<{ id: number }>(
      database().db,
      sql`select id from users where email = 'beheer@demo.invalid'`,
    );
    expect(await auth.userForIdentity("https://idp.example", "subject-1")).toBeUndefined();
    await auth.linkIdentity(user!.id, "https://idp.example", "subject-1");
    expect(await auth.userForIdentity("https://idp.example", "subject-1")).toBe(user!.id);
    const session = await auth.startSession(user!.id);
    expect((await auth.resume(session.token))?.role).toBe("beheerder");
  });

  it("refuses a login form without a valid CSRF token", async () => {
    const session = browserSession(app);
    await session.get("/inloggen");
    const response = await session.post(
      "/inloggen",
      { email: "beheer@demo.invalid", password: "demo-wachtwoord" },
      { csrf: "vals" },
    );
    expect(response.status).toBe(403);
    expect(session.cookies.has("cl_session")).toBe(false);
  });
});
