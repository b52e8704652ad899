import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, createDossier, intakeFields } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { starLevel } from "../monitoring/index.js";
import {
  loadRegionalLokets,
  loketsFile,
  NATIONAL_QUEUE_ID,
  NATIONAL_QUEUE_NAME,
  nationalFallback,
  nationalFallbackLoket,
  referralMonitoringFacts,
} from "./index.js";

const REGIONS = Array.from({ length: 30 }, (_, index) => `ES${String(index + 1).padStart(2, "0")}`);
/** The regions for which the verified file names no organisation (ADR 0081): the page names the fallback. */
const WITHOUT_LOKET = ["ES03", "ES10", "ES26"];

describe("the regional lokets file (data/regions/lokets.json)", () => {
  const file = loketsFile();

  it("names only organisations, each with a source; all but three with a way to reach them", () => {
    expect(file.organisations.length).toBeGreaterThan(20);
    const unreachable = file.organisations
      .filter((loket) => ![loket.website, loket.email, loket.phone, loket.address].some(Boolean))
      .map((loket) => loket.id);
    // Their pages also name the national fallback (tested below); Utrecht U16 has the Cirkelregio servicepunt too.
    expect(unreachable).toEqual(["cirkelregio-de-achterhoek", "circulair-utrecht", "rewin-west-brabant"]);
    for (const loket of file.organisations) {
      expect(loket.source.url).toMatch(/^https:\/\//);
      // Organisational addresses only: a role mailbox, never a person's name before the @.
      if (loket.email) expect(loket.email).toMatch(/^(info|subsidie|loket|contact|servicepunt)@/);
    }
    const ids = file.organisations.map((loket) => loket.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("covers 27 of the 30 regions; the other 3 fall back to the Versnellingshuis, with its website", () => {
    const covered = new Set(file.organisations.flatMap((loket) => loket.regions));
    expect(REGIONS.filter((code) => !covered.has(code))).toEqual(WITHOUT_LOKET);
    expect(nationalFallback()).toMatchObject({
      name: "Versnellingshuis Nederland Circulair!",
      website: "https://versnellingshuisce.nl",
    });
  });
});

describeEachDatabase("regional lokets and the national queue (DEMO=0)", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    app = await createTestApp(database());
    await addAccount(database().db, {
      email: "landelijk@test.invalid",
      role: "coordinator",
      organisation: { id: "test-landelijk", kind: "coordinator", name: "Landelijk", scope: "national" },
    });
    await addAccount(database().db, {
      email: "coordinator.drenthe@test.invalid",
      role: "coordinator",
      organisation: {
        id: "test-drenthe",
        kind: "coordinator",
        name: "Drenthe",
        scope: "province",
        regionCodes: ["ES03"],
      },
    });
    // An adviser of an organisation that covers ES03 but takes no intakes through the service (no hubs row).
    await addAccount(database().db, {
      email: "adviseur.drenthe@test.invalid",
      role: "adviseur",
      organisation: { id: "test-hub-drenthe", kind: "hub", name: "Netwerk Drenthe", regionCodes: ["ES03"] },
    });
  });

  it("production data has no demo organisation, and loading the lokets again changes nothing but the same rows", async () => {
    const demo = await rows<{ n: number }>(
      sql`select count(*)::int as n from organisations where is_demo or name like '%(demo%'`,
    );
    expect(demo[0]!.n).toBe(0);
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from organisations`);
    expect(await loadRegionalLokets(database().db)).toBe(loketsFile().organisations.length + 1);
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from organisations`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const national = await rows<{ kind: string; scope: string; is_demo: boolean }>(
      sql`select kind, scope, is_demo from organisations where id = ${NATIONAL_QUEUE_ID}`,
    );
    expect(national).toEqual([{ kind: "coordinator", scope: "national", is_demo: false }]);
  });

  it("every one of the 30 region pages shows a real loket with a way to reach it, or says plainly there is none", async () => {
    let withLoket = 0;
    for (const code of REGIONS) {
      const html = await (await app.request(`/regio/${code}`)).text();
      expect(html, code).not.toContain("(demo)");
      // No hub takes intakes in production data: every page says the request goes to the national queue.
      expect(html, code).toContain("Uw aanvraag gaat daarom naar de Landelijke coördinatie Circulair Loket");
      expect(html, code).toContain(`href="/intake?regio=${code}"`);
      if (WITHOUT_LOKET.includes(code)) {
        expect(html, code).toContain("kennen wij geen regionaal loket");
        expect(html, code).toContain('href="https://versnellingshuisce.nl"');
      } else {
        withLoket++;
        expect(html, code).toContain('class="cl-loket"');
        // At least one organisation on the page can be reached: a regional one, or else the national fallback.
        expect(html, code).toMatch(/<dt>(Website|E-mail|Telefoon|Adres)<\/dt>/);
        expect(html, code).not.toContain("kennen wij geen regionaal loket");
        if (code === "ES07" || code === "ES28")
          expect(html, code).toContain('href="https://versnellingshuisce.nl"');
      }
    }
    expect(withLoket).toBe(27);
  });

  it("names what each is and gives its contact: Zuid-Holland's staffed loket, Flevoland's development company", async () => {
    const rotterdam = await (await app.request("/regio/ES23")).text();
    expect(rotterdam).toContain("Circulair Loket (Zuid-Holland)");
    expect(rotterdam).toMatch(/<span class="cl-tag">Loket<\/span>/);
    expect(rotterdam).toContain('href="https://rotterdamcirculair.nl/circulairloket/"');
    const flevoland = await (await app.request("/regio/ES06?lang=en")).text();
    expect(flevoland).toContain("Regional development company");
    expect(flevoland).toContain('href="mailto:subsidie@horizonflevoland.nl"');
    expect(flevoland).toContain("Not known to us: phone, address, opening hours");
  });

  it("one view model for the national fallback, with every contact detail the file verifies, on the region page and the route", async () => {
    const fallback = nationalFallback();
    for (const lang of ["nl", "en"] as const) {
      const model = nationalFallbackLoket("ES03", lang);
      // Everything the file has, nothing more: the file verifies the website only today (ADR 0081).
      expect(model.cards).toEqual([
        {
          name: fallback.name,
          kind: fallback.kind,
          description: fallback.description[lang],
          website: fallback.website,
          email: fallback.email,
          phone: fallback.phone,
          address: fallback.address,
          openingHours: fallback.openingHours?.[lang] ?? null,
          isDemo: false,
        },
      ]);
      expect(model).toMatchObject({
        name: fallback.name,
        isNationalFallback: true,
        href: "/regio/ES03#loket",
        intake: { kind: "national", recipientName: NATIONAL_QUEUE_NAME, href: "/intake?regio=ES03" },
      });
    }
    // The region page and the route show that same card: the website, and plainly what is not known.
    const unknown = "Niet bekend bij ons: e-mail, telefoon, adres, openingstijden.";
    const region = await (await app.request("/regio/ES03")).text();
    const route = await (await app.request("/route?gemeente=GM1680&sector=C")).text();
    for (const [page, html] of [
      ["region", region],
      ["route", route],
    ] as const) {
      expect(html, page).toContain(fallback.name);
      expect(html, page).toContain(fallback.description.nl);
      expect(html, page).toContain(`href="${fallback.website}"`);
      expect(html, page).toContain(unknown);
    }
  });

  it("the route names the region's loket with its contact, and the API gives every organisation", async () => {
    const page = await (await app.request("/route?gemeente=GM1680&sector=C")).text();
    expect(page).toContain("kennen wij geen regionaal loket");
    expect(page).toContain('href="https://versnellingshuisce.nl"');
    expect(page).toContain('href="/intake?regio=ES03');
    const api = await app.request("/api/v1/route", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ municipality: "GM0518", sbi: "C" }),
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as {
      loket: { organisations: { name: string; kind: string; website: string | null }[]; intake: unknown };
    };
    expect(body.loket.organisations[0]).toMatchObject({
      name: "Circulair Loket (Zuid-Holland)",
      kind: "loket",
      website: "https://rotterdamcirculair.nl/circulairloket/",
    });
    expect(body.loket.intake).toEqual({
      queue: "national",
      recipient: "Landelijke coördinatie Circulair Loket",
    });
  });

  it("an intake in a region without a hub goes to the national queue, and the pages and mail say so plainly", async () => {
    const visitor = browserSession(app);
    const form = await (await app.request("/intake?regio=ES03&gemeente=GM1680")).text();
    expect(form).toContain("Een landelijk coördinator van Circulair Loket bespreekt uw vraag");
    expect(form).toContain("toestemming");
    expect(form).toContain("de landelijke coördinatie van Circulair Loket toestemming");
    expect(form).not.toMatch(/adviseur van/i);
    // Where the request goes, and why, is said once, with the region's name.
    const main = form.slice(form.indexOf("<main"), form.indexOf("</main>"));
    expect(main).toContain(
      "In regio Drenthe is geen loket dat aanvragen via Circulair Loket aanneemt. Uw aanvraag gaat daarom naar de Landelijke coördinatie Circulair Loket.",
    );
    expect(main.split("Uw aanvraag gaat").length - 1).toBe(1);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES03&gemeente=GM1680");
    const response = await visitor.post(
      "/intake",
      intakeFields({ regio: "ES03", gemeente: "GM1680", companyName: "Hout uit Drenthe BV" }),
      { csrf },
    );
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/mijn-aanvraag\//);
    const token = /^\/mijn-aanvraag\/([\w-]+)/.exec(location)![1]!;
    const [record] = await rows<{ id: number; hub_id: string; region_code: string }>(
      sql`select id, hub_id, region_code from cases where public_token = ${token}`,
    );
    expect(record).toMatchObject({ hub_id: NATIONAL_QUEUE_ID, region_code: "ES03" });
    const caseId = record!.id;

    const confirmation = await (await app.request(location)).text();
    expect(confirmation).toContain("Uw aanvraag is bij Landelijke coördinatie Circulair Loket");
    expect(confirmation).toContain("Een landelijk coördinator van Circulair Loket neemt uiterlijk op");
    expect(confirmation).not.toContain("Een adviseur van");
    expect(confirmation).toContain('href="https://versnellingshuisce.nl"');

    const mails = await rows<{ to_address: string; kind: string; body: string }>(
      sql`select to_address, kind, body from outbox_messages where case_id = ${caseId} order by id`,
    );
    const toCompany = mails.find((mail) => mail.kind === "intake_confirmation")!;
    expect(toCompany.body).toContain("gaat uw vraag naar de Landelijke coördinatie Circulair Loket");
    expect(toCompany.body).toContain("Website: https://versnellingshuisce.nl");
    expect(toCompany.body).toMatch(/https?:\/\/[^\s]+\/mijn-aanvraag\//);
    expect(toCompany.body).not.toMatch(/adviseur van/i);
    // The national coordinators hear of it; the adviser of an organisation without intakes does not.
    const notified = mails.filter((mail) => mail.kind === "intake_notice").map((mail) => mail.to_address);
    expect(notified).toContain("landelijk@test.invalid");
    expect(notified).not.toContain("adviseur.drenthe@test.invalid");
  });

  it("an intake in a region with a real loket names that loket's contact in the mail to the company", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES06");
    const response = await visitor.post(
      "/intake",
      intakeFields({ regio: "ES06", gemeente: "GM0034", companyName: "Almere Circulair BV" }),
      { csrf },
    );
    expect(response.status).toBe(303);
    const [mail] = await rows<{ body: string }>(
      sql`select m.body from outbox_messages m join cases c on c.id = m.case_id
          where c.company_name = 'Almere Circulair BV' and m.kind = 'intake_confirmation'`,
    );
    expect(mail!.body).toContain("Horizon Flevoland");
    expect(mail!.body).toContain("E-mail: subsidie@horizonflevoland.nl");
  });

  it("the national coordinator sees and handles the national queue; advisers and province coordinators may not", async () => {
    const { caseId } = await createDossier(app, database().db, {
      regio: "ES03",
      gemeente: "GM1680",
      companyName: "Hout uit Drenthe BV",
    });
    const national = await loginAs(app, "landelijk@test.invalid");
    const workspace = await (await national.session.get("/werkruimte")).text();
    expect(workspace).toContain("Landelijke wachtrij");
    expect(workspace).toContain("Hout uit Drenthe BV");
    expect((await national.session.get(`/werkruimte/dossiers/${caseId}`)).status).toBe(200);
    const page = await (await national.session.get(`/werkruimte/dossiers/${caseId}`)).text();
    const version = page.match(/name="version" value="(\d+)"/)![1]!;
    const pickUp = await national.session.post(
      `/werkruimte/dossiers/${caseId}/oppakken`,
      { version },
      { csrf: national.csrf },
    );
    expect(pickUp.status).toBe(303);

    const adviser = await loginAs(app, "adviseur.drenthe@test.invalid");
    expect((await adviser.session.get(`/werkruimte/dossiers/${caseId}`)).status).toBe(403);
    expect(await (await adviser.session.get("/werkruimte")).text()).not.toContain("Hout uit Drenthe BV");
    const province = await loginAs(app, "coordinator.drenthe@test.invalid");
    expect((await province.session.get(`/werkruimte/dossiers/${caseId}`)).status).toBe(403);
  });
});

