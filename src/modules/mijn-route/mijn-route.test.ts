import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { intakeFields } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createAuditLog } from "../audit/index.js";
import { createPrivacyService } from "../privacy/index.js";
import type { ProgressStatus } from "../vocabulary/index.js";
import { mijnRouteOutcomes, parseFigure, progressOf, stepsOfRoute } from "./index.js";

const ORIGIN = "https://loket.example";

describe("the progress rule of a saved route", () => {
  it("takes the steps from the engine's next step on, ketensamenwerking beside them", () => {
    expect(stepsOfRoute("informeren")).toEqual([
      "informeren",
      "inspireren",
      "kansen_identificeren",
      "invoering",
      "verankering",
      "ketensamenwerking",
    ]);
    expect(stepsOfRoute("invoering")).toEqual(["invoering", "verankering", "ketensamenwerking"]);
    expect(stepsOfRoute("ketensamenwerking")).toEqual(["ketensamenwerking", "invoering", "verankering"]);
  });

  it("moves the next step past done and not-for-us steps, and the phase up, never down", () => {
    const steps = stepsOfRoute("informeren").map((code) => ({ code, status: "open" as ProgressStatus }));
    expect(progressOf("starter", steps)).toEqual({ phase: "starter", nextStep: "informeren" });
    steps[0]!.status = "gedaan";
    expect(progressOf("starter", steps)).toEqual({ phase: "starter", nextStep: "inspireren" });
    steps[1]!.status = "niet_voor_ons";
    expect(progressOf("starter", steps)).toEqual({ phase: "peloton", nextStep: "kansen_identificeren" });
    steps[2]!.status = "bezig";
    expect(progressOf("starter", steps).nextStep).toBe("kansen_identificeren");
    steps[2]!.status = "gedaan";
    steps[3]!.status = "gedaan";
    steps[4]!.status = "niet_voor_ons";
    // Verankering skipped is not anchored: still peloton, ketensamenwerking next.
    expect(progressOf("starter", steps)).toEqual({ phase: "peloton", nextStep: "ketensamenwerking" });
    steps[4]!.status = "gedaan";
    steps[5]!.status = "gedaan";
    expect(progressOf("starter", steps)).toEqual({ phase: "koploper", nextStep: null });
    // A koploper's route never shows a lower phase.
    const fresh = stepsOfRoute("invoering").map((code) => ({ code, status: "open" as ProgressStatus }));
    expect(progressOf("koploper", fresh).phase).toBe("koploper");
  });

  it("reads figures as people type them", () => {
    expect(parseFigure("1.250", "nl")).toBe(1250);
    expect(parseFigure("12,5", "nl")).toBe(12.5);
    expect(parseFigure("1.250,75", "nl")).toBe(1250.75);
    expect(parseFigure("12.5", "en")).toBe(12.5);
    expect(parseFigure("€ 1 200", "nl")).toBe(1200);
    expect(parseFigure("", "nl")).toBeUndefined();
    expect(parseFigure("veel", "nl")).toBeNaN();
    expect(parseFigure("-5", "nl")).toBeNaN();
  });
});

/**
 * Mijn route (ADR 0091) through the app: saved from the route page with a 256-bit token stored only as its hash,
 * statuses and results under optimistic locking, the phase and next step moving on, the double opt-in, export,
 * erasure and retention of the address, the intake that carries the route with consent, and the dossier's view.
 */
