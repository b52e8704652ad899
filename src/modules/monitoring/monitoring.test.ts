import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addAccount } from "../../../tests/factories/index.js";
import { browserSession, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { DEMO_PASSWORD, loginAs } from "../../../tests/support/workspace.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { createJobWorker, enqueueJob } from "../../jobs/index.js";
import { seedDemoAccounts } from "../auth/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { createMonitoringRepository } from "./monitoring.repository.js";
import { createMonitoringService } from "./monitoring.service.js";
import { curatedFileSources } from "./monitoring.sources.js";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const day = 24 * 3600 * 1000;

describeEachDatabase("monitoring pages, funnel rollup and goals", (database) => {
  let publicApp: Awaited<ReturnType<typeof createApp>>;
  // Coordinators signed in through the login form: the policy reads their area from their organisation.
  let provinceCoordinator: Awaited<ReturnType<typeof loginAs>>["session"];
  let service: ReturnType<typeof createMonitoringService>;

  beforeAll(async () => {
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const db = database();
    publicApp = await createApp({ env, database: db, logger: silentLogger, clock });
    await seedDemoAccounts(db.db, DEMO_PASSWORD);
    await addAccount(db.db, {
      email: "coordinator.es04@test.invalid",
      role: "coordinator",
      organisation: {
        id: "coordinator-es04",
        kind: "coordinator",
        name: "Twente",
        scope: "region",
        regionCodes: ["ES04"],
      },
    });
    provinceCoordinator = (await loginAs(publicApp, "coordinator.overijssel@demo.invalid")).session;
    const repository = createMonitoringRepository(db.db);
    service = createMonitoringService({
      sources: curatedFileSources(),
      geography: await loadGeography(createRegionsRepository(db.db)),
      repository,
      clock,
    });
    const event = (type: string, regionCode: string, daysAgo: number, source: string | null = null) => ({
      type,
      regionCode,
      source,
      occurredAt: new Date(now.getTime() - daysAgo * day),
    });
    await repository.insertJourneyEvents([
      ...Array.from({ length: 12 }, (_, i) => event("route_shown", "ES04", i, "nieuwsbrief")),
      ...Array.from({ length: 6 }, (_, i) => event("scan_completed", "ES04", i)),
      ...Array.from({ length: 3 }, (_, i) => event("intake_requested", "ES04", i, "nieuwsbrief")),
      ...Array.from({ length: 7 }, (_, i) => event("route_shown", "ES23", i)),
      event("route_shown", "ES04", 400),
    ]);
    // The funnel reads the rollup only: before the job ran, it shows nothing.
    await enqueueJob(db.db, "monitoring.rollup", { days: 500 }, { runAt: now });
    const worker = createJobWorker({
      db: db.db,
      handlers: service.jobHandlers(),
      logger: silentLogger,
      clock,
    });
    expect(await worker.drain()).toBe(1);
  });

  it("public pages answer in Dutch and English", async () => {
    for (const path of [
      "/monitor",
      "/monitor/dekking",
      "/monitor/regio/ES04",
      "/monitor/effect",
      "/monitor/doelen",
    ]) {
      for (const lang of ["nl", "en"]) {
        const response = await publicApp.request(`${path}?lang=${lang}`);
        expect(response.status, `${path} ${lang}`).toBe(200);
        expect(await response.text()).toContain(`<html lang="${lang}">`);
      }
    }
    // Listings not checked for twelve months, counted per provider ("niet bijgewerkt").
    const coverage = await (await publicApp.request("/monitor/dekking")).text();
    expect(coverage).toContain("Niet bijgewerkt, per aanbieder");
    const rvoRow = /data-provider="Rijksdienst voor Ondernemend Nederland">[\s\S]*?<td[^>]*>(\d+)<\/td>/.exec(
      coverage,
    );
    expect(Number(rvoRow?.[1])).toBeGreaterThan(0);
    const overview = await (await publicApp.request("/monitor")).text();
    expect(overview).toContain('role="img"');
    expect(overview.match(/class="cl-map__region cl-stars-\d"><title>/g)).toHaveLength(30);
    const cell = await publicApp.request("/monitor/regio/ES04/cel?stap=invoering&fase=starter");
    expect(await cell.text()).toContain("/aanbod/");
    // Kinds of instrument in the reader's language, not the stored codes.
    const chainCell = await (
      await publicApp.request("/monitor/regio/ES04/cel?stap=ketensamenwerking&fase=peloton")
    ).text();
    expect(chainCell).toContain(">Netwerk<");
    expect(chainCell).not.toContain(">network<");
    expect((await publicApp.request("/monitor/regio/ES99")).status).toBe(404);
  });

  it("the public funnel suppresses counts under 5, a coordinator of the province sees them", async () => {
    const html = await (
      await publicApp.request("/monitor/klantreis?regio=ES04&van=2026-11-01&tot=2026-11-27")
    ).text();
    // 12 routes + 6 scans = 18; 3 intakes are suppressed; the event 400 days ago is outside the period.
    expect(html).toMatch(/Route of scan<\/th><td[^>]*>18</);
    expect(html).toMatch(/Intake aangevraagd<\/th><td[^>]*>&lt;5</);
    const exact = await (
      await provinceCoordinator.get("/monitor/klantreis?regio=ES04&van=2026-11-01&tot=2026-11-27")
    ).text();
    expect(exact).toMatch(/Intake aangevraagd<\/th><td[^>]*>3</);
    expect(exact).toContain("nieuwsbrief");
    const csv = await publicApp.request("/monitor/klantreis.csv?regio=ES04&van=2026-11-01&tot=2026-11-27");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("route_shown,18");
  });

  it("rejects a bad period with an error summary and 400", async () => {
    const response = await publicApp.request("/monitor/klantreis?van=gisteren&tot=2026-11-27");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#van"');
    expect(html).toContain("gisteren");
  });

  it("only a coordinator sets a goal, only within their scope, and the job appends its value once a day", async () => {
    // A visitor who is not signed in, holding a valid form token of their own, is refused, and the refusal recorded.
    const visitor = browserSession(publicApp);
    const token = await visitor.csrfTokenFrom("/belemmering-melden");
    const refused = await visitor.post("/monitor/doelen", { indicator: "coverage_gaps" }, { csrf: token });
    expect(refused.status).toBe(403);
    const denied = async (actorLabel: string) =>
      (
        await queryRows<{ n: number }>(
          database().db,
          sql`select count(*)::int as n from audit_log
              where action = 'goal.create' and outcome = 'denied' and actor_label = ${actorLabel}`,
        )
      )[0]!.n;
    expect(await denied("anoniem")).toBe(1);

    // Goals are national (ADR 0095): a region's coordinator is refused (403, audited), the national one sets it.
    const { session, csrf } = await loginAs(publicApp, "coordinator.es04@test.invalid");
    const form = { indicator: "intake_requests", beginwaarde: "0", streefwaarde: "40", datum: "2027-06-30" };
    expect((await session.post("/monitor/doelen", form, { csrf })).status).toBe(403);
    expect(await denied("coordinator@coordinator-es04")).toBe(1);
    const national = await loginAs(publicApp, "coordinator@demo.invalid");
    const bad = await national.session.post(
      "/monitor/doelen",
      { ...form, beginwaarde: "veel" },
      { csrf: national.csrf },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#beginwaarde"');
    expect((await national.session.post("/monitor/doelen", form, { csrf: national.csrf })).status).toBe(303);

    const goals = await service.goals();
    const regional = goals.find(
      (goal) => goal.indicator === "intake_requests" && goal.scopeLevel === "national",
    )!;
    // Three intake requests in Twente in the last 12 months, none elsewhere.
    expect(regional.current).toBe(3);
    // Set today, so the straight line still stands at the baseline: 3 ≥ 0 is on track.
    expect(regional.status).toBe("op_schema");
    const worker = createJobWorker({
      db: database().db,
      handlers: service.jobHandlers(),
      logger: silentLogger,
      clock,
    });
    for (const key of ["a", "b"])
      await enqueueJob(database().db, "monitoring.goal-values", {}, { dedupeKey: key, runAt: now });
    expect(await worker.drain()).toBe(2);
    const after = await service.goals();
    expect(after.find((goal) => goal.id === regional.id)!.history).toEqual([{ day: "2026-11-27", value: 3 }]);
    const page = await (await publicApp.request("/monitor/doelen")).text();
    expect(page).toContain("Aantal intakeaanvragen");
    expect(page).not.toContain('name="_csrf"');
  });
});