describeEachDatabase("demo hubs (DEMO=1): labelled, after the real lokets, never counted", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), { DEMO: "1" });
  });

  it("/regio/ES04 shows the real network first and the demo hub labelled as an example", async () => {
    const html = await (await app.request("/regio/ES04")).text();
    const real = html.indexOf("Agenda voor Twente");
    const demo = html.indexOf("Circulair Loket Twente (demo)");
    expect(real).toBeGreaterThan(0);
    expect(demo).toBeGreaterThan(real);
    expect(html).toContain("Voorbeeld (demo)");
    expect(html).toContain("Uw aanvraag gaat naar Circulair Loket Twente (demo)");
  });

  it("no demo hub counts toward the monitor: no hub fact, and no loket star for Twente", async () => {
    const demoHubs = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from hubs h join organisations o on o.id = h.organisation_id
          where o.is_demo`,
    );
    expect(demoHubs[0]!.n).toBe(4);
    const hubs = await referralMonitoringFacts(database().db).hubs();
    expect(hubs).toEqual([]);
    const region = { code: "ES04", name: "Twente", provinceCodes: ["PV23"], municipalityCodes: ["GM0153"] };
    const star = starLevel({
      region: region as never,
      instruments: [],
      examples: [],
      events: [],
      hubs,
      loop: { judged: 0, closedInTime: 0 },
      now: new Date("2026-12-05T10:00:00Z"),
    });
    expect(star.met.loket).toBe(false);
  });
});
