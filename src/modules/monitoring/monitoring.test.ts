import { beforeAll, expect, it } from "vitest";
import { browserSession, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { createJobWorker, enqueueJob } from "../../jobs/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { createMonitoringRepository } from "./monitoring.repository.js";
import { createMonitoringService } from "./monitoring.service.js";
import { curatedFileSources } from "./monitoring.sources.js";
import type { Viewer } from "./viewer.js";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const day = 24 * 3600 * 1000;

describeEachDatabase("monitoring pages, funnel rollup and goals", (database) => {
  let publicApp: Awaited<ReturnType<typeof createApp>>;
  let coordinatorApp: Awaited<ReturnType<typeof createApp>>;
  let service: ReturnType<typeof createMonitoringService>;
  let viewer: Viewer = { role: "coordinator", scope: { level: "province", code: "PV23" } };

  beforeAll(async () => {
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const db = database();
    publicApp = await createApp({ env, database: db, logger: silentLogger, clock });
    coordinatorApp = await createApp({
      env,
      database: db,
      logger: silentLogger,
      clock,
      resolveViewer: async () => viewer,
    });
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
      await coordinatorApp.request("/monitor/klantreis?regio=ES04&van=2026-11-01&tot=2026-11-27")
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
    // A visitor who is not signed in, holding a valid form token (taken from the coordinator's page), is refused.
    const tokenSession = browserSession(coordinatorApp);
    const token = await tokenSession.csrfTokenFrom("/monitor/doelen");
    const cookie = [...tokenSession.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const refused = await publicApp.request("/monitor/doelen", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: token, indicator: "coverage_gaps" }).toString(),
    });
    expect(refused.status).toBe(403);

    viewer = { role: "coordinator", scope: { level: "region", code: "ES04" } };
    const session = browserSession(coordinatorApp);
    const csrf = await session.csrfTokenFrom("/monitor/doelen");
    const form = { indicator: "intake_requests", beginwaarde: "0", streefwaarde: "40", datum: "2027-06-30" };
    const outside = await session.post("/monitor/doelen", { ...form, gebied: "region:ES05" }, { csrf });
    expect(outside.status).toBe(400);
    const bad = await session.post(
      "/monitor/doelen",
      { ...form, gebied: "region:ES04", beginwaarde: "veel" },
      { csrf },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#beginwaarde"');
    const saved = await session.post("/monitor/doelen", { ...form, gebied: "region:ES04" }, { csrf });
    expect(saved.status).toBe(303);

    await expect(
      service.createGoal(viewer, { ...goalInput, scopeLevel: "national", scopeCode: null }),
    ).rejects.toThrow();
    const national: Viewer = { role: "coordinator", scope: { level: "national" } };
    await service.createGoal(national, { ...goalInput, scopeLevel: "national", scopeCode: null });

    const goals = await service.goals();
    const regional = goals.find((goal) => goal.scopeCode === "ES04")!;
    // Three intake requests in Twente in the last 12 months.
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

const goalInput = {
  indicator: "coverage_gaps",
  baseline: 10,
  target: 0,
  deadline: "2027-12-31",
};
