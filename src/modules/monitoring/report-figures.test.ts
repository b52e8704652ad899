import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createDossier, moveReferral, referDossier, sessionsFor } from "../../../tests/factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createBackgroundJobs } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createJobWorker, enqueueJob } from "../../jobs/index.js";

const START = new Date("2026-11-27T12:00:00Z");
let now = START;
const clock = () => now;

/** Cells of a CSV line (no quoted commas in what this test reads). */
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));

/**
 * Issue 18, "the report's figures equal the monitor's" (ADR 0095): with referrals, outcomes and barriers in Twente,
 * every section of the Overijssel report reads the same figures as the monitor's own pages for that province and
 * period: star levels (sterren.csv), the funnel with its referral stages (klantreis.csv), the effectiveness per
 * instrument (effect.csv) and the barriers per theme and status (the yearly summary).
 */
describeEachDatabase("the report's figures equal the monitor's", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let loginAs: ReturnType<typeof sessionsFor>;

  beforeAll(async () => {
    now = START;
    await seedDemoData(database().db, "demo-wachtwoord");
    // What demo organisations enter never counts (ADR 0081): here the demo hub and provider stand in for real ones.
    await queryRows(database().db, sql`update organisations set is_demo = false where is_demo`);
    app = await createTestApp(database(), {}, { clock });
    loginAs = sessionsFor(app);
    const adviser = await loginAs("adviseur.es04@demo.invalid");
    const provider = await loginAs("aanbieder.rvo@demo.invalid");
    // Three referrals from Twente to MIA\Vamil: two helped, one still running.
    for (const to of ["afgerond_geholpen", "afgerond_geholpen", "in_uitvoering"] as const) {
      const { caseId } = await createDossier(app, database().db);
      await moveReferral(provider, await referDossier(adviser, caseId), to);
    }
    // Two barriers from Enschede (Twente, Overijssel), one from Amsterdam (outside the province).
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/belemmering-melden");
    for (const [theme, gemeente] of [
      ["afval_en_grondstoffen", "Enschede"],
      ["afval_en_grondstoffen", "Enschede"],
      ["afval_en_grondstoffen", "Amsterdam"],
    ]) {
      const response = await visitor.post(
        "/belemmering-melden",
        {
          beschrijving:
            "Onze restklei telt als afval, dus wij mogen die niet opnieuw gebruiken in de productie.",
          onderwerp: theme!,
          gemeente: gemeente!,
        },
        { csrf },
      );
      expect(response.status).toBe(303);
    }
    // The monitor's scheduled jobs roll the journey events and the referral figures up, as in production.
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const background = await createBackgroundJobs({ env, database: database(), logger: silentLogger, clock });
    for (const queue of ["monitoring.rollup", "monitoring.goal-values"])
      await enqueueJob(database().db, queue, {}, { runAt: now });
    await createJobWorker({
      db: database().db,
      handlers: background.handlers,
      logger: silentLogger,
      clock,
    }).drain();
    // The pages are read an hour later: the monitor's "last twelve months" end at the moment of reading.
    now = new Date(START.getTime() + 3600 * 1000);
  });

  const reportCsv = async (periode: string) => {
    const coordinator = await loginAs("coordinator.overijssel@demo.invalid");
    const response = await coordinator.session.get(
      `/monitor/rapport?periode=${periode}&gebied=PV23&formaat=csv&lang=nl`,
    );
    expect(response.status).toBe(200);
    return { coordinator, rows: csvLines(await response.text()) };
  };

  it("star levels at the end of the running quarter equal the star table", async () => {
    const { rows } = await reportCsv("2026-K4");
    const stars = csvLines(await (await app.request("/monitor/sterren.csv")).text());
    const ends = rows.filter(
      (row) => row[0] === "Sterrenniveau en verandering" && row[2] === "Sterren einde periode",
    );
    expect(ends.map((row) => row[1])).toContain("ES04");
    for (const row of ends) expect(row[3]).toBe(stars.find((star) => star[0] === row[1])![2]);
  });

  it("the funnel, referral stages included, equals the monitor's funnel for the province and quarter", async () => {
    const { coordinator, rows } = await reportCsv("2026-K4");
    const funnel = csvLines(
      await (
        await coordinator.session.get("/monitor/klantreis.csv?regio=PV23&van=2026-10-01&tot=2026-12-31")
      ).text(),
    );
    const monitor = new Map<string, string>();
    for (const line of funnel.slice(1))
      if (line[0] === "" && line[1] && !monitor.has(line[1])) monitor.set(line[1], line[2]!);
    const report = rows.filter((row) => row[0] === "Klantreis in de periode").map((row) => [row[1], row[3]]);
    expect(report).toEqual([...monitor]);
    // The referrals made above are in it: three referred, two helped.
    expect(report).toContainEqual(["referral_sent", "3"]);
    expect(report).toContainEqual(["outcome_helped", "2"]);
  });

  it("the effectiveness per instrument equals the monitor's effect table for the province", async () => {
    const { coordinator, rows } = await reportCsv("2026-K4");
    const effect = csvLines(
      await (await coordinator.session.get("/monitor/effect.csv?lang=nl")).text(),
    ).slice(1);
    const report = rows.filter((row) => row[0] === "Effect van instrumenten in de periode");
    expect(report.length).toBeGreaterThan(0);
    expect(report.map((row) => row[1]).sort()).toEqual(effect.map((row) => row[0]).sort());
    for (const row of report) {
      const monitor = effect.find((line) => line[0] === row[1])!;
      // Referrals, outcomes and the helped rate: the same numbers, formatted the same way.
      expect(row[3]).toBe(monitor[1]);
      expect(row[4]).toBe(`Uitkomsten: ${monitor[2]}; Geholpen: ${monitor[3]}`);
    }
    const mia = report.find((row) => row[1] === "rvo-mia-vamil-circulair")!;
    expect(mia[3]).toBe("3");
  });

  it("the barriers of the year equal the register's yearly summary for the province", async () => {
    const { coordinator, rows } = await reportCsv("2026");
    const summary = csvLines(
      await (
        await coordinator.session.get("/monitor/belemmeringen/jaaroverzicht.csv?jaar=2026&lang=nl")
      ).text(),
    ).slice(1);
    const report = rows.filter((row) => row[0] === "Belemmeringen en antwoorden");
    const total = (counts: string[]) => counts.reduce((sum, count) => sum + Number(count), 0);
    expect(report).toHaveLength(summary.length);
    expect(total(report.map((row) => row[3]!))).toBe(total(summary.map((row) => row[3]!)));
    // Only Overijssel's two reports count, not the one from Amsterdam.
    expect(total(report.map((row) => row[3]!))).toBe(2);
  });
});
