import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { intakeFields, submitIntake } from "../factories/index.js";
import { browserSession, createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { DEMO_PASSWORD, loginAs } from "../support/workspace.js";

/**
 * Issue 17 item 6 (what a newcomer expects of the public site) and the compare view of item 1: each behaviour on
 * both engines, through the pages as a visitor, provider or adviser uses them.
 */
describeEachDatabase("what a newcomer expects of the public site", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  const page = async (path: string) => {
    const response = await app.request(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const resultSlugs = (html: string) =>
    [...html.matchAll(/<li class="cl-result">[\s\S]*?href="\/aanbod\/([a-z0-9-]+)"/g)].map(
      (match) => match[1],
    );

  beforeAll(async () => {
    await seedDemoData(database().db, DEMO_PASSWORD);
    app = await createTestApp(database());
  });

  it("search finds trades: bakkerij and verpakking give results through the sector's words", async () => {
    const bakery = await page("/aanbod?q=bakkerij");
    expect(bakery).not.toContain("0 instrumenten gevonden");
    // Food-sector support (the Foodvalley living lab names "food" and "voedsel"), not any random scheme.
    expect(resultSlugs(bakery)).toContain("living-lab-regio-foodvalley-circulair");
    const packaging = await page("/aanbod?q=verpakking");
    expect(resultSlugs(packaging)).toContain("subsidie-omschakeling-plasticverwerkers");
    // One way: a search for a sector word does not bring the trade words' texts with it.
    expect(await page("/aanbod?q=bakkerij&lang=en")).not.toContain("0 instruments found");
  });

  it("at equal relevance a usable scheme ranks above a closed one", async () => {
    // A copy of a closed scheme, word for word (so the same rank), but doorlopend, and with an id that sorts after
    // the original: only the status can put it first.
    const columns = (
      await rows<{ column_name: string }>(
        sql`select column_name from information_schema.columns
            where table_name = 'catalogue_instruments' and is_generated = 'NEVER' order by ordinal_position`,
      )
    ).map((row) => row.column_name);
    const replaced: Record<string, string> = {
      id: "'ffffffff-ffff-4fff-bfff-ffffffffffff'::uuid",
      ref_id: "'kopie-kleinschalig'",
      slug: "'kopie-kleinschalig'",
      status: "'doorlopend'",
      window_open: "null",
      window_close: "null",
      recurrence: "null",
      past_windows: "'[]'::jsonb",
    };
    await database().db.execute(
      sql.raw(
        `insert into catalogue_instruments (${columns.join(", ")})
         select ${columns.map((column) => replaced[column] ?? column).join(", ")}
         from catalogue_instruments where ref_id = 'kleinschalige-circulaire-activiteiten'`,
      ),
    );
    try {
      const slugs = resultSlugs(await page("/aanbod?q=kleinschalige%20circulaire%20activiteiten"));
      expect(slugs.slice(0, 2)).toEqual(["kopie-kleinschalig", "kleinschalige-circulaire-activiteiten"]);
    } finally {
      await database().db.execute(sql`delete from catalogue_instruments where ref_id = 'kopie-kleinschalig'`);
    }
  });

  it("compares one to three instruments side by side and says so when more were chosen", async () => {
    const columnsOf = (html: string) => [...html.matchAll(/<th[^>]*scope="col"[^>]*data-ref-id="([^"]+)"/g)];
    const none = await page("/aanbod/vergelijk");
    expect(none).toContain("U heeft nog geen regelingen gekozen.");
    const one = await page("/aanbod/vergelijk?id=rvo-wbso");
    expect(one).toContain("U koos één regeling.");
    expect(columnsOf(one)).toHaveLength(1);
    const three = await page(
      "/aanbod/vergelijk?id=rvo-circulaire-ketenprojecten&id=mit-haalbaarheidsproject&id=rvo-wbso",
    );
    expect(columnsOf(three).map((match) => match[1])).toEqual([
      "rvo-circulaire-ketenprojecten",
      "mit-haalbaarheidsproject",
      "rvo-wbso",
    ]);
    // Every fact a row with its header, from the card model.
    for (const header of [
      "Wat is het",
      "Wat u krijgt",
      "Voor wie",
      "Wanneer",
      "Hoe aanvragen",
      "Aanbieder",
      "Laatst gecontroleerd",
    ])
      expect(three).toMatch(new RegExp(`<th class="[^"]*" scope="row">${header}</th>`));
    expect(three).toMatch(/Subsidie: 50% van uw kosten, tot €\s20\.000\./);
    expect(three).not.toContain("te-veel");
    const four = await page(
      "/aanbod/vergelijk?id=rvo-circulaire-ketenprojecten&id=mit-haalbaarheidsproject&id=rvo-wbso&id=circo-track",
    );
    expect(four).toContain("U koos 4 regelingen. U kunt er hoogstens 3 tegelijk vergelijken.");
    expect(columnsOf(four)).toHaveLength(3);
    expect(four).not.toContain('data-ref-id="circo-track"');
    const unknown = await page("/aanbod/vergelijk?id=bestaat-niet&id=rvo-wbso&id=%3Cscript%3E");
    expect(unknown).toContain("2 van de gekozen regelingen kennen wij niet (meer).");
    expect(unknown).not.toContain("<script>");
    const english = await page("/aanbod/vergelijk?id=rvo-wbso&id=mit-haalbaarheidsproject&lang=en");
    expect(english).toMatch(/scope="row">What you get<\/th>/);
    // The search results and the route offer the choice as a GET form of checkboxes (no script needed).
    for (const list of [await page("/aanbod?q=subsidie"), await page("/route?gemeente=GM0153&sector=C")]) {
      expect(list).toContain('<form method="get" action="/aanbod/vergelijk"');
      expect(list).toMatch(
        /<input class="utrecht-checkbox[^"]*" type="checkbox" id="[^"]+-vergelijk" name="id" value="[a-z0-9-]+"/,
      );
    }
  });

  it("the footer's Open data leads to the API documentation in the page's language", async () => {
    expect(await page("/")).toMatch(/href="\/api\/docs">Open data \(API\)</);
    expect(await page("/?lang=en")).toMatch(/href="\/api\/docs\?lang=en">/);
    expect(await page("/api/docs?lang=en")).toContain("All support on offer is open data.");
  });

  it("the two newcomer pages: circular business with the R-ladder and real examples, and about the service", async () => {
    const home = await page("/");
    expect(home).toContain('href="/circulair-ondernemen"');
    const circular = await page("/circulair-ondernemen");
    for (const code of ["R0 Weigeren", "R4 Repareren", "R8 Recyclen", "R9 Terugwinnen (energie)"])
      expect(circular).toContain(code);
    for (const slug of [
      "bakkerij-houben-bierbostel",
      "forza-refurbished-breda",
      "bundles-wassen-per-wasbeurt",
    ])
      expect(circular).toContain(`data-example="/voorbeelden/${slug}"`);
    expect(circular).toContain("Bakkerij Houben");
    expect(await page("/circulair-ondernemen?lang=en")).toContain("R8 Recycle");
    const about = await page("/over-circulair-loket");
    expect(about).toContain("Wie beheert Circulair Loket?");
    expect(about).toContain("kunnen wij op deze pagina nog niet vermelden");
    expect(about).toContain('href="/regio"');
    expect(await page("/over-circulair-loket?lang=en")).toContain("How is it paid for?");
    expect(home).toContain('href="/over-circulair-loket"');
  });

  it("no internal note reaches a page, and no agenda text says je", async () => {
    const scheme = await page("/aanbod/kleinschalige-circulaire-activiteiten");
    expect(scheme).not.toMatch(/onze (bron|onderzoeks)?lijst/i);
    const search = await page("/aanbod?q=kleinschalige");
    expect(search).not.toContain("De provincie is in onze lijst onzeker");
    const agenda = await page("/agenda?archief=1");
    expect(agenda).not.toMatch(/\b(je|jij|jouw)\b/i);
  });

  it("a scheme its provider opens no longer says whether a new round comes", async () => {
    const before = await page("/aanbod/subsidie-circulaire-ketenprojecten");
    expect(before).toContain("Of en wanneer er een nieuwe ronde komt, weten wij niet.");
    const { session, csrf } = await loginAs(app, "aanbieder.rvo@demo.invalid");
    const [listing] = await rows<{ version: number }>(
      sql`select coalesce(max(version), 0)::int as version from listing_versions
          where instrument_ref_id = 'rvo-circulaire-ketenprojecten'`,
    );
    const saved = await session.post(
      "/werkruimte/aanbod/rvo-circulaire-ketenprojecten",
      {
        version: String(listing!.version),
        status: "open",
        opensOn: "2026-01-05",
        closesOn: "2099-09-30",
        terms: "",
      },
      { csrf },
    );
    expect(saved.status).toBe(303);
    const after = await page("/aanbod/subsidie-circulaire-ketenprojecten");
    expect(after).not.toContain("nieuwe ronde");
    expect(after).toContain("Bedragen, voorwaarden en budgetten tot en met 2024 zijn gecontroleerd.");
  });

  it("forms say what is wrong and accept the usual ways of writing a value", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES04");
    const long = "a".repeat(5000);
    const tooLong = await visitor.post("/intake", intakeFields({ contactName: long, companyName: long }), {
      csrf,
    });
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(html).toContain("Dit is te lang: gebruik hoogstens 200 tekens. U gebruikte er 5000.");
    expect(html).not.toContain("Vul uw naam in.");
    // KVK as the KVK prints it, a phone number with dots: accepted, and the dossier keeps the eight digits.
    await submitIntake(app, { kvk: "1234 5678", phone: "06.12.34.56.78", companyName: "Bakkerij Spatie BV" });
    expect(await rows(sql`select kvk_number from cases where company_name = 'Bakkerij Spatie BV'`)).toEqual([
      { kvk_number: "12345678" },
    ]);
    const barrier = browserSession(app);
    const barrierCsrf = await barrier.csrfTokenFrom("/belemmering-melden");
    const report = await barrier.post(
      "/belemmering-melden",
      {
        beschrijving: "Wij mogen ons restmateriaal niet als grondstof aan een ander bedrijf leveren.",
        onderwerp: "afval_en_grondstoffen",
        regel: "",
        gemeente: "Enschede",
        naam: long,
        email: "",
        toestemming: "ja",
      },
      { csrf: barrierCsrf },
    );
    expect(report.status).toBe(400);
    expect(await report.text()).toContain("Uw naam is te lang: gebruik hoogstens 200 tekens (nu 5000).");
    const login = browserSession(app);
    const loginCsrf = await login.csrfTokenFrom("/inloggen");
    const refused = await login.post(
      "/inloggen",
      { email: `${long}@voorbeeld.nl`, password: "x" },
      { csrf: loginCsrf },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Dit e-mailadres is te lang");
    const placeResponse = await app.request(`/aanbod?gemeente=${"Enschede".repeat(20)}`);
    expect(placeResponse.status).toBe(400);
    expect(await placeResponse.text()).toContain("Dit is te lang voor een plaatsnaam");
  });

  it("the provider's status list preselects nothing and asks for a choice", async () => {
    await submitIntake(app, { companyName: "Statuskeuze BV" });
    const [record] = await rows<{ id: number }>(
      sql`select id from cases where company_name = 'Statuskeuze BV'`,
    );
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const referred = await adviser.session.post(
      `/werkruimte/dossiers/${record!.id}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: "Wil investeren in hergebruik van restmetaal." },
      { csrf: adviser.csrf },
    );
    expect(referred.status).toBe(303);
    const referralId = /\/werkruimte\/verwijzingen\/(\d+)/.exec(referred.headers.get("location")!)![1];
    const provider = await loginAs(app, "aanbieder.rvo@demo.invalid");
    const form = await (await provider.session.get(`/werkruimte/verwijzingen/${referralId}`)).text();
    const select = /<select[^>]*name="to"[^>]*>([\s\S]*?)<\/select>/.exec(form)![1]!;
    expect(select).toMatch(/^<option value="" selected="">Kies een status…<\/option>/);
    expect(select.match(/selected/g)).toHaveLength(1);
    const empty = await provider.session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "1", to: "", note: "" },
      { csrf: provider.csrf },
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Kies de nieuwe status.");
    expect(await rows(sql`select status from referrals where id = ${Number(referralId)}`)).toEqual([
      { status: "verstuurd" },
    ]);
  });
});
