import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { readDataJson } from "../../db/data-files.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { type CatalogueService, createCatalogueService } from "./catalogue.service.js";

type QualityCase = { q: string; lang: "nl" | "en"; expect: string[]; note: string };
const cases = readDataJson<QualityCase[]>("catalogue/search-quality.json");

describeEachDatabase("catalogue search quality (data/catalogue/search-quality.json)", (database) => {
  let service: CatalogueService;
  beforeAll(async () => {
    const db = database().db;
    service = createCatalogueService({ db, geography: await loadGeography(createRegionsRepository(db)) });
  });

  it("has all 72 cases", () => {
    expect(cases).toHaveLength(72);
  });

  it.each(cases.map((c) => [c.lang, c.q, c] as const))("[%s] %s", async (_lang, _q, qualityCase) => {
    const result = await service.search({ q: qualityCase.q, lang: qualityCase.lang, perPage: 10 });
    const top = result.items.map((item) => item.ref_id);
    for (const expected of qualityCase.expect)
      expect(top, `${qualityCase.note}; got ${top.join(", ")}`).toContain(expected);
  });
});
