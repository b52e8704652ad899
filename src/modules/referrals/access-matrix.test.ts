import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs, submitIntake } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { DEMO_USERS } from "../auth/index.js";

type Route = { method: "GET" | "POST"; path: string; allowed: string[] };

const RVO_EVENT = "spreekuur-rvo-2027-02";

/**
 * Every workspace and beheer route, tried by every role on a dossier of Twente (ES04) referred to RVO. Whoever the
 * policy does not allow gets 403 and leaves a refusal in the audit log; visitors without a session go to the login.
 */
describeEachDatabase("access matrix", (database) => {
  let now = new Date("2026-11-27T09:00:00Z");
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let routes: Route[] = [];
  const sessions = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(
      database(),
      { SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "48" },
      { clock: () => now },
    );
    await submitIntake(app);
    // An agenda event kept by RVO, as a provider would have saved it in the workspace.
    await rows(sql`insert into knowledge_events (slug, title, description, starts_at, ends_at, online, organiser,
        is_example, origin, provider_id)
      values (${RVO_EVENT}, '{"nl":"Spreekuur","en":"Office hours"}', '{"nl":"Vragen","en":"Questions"}',
        '2027-02-02T12:00:00Z', '2027-02-02T14:00:00Z', true, 'RVO', false, 'provider', 'rvo')`);
    const [record] = await rows<{ id: number }>(sql`select id from cases`);
    const adviseur = await loginAs(app, "adviseur.es04@demo.invalid");
    const referred = await adviseur.session.post(
      `/werkruimte/dossiers/${record!.id}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: "Graag contact over MIA/Vamil." },
      { csrf: adviseur.csrf },
    );
    const referralId = /(\d+)$/.exec(referred.headers.get("location")!)![1];
    const caseId = record!.id;
    for (const [index, user] of DEMO_USERS.entries()) {
      // Login throttling allows ten attempts per client per 15 minutes; move the clock on like a real day would.
      if (index % 5 === 4) now = new Date(now.getTime() + 16 * 60_000);
      sessions.set(
        user.email,
        user.email === "adviseur.es04@demo.invalid" ? adviseur : await loginAs(app, user.email),
      );
    }
    const everyone = DEMO_USERS.map((user) => user.email);
    const twente = ["adviseur.es04@demo.invalid"];
    const referralSides = ["adviseur.es04@demo.invalid", "aanbieder.rvo@demo.invalid"];
    const providers = ["aanbieder.rvo@demo.invalid", "aanbieder.versnellingshuis@demo.invalid"];
    const beheer = ["beheer@demo.invalid"];
    routes = [
      { method: "GET", path: "/werkruimte", allowed: everyone },
      { method: "GET", path: "/werkruimte/outbox", allowed: everyone },
      { method: "GET", path: `/werkruimte/dossiers/${caseId}`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/oppakken`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/notities`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/verwijzingen`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/maatregelen`, allowed: twente },
      { method: "GET", path: `/werkruimte/verwijzingen/${referralId}`, allowed: referralSides },
      { method: "POST", path: `/werkruimte/verwijzingen/${referralId}/status`, allowed: referralSides },
      { method: "GET", path: "/werkruimte/aanbod", allowed: providers },
      {
        method: "POST",
        path: "/werkruimte/aanbod/rvo-mia-vamil-circulair",
        allowed: ["aanbieder.rvo@demo.invalid"],
      },
      { method: "GET", path: "/werkruimte/agenda", allowed: providers },
      { method: "GET", path: "/werkruimte/agenda/nieuw", allowed: providers },
      { method: "POST", path: "/werkruimte/agenda/nieuw", allowed: providers },
      { method: "GET", path: `/werkruimte/agenda/${RVO_EVENT}`, allowed: ["aanbieder.rvo@demo.invalid"] },
      { method: "POST", path: `/werkruimte/agenda/${RVO_EVENT}`, allowed: ["aanbieder.rvo@demo.invalid"] },
      { method: "GET", path: "/beheer/betrokkenen", allowed: beheer },
      { method: "POST", path: "/beheer/betrokkenen/export", allowed: beheer },
      { method: "POST", path: "/beheer/betrokkenen/wissen", allowed: beheer },
      { method: "GET", path: "/beheer/audit", allowed: beheer },
    ];
  });

  const deniedCount = async (email: string) =>
    (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id
            where a.outcome = 'denied' and u.email = ${email}`,
      )
    )[0]!.n;

  it("covers every role and every workspace route", () => {
    expect(sessions.size).toBe(DEMO_USERS.length);
    expect(routes).toHaveLength(21);
  });

  for (const user of DEMO_USERS)
    it(`${user.email} (${user.role}) is refused, and audited, wherever the policy does not allow it`, async () => {
      const { session, csrf } = sessions.get(user.email)!;
      for (const route of routes) {
        const before = await deniedCount(user.email);
        const response =
          route.method === "GET"
            ? await session.get(route.path)
            : await session.post(route.path, {}, { csrf });
        const label = `${user.email} ${route.method} ${route.path} → ${response.status}`;
        if (route.allowed.includes(user.email)) {
          expect([200, 303, 400, 409], label).toContain(response.status);
          expect(await deniedCount(user.email), label).toBe(before);
        } else {
          expect([403, 404], label).toContain(response.status);
          expect(await deniedCount(user.email), label).toBe(before + 1);
        }
      }
    });

  it("sends visitors without a session to the login page from every route", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/inloggen");
    for (const route of routes) {
      const response =
        route.method === "GET" ? await visitor.get(route.path) : await visitor.post(route.path, {}, { csrf });
      expect(response.status, route.path).toBe(303);
      expect(response.headers.get("location"), route.path).toMatch(/^\/inloggen\?terug=/);
    }
  });

  it("answers 404 for dossiers and referrals that do not exist", async () => {
    const { session } = sessions.get("adviseur.es04@demo.invalid")!;
    expect((await session.get("/werkruimte/dossiers/999999")).status).toBe(404);
    expect((await session.get("/werkruimte/verwijzingen/999999")).status).toBe(404);
    expect((await session.get("/werkruimte/dossiers/abc")).status).toBe(404);
  });

  it("refuses every form without a valid CSRF token, and nothing changes", async () => {
    const forms = [
      ...routes
        .filter((route) => route.method === "POST")
        .map((route) => ({ path: route.path, user: route.allowed[0]! })),
      { path: "/uitloggen", user: "coordinator@demo.invalid" },
    ];
    const count = async () =>
      (
        await rows<{ n: number }>(
          sql`select (select count(*) from case_notes) + (select count(*) from referrals) + (select count(*) from measures)
                + (select count(*) from listing_versions) + (select sum(version) from knowledge_events where origin = 'provider') + (select count(*) from sessions) + (select sum(version) from cases) as n`,
        )
      )[0]!.n;
    const before = await count();
    for (const form of forms) {
      const { session } = sessions.get(form.user)!;
      for (const token of [undefined, "vals-token"]) {
        const response = await session.post(
          form.path,
          { version: "1", note: "x", status: "wachten" },
          { csrf: token },
        );
        expect(response.status, `${form.path} ${token}`).toBe(403);
        expect(await response.text()).toContain("Formulier verlopen");
      }
    }
    const visitor = browserSession(app);
    await visitor.get("/intake?regio=ES04");
    for (const path of ["/intake", "/inloggen", "/wachtwoord-vergeten", "/wachtwoord-herstellen"])
      expect(
        (await visitor.post(path, { email: "beheer@demo.invalid", password: "demo-wachtwoord" })).status,
        path,
      ).toBe(403);
    expect(await count()).toBe(before);
  });
});
