import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { addAccount } from "../../../tests/factories/index.js";
import { browserSession, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { DEMO_PASSWORD, loginAs } from "../../../tests/support/workspace.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoAccounts } from "../auth/index.js";
import { createMonitoringRepository } from "./monitoring.repository.js";
import { parsePeriod } from "./report.js";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const day = 24 * 3600 * 1000;

/** Cells of a CSV line (no quoted commas in what these tests read). */
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .map((line) => line.split(","));

describeEachDatabase("goals that cascade and the coordinator's report (ADR 0095)", (database) => {
  let app: Awaited<ReturnType<typeof createApp>>;
  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    queryRows<T>(database().db, query);

  beforeAll(async () => {
    const db = database();
    app = await createApp({
      env: loadEnv({ NODE_ENV: "test", DEMO: "0" }),
      database: db,
      logger: silentLogger,
      clock,
    });
    await seedDemoAccounts(db.db, DEMO_PASSWORD);
    // A real (not demo) hub organisation for Twente, whose dossiers hold recorded measures.
    await addAccount(db.db, {
      email: "adviseur.twente@test.invalid",
      role: "adviseur",
      organisation: { id: "hub-twente-test", kind: "hub", name: "Loket Twente", regionCodes: ["ES04"] },
    });
    const repository = createMonitoringRepository(db.db);
    const event = (type: string, regionCode: string, daysAgo: number) => ({
      type,
      regionCode,
      source: null,
      occurredAt: new Date(now.getTime() - daysAgo * day),
    });
    await repository.insertJourneyEvents([
      ...Array.from({ length: 9 }, (_, i) => event("route_shown", "ES04", i)),
      ...Array.from({ length: 6 }, (_, i) => event("intake_requested", "ES04", i)),
      ...Array.from({ length: 4 }, (_, i) => event("intake_requested", "ES23", i)),
    ]);
    await repository.rollupJourneyEvents("2025-11-01");
    const [created] = await rows<{ id: number }>(sql`
      insert into cases (public_token, hub_id, region_code, company_name, kvk_number, contact_name, contact_email,
        question, due_at, created_at, updated_at)
      values ('goals-report-test-token', 'hub-twente-test', 'ES04', 'Bedrijf', '12345678', 'Naam',
        'naam@test.invalid', 'Vraag', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
        ${now.toISOString()}::timestamptz)
      returning id`);
    // Six estimated measures (600 kg CO2e) and two measured ones (50 kg CO2e) in Twente.
    for (const [basis, co2e] of [
      ...Array.from({ length: 6 }, () => ["geschat", 100] as const),
      ...Array.from({ length: 2 }, () => ["gemeten", 25] as const),
    ])
      await rows(sql`insert into measures (case_id, description, co2e_kg, material_kg, euro, basis, created_at)
        values (${created!.id}, 'Restwarmte hergebruiken', ${co2e}, 10, 5, ${basis},
          ${new Date(now.getTime() - 3 * day).toISOString()}::timestamptz)`);
  });

  it("reads a quarter or a year as a period, and nothing else", () => {
    expect(parsePeriod("2026-K4")).toMatchObject({ from: "2026-10-01", to: "2026-12-31", quarter: 4 });
    expect(parsePeriod("2024-K1")).toMatchObject({ from: "2024-01-01", to: "2024-03-31" });
    expect(parsePeriod("2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    for (const bad of ["2026-K5", "26-K1", "2026-Q1", ""]) expect(parsePeriod(bad)).toBeUndefined();
  });

  it("a province target rolls up into the national goal's progress; a stale version is a conflict", async () => {
    const national = await loginAs(app, "coordinator@demo.invalid");
    const created = await national.session.post(
      "/monitor/doelen",
      { indicator: "intake_requests", beginwaarde: "", streefwaarde: "100", datum: "2027-12-31" },
      { csrf: national.csrf },
    );
    expect(created.status).toBe(303);
    const [goal] = await rows<{ id: number; baseline: number; version: number }>(
      sql`select id, baseline, version from monitoring_goals where indicator = 'intake_requests' and parent_id is null
          order by id desc limit 1`,
    );
    // Without a baseline the goal starts at today's figure: 6 in Twente and 4 in Rijnmond.
    expect(goal!.baseline).toBe(10);

    // The province coordinator of Overijssel breaks it down: 30 for the province, 20 for Twente.
    const province = await loginAs(app, "coordinator.overijssel@demo.invalid");
    const form = await (await province.session.get(`/monitor/doelen/${goal!.id}`)).text();
    expect(form).toContain('name="doel_PV23"');
    expect(form).toContain('name="doel_ES04"');
    const split = await province.session.post(
      `/monitor/doelen/${goal!.id}/verdeling`,
      { doel_PV23: "30", doel_ES04: "20", doel_ES05: "nul" },
      { csrf: province.csrf },
    );
    expect(split.status).toBe(400);
    expect(await split.text()).toContain('href="#doel_ES05"');
    const saved = await province.session.post(
      `/monitor/doelen/${goal!.id}/verdeling`,
      { doel_PV23: "30", doel_ES04: "20" },
      { csrf: province.csrf },
    );
    expect(saved.status).toBe(303);
    // A province coordinator may not change the national goal itself, nor break down another province's part.
    expect(
      (
        await province.session.post(
          `/monitor/doelen/${goal!.id}`,
          { beginwaarde: "0", streefwaarde: "1", datum: "2027-12-31", versie: "1" },
          { csrf: province.csrf },
        )
      ).status,
    ).toBe(403);

    // The national goal's page shows the province's part with its own progress: the province's regions' figure.
    const page = await (await app.request(`/monitor/doelen/${goal!.id}`)).text();
    const provinceRow = page.slice(
      page.indexOf("provincie Overijssel"),
      page.indexOf("</tr>", page.indexOf("provincie Overijssel")),
    );
    expect(provinceRow).toContain(">30<");
    expect(provinceRow).toMatch(/>6 <svg/);
    expect(page).toContain("De provinciale doelen zijn samen 30. Het landelijke doel is 100. Verschil: -70.");
    const csv = csvLines(await (await app.request("/monitor/doelen.csv")).text());
    const parts = csv.filter((line) => line[1] === String(goal!.id));
    expect(parts.map((line) => [line[3], line[5], line[7]])).toEqual([
      ["PV23", "30", "6"],
      ["ES04", "20", "6"],
    ]);
    expect(csv.find((line) => line[0] === String(goal!.id))![7]).toBe("10");

    // The national coordinator changes the goal; a second change on the old version is refused as a conflict.
    const change = {
      beginwaarde: "10",
      streefwaarde: "120",
      datum: "2027-12-31",
      versie: String(goal!.version),
    };
    expect(
      (await national.session.post(`/monitor/doelen/${goal!.id}`, change, { csrf: national.csrf })).status,
    ).toBe(303);
    const stale = await national.session.post(
      `/monitor/doelen/${goal!.id}`,
      { ...change, streefwaarde: "90" },
      { csrf: national.csrf },
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Iemand anders heeft dit doel intussen gewijzigd");
    const [after] = await rows<{ target: number; version: number }>(
      sql`select target, version from monitoring_goals where id = ${goal!.id}`,
    );
    expect(after).toEqual({ target: 120, version: 2 });
    const audited = await rows<{ action: string }>(
      sql`select action from audit_log where subject_type = 'goal' and subject_id = ${String(goal!.id)}
          and outcome = 'allowed' order by id`,
    );
    expect(audited.map((row) => row.action)).toEqual(["goal.create", "goal.breakdown", "goal.update"]);
  });

  it("outcome goals sum the dossiers' measures, estimated and measured apart, small numbers hidden", async () => {
    const national = await loginAs(app, "coordinator@demo.invalid");
    // Without a goal the indicator is listed as "nog geen doel gesteld", with today's figure.
    const before = await (await national.session.get("/monitor/doelen")).text();
    expect(before).toContain("nog geen doel gesteld");
    expect(
      (
        await national.session.post(
          "/monitor/doelen",
          { indicator: "co2e_kg_avoided", beginwaarde: "0", streefwaarde: "5000", datum: "2027-12-31" },
          { csrf: national.csrf },
        )
      ).status,
    ).toBe(303);
    const goalRow = (csv: string[][]) =>
      csv.find((line) => line[2] === "co2e_kg_avoided" && line[3] === "NL")!;
    // The coordinator sees it all: 650 kg, of which 600 estimated and 50 measured.
    const exact = goalRow(csvLines(await (await national.session.get("/monitor/doelen.csv")).text()));
    expect([exact[7], exact[8], exact[9]]).toEqual(["650", "600", "50"]);
    // A visitor: the total (8 measures) but not the parts, since only 2 measures were measured.
    const visitor = goalRow(csvLines(await (await browserSession(app).get("/monitor/doelen.csv")).text()));
    expect([visitor[7], visitor[8], visitor[9]]).toEqual(["650", "<5", "<5"]);
  });

  it("the report for a quarter and a province renders, prints and equals the monitor's figures", async () => {
    const province = await loginAs(app, "coordinator.overijssel@demo.invalid");
    const html = await (await province.session.get("/monitor/rapport?periode=2026-K4&gebied=PV23")).text();
    expect(html).toContain("Rapportage provincie Overijssel, kwartaal 4 van 2026");
    expect(html).toContain("cl-report-section");
    expect(html).toContain('href="/monitor/rapport"');
    const english = await (
      await province.session.get("/monitor/rapport?periode=2026-K4&gebied=PV23&lang=en")
    ).text();
    expect(english).toContain("Report province Overijssel, quarter 4 of 2026");
    // Another province is outside theirs: refused and recorded.
    expect((await province.session.get("/monitor/rapport?periode=2026-K4&gebied=PV28")).status).toBe(403);
    const invalid = await province.session.get("/monitor/rapport?periode=2026-Q4&gebied=PV23");
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('href="#periode"');

    // The funnel of the report equals the monitor's funnel for the same province and quarter.
    const report = csvLines(
      await (
        await province.session.get("/monitor/rapport?periode=2026-K4&gebied=PV23&formaat=csv&lang=nl")
      ).text(),
    );
    const funnel = csvLines(
      await (
        await province.session.get("/monitor/klantreis.csv?regio=PV23&van=2026-10-01&tot=2026-12-31")
      ).text(),
    );
    // The stage rows come first (empty source column), then the rows per source: keep each stage's first row.
    const firstRows = new Map<string, string>();
    for (const line of funnel.slice(1))
      if (line[0] === "" && line[1] && !firstRows.has(line[1])) firstRows.set(line[1], line[2]!);
    const monitorStages = [...firstRows];
    const reportStages = report
      .filter((line) => line[0] === "Klantreis in de periode")
      .map((line) => [line[1], line[3]]);
    expect(reportStages).toEqual(monitorStages);
    expect(reportStages).toContainEqual(["intake_requested", "6"]);
    // The gaps per region equal the monitor's star table (sterren.csv) for the province's regions.
    const stars = csvLines(await (await app.request("/monitor/sterren.csv")).text());
    for (const line of report.filter((row) => row[0] === "Dekking en gaten"))
      expect(line[3]).toBe(stars.find((row) => row[0] === line[1])![4]);
    // The goals in the report equal the goals page's figures.
    const goals = csvLines(await (await province.session.get("/monitor/doelen.csv?lang=nl")).text());
    for (const line of report.filter((row) => row[0] === "Doelen en streefwaarden")) {
      const id = line[1]!.split(" ")[0];
      expect(line[3]).toBe(goals.find((row) => row[0] === id)![7]);
    }
    // Star levels before the first daily job: not known, said so.
    expect(
      report.find(
        (row) => row[0] === "Sterrenniveau en verandering" && row[2] === "Sterren begin periode",
      )![3],
    ).toBe("niet bekend");
  });
});
