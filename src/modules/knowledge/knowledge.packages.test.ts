import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import {
  type CuratedKnowledge,
  danglingLinks,
  loadKnowledgeContent,
  readCuratedKnowledge,
} from "./knowledge.loader.js";
import { matchPackage } from "./knowledge.service.js";

/**
 * The 25 plain sector choices of the home form and the package each should get (issue 17: a package for every
 * choice). Written out by hand as the oracle, not derived from the packages' own sector_choices.
 */
const EXPECTED_PACKAGE: Record<string, string> = {
  M: "kantoor-en-zakelijke-diensten",
  F: "bouw",
  "47": "detailhandel",
  "56": "voedsel-en-horeca",
  Q: "zorg",
  J: "ict-en-media",
  "46": "groothandel",
  A: "landbouw",
  H: "transport-en-logistiek",
  S: "persoonlijke-diensten",
  N: "schoonmaak-en-facilitair",
  R: "cultuur-sport-en-evenementen",
  "45": "garage-en-autobedrijf",
  "25": "metaal-en-maakindustrie",
  C: "metaal-en-maakindustrie",
  "10": "voedingsmiddelen",
  "55": "verblijfsrecreatie",
  P: "onderwijs",
  L: "vastgoed",
  "31": "meubel-en-interieur",
  "14": "textiel",
  "22": "kunststof",
  E: "afval-recycling-water",
  K: "kantoor-en-zakelijke-diensten",
  "13": "textiel",
};
const sectorChoices = readDataJson<{ code: string }[]>("route/sector-names.json").map(
  (choice) => choice.code,
);

/** A deep copy of the curated content to spoil in one place. */
const spoiled = (change: (content: CuratedKnowledge) => void): CuratedKnowledge => {
  const copy = structuredClone(readCuratedKnowledge());
  change(copy);
  return copy;
};

describe("the measure packages (data/knowledge/measure-packages.json)", () => {
  const content = readCuratedKnowledge();
  const packages = content.packages.map((item) => ({
    slug: item.slug,
    sbiSections: item.sbi_sections,
    sbiDivisions: item.sbi_divisions,
    sectorChoices: item.sector_choices,
  }));

  it("cover every one of the 25 sector choices of the home form, through the choice itself", () => {
    expect(sectorChoices).toHaveLength(25);
    expect(Object.keys(EXPECTED_PACKAGE).sort()).toEqual([...sectorChoices].sort());
    for (const code of sectorChoices)
      expect(matchPackage(packages, code)?.slug, code).toBe(EXPECTED_PACKAGE[code]);
    // Each choice is named by exactly one package, so the match does not depend on the packages' order.
    const named = content.packages.flatMap((item) => item.sector_choices);
    expect(named.sort()).toEqual([...sectorChoices].sort());
  });

  it("are at least 15, with 6 to 10 measures each, and every measure has a cost and benefit with a source", () => {
    expect(content.packages).toHaveLength(23);
    for (const item of content.packages) {
      expect(item.measures.length, item.slug).toBeGreaterThanOrEqual(6);
      expect(item.measures.length, item.slug).toBeLessThanOrEqual(10);
    }
    const measures = content.packages.flatMap((item) => item.measures);
    expect(measures).toHaveLength(174);
    for (const measure of measures) {
      for (const source of [measure.cost.source, measure.benefit.source]) {
        expect(source.url, measure.code).toMatch(/^https?:\/\//);
        expect(source.quote.split(/\s+/).length, measure.code).toBeLessThanOrEqual(31);
      }
    }
    // Most cost levels are our estimate: public pages rarely say what a measure costs a small business.
    expect(measures.filter((measure) => measure.cost.level_basis === "estimate")).toHaveLength(99);
  });

  it("address the reader with u, as do the roadmaps and practice examples", () => {
    const informal = /\b(je|jij|jou|jouw|jullie|jezelf)\b/i;
    const dutch: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object")
        for (const [key, inner] of Object.entries(value)) {
          if (key === "nl" && typeof inner === "string") dutch.push(inner);
          // A quote is the source's own words, in the source's own form of address.
          else if (key !== "quote") collect(inner);
        }
    };
    collect([content.packages, content.roadmaps, content.examples]);
    expect(dutch.length).toBeGreaterThan(800);
    expect(dutch.filter((text) => informal.test(text))).toEqual([]);
  });

  it("hold no link to nothing", () => {
    expect(danglingLinks(content)).toEqual([]);
  });

  it("danglingLinks names an unknown measure, instrument or package and a sector choice claimed twice", () => {
    const problems = danglingLinks(
      spoiled((copy) => {
        copy.roadmaps[0]!.horizons[0]!.actions[0]!.measure_codes.push("bouw-99");
        copy.roadmaps[0]!.horizons[0]!.actions[0]!.instrument_ref_ids.push("bestaat-niet");
        copy.packages[0]!.measures[0]!.instrument_ref_ids.push("ook-niet");
        copy.packages[1]!.sector_choices.push("F");
        copy.examples[0]!.sector_package = "ruimtevaart";
      }),
    );
    expect(problems).toEqual([
      "bouw/bouw-1: unknown instrument ook-niet",
      "metaal-en-maakindustrie: sector choice F is already bouw's",
      "routekaart-bouw: unknown measure bouw-99",
      "routekaart-bouw: unknown instrument bestaat-niet",
      expect.stringMatching(/: unknown measure package ruimtevaart$/),
    ]);
  });
});

