import { eq, sql } from "drizzle-orm";
import { jsx } from "hono/jsx";
import ICAL from "ical.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import { AppError } from "../../web/errors.js";
import { curatedInstrumentLinks } from "../catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { loadKnowledgeContent } from "./knowledge.loader.js";

/** The invented example events load only in demo mode; a start before the first keeps the file's dates. */
const DEMO_LOAD = { exampleEventsFrom: new Date("2026-01-01T00:00:00Z") };

import { toMeasurePackageModel } from "./knowledge.presenters.js";
import { createKnowledgeRepository } from "./knowledge.repository.js";
import { curatedExamplesFile, curatedRoadmapsFile } from "./knowledge.schemas.js";
import { createKnowledgeService, matchPackage } from "./knowledge.service.js";
import { knowledgeEvents } from "./knowledge.tables.js";
import { parseSbiCode } from "./knowledge.vocabulary.js";
import { SectorExamplesPanel } from "./views/example-cards.js";
import { MeasurePackagePanel } from "./views/measure-package.js";

// The day this suite pretends it is: of the 34 example events, 15 lie before it and 19 after.
const NOW = new Date("2026-11-27T12:00:00Z");

describe("matching a company's sector to a measure package", () => {
  const packages = [
    { slug: "bouw", sbiSections: ["F"], sbiDivisions: ["41", "42", "43"], sectorChoices: ["F"] },
    { slug: "metaal", sbiSections: ["C"], sbiDivisions: ["25", "27"], sectorChoices: ["25", "C"] },
    { slug: "textiel", sbiSections: ["C"], sbiDivisions: ["13", "14"], sectorChoices: ["14"] },
    { slug: "detailhandel", sbiSections: ["G"], sbiDivisions: ["47"], sectorChoices: ["47"] },
    { slug: "elektronica", sbiSections: ["C", "S"], sbiDivisions: ["26", "27", "95"], sectorChoices: [] },
    { slug: "persoonlijk", sbiSections: ["S"], sbiDivisions: ["96"], sectorChoices: ["S"] },
  ];
  it.each([
    ["F", "bouw"],
    ["43", "bouw"],
    ["14", "textiel"],
    ["14.13", "textiel"],
    ["27", "metaal"], // listed twice: the first package by position wins
    ["C", "metaal"], // three packages cover manufacturing, but one names C among its sector choices
    ["S", "persoonlijk"], // the sector choice wins over the other package that covers section S
    ["95", "elektronica"], // a division no package chose is still found by its division
    ["46", "detailhandel"], // no package lists 46, but only one covers section G
    ["20", undefined], // section C is ambiguous and nobody chose division 20
    ["10", undefined],
    ["A", undefined],
    ["ZZ", undefined],
  ])("%s → %s", (code, expected) => {
    expect(matchPackage(packages, code)?.slug).toBe(expected);
  });

  it("reads SBI codes as section and division", () => {
    expect(parseSbiCode("c")).toEqual({ section: "C" });
    expect(parseSbiCode("47.11")).toEqual({ section: "G", division: "47" });
    expect(parseSbiCode("00")).toBeUndefined();
  });
});

describe("the curated sources", () => {
  it("every source of an example and a roadmap names the language of its title", () => {
    const sources = [
      ...curatedExamplesFile.parse(readDataJson("knowledge/examples.json")),
      ...curatedRoadmapsFile.parse(readDataJson("knowledge/roadmaps.json")),
    ].flatMap((item) => item.sources);
    expect(sources).toHaveLength(53 + 30);
    for (const source of sources) expect(source.lang).toMatch(/^[a-z]{2}$/);
    expect(new Set(sources.map((source) => source.lang))).toEqual(new Set(["nl", "en", "de"]));
  });

  it("a source without a language is refused at load", () => {
    const [first] = readDataJson<{ sources: Record<string, string>[] }[]>("knowledge/examples.json");
    const withoutLang = { ...first!, sources: [{ title: "Een bron", url: "https://example.org/" }] };
    expect(curatedExamplesFile.safeParse([withoutLang]).success).toBe(false);
    const badLang = { ...first!, sources: [{ title: "Een bron", url: "https://example.org/", lang: "NL" }] };
    expect(curatedExamplesFile.safeParse([badLang]).success).toBe(false);
  });
});