describeEachDatabase("Mijn route", (database) => {
  let now = new Date("2026-12-01T09:00:00Z");
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  const privacy = () => createPrivacyService({ db: database().db, audit: createAuditLog(), clock });

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), { PUBLIC_BASE_URL: ORIGIN }, { clock });
  });

  /** Saves the one-click route for a metal workshop in Enschede; answers the visitor and the route's path. */
  async function saveRoute() {
    const visitor = browserSession(app);
    const routePage = await (await visitor.get("/route?gemeente=GM0153&sector=25")).text();
    expect(routePage).toContain('href="/mijn-route/bewaren?gemeente=GM0153&amp;sector=25"');
    const keepPage = await (await visitor.get("/mijn-route/bewaren?gemeente=GM0153&sector=25")).text();
    expect(keepPage).toContain("Ja, bewaar deze route");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(keepPage)![1]!;
    const response = await visitor.post("/mijn-route", { gemeente: "GM0153", sector: "25" }, { csrf });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/mijn-route\/[A-Za-z0-9_-]{43}\?bewaard$/);
    const path = location.replace(/\?.*$/, "");
    return { visitor, path, token: path.split("/").pop()!, csrf };
  }
  const versionOf = (html: string) => /name="versie" value="(\d+)"/.exec(html)![1]!;

  it("saves the route behind a 256-bit link, storing only its hash, the criteria, steps and the sector's measures", async () => {
    const { visitor, path, token } = await saveRoute();
    const [row] = await rows<{
      id: number;
      token_hash: string;
      region_code: string;
      sbi: string;
      package_slug: string;
      start_phase: string;
      start_step: string;
      email: string | null;
    }>(
      sql`select id, token_hash, region_code, sbi, package_slug, start_phase, start_step, email from saved_routes
          where token_hash = ${createHash("sha256").update(token).digest("hex")}`,
    );
    expect(row).toMatchObject({
      region_code: "ES04",
      sbi: "25",
      package_slug: "metaal-en-maakindustrie",
      start_phase: "starter",
      start_step: "informeren",
      email: null,
    });
    // The token itself is nowhere in the table.
    const leaks = await rows<{ n: number }>(
      sql`select count(*)::int as n from saved_routes where saved_routes::text like ${`%${token}%`}`,
    );
    expect(leaks[0]!.n).toBe(0);
    const items = await rows<{ kind: string; code: string; status: string }>(
      sql`select kind, code, status from saved_route_items where route_id = ${row!.id} order by kind, position`,
    );
    expect(items.filter((item) => item.kind === "step").map((item) => item.code)).toEqual([
      "informeren",
      "inspireren",
      "kansen_identificeren",
      "invoering",
      "verankering",
      "ketensamenwerking",
    ]);
    expect(items.filter((item) => item.kind === "measure").length).toBeGreaterThan(3);
    expect(items.every((item) => item.status === "open")).toBe(true);

    const response = await visitor.get(`${path}?bewaard`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain("Uw route is bewaard");
    expect(html).toContain("Uw fase: Starter");
    expect(html).toContain("Uw volgende stap: informeren");
    expect(html).toContain("Iedereen die deze link heeft, kan de route zien en wijzigen");
    expect(html).toContain(`${ORIGIN}${path}`);
    // The alerts slot stays empty until the alerts module fills it.
    expect(html).not.toContain('id="meldingen"');
    const english = await (await visitor.get(`${path}?lang=en`)).text();
    expect(english).toContain("Your phase: Starter");
    expect(english).toContain("Anyone who has this link can see and change the route");
  });

  it("moves the phase and next step on as steps are done, and refuses a change made on an old version", async () => {
    const { visitor, path, csrf } = await saveRoute();
    let html = await (await visitor.get(path)).text();
    const first = versionOf(html);
    expect(
      (await visitor.post(`${path}/stap/informeren`, { status: "gedaan", versie: first }, { csrf })).status,
    ).toBe(303);
    html = await (await visitor.get(path)).text();
    expect(html).toContain("Uw volgende stap: inspireren");
    // A second tab still holds the first version: refused, nothing changed, the page says why.
    const stale = await visitor.post(
      `${path}/stap/inspireren`,
      { status: "gedaan", versie: first },
      { csrf },
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Iemand anders heeft deze route intussen gewijzigd");
    html = await (await visitor.get(path)).text();
    expect(html).toContain("Uw volgende stap: inspireren");
    expect(
      (
        await visitor.post(
          `${path}/stap/inspireren`,
          { status: "niet_voor_ons", versie: versionOf(html) },
          { csrf },
        )
      ).status,
    ).toBe(303);
    html = await (await visitor.get(path)).text();
    expect(html).toContain("Uw fase: Peloton");
    expect(html).toContain("Uw route begon in de fase Starter.");
    expect(html).toContain("Uw volgende stap: kansen vinden");
    // An unknown status or step: a form problem, or 404; never a 500.
    expect(
      (await visitor.post(`${path}/stap/inspireren`, { status: "klaar", versie: versionOf(html) }, { csrf }))
        .status,
    ).toBe(400);
    expect(
      (
        await visitor.post(
          `${path}/stap/bestaat-niet`,
          { status: "gedaan", versie: versionOf(html) },
          { csrf },
        )
      ).status,
    ).toBe(404);
  });

  it("records what a measure achieved, estimated or measured, with per-field problems and the input kept", async () => {
    const { visitor, path, csrf } = await saveRoute();
    let html = await (await visitor.get(path)).text();
    const code = /action="\/mijn-route\/[^/]+\/maatregel\/([^"]+)"/.exec(html)![1]!;
    const bad = await visitor.post(
      `${path}/maatregel/${code}`,
      {
        status: "gedaan",
        versie: versionOf(html),
        materiaal: "veel",
        materiaal_basis: "geschat",
        euro: "1.250",
        euro_basis: "gemeten",
        co2: "",
        co2_basis: "geschat",
      },
      { csrf },
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain(`href="#m-${code}-materiaal"`);
    expect(badHtml).toContain("U vulde in: veel");
    expect(badHtml).toContain('value="1.250"');
    const ok = await visitor.post(
      `${path}/maatregel/${code}`,
      {
        status: "gedaan",
        versie: versionOf(html),
        materiaal: "1.200",
        materiaal_basis: "geschat",
        euro: "350,50",
        euro_basis: "gemeten",
        co2: "",
        co2_basis: "geschat",
      },
      { csrf },
    );
    expect(ok.status).toBe(303);
    html = await (await visitor.get(path)).text();
    expect(html).toContain("1.200 (geschat)");
    expect(html).toContain("350,5 (gemeten)");
    const [item] = await rows<{
      status: string;
      material_kg: string;
      material_basis: string;
      euro: string;
      euro_basis: string;
      co2e_kg: string | null;
      co2e_basis: string | null;
    }>(
      sql`select status, material_kg, material_basis, euro, euro_basis, co2e_kg, co2e_basis from saved_route_items
          where code = ${code} and results_at is not null order by id desc limit 1`,
    );
    expect(item).toMatchObject({
      status: "gedaan",
      material_basis: "geschat",
      euro_basis: "gemeten",
      co2e_kg: null,
      co2e_basis: null,
    });
    expect(Number(item!.material_kg)).toBe(1200);
    expect(Number(item!.euro)).toBe(350.5);

    const outcomes = await mijnRouteOutcomes(database().db, { regionCodes: ["ES04"], sbiSections: ["C"] });
    const december = outcomes.find((row) => row.period === "2026-12")!;
    expect(december.materialKg.geschat).toBeGreaterThanOrEqual(1200);
    expect(december.euro.gemeten).toBeGreaterThanOrEqual(350.5);
    expect(await mijnRouteOutcomes(database().db, { regionCodes: ["GR01"] })).toEqual([]);
    expect(await mijnRouteOutcomes(database().db, { from: new Date("2027-01-01T00:00:00Z") })).toEqual([]);
  });

  it("keeps /route free of session tokens, so the page cache serves it; the save page shows what it saves", async () => {
    const cached = await createTestApp(database(), { PAGE_CACHE_SECONDS: "30" }, { clock });
    const hits = async () =>
      Number(
        /page_cache_requests\{result="hit"[^}]*\} (\d+)/.exec(
          await (await cached.request("/metrics")).text(),
        )?.[1] ?? 0,
      );
    const path = "/route?gemeente=GM0153&sector=25";
    const first = await cached.request(path);
    const html = await first.text();
    expect(first.status).toBe(200);
    expect(html).not.toContain('name="_csrf"');
    expect(first.headers.getSetCookie().join(";")).not.toContain("cl_csrf");
    const before = await hits();
    expect((await cached.request(path)).status).toBe(200);
    expect(await hits()).toBe(before + 1);

    // The save page: the criteria, phase, next step and measures in words, and the POST form with its token.
    const keep = await cached.request("/mijn-route/bewaren?gemeente=GM0153&sector=25&lang=en");
    expect(keep.status).toBe(200);
    expect(keep.headers.get("cache-control")).toBe("no-store");
    const page = await keep.text();
    expect(page).toContain("Save your route as My route");
    expect(page).toContain("Enschede");
    expect(page).toContain("Your phase");
    expect(page).toContain('action="/mijn-route?lang=en"');
    expect(page).toContain('name="_csrf"');
    expect(page).toContain('<input type="hidden" name="gemeente" value="GM0153"/>');
    expect(page).toContain('<input type="hidden" name="sector" value="25"/>');
    expect(page).toContain('href="/route?gemeente=GM0153&amp;sector=25&amp;lang=en"');
  });

  it("refuses a tampered or unknown link with 404, and records the refusal", async () => {
    const visitor = browserSession(app);
    for (const path of ["/mijn-route/kort", `/mijn-route/${"A".repeat(43)}`]) {
      expect((await visitor.get(path)).status).toBe(404);
    }
    const refused = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'mijn_route.read' and outcome = 'denied'`,
    );
    expect(refused[0]!.n).toBeGreaterThanOrEqual(2);
    const csrf = await visitor.csrfTokenFrom("/mijn-route/bewaren?gemeente=GM0153&sector=25");
    for (const query of ["gemeente=GM9999&sector=25", "resultaat=bestaat-niet", ""])
      expect((await visitor.get(`/mijn-route/bewaren?${query}`)).status, query).toBe(404);
    expect((await visitor.post("/mijn-route", { gemeente: "GM9999", sector: "25" }, { csrf })).status).toBe(
      404,
    );
    expect((await visitor.post("/mijn-route", { resultaat: "bestaat-niet" }, { csrf })).status).toBe(404);
  });

  it("sends the link only after the address is confirmed (double opt-in); the address is exported and erased", async () => {
    const { visitor, path, token, csrf } = await saveRoute();
    const email = "Bakker.Jansen@Voorbeeld-Zwolle.nl";
    const invalid = await visitor.post(`${path}/e-mail`, { email: "geen-adres" }, { csrf });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Vul een geldig e-mailadres in");
    expect((await visitor.post(`${path}/e-mail`, { email }, { csrf })).status).toBe(303);
    const mails = () =>
      rows<{ kind: string; body: string; to_address: string }>(
        sql`select kind, body, to_address from outbox_messages where to_address = ${email.toLowerCase()} order by id`,
      );
    const [confirm] = await mails();
    expect(confirm!.kind).toBe("mijn_route_bevestigen");
    // The confirmation mail holds the confirmation link only, never the route's own link.
    expect(confirm!.body).not.toContain(token);
    const link = /https:\/\/loket\.example(\/mijn-route\/bevestigen\/[A-Za-z0-9_-]{43})/.exec(
      confirm!.body,
    )![1]!;
    const [before] = await rows<{ email: string; email_confirmed_at: Date | null }>(
      sql`select email, email_confirmed_at from saved_routes
          where token_hash = ${createHash("sha256").update(token).digest("hex")} and email_token_hash is not null`,
    );
    expect(before).toMatchObject({ email: email.toLowerCase(), email_confirmed_at: null });
    // Opening the link (a mail scanner does) confirms nothing; the button does.
    const ask = await visitor.get(link);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Bevestig mijn e-mailadres");
    expect((await mails()).length).toBe(1);
    const confirmed = await visitor.post(link, {}, { csrf });
    expect(confirmed.status).toBe(200);
    const sent = await mails();
    expect(sent.map((mail) => mail.kind)).toEqual(["mijn_route_bevestigen", "mijn_route_link"]);
    expect(sent[1]!.body).toContain(`${ORIGIN}${path}`);
    expect((await visitor.post(link, {}, { csrf })).status).toBe(404);
    expect(await (await visitor.get(path)).text()).toContain("Uw e-mailadres is bevestigd");

    const exported = await privacy().exportSubject(email, {
      userId: null,
      label: "beheerder",
      clientKey: null,
    });
    expect(JSON.stringify(exported)).toContain("email_confirmed_at");
    await privacy().eraseSubject(email, { userId: null, label: "beheerder", clientKey: null });
    const left = await rows<{ n: number }>(
      sql`select count(*)::int as n from saved_routes where lower(email) = ${email.toLowerCase()}`,
    );
    expect(left[0]!.n).toBe(0);
    // The route itself stays and works.
    expect((await visitor.get(path)).status).toBe(200);
  });

  it("lets an unconfirmed address expire: the confirmation refuses after 7 days and retention erases it", async () => {
    const { visitor, path, csrf } = await saveRoute();
    const email = "verloopt@voorbeeld.nl";
    await visitor.post(`${path}/e-mail`, { email }, { csrf });
    const [mail] = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = ${email}`,
    );
    const link = /https:\/\/loket\.example(\/mijn-route\/bevestigen\/[A-Za-z0-9_-]{43})/.exec(
      mail!.body,
    )![1]!;
    const saved = now;
    now = new Date(saved.getTime() + 8 * 86_400_000);
    try {
      expect((await visitor.post(link, {}, { csrf })).status).toBe(410);
      await database().db.transaction(async (tx) => {
        await privacy().applyRetention(tx as never, now, 24);
      });
      const left = await rows<{ n: number }>(
        sql`select count(*)::int as n from saved_routes where email = ${email}`,
      );
      expect(left[0]!.n).toBe(0);
    } finally {
      now = saved;
    }
  });

  it("erases a confirmed address after the retention period (RETENTION_MONTHS), not before; the route stays", async () => {
    const { visitor, path, csrf } = await saveRoute();
    const email = "bewaard@voorbeeld.nl";
    await visitor.post(`${path}/e-mail`, { email }, { csrf });
    const [mail] = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = ${email}`,
    );
    const link = /https:\/\/loket\.example(\/mijn-route\/bevestigen\/[A-Za-z0-9_-]{43})/.exec(
      mail!.body,
    )![1]!;
    expect((await visitor.post(link, {}, { csrf })).status).toBe(200);
    const kept = () =>
      rows<{ n: number }>(sql`select count(*)::int as n from saved_routes where email = ${email}`);
    const retain = (at: Date) =>
      database().db.transaction(async (tx) => {
        await privacy().applyRetention(tx as never, at, 3);
      });
    // Two months later (with a retention period of three) the address is still there; four months later it is not.
    await retain(new Date(now.getTime() + 61 * 86_400_000));
    expect((await kept())[0]!.n).toBe(1);
    await retain(new Date(now.getTime() + 123 * 86_400_000));
    expect((await kept())[0]!.n).toBe(0);
    expect((await visitor.get(path)).status).toBe(200);
  });

  it("carries the route to the intake only with consent; the adviser sees steps, statuses and results in the dossier", async () => {
    const { visitor, path, token, csrf } = await saveRoute();
    let html = await (await visitor.get(path)).text();
    await visitor.post(`${path}/stap/informeren`, { status: "gedaan", versie: versionOf(html) }, { csrf });
    html = await (await visitor.get(path)).text();
    const intakeHref = /href="(\/intake\?[^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&");
    expect(intakeHref).toContain(`mijnroute=${token}`);
    const intake = await (await visitor.get(intakeHref)).text();
    expect(intake).toContain("Ja, de adviseur mag mijn route zien");
    expect(intake).toContain(`name="mijnroute" value="${token}"`);
    const without = await visitor.post(
      "/intake",
      intakeFields({ companyName: "Zonder Route BV", email: "zonder@route.nl", mijnroute: token }),
      { csrf: /name="_csrf" value="([^"]+)"/.exec(intake)![1]! },
    );
    expect(without.status).toBe(303);
    const withConsent = await visitor.post(
      "/intake",
      intakeFields({
        companyName: "Met Route BV",
        email: "met@route.nl",
        mijnroute: token,
        routeDelen: "ja",
      }),
      { csrf: /name="_csrf" value="([^"]+)"/.exec(intake)![1]! },
    );
    expect(withConsent.status).toBe(303);
    const cases = await rows<{ id: number; company_name: string; route_id: number | null }>(
      sql`select c.id, c.company_name, s.route_id from cases c left join saved_route_cases s on s.case_id = c.id
          where c.company_name in ('Zonder Route BV', 'Met Route BV') order by c.id`,
    );
    expect(cases.map((row) => [row.company_name, row.route_id !== null])).toEqual([
      ["Zonder Route BV", false],
      ["Met Route BV", true],
    ]);
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const dossier = await (await adviser.session.get(`/werkruimte/dossiers/${cases[1]!.id}`)).text();
    expect(dossier).toContain("Mijn route van de ondernemer");
    expect(dossier).toContain("Informeren: Gedaan");
    expect(dossier).toContain("Volgende stap: Inspireren");
    const other = await (await adviser.session.get(`/werkruimte/dossiers/${cases[0]!.id}`)).text();
    expect(other).not.toContain("Mijn route van de ondernemer");
    const audited = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'case.saved_route.read' and subject_id = ${String(cases[1]!.id)}`,
    );
    expect(audited[0]!.n).toBe(1);
  });
});
