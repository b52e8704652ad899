import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createApp, createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { knowledgeEvents } from "../../src/modules/knowledge/knowledge.tables.js";
import { addAccount, intakeFields } from "../factories/index.js";
import { browserSession, silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { DEMO_PASSWORD, loginAs } from "../support/workspace.js";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const PERIOD = "van=2026-11-01&tot=2026-11-27";
// Star 2 needs an agenda event for the region within 183 days: the curated Twente event is on 11 June 2026.
const spring = () => new Date("2026-05-01T12:00:00Z");

type Region = { code: string; stars: number; missing_for_next_star: string[] };
const coverageOf = async (app: { request: (path: string) => Response | Promise<Response> }, code: string) => {
  const body = (await (await app.request("/api/v1/monitoring/coverage")).json()) as { regions: Region[] };
  return body.regions.find((region) => region.code === code)!;
};

/**
 * The monitor on the real data: the referrals module's hubs give Twente its loket star, and a visitor who comes by a
 * campaign link (`bron`) through the route, the scan and the intake shows up in the funnel and its split by source,
 * once the rollup job has run. Everything goes through the real app and the real job worker.
 */
describeEachDatabase("monitor on real hubs, referrals and journey events", (database) => {
  const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
  let app: Awaited<ReturnType<typeof createApp>>;
  let coordinator: Awaited<ReturnType<typeof loginAs>>["session"];
  let beforeHubs: Region;
  let springApp: Awaited<ReturnType<typeof createApp>>;
  let drainJobs: () => Promise<number>;

  beforeAll(async () => {
    const db = database();
    // A real event a provider entered for Twente in June (invented example events never count, ADR 0079).
    await db.db.insert(knowledgeEvents).values({
      slug: "test-twente-werkplaats-2026-06",
      title: { nl: "Werkplaats circulair ondernemen Twente", en: "Circular business workshop Twente" },
      description: {
        nl: "Een echte bijeenkomst, door een aanbieder ingevoerd.",
        en: "A real event, entered by a provider.",
      },
      startsAt: new Date("2026-06-11T11:00:00Z"),
      endsAt: new Date("2026-06-11T14:00:00Z"),
      online: false,
      place: "Enschede",
      regionCode: "ES04",
      organiser: "Kennispunt Twente",
      isExample: false,
      origin: "provider",
      providerId: "versnellingshuis",
    });
    // Before the demo hubs exist no region has a loket, so none can pass star 3.
    beforeHubs = await coverageOf(
      await createApp({ env, database: db, logger: silentLogger, clock: spring }),
      "ES04",
    );
    await seedDemoData(db.db, DEMO_PASSWORD);
    app = await createApp({ env, database: db, logger: silentLogger, clock });
    springApp = await createApp({ env, database: db, logger: silentLogger, clock: spring });
    // Twente's own coordinator, signed in: the policy gives them Twente's exact figures.
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
    coordinator = (await loginAs(app, "coordinator.es04@test.invalid")).session;
    const background = await createBackgroundJobs({ env, database: db, logger: silentLogger, clock });
    const worker = createJobWorker({ db: db.db, handlers: background.handlers, logger: silentLogger, clock });
    drainJobs = () => worker.drain();
  });

  it("Twente's demo hub never earns the loket star; a real hub with an active adviser and open intake does", async () => {
    // Without a hub: informeren, examples and the provider's upcoming event give two stars; the loket is missing.
    expect(beforeHubs.stars).toBe(2);
    expect(beforeHubs.missing_for_next_star).toEqual(["loket"]);
    // The demo hub (DEMO=1 data) has an active adviser and takes intakes, yet counts for nothing (ADR 0081).
    expect(await coverageOf(springApp, "ES04")).toMatchObject({ stars: 2, missing_for_next_star: ["loket"] });
    // A real hub: an organisation that is not demo data, takes intakes and has an active adviser.
    await addAccount(database().db, {
      email: "adviseur.twente@test.invalid",
      role: "adviseur",
      organisation: { id: "zz-hub-twente", kind: "hub", name: "Loket Twente", regionCodes: ["ES04"] },
    });
    await database().db.execute(sql`insert into hubs (organisation_id, description, email)
      values ('zz-hub-twente', '{"nl":"Loket","en":"Desk"}', 'loket@twente.test.invalid')`);
    // A fresh app, so no cached figure of before the hub is served.
    const withRealHub = await createApp({ env, database: database(), logger: silentLogger, clock: spring });
    const twente = await coverageOf(withRealHub, "ES04");
    // With the hub: three stars; Twente has no available voucher or feasibility subsidy for the fourth.
    expect(twente.stars).toBe(3);
    expect(twente.missing_for_next_star).toEqual(["voucher_or_feasibility"]);
    // A region with two stars and no real hub still misses its loket, demo hub or not.
    const regions = (
      (await (await withRealHub.request("/api/v1/monitoring/coverage")).json()) as { regions: Region[] }
    ).regions;
    const withoutHub = regions.filter((r) => r.code !== "ES04" && r.stars === 2);
    for (const region of withoutHub) expect(region.missing_for_next_star).toEqual(["loket"]);
    // Every other region lacks a real upcoming event: no invented event lifts a region to a second star.
    for (const region of regions.filter((r) => r.code !== "ES04"))
      expect(region.stars).toBeLessThanOrEqual(1);
    // In late November the Twente event has passed: the region drops to one star and misses an event.
    const november = await coverageOf(app, "ES04");
    expect(november.stars).toBe(1);
    expect(november.missing_for_next_star).toEqual(["event"]);
  });

  // One journey in one test (ADR 0090): the campaign visit, the dossier it becomes and the funnel that counts them.
  it("a campaign visit is followed from /route to the dossier and counted in the funnel after the rollup; the public sees <5", async () => {
    // 1. A campaign link carries bron from /route to the scan and the intake, and each step is recorded.
    {
      // A name instead of a code is redirected to the canonical address; the campaign stays on it.
      const typed = await app.request("/route?gemeente=Enschede&sector=C&bron=campagne-x");
      expect(typed.status).toBe(303);
      expect(typed.headers.get("location")).toBe("/route?gemeente=GM0153&sector=C&bron=campagne-x");

      const visitor = browserSession(app);
      const route = await visitor.get("/route?gemeente=GM0153&sector=C&bron=campagne-x");
      expect(route.status).toBe(200);
      const html = await route.text();
      const intakeHref = /href="(\/intake\?[^"]*gemeente=[^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&");
      expect(new URLSearchParams(intakeHref.split("?")[1]).get("bron")).toBe("campagne-x");
      const scanHref = /href="(\/scan\?[^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&");
      expect(new URLSearchParams(scanHref.split("?")[1]).get("bron")).toBe("campagne-x");

      // The scan keeps it in its hidden fields from page to page, without JavaScript or cookies.
      const lastQuestion = `/scan?stap=7&grootte=klein&gemeente=GM0153&sector=C&situatie=ideeen&motivatie=kosten_besparen&bron=campagne-x`;
      const scanPage = await (await visitor.get(lastQuestion)).text();
      expect(scanPage).toMatch(/name="bron" value="campagne-x"/);
      const csrf = await visitor.csrfTokenFrom(lastQuestion);
      const result = await visitor.post(
        "/scan/resultaat",
        {
          grootte: "klein",
          gemeente: "GM0153",
          sector: "C",
          situatie: "ideeen",
          motivatie: "kosten_besparen",
          hulp: "advies",
          bron: "campagne-x",
        },
        { csrf },
      );
      expect(result.status).toBe(303);
      const resultPath = result.headers.get("location")!;
      expect(resultPath).toMatch(/^\/scan\/resultaat\/[\w-]+\?bron=campagne-x$/);
      const resultHtml = await (await visitor.get(resultPath)).text();
      expect(resultHtml).toMatch(/href="\/intake\?[^"]*bron=campagne-x/);

      // The intake form carries it as a hidden field and the posted intake records it.
      const intakePage = await (await visitor.get(intakeHref)).text();
      expect(intakePage).toMatch(/name="bron" value="campagne-x"/);
      const token = await visitor.csrfTokenFrom(intakeHref);
      const posted = await visitor.post("/intake", intakeFields({ bron: "campagne-x" }), { csrf: token });
      expect(posted.status).toBe(303);

      // Something that is not a short slug (here an e-mail address) is never stored.
      expect((await app.request("/route?gemeente=GM0153&sector=C&bron=jan%40voorbeeld.nl")).status).toBe(200);

      // The route pages do not wait for the monitor's insert (ADR 0071): their events land just after the pages, in the
      // recorder's next batch, so they are compared by what they say, not by the order of their ids.
      const events = () =>
        queryRows<{
          type: string;
          region_code: string;
          sbi_section: string;
          source: string;
        }>(
          database().db,
          sql`select type, region_code, sbi_section, source from journey_events where region_code = 'ES04'
              order by type, source nulls last`,
        );
      await expect.poll(events, { timeout: 2000 }).toEqual([
        { type: "intake_requested", region_code: "ES04", sbi_section: "C", source: "campagne-x" },
        { type: "route_shown", region_code: "ES04", sbi_section: "C", source: "campagne-x" },
        { type: "route_shown", region_code: "ES04", sbi_section: "C", source: null },
        { type: "scan_completed", region_code: "ES04", sbi_section: "C", source: "campagne-x" },
      ]);
    }
    // 2. The adviser opening the dossier counts as a dossier in the same campaign.
    {
      const [record] = await queryRows<{ id: number; source: string }>(
        database().db,
        sql`select id, source from cases`,
      );
      expect(record!.source).toBe("campagne-x");
      const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
      const pickUp = await session.post(
        `/werkruimte/dossiers/${record!.id}/oppakken`,
        { version: "1" },
        { csrf },
      );
      expect(pickUp.status).toBe(303);
    }
    // 3. After the rollup job, the funnel for ES04 and its split by source count the visit.
    {
      // Nothing shows before the job: the funnel reads the rollup only.
      const before = await (await coordinator.get(`/monitor/klantreis.csv?regio=ES04&${PERIOD}`)).text();
      expect(before).toContain(",route_shown,0");
      await enqueueJob(database().db, "monitoring.rollup", { days: 2 }, { runAt: now });
      expect(await drainJobs()).toBeGreaterThanOrEqual(1);

      const exact = await (await coordinator.get(`/monitor/klantreis.csv?regio=ES04&${PERIOD}`)).text();
      // Routes and scans: two routes and one scan; one intake; one dossier opened.
      expect(exact).toContain(",route_shown,3");
      expect(exact).toContain(",intake_requested,1,");
      expect(exact).toContain(",case_opened,1,");
      expect(exact).toContain("campagne-x,route_shown,2");
      expect(exact).toContain("campagne-x,intake_requested,1,50");

      const page = await (await coordinator.get(`/monitor/klantreis?regio=ES04&${PERIOD}`)).text();
      expect(page).toContain("campagne-x");
      const publicPage = await (await app.request(`/monitor/klantreis?regio=ES04&${PERIOD}`)).text();
      expect(publicPage).toMatch(/Route of scan<\/th><td[^>]*>&lt;5</);
      expect(publicPage).toMatch(/Intake aangevraagd<\/th><td[^>]*>&lt;5</);
      expect(publicPage).not.toMatch(/<td[^>]*>[1-4]<\/td>/);
      const publicCsv = await (await app.request(`/monitor/klantreis.csv?regio=ES04&${PERIOD}`)).text();
      expect(publicCsv).toContain("campagne-x,route_shown,<5");
      expect(publicCsv).not.toContain("campagne-x,route_shown,2");

      // The goal job reads the same real sources through its own transaction (PGlite: one connection).
      await enqueueJob(database().db, "monitoring.goal-values", {}, { runAt: now, dedupeKey: "goal-test" });
      expect(await drainJobs()).toBe(1);
    }
  });

  it("/route still shows when the journey event cannot be recorded", async () => {
    const db = database().db;
    await db.execute(sql`alter table journey_events rename to journey_events_away`);
    try {
      // Amsterdam and a source of its own: a late write of this visit must not change Twente's campaign figures.
      const response = await app.request("/route?gemeente=GM0363&sector=C&bron=storing-test");
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("/intake?");
    } finally {
      await db.execute(sql`alter table journey_events_away rename to journey_events`);
    }
  });
});

