import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { intakeFields } from "../factories/index.js";
import { browserSession, createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Every field that asks for a municipality accepts a municipality or a place name, offers a choice where a name
 * belongs to several municipalities, suggests a name for a typo, and says where a place lies — through the plain
 * form round trip, without JavaScript (issue 16, item 6; ADR 0077).
 */

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The radio buttons of the choice under the field, as value → label. */
function choiceOf(html: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const match of html.matchAll(
    /<input type="radio" class="[^"]*" id="([^"]+)" name="gemeente-keuze" value="(GM\d{4})"\/><\/div><div class="utrecht-form-field__label"><label class="[^"]*" for="\1">([^<]+)<\/label>/g,
  ))
    options[match[2]!] = match[3]!;
  return options;
}

const decode = (html: string) => html.replaceAll("&#39;", "'").replaceAll("&amp;", "&");

describeEachDatabase("municipality and place names in every field", (database) => {
  let app: TestApp;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database());
  });

  const get = (path: string) => app.request(path);
  const follow = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(303);
    return response.headers.get("location")!;
  };

  it("home form: Hengelo offers the choice of two municipalities, in words, and keeps what was typed", async () => {
    const response = await get("/route?gemeente=Hengelo&sector=C");
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("Er is een probleem");
    expect(html).toContain(
      "Er zijn 2 gemeenten met een plaats die “Hengelo” heet. Kies hieronder welke u bedoelt.",
    );
    expect(html).toContain("<legend");
    expect(html).toContain("Welke Hengelo bedoelt u?");
    expect(choiceOf(html)).toEqual({
      GM0164: "Hengelo (Overijssel)",
      GM1876: "Hengelo, gemeente Bronckhorst (Gelderland)",
    });
    expect(html).toContain('name="gemeente" type="text" value="Hengelo"');
    expect(html).not.toMatch(/name="gemeente-keuze"[^>]*checked/);
  });

  it("home form: the choice made leads to the route, which says where the place lies", async () => {
    const location = await follow("/route?gemeente=Hengelo&gemeente-keuze=GM1876&sector=C");
    expect(location).toBe("/route?gemeente=GM1876&sector=C&plaats=Hengelo");
    const page = await get(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Hengelo ligt in de gemeente Bronckhorst.");
    // Hengelo in Overijssel is the municipality's own name: nothing to explain.
    expect(await follow("/route?gemeente=Hengelo&gemeente-keuze=GM0164&sector=C")).toBe(
      "/route?gemeente=GM0164&sector=C",
    );
  });

  it("home form: Bergen offers Bergen (Noord-Holland) and Bergen (Limburg)", async () => {
    const html = decode(await (await get("/route?gemeente=bergen&sector=C")).text());
    expect(choiceOf(html)).toEqual({ GM0373: "Bergen (Noord-Holland)", GM0893: "Bergen (Limburg)" });
    expect(await follow("/route?gemeente=Bergen&gemeente-keuze=GM0893&sector=C")).toBe(
      "/route?gemeente=GM0893&sector=C",
    );
  });

  it("home form: Den Bosch is 's-Hertogenbosch, and every spelling of Súdwest-Fryslân finds it", async () => {
    expect(await follow("/route?gemeente=Den%20Bosch&sector=C")).toBe("/route?gemeente=GM0796&sector=C");
    for (const typed of ["Súdwest Fryslân", "sudwest fryslan", "Súdwest-Fryslân"])
      expect(await follow(`/route?gemeente=${encodeURIComponent(typed)}&sector=C`)).toBe(
        "/route?gemeente=GM1900&sector=C",
      );
  });

  it("home form: a typo gets “Bedoelde u Enschede?”, and picking it leads on", async () => {
    const response = await get("/route?gemeente=Enschde&sector=C");
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(
      "We kennen geen gemeente of woonplaats met de naam “Enschde”. Bedoelde u Enschede? Kies hieronder, of verbeter de naam.",
    );
    expect(html).toContain("Bedoelde u Enschede?</legend>");
    expect(choiceOf(html)).toEqual({ GM0153: "Enschede (Overijssel)" });
    expect(await follow("/route?gemeente=Enschde&gemeente-keuze=GM0153&sector=C")).toBe(
      "/route?gemeente=GM0153&sector=C",
    );
  });

  it("home form: Scheveningen leads to Den Haag, and the route says so", async () => {
    const location = await follow("/route?gemeente=Scheveningen&sector=C");
    expect(location).toBe("/route?gemeente=GM0518&sector=C&plaats=Scheveningen");
    expect(await (await get(location)).text()).toContain("Scheveningen ligt in de gemeente Den Haag.");
    // A place that is not in the municipality of the address is not mentioned.
    expect(await (await get("/route?gemeente=GM0153&sector=C&plaats=Scheveningen")).text()).not.toContain(
      "ligt in de gemeente",
    );
  });

  it("home form in English: the choice, the suggestion and the note", async () => {
    const choice = decode(await (await get("/route?gemeente=Hengelo&sector=C&lang=en")).text());
    expect(choice).toContain(
      "2 municipalities have a place called “Hengelo”. Choose below which one you mean.",
    );
    expect(choice).toContain("Which Hengelo do you mean?");
    expect(choiceOf(choice).GM1876).toBe("Hengelo, municipality of Bronckhorst (Gelderland)");
    const typo = decode(await (await get("/route?gemeente=Enschde&sector=C&lang=en")).text());
    expect(typo).toContain("Did you mean Enschede?");
    const note = await (await get("/route?gemeente=GM0518&sector=C&plaats=Scheveningen&lang=en")).text();
    expect(note).toContain("Scheveningen is in the municipality of Den Haag.");
  });

  it("/regio: a place name leads to its region and the page says where it lies; Bergen asks which", async () => {
    const location = await follow("/regio?gemeente=Scheveningen");
    expect(location).toBe("/regio/ES23?gemeente=GM0518&plaats=Scheveningen#GM0518");
    const html = await (await get(location.split("#")[0]!)).text();
    expect(html).toContain("Scheveningen ligt in de gemeente Den Haag.");
    const choice = await get("/regio?gemeente=Bergen");
    expect(choice.status).toBe(400);
    expect(choiceOf(await choice.text())).toEqual({
      GM0373: "Bergen (Noord-Holland)",
      GM0893: "Bergen (Limburg)",
    });
    expect(await follow("/regio?gemeente=Bergen&gemeente-keuze=GM0893")).toBe(
      "/regio/ES29?gemeente=GM0893#GM0893",
    );
    expect(choiceOf(await (await get("/regio?gemeente=Enschde")).text())).toEqual({
      GM0153: "Enschede (Overijssel)",
    });
  });

  it("scan: the municipality question offers the choice, and the next page says where the place lies", async () => {
    const question = "/scan?beantwoord=gemeente&grootte=klein&gemeente=Hengelo";
    const response = await get(question);
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(choiceOf(html)).toEqual({
      GM0164: "Hengelo (Overijssel)",
      GM1876: "Hengelo, gemeente Bronckhorst (Gelderland)",
    });
    // The other answers travel on in hidden fields.
    expect(html).toContain('name="grootte" value="klein"');
    const next = await follow(`${question}&gemeente-keuze=GM1876`);
    expect(next).toBe("/scan?stap=3&grootte=klein&gemeente=GM1876&plaats=Hengelo");
    expect(await (await get(next)).text()).toContain("Hengelo ligt in de gemeente Bronckhorst.");
    // The municipality's own name comes back as the picker writes it, which reads back to the same one.
    const back = await (await get("/scan?stap=2&grootte=klein&gemeente=GM0164")).text();
    expect(back).toContain('value="Hengelo (Overijssel)"');
    expect(await follow("/scan?beantwoord=gemeente&grootte=klein&gemeente=Hengelo%20(Overijssel)")).toBe(
      "/scan?stap=3&grootte=klein&gemeente=GM0164",
    );
  });

  it("intake: asks for the municipality (not the region); the region and hub follow from it", async () => {
    const first = await (await get("/intake?sector=C")).text();
    expect(first).toContain('<form method="get" action="/intake"');
    expect(first).toContain('name="sector" value="C"');
    expect(first).not.toContain('name="regio"');
    const choice = await get("/intake?gemeente=Hengelo&sector=C");
    expect(choice.status).toBe(400);
    expect(choiceOf(decode(await choice.text()))).toEqual({
      GM0164: "Hengelo (Overijssel)",
      GM1876: "Hengelo, gemeente Bronckhorst (Gelderland)",
    });
    const form = await get("/intake?gemeente=Hengelo&gemeente-keuze=GM0164&sector=C");
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain("Circulair Loket Twente (demo)");
    expect(html).toContain('name="gemeente" type="text" value="Hengelo (Overijssel)"');
    const place = await (await get("/intake?gemeente=Scheveningen")).text();
    expect(place).toContain("Scheveningen ligt in de gemeente Den Haag.");
    expect(place).toContain('name="regio" value="ES23"');
    expect(choiceOf(decode(await (await get("/intake?gemeente=Enschde")).text()))).toEqual({
      GM0153: "Enschede (Overijssel)",
    });
  });

  it("intake: a name of two municipalities posted in the form comes back with the choice, the rest kept", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES04");
    const ambiguous = await visitor.post("/intake", intakeFields({ gemeente: "Hengelo" }), { csrf });
    expect(ambiguous.status).toBe(400);
    const html = decode(await ambiguous.text());
    expect(choiceOf(html)).toEqual({
      GM0164: "Hengelo (Overijssel)",
      GM1876: "Hengelo, gemeente Bronckhorst (Gelderland)",
    });
    expect(html).toContain('value="Metaalwerk Twente BV"');
    const sent = await visitor.post(
      "/intake",
      intakeFields({
        gemeente: "Hengelo",
        "gemeente-keuze": "GM0164",
        email: "hengelo@voorbeeld-bedrijf.nl",
      }),
      { csrf },
    );
    expect(sent.status).toBe(303);
    const [stored] = await queryRows<{ region_code: string; municipality_code: string }>(
      database().db,
      sql`select region_code, municipality_code from cases order by id desc limit 1`,
    );
    expect(stored).toEqual({ region_code: "ES04", municipality_code: "GM0164" });
  });

  it("intake: a municipality in another hub's region asks for consent to that hub before sending", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES04");
    const moved = await visitor.post("/intake", intakeFields({ gemeente: "Scheveningen" }), { csrf });
    expect(moved.status).toBe(400);
    const html = decode(await moved.text());
    expect(html).toContain(
      "Den Haag ligt in regio Rotterdam Den Haag. Uw aanvraag gaat daarom naar Circulair Loket Rotterdam Den Haag (demo).",
    );
    expect(html).toContain('name="regio" value="ES23"');
    expect(html).not.toMatch(/name="consent"[^>]*checked/);
    const sent = await visitor.post(
      "/intake",
      intakeFields({ regio: "ES23", gemeente: "Scheveningen", email: "scheveningen@voorbeeld-bedrijf.nl" }),
      { csrf },
    );
    expect(sent.status).toBe(303);
    const [stored] = await queryRows<{ region_code: string; municipality_code: string }>(
      database().db,
      sql`select region_code, municipality_code from cases order by id desc limit 1`,
    );
    expect(stored).toEqual({ region_code: "ES23", municipality_code: "GM0518" });
  });

  it("barrier form: a place name of two municipalities offers the choice; the report keeps the one picked", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/belemmering-melden");
    const report = {
      beschrijving:
        "De omgevingsdienst ziet onze houtreststromen als afval, zodat wij ze niet mogen hergebruiken.",
      onderwerp: "afval_en_grondstoffen",
      gemeente: "Haren",
    };
    const choice = await visitor.post("/belemmering-melden", report, { csrf });
    expect(choice.status).toBe(400);
    expect(choiceOf(decode(await choice.text()))).toEqual({
      GM0014: "Haren, gemeente Groningen (Groningen)",
      GM0828: "Haren, gemeente Oss (Noord-Brabant)",
    });
    const typo = await visitor.post("/belemmering-melden", { ...report, gemeente: "Enschde" }, { csrf });
    expect(decode(await typo.text())).toContain("Bedoelde u Enschede?");
    const sent = await visitor.post(
      "/belemmering-melden",
      { ...report, "gemeente-keuze": "GM0014" },
      { csrf },
    );
    expect(sent.status).toBe(303);
    const [stored] = await queryRows<{ municipality_code: string }>(
      database().db,
      sql`select municipality_code from barriers order by id desc limit 1`,
    );
    expect(stored).toEqual({ municipality_code: "GM0014" });
  });

  it("/aanbod: the municipality filter takes place names too", async () => {
    const html = decode(await (await get("/aanbod?gemeente=Bergen")).text());
    expect(choiceOf(html)).toEqual({ GM0373: "Bergen (Noord-Holland)", GM0893: "Bergen (Limburg)" });
    const place = await (await get("/aanbod?gemeente=Sneek")).text();
    expect(place).not.toContain("We kennen geen");
  });

  it("POST /api/v1/route takes a place name, and refuses a name of two municipalities with the codes to send", async () => {
    const post = (municipality: string) =>
      app.request("/api/v1/route", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ municipality, sbi: "C" }),
      });
    const place = await post("Scheveningen");
    expect(place.status).toBe(200);
    expect(((await place.json()) as { municipality: unknown }).municipality).toEqual({
      code: "GM0518",
      name: "'s-Gravenhage",
      place_name: "Scheveningen",
    });
    for (const [typed, code] of [
      ["Den Bosch", "GM0796"],
      ["sudwest fryslan", "GM1900"],
      ["Súdwest Fryslân", "GM1900"],
      ["Hengelo (Overijssel)", "GM0164"],
    ]) {
      const response = await post(typed!);
      expect(response.status, typed).toBe(200);
      expect(((await response.json()) as { municipality: { code: string } }).municipality.code).toBe(code);
    }
    const ambiguous = await post("Hengelo");
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await ambiguous.json()) as { invalid_params: { name: string; reason: string }[] };
    expect(problem.invalid_params[0]!.name).toBe("municipality");
    expect(problem.invalid_params[0]!.reason).toContain("GM0164 = Hengelo (Overijssel)");
    expect(problem.invalid_params[0]!.reason).toContain(
      "GM1876 = Hengelo, municipality of Bronckhorst (Gelderland)",
    );
    const typo = (await (await post("Enschde")).json()) as { invalid_params: { reason: string }[] };
    expect(typo.invalid_params[0]!.reason).toContain("Did you mean GM0153 = Enschede (Overijssel)?");
  });

  it("nothing a visitor types makes a 500: long, odd or empty names are form problems", async () => {
    for (const typed of ["x".repeat(5000), "%%%", "()", "gemeente (Limburg)", " "]) {
      const response = await get(`/route?gemeente=${encodeURIComponent(typed)}&sector=C`);
      expect(response.status, typed.slice(0, 20)).toBe(400);
    }
  });
});