describeEachDatabase("knowledge", (database) => {
  let app: Awaited<ReturnType<typeof createApp>>;
  let service: ReturnType<typeof createKnowledgeService>;
  let firstLoad = 0;

  beforeAll(async () => {
    // The test template is seeded like a real start; empty the knowledge tables to see a first load.
    for (const table of [
      "knowledge_measures",
      "knowledge_measure_packages",
      "knowledge_roadmaps",
      "knowledge_events",
      "knowledge_examples",
    ]) {
      await database().db.execute(sql.raw(`delete from ${table}`));
    }
    firstLoad = await loadKnowledgeContent(database().db, DEMO_LOAD);
    const geography = await loadGeography(createRegionsRepository(database().db));
    service = createKnowledgeService(createKnowledgeRepository(database().db), geography);
    app = await createApp({
      env: loadEnv({ NODE_ENV: "test", DEMO: "0", PUBLIC_BASE_URL: "https://circulair-loket.example" }),
      database: database(),
      logger: silentLogger,
      clock: () => NOW,
    });
  });

  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: number }>(database().db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!
        .n,
    );
  const json = async (path: string) => {
    const response = await app.request(path);
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: await response.json(),
    };
  };

  it("loads the curated content: 25 examples, 34 events, 23 packages with 174 measures, 5 roadmaps", async () => {
    expect(firstLoad).toBe(25 + 34 + 23 + 174 + 5);
    expect(await count("knowledge_examples")).toBe(25);
    expect(await count("knowledge_events where is_example")).toBe(34);
    expect(await count("knowledge_measure_packages")).toBe(23);
    expect(await count("knowledge_measures")).toBe(174);
    expect(await count("knowledge_roadmaps")).toBe(5);
  });

  it("loading the content again changes 0 rows", async () => {
    expect(await loadKnowledgeContent(database().db, DEMO_LOAD)).toBe(0);
  });

  it("a reload restores a changed curated event with version + 1, and leaves provider events alone", async () => {
    const db = database().db;
    await db
      .update(knowledgeEvents)
      .set({ organiser: "Iemand anders" })
      .where(eq(knowledgeEvents.slug, "circo-track-twente-2026-06"));
    expect(await loadKnowledgeContent(db, DEMO_LOAD)).toBe(1);
    const [restored] = await db
      .select()
      .from(knowledgeEvents)
      .where(eq(knowledgeEvents.slug, "circo-track-twente-2026-06"));
    expect(restored!.organiser).toBe("CIRCO");
    expect(restored!.version).toBe(2);
  });

  describe("saveEvent", () => {
    const input = {
      slug: "provider-werkplaats-2027-04",
      title: { nl: "Werkplaats hergebruik", en: "Reuse workshop" },
      description: { nl: "Een middag over hergebruik.", en: "An afternoon on reuse." },
      startsAt: new Date("2027-04-01T12:00:00Z"),
      endsAt: new Date("2027-04-01T15:00:00Z"),
      online: false,
      place: "Zwolle",
      regionCode: "ES05",
      organiser: "Hub West-Overijssel",
      instrumentRefId: null,
      registrationUrl: "https://example.org/aanmelden",
      isExample: false,
    };

    /** The provider's event, saved once and then moved to Deventer: at version 2, as each test below expects it. */
    const savedTwice = async () => {
      await service.saveEvent(input, null);
      return service.saveEvent({ ...input, place: "Deventer" }, 1);
    };

    // Other tests count the agenda's events, so the provider's event leaves with the test that made it.
    afterEach(async () => {
      await database().db.delete(knowledgeEvents).where(eq(knowledgeEvents.slug, input.slug));
    });

    it("creates at version 1 and each save raises the version", async () => {
      const created = await service.saveEvent(input, null);
      expect(created.version).toBe(1);
      expect(created.origin).toBe("provider");
      const updated = await service.saveEvent({ ...input, place: "Deventer" }, 1);
      expect(updated.version).toBe(2);
      expect(updated.place).toBe("Deventer");
    });

    it("refuses a save based on an old version (409) and keeps the newer data", async () => {
      await savedTwice();
      const stale = service.saveEvent({ ...input, place: "Kampen" }, 1);
      await expect(stale).rejects.toMatchObject({ status: 409, id: "edit-conflict" });
      const [row] = await database()
        .db.select()
        .from(knowledgeEvents)
        .where(eq(knowledgeEvents.slug, input.slug));
      expect(row!.place).toBe("Deventer");
      expect(row!.version).toBe(2);
    });

    it("refuses a second event with the same slug, an unknown event and invalid input", async () => {
      await savedTwice();
      await expect(service.saveEvent(input, null)).rejects.toMatchObject({ status: 409 });
      await expect(service.saveEvent({ ...input, slug: "bestaat-niet" }, 1)).rejects.toMatchObject({
        status: 404,
      });
      const invalid = service.saveEvent({ ...input, endsAt: new Date("2027-03-01T00:00:00Z") }, 2);
      await expect(invalid).rejects.toBeInstanceOf(AppError);
      await expect(invalid).rejects.toMatchObject({ status: 400 });
    });

    it("the curated loader does not touch the provider's event", async () => {
      await savedTwice();
      expect(await loadKnowledgeContent(database().db, DEMO_LOAD)).toBe(0);
      expect(await count("knowledge_events where origin = 'provider'")).toBe(1);
    });
  });

  it("examplesForSector ranks the same division first and names region and strategies", async () => {
    const textile = await service.examplesForSector("14", "nl", 3);
    expect(textile).toHaveLength(3);
    expect(textile.every((example) => example.sectorName === "Textiel, kleding en schoenen")).toBe(true);
    const construction = await service.examplesForSector("F", "en", 5);
    expect(construction.map((example) => example.slug)).toEqual(["hoogeboom-raalte-circulair-slopen"]);
    expect(construction[0]!.strategies).toContain("R3 Reuse");
    expect(construction[0]!.areaName).toBe("Raalte, West-Overijssel");
    expect(await service.examplesForSector("onzin", "nl", 3)).toEqual([]);
  });

  it("/sectoren searches the measures of every package, in both languages, with strategy and time frame", async () => {
    const measuresFound = (html: string) =>
      Number(/(\d+) (?:maatregelen|measures) (?:gevonden|found)/.exec(html)?.[1]);
    const packaging = await (await app.request("/sectoren?q=verpakking")).text();
    // 15 of the 174 measures speak of packaging (verpakking, verpakkingen, verpakkingsvrij…) in Dutch.
    expect(measuresFound(packaging)).toBe(15);
    // Every result links to the measure inside its package page.
    expect(packaging.match(/href="\/sectoren\/[a-z-]+#[A-Za-z0-9-]+"/g)).toHaveLength(15);
    const english = await (await app.request("/sectoren?q=packaging&lang=en")).text();
    expect(measuresFound(english)).toBeGreaterThanOrEqual(10);
    // Accents and case do not matter, and every word must occur.
    expect(measuresFound(await (await app.request("/sectoren?q=VERPAKKING%20zzzz")).text())).toBe(0);
    const filtered = await (await app.request("/sectoren?strategie=R8&termijn=kort")).text();
    const [expected] = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from knowledge_measures where strategy = 'R8' and horizon = 'kort'`,
    );
    expect(measuresFound(filtered)).toBe(expected!.n);
    expect(filtered).toMatch(/<option value="R8" selected="">/);
    const roadmapHit = await (await app.request("/sectoren?q=routekaart")).text();
    expect(roadmapHit).toContain("Routekaarten met dit woord");
    const wrong = await app.request("/sectoren?termijn=ooit&lang=en");
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('href="#termijn"');
    // Without a search the page lists the packages, with no results section.
    expect(await (await app.request("/sectoren")).text()).not.toContain('id="resultaten"');
  });

  it("measurePackageForSector gives the package with its measures and roadmap", async () => {
    const item = await service.measurePackageForSector("43");
    expect(item?.slug).toBe("bouw");
    expect(item?.measures.length).toBe(9);
    expect(item?.roadmaps.map((roadmap) => roadmap.slug)).toEqual(["routekaart-bouw"]);
    // "Overige industrie en maakbedrijven" (C) found nothing while six packages covered section C.
    expect((await service.measurePackageForSector("C"))?.slug).toBe("metaal-en-maakindustrie");
  });

  it("the panels for the route page render the sector's examples and package", async () => {
    const examples = await service.examplesForSector("14", "nl", 2);
    const examplesHtml = await jsx(SectorExamplesPanel, { examples, lang: "nl" }).toString();
    expect(examplesHtml).toContain("Voorbeelden uit uw sector");
    expect(examplesHtml.match(/href="\/voorbeelden\/[a-z0-9-]+"/g)).toHaveLength(2);
    expect(await jsx(SectorExamplesPanel, { examples: [], lang: "nl" }).toString()).toBe("");
    // Plastics (22) has one example of its own package; the others share only section C and are called related.
    const plastics = await service.examplesForSector("22", "nl", 3);
    expect(plastics.map((example) => example.sameSector)).toEqual([true, false, false]);
    const plasticsHtml = await jsx(SectorExamplesPanel, { examples: plastics, lang: "nl" }).toString();
    expect(plasticsHtml).toContain("Voorbeelden uit uw sector en verwante sectoren");
    expect(examplesHtml).not.toContain("verwante");
    const item = await service.measurePackageForSector("F");
    const model = await toMeasurePackageModel(item!, "en", curatedInstrumentLinks());
    const packageHtml = await jsx(MeasurePackagePanel, { model, lang: "en" }).toString();
    expect(packageHtml).toContain("Measures for your sector: Construction and installation");
    expect(packageHtml).toContain('href="/sectoren/bouw#bouw-1"');
    expect(packageHtml).toContain('href="/sectoren/bouw"');
  });

  it("/voorbeelden lists all 25 examples and filters with a plain GET form", async () => {
    const html = await (await app.request("/voorbeelden")).text();
    expect(html).toContain("25 voorbeelden gevonden");
    expect(new Set([...html.matchAll(/href="\/voorbeelden\/([a-z0-9-]+)"/g)].map((m) => m[1])).size).toBe(25);
    expect(html).toContain('<form method="get" action="/voorbeelden"');
    const filtered = await (await app.request("/voorbeelden?sector=textiel&strategie=R8&regio=PV23")).text();
    expect(filtered).toContain("2 voorbeelden gevonden");
    expect(filtered).toContain("/voorbeelden/frankenhuis-textielvezels");
    expect(filtered).not.toContain("/voorbeelden/mud-jeans-lease-a-jeans");
    expect(filtered).toMatch(/<option value="PV23" selected="">Overijssel<\/option>/);
  });

  it("searches in Dutch and English, with stemming and without accents", async () => {
    const jeans = await (await app.request("/voorbeelden?q=spijkerbroek")).text();
    expect(jeans).toContain("/voorbeelden/mud-jeans-lease-a-jeans");
    const mushrooms = await (await app.request("/voorbeelden?q=coffee%20grounds")).text();
    expect(mushrooms).toContain("/voorbeelden/rotterzwam-oesterzwammen-op-koffiedik");
    const percent = await (await app.request("/voorbeelden?q=%25")).text();
    expect(percent).not.toContain("25 voorbeelden gevonden");
    const nothing = await (await app.request("/voorbeelden?q=ruimtevaart")).text();
    expect(nothing).toContain("0 voorbeelden gevonden");
    // The sector's name is searchable in both languages: a search finds what the sector filter finds.
    const bySector = (await json("/api/v1/examples?sector=textiel")).body.total_items;
    expect(bySector).toBeGreaterThanOrEqual(4);
    expect((await json("/api/v1/examples?q=textiel")).body.total_items).toBe(bySector);
    expect((await json("/api/v1/examples?q=textile")).body.total_items).toBeGreaterThanOrEqual(bySector);
  });

  it("an unknown filter value re-shows the form with an error summary (400)", async () => {
    const response = await app.request("/voorbeelden?sector=ruimtevaart&lang=en");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#sector"');
  });

  it("/voorbeelden/{slug} shows what they did, the result, sources and a link to the sector package", async () => {
    const html = await (await app.request("/voorbeelden/hoogeboom-raalte-circulair-slopen")).text();
    expect(html).toContain("Wat ze deden");
    expect(html).toContain("Bronnen");
    expect(html).toContain('href="/sectoren/bouw"');
    expect((await app.request("/voorbeelden/bestaat-niet")).status).toBe(404);
  });

  // The opening <a> tag of the source link to url, on the page at path.
  const sourceLink = async (path: string, url: string) => {
    const html = await (await app.request(path)).text();
    const tag = html.match(new RegExp(`<a [^>]*href="${url.replace(/[.?]/g, "\\$&")}"[^>]*>`))?.[0];
    expect(tag, `a link to ${url} on ${path}`).toBeDefined();
    return tag!;
  };

  it("a source title in another language than the page is marked with lang and hreflang (WCAG 3.1.2)", async () => {
    const telegraaf = "https://www.telegraaf.nl/financieel/2742321/familiebedrijf-met-start-upgevoel";
    const hotspot =
      "https://hollandcircularhotspot.nl/case/schijvens-corporate-fashion-100-recycled-corporate-clothing/";
    const english = "/voorbeelden/schijvens-gerecyclede-bedrijfskleding?lang=en";
    const dutch = "/voorbeelden/schijvens-gerecyclede-bedrijfskleding";
    // A Dutch title on the English page, an English title on the Dutch page.
    expect(await sourceLink(english, telegraaf)).toMatch(/ lang="nl" hreflang="nl"/);
    expect(await sourceLink(dutch, hotspot)).toMatch(/ lang="en" hreflang="en"/);
    // The same language as the page: no lang, no hreflang.
    expect(await sourceLink(dutch, telegraaf)).not.toMatch(/lang=/);
    expect(await sourceLink(english, hotspot)).not.toMatch(/lang=/);
    // A German title is marked on both pages.
    for (const path of [
      "/voorbeelden/frankenhuis-textielvezels",
      "/voorbeelden/frankenhuis-textielvezels?lang=en",
    ]) {
      expect(await sourceLink(path, "http://recyclingportal.eu/Archive/44126")).toMatch(
        / lang="de" hreflang="de"/,
      );
    }
  });

  it("the roadmaps' Dutch sources are marked on the English page only", async () => {
    const cirkel = "https://www.nederlandcirculairin2050.nl/nationaal-programma-circulaire-economie";
    expect(await sourceLink("/routekaarten/routekaart-bouw?lang=en", cirkel)).toMatch(
      / lang="nl" hreflang="nl"/,
    );
    expect(await sourceLink("/routekaarten/routekaart-bouw", cirkel)).not.toMatch(/lang=/);
  });

  it("/agenda shows the 19 upcoming events, each marked as an example, with a notice", async () => {
    const html = await (await app.request("/agenda")).text();
    expect(html).toContain("19 bijeenkomsten");
    expect(html).toContain("Let op: dit zijn voorbeelden");
    expect(html.match(/cl-example-badge">Voorbeeld</g)).toHaveLength(19);
    expect(html.match(/\(Verzonnen datum\)/g)).toHaveLength(19);
    expect(html).toContain('href="/agenda.ics"');
    expect(html).toContain('href="/agenda?archief=1"');
    expect(html).not.toContain("circo-track-twente-2026-06");
  });

  it("/agenda?archief=1 shows the 15 past events, newest first", async () => {
    const html = await (await app.request("/agenda?archief=1&lang=en")).text();
    expect(html).toContain("15 events");
    expect(html).toContain("Please note: these are examples");
    expect(html.indexOf("spreekuur-voucher-flevoland-2026-11")).toBeLessThan(
      html.indexOf("circo-track-twente-2026-06"),
    );
  });

  it("filters the agenda by region (national and online events included) and month", async () => {
    const twente = await (await app.request("/agenda?regio=ES04")).text();
    expect(twente).toContain('id="webinar-buyer-groups-circulair-inkopen-2026-12"');
    expect(twente).toContain('id="week-van-de-circulaire-economie-2027"');
    expect(twente).not.toContain('id="repair-en-refurbish-breda-2027-03"');
    const march = await (await app.request("/agenda?maand=2027-03")).text();
    expect(march).toContain("3 bijeenkomsten");
    const marchInBrabant = await (await app.request("/agenda?maand=2027-03&regio=PV30")).text();
    expect(marchInBrabant).toContain("3 bijeenkomsten");
    expect(marchInBrabant).toContain('href="/agenda.ics?regio=PV30&amp;maand=2027-03"');
    const circo = await (await app.request("/agenda?q=circo%20track")).text();
    expect(circo).toContain('id="circo-track-noord-holland-noord-2026-12"');
    expect(circo).toContain('id="circo-track-bouw-holland-rijnland-2027-06"');
    expect(circo).not.toContain('id="webinar-buyer-groups-circulair-inkopen-2026-12"');
    expect(circo).toContain('href="/agenda.ics?q=circo+track"');
    const webinars = (await json("/api/v1/events?q=Webinar&archive=1")).body;
    expect(webinars.total_items).toBeGreaterThan(0);
    expect(webinars.contents.every((event: { online: boolean }) => event.online)).toBe(true);
    const bad = await app.request("/agenda?maand=maart");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#maand"');
  });

  it("/agenda.ics is valid iCal with the same filters, examples marked in the summary", async () => {
    const response = await app.request("/agenda.ics?regio=ES04");
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents("vevent")
      .map((component) => new ICAL.Event(component));
    const listed = (await json("/api/v1/events?region=ES04&per_page=100")).body;
    expect(events).toHaveLength(listed.total_items);
    expect(events.every((event) => event.summary.startsWith("[Voorbeeld] "))).toBe(true);
    const webinar = events.find((event) =>
      event.uid.startsWith("webinar-buyer-groups-circulair-inkopen-2026-12@"),
    )!;
    expect(webinar.location).toBe("Online");
    expect(webinar.startDate.toJSDate().toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(webinar.description).toContain("Dit is een voorbeeld");
    expect(text).toContain("URL:https://circulair-loket.example/agenda#webinar");
    const english = await (await app.request("/agenda.ics?archief=1&lang=en")).text();
    expect(english).toContain("SUMMARY;LANGUAGE=en:[Example] ");
    expect((await app.request("/agenda.ics?regio=XX99")).status).toBe(400);
  });

  it("/sectoren lists 23 packages and links the roadmaps; a package page groups measures by horizon", async () => {
    const list = await (await app.request("/sectoren")).text();
    expect(new Set([...list.matchAll(/href="\/sectoren\/([a-z-]+)"/g)].map((m) => m[1])).size).toBe(23);
    expect(list).toContain('href="/routekaarten/routekaart-bouw"');
    const bouw = await (await app.request("/sectoren/bouw?lang=en")).text();
    expect(bouw).toContain("Short term (within 1 year)");
    expect(bouw).toContain("Long term (more than 3 years)");
    expect(bouw).toContain('id="bouw-1"');
    expect(bouw).toContain('href="/routekaarten/routekaart-bouw"');
    expect(bouw).toContain('href="/aanbod/');
    expect(bouw).toContain("/voorbeelden/hoogeboom-raalte-circulair-slopen");
    expect((await app.request("/sectoren/ruimtevaart")).status).toBe(404);
  });

  it("/routekaarten/{slug} shows goals and actions per horizon and scale, linked to measures", async () => {
    const list = await (await app.request("/routekaarten")).text();
    expect(new Set([...list.matchAll(/href="\/routekaarten\/([a-z-]+)"/g)].map((m) => m[1])).size).toBe(5);
    const html = await (await app.request("/routekaarten/routekaart-bouw")).text();
    expect(html).toContain("Doelen");
    expect(html).toContain("Landelijk:");
    expect(html).toContain("Provincie:");
    expect(html).toContain('href="/sectoren/bouw#bouw-1"');
  });

  it("the navigation offers examples, agenda and sectors", async () => {
    const html = await (await app.request("/sectoren")).text();
    expect(html).toContain('href="/voorbeelden">Voorbeelden<');
    expect(html).toContain('href="/agenda">Agenda<');
    expect(html).toMatch(/href="\/sectoren" aria-current="page">Sectoren</);
  });

  it("the API lists at least 20 examples and 6 measure packages in the HSDS envelope", async () => {
    const examples = await json("/api/v1/examples?per_page=5&page=2");
    expect(examples.status).toBe(200);
    expect(examples.body.total_items).toBe(25);
    expect(examples.body.total_pages).toBe(5);
    expect(examples.body.contents).toHaveLength(5);
    expect(examples.body.contents[0].sources.length).toBeGreaterThan(0);
    for (const source of examples.body.contents[0].sources) expect(source.lang).toMatch(/^[a-z]{2}$/);
    const packages = await json("/api/v1/measure_packages");
    expect(packages.body.total_items).toBe(23);
    expect(packages.body.contents[0].measures[0].horizon).toMatch(/^(kort|middellang|lang)$/);
    const textile = await json("/api/v1/measure_packages?sbi=14");
    expect(textile.body.contents.map((item: { id: string }) => item.id)).toEqual(["textiel"]);
    const roadmaps = await json("/api/v1/roadmaps");
    expect(roadmaps.body.total_items).toBe(5);
    expect(roadmaps.body.contents[0].sources[0].lang).toBe("nl");
    const events = await json("/api/v1/events?archive=1");
    expect(events.body.total_items).toBe(15);
    expect(events.body.contents.every((event: { is_example: boolean }) => event.is_example)).toBe(true);
    const one = await json("/api/v1/examples/mud-jeans-lease-a-jeans");
    expect(one.body.company).toBe("MUD Jeans");
  });

  it.each([
    ["/api/v1/examples?sector=ruimtevaart", "sector"],
    ["/api/v1/examples?strategy=R10", "strategy"],
    ["/api/v1/examples?region=ES99", "region"],
    ["/api/v1/events?month=2027-13", "month"],
    ["/api/v1/events?region=nergens", "region"],
    ["/api/v1/measure_packages?sbi=xyz", "sbi"],
  ])("%s answers 400 problem+json naming %s", async (path, parameter) => {
    const { status, type, body } = await json(path);
    expect(status).toBe(400);
    expect(type).toContain("application/problem+json");
    expect(body.invalid_params.map((param: { name: string }) => param.name)).toContain(parameter);
  });

  it("unknown slugs in the API answer 404", async () => {
    expect((await app.request("/api/v1/roadmaps/bestaat-niet")).status).toBe(404);
    expect((await app.request("/api/v1/measure_packages/bestaat-niet")).status).toBe(404);
  });
});