/** A demo started on any day moves the invented example events ahead of it, so the monitor does not lose stars. */
describeEachDatabase("demo example events follow the start day and never count", (database) => {
  it("started on 28 November, Twente's example event lies ahead on the agenda, and the region's stars do not change", async () => {
    const db = database();
    const start = new Date("2026-11-28T09:00:00Z");
    await seedDemoData(db.db, DEMO_PASSWORD);
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const app = await createApp({ env, database: db, logger: silentLogger, clock: () => start });
    // Without demo mode there are no invented events at all.
    await loadKnowledgeContent(db.db);
    const invented = async () =>
      (
        await queryRows<{ n: number }>(
          db.db,
          sql`select count(*)::int as n from knowledge_events where is_example`,
        )
      )[0]!.n;
    expect(await invented()).toBe(0);
    const before = await coverageOf(app, "ES04");
    expect(before).toMatchObject({ missing_for_next_star: expect.arrayContaining(["event"]) });

    await loadKnowledgeContent(db.db, { exampleEventsFrom: start });
    expect(await invented()).toBeGreaterThan(0);
    const [twente] = await queryRows<{ starts_at: Date | string }>(
      db.db,
      sql`select starts_at from knowledge_events where slug = 'circo-track-twente-2026-06'`,
    );
    expect(new Date(twente!.starts_at).toISOString()).toBe("2026-12-03T12:00:00.000Z");
    // The agenda shows it as upcoming (labelled as an example), but a demo event changes no star.
    expect(await (await app.request("/agenda")).text()).toContain("CIRCO Track in Twente");
    const after = await coverageOf(app, "ES04");
    expect(after.stars).toBe(before.stars);
    expect(after.missing_for_next_star).toEqual(before.missing_for_next_star);
  });
});
