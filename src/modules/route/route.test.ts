import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";

describeEachDatabase("route and scan", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
  });

  const refIds = (html: string) => [...html.matchAll(/data-ref-id="([^"]+)"/g)].map((match) => match[1]);

  it("the home page is one form: municipality, sector and one button to /route", async () => {
    const html = await (await app.request("/")).text();
    expect(html).toContain('action="/route"');
    expect(html).toContain('id="gemeente"');
    expect(html).toContain(
      '<select class="utrecht-select utrecht-select--html-select" id="sector" name="sector"',
    );
    expect(html).toContain('<option value="C">Overige industrie en maakbedrijven</option>');
    expect(html.match(/type="submit"/g)).toHaveLength(1);
  });

  it("a municipality name leads to the canonical route address, which shows the route at once", async () => {
    const redirect = await app.request("/route?gemeente=Enschede&sector=c");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/route?gemeente=GM0153&sector=C");
    const response = await app.request("/route?gemeente=GM0153&sector=C");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Uw fase: starter");
    expect(html).toContain("Uw volgende stap: informeren");
    const recommended = refIds(html);
    expect(recommended.length).toBeGreaterThanOrEqual(5);
    expect(recommended.length).toBeLessThanOrEqual(10);
    expect(recommended).toContain("overijssel-mkb-basisinfrastructuur");
    expect(html).toContain("Beschikbaar in Overijssel");
    expect(html).toMatch(/href="\/aanbod\/[a-z0-9-]+"/);
    expect(html).toContain("Vertel iets meer");
    expect(html).toContain('href="/scan?stap=1&amp;gemeente=GM0153&amp;sector=C"');
    // The region's real loket with its contact (ADR 0081).
    expect(html).toContain("Agenda voor Twente");
    expect(html).toContain("Vraag een gesprek aan");
  });

  it("shows the route in English, with English reasons", async () => {
    const html = await (await app.request("/route?gemeente=GM0363&sector=56&lang=en")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Your phase: starter");
    expect(html).toContain("Available in Noord-Holland");
    expect(html).toContain("Request a conversation");
  });

  it("wrong input re-shows the home form with an error summary, status 400 and the input kept", async () => {
    const response = await app.request("/route?gemeente=Atlantis&sector=ZZ");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Er is een probleem");
    expect(html).toContain('href="#gemeente"');
    expect(html).toContain('href="#sector"');
    expect(html).toContain('value="Atlantis"');
    const english = await app.request("/route?gemeente=&sector=&lang=en");
    expect(english.status).toBe(400);
    expect(await english.text()).toContain("Enter the name of your municipality or town.");
  });

  it("the scan goes one question a page, keeps answers forward and back, and saves a result at an unguessable id", async () => {
    const session = browserSession(app);
    const first = await (await session.get("/scan?stap=1&gemeente=GM0153&sector=13")).text();
    expect(first).toContain("Vraag 1 van 7");
    expect(first).toContain("<legend");
    expect(first).toContain('href="/route?gemeente=GM0153&amp;sector=13">Vorige</a>');

    // An empty answer: the same question again, with an error, status 400.
    const empty = await session.get("/scan?beantwoord=grootte&gemeente=GM0153&sector=13");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Kies hoeveel mensen er in uw bedrijf werken.");

    const answers: [string, string, string][] = [
      ["grootte", "grootte=klein", "stap=2"],
      ["gemeente", "gemeente=Enschede", "stap=3"],
      ["sector", "sector=13", "stap=4"],
      ["situatie", "situatie=ideeen", "stap=5"],
      ["motivatie", "motivatie=kosten_besparen&motivatie=nieuwe_omzet", "stap=6"],
      ["thema", "thema=recycling", "stap=7"],
    ];
    let carried = "gemeente=GM0153&sector=13";
    for (const [question, answer, next] of answers) {
      const kept = carried
        .split("&")
        .filter((pair) => !pair.startsWith(`${question}=`))
        .join("&");
      const response = await session.get(`/scan?beantwoord=${question}&${kept}&${answer}`);
      expect(response.status, question).toBe(303);
      const location = response.headers.get("location")!;
      expect(location).toContain(next);
      carried = new URL(location, "http://x").searchParams.toString().replace(/stap=\d&?/, "");
    }
    expect(carried).toContain("gemeente=GM0153");
    expect(carried).toContain("motivatie=kosten_besparen&motivatie=nieuwe_omzet");

    // Back from question 7 to question 5: the earlier answers are still ticked.
    const back = await (await session.get(`/scan?stap=5&${carried}`)).text();
    expect(back).toMatch(/value="kosten_besparen" checked/);
    expect(back).toMatch(/value="nieuwe_omzet" checked/);
    const municipalityPage = await (await session.get(`/scan?stap=2&${carried}`)).text();
    expect(municipalityPage).toContain('value="Enschede"');

    const lastPage = `/scan?stap=7&${carried}`;
    const token = await session.csrfTokenFrom(lastPage);
    const form = Object.fromEntries(
      [...new URLSearchParams(carried).keys()].map((key) => [key, new URLSearchParams(carried).getAll(key)]),
    );
    const missingHelp = await session.post("/scan/resultaat", form, { csrf: token });
    expect(missingHelp.status).toBe(400);
    expect(await missingHelp.text()).toContain("Kies minstens één soort hulp.");

    const saved = await session.post(
      "/scan/resultaat",
      { ...form, hulp: ["advies", "partners"] },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    const resultPath = saved.headers.get("location")!;
    expect(resultPath).toMatch(/^\/scan\/resultaat\/[A-Za-z0-9_-]{22}$/);

    const result = await session.get(resultPath);
    expect(result.status).toBe(200);
    const html = await result.text();
    expect(html).toContain("Uw fase: peloton");
    expect(html).toContain("Uw volgende stap: kansen vinden");
    expect(html).toContain("Textielproductie");
    expect(refIds(html)).toContain("circles-oost-nederland");
    expect(html).toContain("Antwoorden wijzigen");

    // Only codes are stored: nothing personal.
    const [row] = await queryRows<{ answers: Record<string, unknown> }>(
      database().db,
      sql`select answers from scan_results where id = ${resultPath.split("/").at(-1)!}`,
    );
    expect(row!.answers).toEqual({
      sizeClass: "klein",
      municipality: "GM0153",
      sbi: "13",
      stage: "ideeen",
      motivations: ["kosten_besparen", "nieuwe_omzet"],
      themes: ["recycling"],
      help: ["advies", "partners"],
    });
  });

  it("an unknown result id is a 404, and saving without a CSRF token is refused", async () => {
    expect((await app.request("/scan/resultaat/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await app.request("/scan/resultaat/kort")).status).toBe(404);
    const session = browserSession(app);
    await session.get("/scan");
    const refused = await session.post("/scan/resultaat", { grootte: "klein" });
    expect(refused.status).toBe(403);
  });

  const postRoute = (body: unknown, headers: Record<string, string> = {}) =>
    app.request("/api/v1/route", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("POST /api/v1/route answers phase, next step, region, loket, strategies and at most 10 reasoned recommendations", async () => {
    const response = await postRoute({
      municipality: "GM0153",
      sbi: "13",
      employees: 25,
      stage: "ideeen",
      motivations: ["kosten_besparen"],
      themes: ["recycling"],
      help: ["advies"],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.phase).toBe("peloton");
    expect(body.next_step).toBe("kansen_identificeren");
    expect(body.region).toEqual({ code: "ES04", name: "Twente" });
    // Twente has a real regional network (ADR 0081); no hub takes intakes there, so requests go to the national queue.
    expect(body.loket.is_national_fallback).toBe(false);
    expect(body.loket.organisations[0].name).toContain("Agenda voor Twente");
    expect(body.loket.intake.queue).toBe("national");
    expect(body.strategies).toEqual(["R2", "R8"]);
    expect(body.recommendations.length).toBeGreaterThan(0);
    expect(body.recommendations.length).toBeLessThanOrEqual(10);
    for (const recommendation of body.recommendations) {
      expect(Object.keys(recommendation).sort()).toEqual([
        "apply",
        "audience",
        "expected_window",
        "expected_window_text",
        "id",
        "last_verified",
        "name",
        "offer",
        "provider",
        "reasons",
        "ref_id",
        "score",
        "stale",
        "status",
        "summary",
        "url",
        "window",
      ]);
      expect(recommendation.summary.length).toBeGreaterThan(0);
      expect(recommendation.offer.text.length).toBeGreaterThan(0);
      expect(recommendation.window.text.length).toBeGreaterThan(0);
      expect(recommendation.apply.text.length).toBeGreaterThan(0);
      expect(recommendation.provider.name.length).toBeGreaterThan(0);
    }
    // Only the reasons that set a recommendation apart: no sentence is on every one of them.
    const everywhere = body.recommendations[0].reasons.filter((reason: string) =>
      body.recommendations.every((other: { reasons: string[] }) => other.reasons.includes(reason)),
    );
    expect(everywhere).toEqual([]);
    // What most of them share comes once, as common_reasons, and is on no recommendation's own list.
    expect(body.common_reasons.length).toBeGreaterThan(0);
    for (const recommendation of body.recommendations)
      for (const reason of body.common_reasons) expect(recommendation.reasons).not.toContain(reason);

    const english = await (await postRoute({ municipality: "GM0153", sbi: "C", lang: "en" })).json();
    expect(english.recommendations.flatMap((r: { reasons: string[] }) => r.reasons).join(" ")).toMatch(
      /Available in Overijssel/,
    );
    const byHeader = await (
      await postRoute({ municipality: "GM0153", sbi: "C" }, { "accept-language": "en-GB,en;q=0.9" })
    ).json();
    expect(
      [
        ...byHeader.common_reasons,
        ...byHeader.recommendations.flatMap((r: { reasons: string[] }) => r.reasons),
      ].join(" "),
    ).toMatch(/Suits your phase|Helps with your next step/);
  });

  it.each([
    [{ municipality: "GM9999", sbi: "C" }, "municipality"],
    [{ municipality: "GM0153", sbi: "04" }, "sbi"],
    [{ municipality: "GM0153", sbi: "C", stage: "dromen" }, "stage"],
    [{ municipality: "GM0153", sbi: "C", help: ["geld"] }, "help.0"],
  ])("bad input %j is a 400 problem+json naming %s", async (body, field) => {
    const response = await postRoute(body);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.invalid_params.map((param: { name: string }) => param.name)).toContain(field);
  });

  it("the recommendations say each one's status, and when the listing was last checked", async () => {
    const body = await (await postRoute({ municipality: "GM0153", sbi: "C", help: ["advies"] })).json();
    for (const recommendation of body.recommendations) {
      expect(["open", "doorlopend", "verwacht"]).toContain(recommendation.status);
      expect(recommendation.last_verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof recommendation.stale).toBe("boolean");
    }
  });

  it("the OpenAPI document describes POST /api/v1/route", async () => {
    const document = await (await app.request("/api/openapi.json")).json();
    expect(document.paths["/api/v1/route"].post.requestBody).toBeDefined();
    const recommendation = document.components.schemas.Route.properties.recommendations.items;
    for (const field of ["summary", "offer", "status", "window", "apply", "last_verified", "provider"])
      expect(recommendation.required, field).toContain(field);
    expect(recommendation.properties.offer.description).toContain("nothing invented");
  });
});

describeEachDatabase("route between two rounds of a recurring scheme", (database) => {
  // 5 December 2026: the MIT's last known round opened on 8 April 2025; the next is expected in April 2027.
  const december = () => new Date("2026-12-05T10:00:00Z");
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database(), {}, { clock: december });
  });

  const ask = (body: unknown) =>
    app.request("/api/v1/route", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const seekingMoney = {
    municipality: "GM0153",
    sbi: "C",
    employees: 12,
    stage: "ideeen",
    help: ["financiering"],
  };

  it("POST /api/v1/route for a company seeking money in December returns the MIT as verwacht with its expected window", async () => {
    const response = await ask(seekingMoney);
    expect(response.status).toBe(200);
    const body = await response.json();
    const mit = body.recommendations.find(
      (recommendation: { ref_id: string }) => recommendation.ref_id === "mit-haalbaarheidsproject",
    );
    expect(mit, JSON.stringify(body.recommendations.map((r: { ref_id: string }) => r.ref_id))).toBeDefined();
    expect(mit.status).toBe("verwacht");
    expect(mit.expected_window).toBe("2027-04");
    expect(mit.expected_window_text).toBe("Opent naar verwachting in april 2027.");
    expect(mit.reasons).toContain("Nu gesloten; een nieuwe ronde wordt verwacht");
    // The card's fields, from the catalogue's structured data (ADR 0088).
    expect(mit.summary).toMatch(/^Subsidie voor een mkb-bedrijf/);
    expect(mit.offer).toEqual({
      text: expect.stringMatching(/^Subsidie: 40% van uw kosten, tot €\s20\.000\.$/),
      kind: "subsidy",
      amount_min: null,
      amount_max: 20000,
      percentage: 40,
    });
    expect(mit.window).toEqual({
      open: null,
      close: null,
      expected: "2027-04",
      text: "Opent naar verwachting in april 2027.",
    });
    expect(mit.apply).toEqual({
      text: "U dient de aanvraag in bij het loket van uw provincie of bij RVO, tijdens de openstelling.",
      url: "https://www.rvo.nl/subsidies-financiering/mit",
    });
    expect(mit.provider.name).toMatch(/RVO|Rijksdienst/);
    expect(mit.last_verified).toBe("2025-06-01");
    // General SME finance (BMKB-Groen, Seed Capital, Innovatiekrediet, …) is never offered as circular support.
    const refIds = body.recommendations.map((recommendation: { ref_id: string }) => recommendation.ref_id);
    for (const general of ["rvo-bmkb-groen", "rvo-innovatiekrediet", "rvo-seed-capital", "szw-slim"])
      expect(refIds).not.toContain(general);
    const english = await (await ask({ ...seekingMoney, lang: "en" })).json();
    expect(
      english.recommendations.find((r: { ref_id: string }) => r.ref_id === "mit-haalbaarheidsproject")
        .expected_window_text,
    ).toBe("Expected to open in April 2027.");
  });

  it("the route page labels it, gives the expected month and says to prepare now", async () => {
    const session = browserSession(app);
    const carried =
      "grootte=klein&gemeente=GM0153&sector=C&situatie=ideeen&motivatie=nieuwe_omzet&thema=productontwerp";
    const token = await session.csrfTokenFrom(`/scan?stap=7&${carried}`);
    const saved = await session.post(
      "/scan/resultaat",
      { ...Object.fromEntries(new URLSearchParams(carried)), hulp: ["financiering"] },
      { csrf: token },
    );
    expect(saved.status).toBe(303);
    const html = await (await session.get(saved.headers.get("location")!)).text();
    expect([...html.matchAll(/data-ref-id="([^"]+)"/g)].map((m) => m[1])).toContain(
      "mit-haalbaarheidsproject",
    );
    const card = html.slice(html.indexOf('data-ref-id="mit-haalbaarheidsproject"')).split("</article>")[0]!;
    expect(card).toContain("<strong>Verwacht.</strong> Opent naar verwachting in april 2027.");
    expect(card).toContain("Bereid u nu voor");
    // What it is, what you get, for whom, when and how: from the catalogue's fields, one card for every list.
    expect(card).toMatch(/<dt>Wat is het<\/dt><dd data-card="summary">Subsidie voor een mkb-bedrijf/);
    expect(card).toMatch(/<dd data-card="offer">Subsidie: 40% van uw kosten, tot €\s20\.000\.<\/dd>/);
    expect(card).toContain("in elke sector, in heel Nederland.");
    expect(card).toContain("Gecontroleerd op 1 juni 2025");
    expect(card).toContain(
      "U dient de aanvraag in bij het loket van uw provincie of bij RVO, tijdens de openstelling.",
    );
    expect(card).toContain('href="https://www.rvo.nl/subsidies-financiering/mit"');
  });

  const cardsOf = (html: string) =>
    html
      .split('<article class="cl-instrument-card"')
      .slice(1)
      .map((card) => card.split("</article>")[0]!);
  const reasonsOf = (card: string) =>
    [
      ...(card.split('data-card="reasons">')[1] ?? "").matchAll(
        /<li class="utrecht-unordered-list__item">([^<]+)<\/li>/g,
      ),
    ].map((match) => match[1]!);

  it("the one-click route shows every card with what, how much, when and how, and no reason that every card shares", async () => {
    const html = await (await app.request("/route?gemeente=GM0153&sector=C")).text();
    const cards = cardsOf(html);
    expect(cards.length).toBeGreaterThanOrEqual(5);
    for (const card of cards)
      for (const field of ["offer", "audience", "when", "apply"])
        expect(card, field).toMatch(new RegExp(`<dd data-card="${field}">[^<\\s]`));
    // Overijssel's own advice desk: no amount in the data, so the card says what kind of help it is.
    const desk = cards.find((card) => card.includes('data-ref-id="overijssel-mkb-basisinfrastructuur"'))!;
    expect(desk).toContain('<dd data-card="offer">Advies voor uw bedrijf.</dd>');
    expect(desk).toContain("Doorlopend: u kunt er altijd gebruik van maken.");
    // Checked more than twelve months ago: the card says so with the date, in place of "laatst gecontroleerd".
    expect(desk).toContain("Gecontroleerd op 1 juni 2025");
    expect(desk).toContain(
      "Neem contact op met Oost NL, Novel-T of Kennispoort, afhankelijk van uw regio en vraag.",
    );
    // The differing-reasons rule: no sentence is on more than half of the cards; what most share is said once above
    // them; what sets a card apart stays on the card.
    const lists = cards.map(reasonsOf);
    for (const reason of new Set(lists.flat()))
      expect(lists.filter((list) => list.includes(reason)).length * 2, reason).toBeLessThanOrEqual(
        lists.length,
      );
    expect(lists.flat()).toContain("Beschikbaar in Overijssel");
    // "Loopt u ergens tegenaan?" opens the barrier form for this municipality.
    expect(html).toContain('href="/belemmering-melden?gemeente=GM0153"');
    const common = [
      ...(html.split('data-route="common-reasons">')[1] ?? "")
        .split("</ul>")[0]!
        .matchAll(/<li[^>]*>([^<]+)<\/li>/g),
    ].map((match) => match[1]);
    expect(common).toContain("Helpt bij uw volgende stap: informeren");
    expect(html).toContain("Wat de meeste hiervan gemeen hebben");
    // The quick route names the phase it assumed and what the 7 questions would change, with a link to the scan.
    expect(html).toContain("Deze snelle route gaat uit van de fase starter");
    expect(html).toMatch(
      /<a[^>]*href="\/scan\?stap=1&amp;gemeente=GM0153&amp;sector=C"[^>]*>Doe de scan met 7 vragen<\/a>/,
    );
  });

  it("a scheme that ended for good is never offered", async () => {
    const body = await (await ask(seekingMoney)).json();
    const refIds = body.recommendations.map((recommendation: { ref_id: string }) => recommendation.ref_id);
    for (const ended of ["mit-kennisvoucher", "nh-pdenh", "fr-vestiging-circulair-ondernemerschap"])
      expect(refIds).not.toContain(ended);
  });
});
