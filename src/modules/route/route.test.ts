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
        "expected_window",
        "expected_window_text",
        "id",
        "last_verified",
        "name",
        "reasons",
        "ref_id",
        "score",
        "stale",
        "status",
        "url",
      ]);
      expect(recommendation.reasons.length).toBeGreaterThan(0);
    }
    expect(body.recommendations[0].reasons.join(" ")).toMatch(/Past bij uw fase|Helpt bij uw volgende stap/);

    const english = await (await postRoute({ municipality: "GM0153", sbi: "C", lang: "en" })).json();
    expect(english.recommendations[0].reasons.join(" ")).toMatch(
      /Suits your phase|Helps with your next step/,
    );
    const byHeader = await (
      await postRoute({ municipality: "GM0153", sbi: "C" }, { "accept-language": "en-GB,en;q=0.9" })
    ).json();
    expect(byHeader.recommendations[0].reasons.join(" ")).toMatch(
      /Suits your phase|Helps with your next step/,
    );
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
    const card = html.slice(html.indexOf('data-ref-id="mit-haalbaarheidsproject"'));
    expect(card).toContain("<strong>Verwacht.</strong> Opent naar verwachting in april 2027.");
    expect(card).toContain("Bereid u nu voor");
  });

  it("a scheme that ended for good is never offered", async () => {
    const body = await (await ask(seekingMoney)).json();
    const refIds = body.recommendations.map((recommendation: { ref_id: string }) => recommendation.ref_id);
    for (const ended of ["mit-kennisvoucher", "nh-pdenh", "fr-vestiging-circulair-ondernemerschap"])
      expect(refIds).not.toContain(ended);
  });
});
