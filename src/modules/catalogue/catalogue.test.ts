import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { exportCsv, exportJson } from "./catalogue.export.js";
import { importCatalogue, loadCuratedCatalogue, parseImportFile } from "./catalogue.import.js";
import { createCatalogueService } from "./catalogue.service.js";
import { type PastWindow, type Recurrence, type StatusInput, statusOn } from "./catalogue.status.js";

const curated = readDataJson<Record<string, unknown>[]>("catalogue/instruments.json");
const statusInputOfRecord = (record: Record<string, unknown>): StatusInput => {
  const money = record.money as { window_open: string | null; window_close: string | null };
  return {
    status: record.status as string,
    windowOpen: money.window_open,
    windowClose: money.window_close,
    recurrence: (record.recurrence as Recurrence | null) ?? null,
    pastWindows: (record.past_windows as PastWindow[]) ?? [],
  };
};
const TOKEN = "test-token-for-the-catalogue-import-0123456789";

describeEachDatabase("catalogue pages and API", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
  });

  it("/aanbod lists every curated instrument with facet counts", async () => {
    const response = await app.request("/aanbod");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`${curated.length} instrumenten gevonden`);
    // Facet counts come from the data: 10 subsidies in the curated set.
    const subsidies = curated.filter((i) => i.kind === "subsidy").length;
    expect(html).toMatch(
      new RegExp(`data-facet="kind:subsidy"[^>]*>[^(]*Subsidie <span class="cl-muted">\\(${subsidies}\\)`),
    );
  });

  it("a result card shows what you get, for whom, when and how to apply, the stale notice and the expected month as of the index's day", async () => {
    // On 15 June 2026 a listing checked on 1 June 2025 is stale, one checked on 19 February 2026 is not; the MIT
    // feasibility scheme (rounds in April 2021, 2022 and 2025) is expected in April 2027.
    const dated = await createTestApp(database(), {}, { clock: () => new Date("2026-06-15T10:00:00Z") });
    const lineOf = async (q: string, slug: string, lang = "nl") => {
      const html = await (await dated.request(`/aanbod?q=${encodeURIComponent(q)}&lang=${lang}`)).text();
      const line = html
        .split('<li class="cl-result">')
        .find((part) => part.includes(`href="/aanbod/${slug}"`));
      expect(line, `${slug} among the results for ${q}`).toBeDefined();
      return line!.split("</li>")[0]!;
    };
    const mit = await lineOf("MIT haalbaarheidsproject", "mit-haalbaarheidsproject");
    expect(mit).toContain("Gecontroleerd op 1 juni 2025 — controleer de actuele stand bij de aanbieder.");
    expect(mit).toContain("Opent naar verwachting in april 2027.");
    // The card (ADR 0088): the money fields, the audience in words and the first step of the application text.
    expect(mit).toMatch(/Subsidie: 40% van uw kosten, tot €\s20\.000\./);
    expect(mit).toContain(
      "Bedrijven met minder dan 10 mensen, 10 tot 50 mensen of 50 tot 250 mensen, in elke sector, in heel Nederland.",
    );
    expect(mit).toContain(
      "U dient de aanvraag in bij het loket van uw provincie of bij RVO, tijdens de openstelling.",
    );
    expect(mit).toContain('href="https://www.rvo.nl/subsidies-financiering/mit"');
    const mitEnglish = await lineOf("MIT haalbaarheidsproject", "mit-haalbaarheidsproject", "en");
    expect(mitEnglish).toContain("Checked on 1 June 2025 — check the current position with the provider.");
    expect(mitEnglish).toContain("Expected to open in April 2027.");
    const fresh = await lineOf("Week van de Circulaire Economie", "week-van-de-circulaire-economie");
    expect(fresh).not.toContain("Gecontroleerd op");
    expect(fresh).toContain("Laatst gecontroleerd op 19 februari 2026.");
  });

  it("search understands plurals, compounds and typos and keeps its state in the URL", async () => {
    const html = await (await app.request("/aanbod?q=ketensamenwerkingssubsidie")).text();
    expect(html).toContain('href="/aanbod/subsidie-circulaire-ketenprojecten"');
    expect(html).toContain('value="ketensamenwerkingssubsidie"');
    const typo = await (await app.request("/aanbod?q=kenisvoucher")).text();
    expect(typo).toContain('href="/aanbod/mit-kennisvoucher"');
    const filtered = await (
      await app.request("/aanbod?q=subsidie&thema=ketensamenwerking&sort=closing")
    ).text();
    // Facet links keep the query and the other filters, and the form keeps the chosen facet as a hidden field.
    expect(filtered).toContain('name="thema" value="ketensamenwerking"');
    expect(filtered).toMatch(
      /href="\/aanbod\?q=subsidie&amp;stap=[a-z_]+&amp;thema=ketensamenwerking&amp;sort=closing"/,
    );
  });

  it("a facet narrows the results and its count matches", async () => {
    const html = await (await app.request("/aanbod?status=doorlopend")).text();
    // The facet counts each instrument's status as of today (statusOn), not the status the file records.
    const today = new Date().toISOString().slice(0, 10);
    const ongoing = curated.filter(
      (i) => statusOn(statusInputOfRecord(i), today).status === "doorlopend",
    ).length;
    expect(html).toContain(`${ongoing} instrumenten gevonden`);
    expect(html).toContain("cl-facet__link--selected");
  });

  it("'available in my municipality' includes national and provincial instruments and excludes other provinces", async () => {
    const html = await (await app.request("/aanbod?gemeente=Enschede")).text();
    expect(html).toContain("Beschikbaar in Enschede.");
    const total = Number(/(\d+) instrumenten gevonden/.exec(html)?.[1]);
    // The list has 20 a page: look through every page for the provincial instrument and the other province's.
    const pages = [html];
    for (let page = 2; page <= Math.ceil(total / 20); page++)
      pages.push(await (await app.request(`/aanbod?gemeente=Enschede&pagina=${page}`)).text());
    expect(pages.some((page) => page.includes('href="/aanbod/overijssel-mkb-basisinfrastructuur"'))).toBe(
      true,
    );
    expect(pages.some((page) => page.includes('href="/aanbod/flevoland-voucher-circulaire-economie"'))).toBe(
      false,
    );
    const expected = curated.filter((i) => {
      const coverage = i.coverage as { level: string; codes: string[] };
      return (
        ["national", "eu"].includes(coverage.level) ||
        coverage.codes.some((code) => ["PV23", "ES04", "GM0153"].includes(code))
      );
    }).length;
    expect(total).toBe(expected);
  });

  it("an empty result says what to change; an unknown municipality is an error on the form", async () => {
    const empty = await (await app.request("/aanbod?q=xyzzyqwv&status=open")).text();
    expect(empty).toContain("Geen instrumenten gevonden");
    expect(empty).toContain("Controleer de spelling");
    expect(empty).toContain("Verwijder het filter Status: Open.");
    const unknown = await app.request("/aanbod?gemeente=Atlantis");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('href="#gemeente"');
  });

  it("/aanbod/{slug} shows what a user needs to decide and act, in Dutch and English", async () => {
    const html = await (await app.request("/aanbod/subsidie-circulaire-ketenprojecten")).text();
    for (const text of [
      "Wat is het?",
      "Voor wie?",
      "Wat krijgt u?",
      "Voorwaarden",
      "Status en termijn",
      "Zo vraagt u het aan",
      "Aanbieder",
      "Waar geldt het?",
      "Laatst gecontroleerd op 1 december 2024",
      "Vergelijkbaar aanbod",
      "€ 20.000",
    ])
      expect(html).toContain(text);
    const english = await (await app.request("/aanbod/subsidie-circulaire-ketenprojecten?lang=en")).text();
    expect(english).toContain("Circular Chain Projects subsidy");
    expect(english).toContain("How to apply");
  });

  it("the regions page's link by ref_id leads to the Versnellingshuis page; unknown slugs are 404", async () => {
    const redirect = await app.request("/aanbod/vh-maatwerkondersteuning");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/aanbod/versnellingshuis-maatwerkondersteuning");
    expect((await app.request("/aanbod/versnellingshuis-maatwerkondersteuning")).status).toBe(200);
    expect((await app.request("/aanbod/bestaat-niet")).status).toBe(404);
  });

  it("GET /api/v1/services answers in the HSDS list shape with filters and caching headers", async () => {
    const response = await app.request(
      "/api/v1/services?municipality=GM0153&theme=ketensamenwerking&per_page=5",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("set-cookie")).toBeNull();
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual([
      "contents",
      "empty",
      "first_page",
      "last_page",
      "page_number",
      "size",
      "total_items",
      "total_pages",
    ]);
    expect(body.size).toBeLessThanOrEqual(5);
    for (const service of body.contents) {
      expect(service.themes).toContain("ketensamenwerking");
      expect(["national", "eu", "province", "res_region", "municipality"]).toContain(service.coverage.level);
      if (service.coverage.level === "province") expect(service.coverage.codes).toContain("PV23");
    }
    const etag = response.headers.get("etag")!;
    const again = await app.request(
      "/api/v1/services?municipality=GM0153&theme=ketensamenwerking&per_page=5",
      { headers: { "if-none-match": etag } },
    );
    expect(again.status).toBe(304);
  });

  it.each([
    ["/api/v1/services?theme=onbekend", "theme"],
    ["/api/v1/services?status=open,dicht", "status"],
    ["/api/v1/services?municipality=Enschede", "municipality"],
    ["/api/v1/services?municipality=GM9999", "municipality"],
    ["/api/v1/services?per_page=101", "per_page"],
    [`/api/v1/services?q=${"a".repeat(201)}`, "q"],
    ["/api/v1/services/not%20an%20id", "id"],
    ["/api/v1/organizations/123", "id"],
    ["/api/v1/taxonomy_terms?taxonomy=kleur", "taxonomy"],
  ])("bad input %s answers 400 problem+json naming %s", async (path, parameter) => {
    const response = await app.request(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const body = await response.json();
    expect(body.invalid_params.map((p: { name: string }) => p.name)).toContain(parameter);
  });

  it("serves organizations, taxonomies, terms, the HSDS root with a profile page that exists, and the OpenAPI paths", async () => {
    const organizations = await (await app.request("/api/v1/organizations?per_page=1")).json();
    const one = await app.request(`/api/v1/organizations/${organizations.contents[0].id}`);
    expect((await one.json()).name).toBe(organizations.contents[0].name);
    expect((await (await app.request("/api/v1/taxonomies")).json()).total_items).toBe(8);
    const terms = await (await app.request("/api/v1/taxonomy_terms?taxonomy=journey_step")).json();
    expect(terms.contents.map((term: { code: string }) => term.code)).toContain("ketensamenwerking");
    // The profile URI is on the configured public origin (tests: http://localhost:3000), not the request's.
    const root = await (await app.request("http://localhost/api/v1")).json();
    expect(root.profile).toBe("http://localhost:3000/api/profile");
    const profile = await app.request("/api/profile");
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain("journey_steps");
    const openapi = await (await app.request("/api/openapi.json")).json();
    for (const path of [
      "/api/v1/services",
      "/api/v1/services/{id}",
      "/api/v1/organizations",
      "/api/v1/organizations/{id}",
      "/api/v1/taxonomies",
      "/api/v1/taxonomy_terms",
      "/api/v1/admin/import",
      "/api/v1/export/services.csv",
    ])
      expect(Object.keys(openapi.paths)).toContain(path);
  });

  it("the admin import does not exist without CATALOGUE_ADMIN_TOKEN", async () => {
    const response = await app.request("/api/v1/admin/import", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[]",
    });
    expect(response.status).toBe(404);
  });

  it("lists instruments for matching and looks them up for links", async () => {
    const db = database().db;
    const service = createCatalogueService({
      db,
      geography: await loadGeography(createRegionsRepository(db)),
    });
    const matchable = await service.listForMatching();
    expect(matchable).toHaveLength(curated.length);
    const chain = matchable.find((i) => i.refId === "rvo-circulaire-ketenprojecten")!;
    expect(chain.providerName).toBe("Rijksdienst voor Ondernemend Nederland");
    expect(chain.coverage).toEqual({ level: "national", codes: ["NL"] });
    // Demand for a subsidy is reach, not evidence that it works (ADR 0079); an evaluation's outcome is.
    expect(chain.hasEvidence).toBe(false);
    expect(matchable.find((i) => i.refId === "circo-track")!.hasEvidence).toBe(true);
    expect(await service.lookup("vh-maatwerkondersteuning")).toMatchObject({
      slug: "versnellingshuis-maatwerkondersteuning",
    });
  });
});