describeEachDatabase("measure packages on the pages, the route and the API", (database) => {
  let app: Awaited<ReturnType<typeof createApp>>;

  beforeAll(async () => {
    await loadKnowledgeContent(database().db);
    app = await createApp({
      env: loadEnv({ NODE_ENV: "test", DEMO: "0", PUBLIC_BASE_URL: "https://circulair-loket.example" }),
      database: database(),
      logger: silentLogger,
    });
  });

  const html = async (path: string) => {
    const response = await app.request(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  /** The part of a page inside the element with this id, up to the next card. */
  const card = (page: string, id: string) => {
    const start = page.indexOf(`id="${id}"`);
    expect(start, `an element with id ${id}`).toBeGreaterThan(-1);
    const end = page.indexOf('<li class="cl-card"', start);
    return page.slice(start, end === -1 ? undefined : end);
  };

  it("the loader refuses a dangling measure code or instrument and writes nothing", async () => {
    const measures = async () =>
      (
        await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from knowledge_measures`)
      )[0]!.n;
    for (const content of [
      spoiled((copy) => copy.roadmaps[0]!.horizons[0]!.actions[0]!.measure_codes.push("bouw-99")),
      spoiled((copy) => {
        copy.packages[0]!.measures[0]!.instrument_ref_ids = ["bestaat-niet"];
      }),
    ])
      await expect(loadKnowledgeContent(database().db, { content })).rejects.toThrow(/bouw-99|bestaat-niet/);
    expect(await measures()).toBe(174);
    expect(await loadKnowledgeContent(database().db)).toBe(0);
  });

  it.each(sectorChoices)("the route for sector choice %s shows its measure package", async (code) => {
    const page = await html(`/route?gemeente=GM0153&sector=${code}`);
    const panel = page.slice(page.indexOf('id="maatregelpakket"'));
    expect(page).toContain('id="maatregelpakket"');
    expect(panel).toContain(`href="/sectoren/${EXPECTED_PACKAGE[code]}"`);
  });

  it("a measure shows its R-strategy, time frame, indicative cost and benefit, source and instruments", async () => {
    const dutch = card(await html("/sectoren/metaal-en-maakindustrie"), "metaal-1");
    expect(dutch).toContain("<dt>Strategie</dt><dd>R2 Verminderen</dd>");
    expect(dutch).toContain("<dt>Termijn</dt><dd>Korte termijn (binnen 1 jaar)</dd>");
    expect(dutch).toMatch(/<dt>Kosten<\/dt><dd>Laag<\/dd>/);
    expect(dutch).toContain("Slim nesten kan het materiaalafval met tot 30% verminderen.");
    expect(dutch).toContain("<dt>Bronnen</dt>");
    // English titles on the Dutch page carry their language (WCAG 3.1.2), as SourceList does for examples.
    expect(dutch).toMatch(
      /Opbrengst: <a [^>]*href="http:\/\/onlinelaser\.com\.au\/FAQRetrieve\.aspx\?ID=35210"[^>]* lang="en" hreflang="en">What Does Nesting Mean\?<\/a>/,
    );
    expect(dutch).toMatch(/<dt>Ondersteuning<\/dt><dd>.*href="\/aanbod\//s);
    const english = card(await html("/sectoren/metaal-en-maakindustrie?lang=en"), "metaal-1");
    expect(english).toContain("Short term (within 1 year)");
    expect(english).toContain("Smart nesting can cut material waste by up to 30%.");
    expect(english).not.toMatch(/hreflang="en"/);

    // One source for cost and benefit is listed once, with its date; a level we judged ourselves says so.
    const bakery = card(await html("/sectoren/voedingsmiddelen"), "voeding-3");
    expect(bakery).toContain("<dt>Kosten</dt><dd>Laag (onze inschatting)</dd>");
    expect(bakery).toContain("<dt>Bron</dt>");
    expect(bakery).toMatch(
      /Kosten en opbrengst: <a [^>]*>Nieuw concept voor Eindhoven[^<]*<\/a> \(maart 2020\)/,
    );
    // A German title is marked on the Dutch and the English page.
    for (const path of ["/sectoren/persoonlijke-diensten", "/sectoren/persoonlijke-diensten?lang=en"])
      expect(card(await html(path), "pd-4")).toMatch(
        /href="https:\/\/salonmag\.ch\/2020\/02\/"[^>]* lang="de" hreflang="de"/,
      );
  });

  it("/sectoren lists every package and a package page shows its practice examples", async () => {
    const list = await html("/sectoren");
    const linked = new Set([...list.matchAll(/href="\/sectoren\/([a-z-]+)"/g)].map((match) => match[1]));
    expect([...linked].sort()).toEqual(
      [...new Set(Object.values(EXPECTED_PACKAGE)), "elektronica-en-reparatie"].sort(),
    );
    // The examples moved with the packages they belong to.
    expect(await html("/sectoren/voedingsmiddelen")).toContain(
      'href="/voorbeelden/bakkerij-houben-bierbostel"',
    );
    expect(await html("/sectoren/landbouw")).toContain('href="/voorbeelden/kipster-voer-uit-reststromen"');
    expect(await html("/sectoren/verblijfsrecreatie")).toContain(
      'href="/voorbeelden/camping-kreekebos-circulair-vakantiehuisje"',
    );
  });

  it("/api/v1/measure_packages carries sector choices and each measure's sources; ?sbi= matches a sector choice", async () => {
    const json = async (path: string) => (await app.request(path)).json();
    const all = await json("/api/v1/measure_packages?per_page=50");
    expect(all.total_items).toBe(23);
    const bouw = all.contents.find((item: { id: string }) => item.id === "bouw");
    expect(bouw.sector_choices).toEqual(["F"]);
    expect(bouw.measures[0]).toMatchObject({
      id: "bouw-1",
      cost: "laag",
      cost_basis: "estimate",
      cost_indication: null,
      cost_source: {
        url: "https://www.sbrcurnet.nl/producten/infobladen/afvalscheiding-op-de-bouwplaats-algemeen",
        lang: "nl",
        date: null,
        quote: expect.stringContaining("heldere afvalregistratie"),
      },
      benefit_source: { url: expect.stringMatching(/^https:/) },
    });
    for (const [code, slug] of [
      ["C", "metaal-en-maakindustrie"],
      ["10", "voedingsmiddelen"],
      ["K", "kantoor-en-zakelijke-diensten"],
      ["95", "elektronica-en-reparatie"],
    ])
      expect(
        (await json(`/api/v1/measure_packages?sbi=${code}`)).contents.map((item: { id: string }) => item.id),
      ).toEqual([slug]);
    const document = await json("/api/openapi.json");
    expect(Object.keys(document.components.schemas.Measure.properties)).toEqual(
      expect.arrayContaining([
        "cost_basis",
        "cost_indication",
        "cost_source",
        "benefit_indication",
        "benefit_source",
      ]),
    );
    expect(document.components.schemas.MeasurePackage.properties).toHaveProperty("sector_choices");
    expect(document.components.schemas.QuotedSource.required).toEqual(
      expect.arrayContaining(["url", "lang", "date", "quote"]),
    );
  });
});