/**
 * Each test gets a fresh copy of the template (ADR 0090): the tests count the whole catalogue, and one of them adds
 * an instrument that loading the curated data again leaves in place.
 */
describeEachDatabase(
  "catalogue import and export",
  (database) => {
    const count = async (where = "true") =>
      Number(
        (
          await queryRows<{ n: number }>(
            database().db,
            sql.raw(`select count(*)::int as n from catalogue_instruments where ${where}`),
          )
        )[0]!.n,
      );
    const service = async () => {
      const db = database().db;
      return createCatalogueService({ db, geography: await loadGeography(createRegionsRepository(db)) });
    };

    it("loading the curated catalogue again changes nothing", async () => {
      expect(await loadCuratedCatalogue(database().db)).toBe(0);
      expect(await count()).toBe(curated.length);
    });

    it("re-importing the CSV export changes 0 rows and reports them unchanged", async () => {
      const csv = await exportCsv(await service());
      const report = await importCatalogue(database().db, parseImportFile(csv, "csv"));
      expect(report, JSON.stringify(report)).toMatchObject({
        ok: true,
        instruments: { created: 0, updated: 0, unchanged: curated.length },
      });
      const json = await exportJson(await service());
      const again = await importCatalogue(database().db, parseImportFile(JSON.stringify(json), "json"));
      expect(again).toMatchObject({
        ok: true,
        organizations: { created: 0, updated: 0, unchanged: json.organizations.length },
        instruments: { created: 0, updated: 0, unchanged: curated.length },
      });
    });

    it("is all-or-nothing: one bad row stops the whole file, with row-level errors", async () => {
      const json = await exportJson(await service());
      const fresh = { ...json.instruments[0]!, ref_id: "nieuw-instrument", slug: "nieuw-instrument" };
      const changed = { ...json.instruments[1]!, name: { nl: "Gewijzigde naam", en: "Changed name" } };
      const broken = {
        ...json.instruments[2]!,
        status: "misschien",
        money: { ...json.instruments[2]!.money, percentage: 140 },
      };
      const report = await importCatalogue(database().db, {
        organizations: [],
        instruments: [fresh, changed, broken],
      });
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, ref_id: json.instruments[2]!.ref_id, field: "status" }),
          expect.objectContaining({ row: 3, field: "money.percentage" }),
        ]),
      );
      expect(await count("ref_id = 'nieuw-instrument'")).toBe(0);
      expect(await count("name->>'nl' = 'Gewijzigde naam'")).toBe(0);
    });

    it("reports unknown providers, area codes, duplicate ref_ids and taken slugs", async () => {
      const json = await exportJson(await service());
      const base = json.instruments[0]!;
      const report = await importCatalogue(database().db, {
        organizations: [],
        instruments: [
          { ...base, ref_id: "a-1", slug: "a-1", provider_id: "bestaat-niet" },
          { ...base, ref_id: "a-2", slug: "a-2", coverage: { level: "province", codes: ["PV99"] } },
          { ...base, ref_id: "a-3", slug: json.instruments[5]!.slug },
          { ...base, ref_id: "a-4", slug: "a-4" },
          { ...base, ref_id: "a-4", slug: "a-5" },
        ],
      });
      const fields = report.errors.map((error) => `${error.row}:${error.field}`);
      expect(report.ok).toBe(false);
      expect(fields, fields.join()).toEqual(
        expect.arrayContaining(["1:provider_id", "2:coverage.codes", "3:slug", "5:ref_id"]),
      );
      expect(await count("ref_id like 'a-%'")).toBe(0);
    });

    it("creates and updates by ref_id and counts each", async () => {
      const json = await exportJson(await service());
      const fresh = { ...json.instruments[0]!, ref_id: "nieuw-instrument", slug: "nieuw-instrument" };
      const changed = { ...json.instruments[1]!, status: "historisch" as const };
      const report = await importCatalogue(database().db, {
        organizations: [],
        instruments: [fresh, changed, json.instruments[2]!],
      });
      expect(report).toMatchObject({ ok: true, instruments: { created: 1, updated: 1, unchanged: 1 } });
      expect(await count()).toBe(curated.length + 1);
      // The curated data puts the changed instrument back: idempotent towards the file, not towards the last import.
      await loadCuratedCatalogue(database().db);
      expect(
        await count(
          `ref_id = '${json.instruments[1]!.ref_id}' and status = '${json.instruments[1]!.status}'`,
        ),
      ).toBe(1);
    });

    describe("POST /api/v1/admin/import", () => {
      let app: Awaited<ReturnType<typeof createTestApp>>;
      beforeEach(async () => {
        app = await createTestApp(database(), { CATALOGUE_ADMIN_TOKEN: TOKEN });
      });
      const post = (body: string, type: string, token = TOKEN) =>
        app.request("/api/v1/admin/import", {
          method: "POST",
          headers: { "content-type": type, authorization: `Bearer ${token}` },
          body,
        });

      it("refuses a wrong token with 401", async () => {
        const response = await post("[]", "application/json", "wrong-token");
        expect(response.status).toBe(401);
        expect(response.headers.get("content-type")).toContain("application/problem+json");
      });

      it("imports CSV idempotently and answers 400 with row errors for a bad file", async () => {
        const csv = await (await app.request("/api/v1/export/services.csv")).text();
        const response = await post(csv, "text/csv");
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ ok: true, instruments: { created: 0, updated: 0 } });
        const lines = csv.split("\n");
        const line = lines.findIndex((text) => text.includes(",subsidy,"));
        lines[line] = lines[line]!.replace(",subsidy,", ",subsidie,");
        const bad = await post(lines.join("\n"), "text/csv");
        expect(bad.status).toBe(400);
        const problem = await bad.json();
        // Row numbers are CSV line numbers, so the header is line 1.
        expect(problem.invalid_params[0].name).toMatch(
          new RegExp(`^instruments\\[row ${line + 1} .+\\]\\.kind$`),
        );
      });
    });
  },
  { databasePerTest: true },
);
