import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { readDataCsv } from "../../db/data-files.js";
import { isAvailable, JOURNEY_STEPS, PHASES } from "../vocabulary/index.js";
import { cellInstruments, provincesWithoutOwnInstrument, regionCoverage, regionReach } from "./coverage.js";
import { readCuratedInstruments } from "./monitoring.sources.js";
import type { CoverageInstrument, RegionGeo } from "./monitoring.types.js";

const instrument = (overrides: Partial<CoverageInstrument>): CoverageInstrument => ({
  id: "x",
  refId: "x",
  slug: "x",
  name: { nl: "X", en: "X" },
  kind: "advice",
  journeySteps: ["informeren"],
  phases: ["starter"],
  coverageLevel: "national",
  coverageCodes: ["NL"],
  status: "doorlopend",
  ...overrides,
});
const twoProvinces: RegionGeo = {
  code: "ES09",
  name: "Foodvalley",
  provinceCodes: ["PV25", "PV26"],
  municipalities: [
    { code: "GM0203", provinceCode: "PV25" },
    { code: "GM0345", provinceCode: "PV26" },
  ],
};

describe("coverage rules", () => {
  it("names the provinces without a usable or expected provincial or regional instrument", () => {
    const provinces = [
      { code: "PV25", name: "Gelderland" },
      { code: "PV26", name: "Utrecht" },
      { code: "PV29", name: "Zeeland" },
      { code: "PV30", name: "Noord-Brabant" },
    ];
    const regions = [twoProvinces, { code: "ES26", provinceCodes: ["PV30"] }];
    const gaps = (instruments: CoverageInstrument[]) =>
      provincesWithoutOwnInstrument(instruments, provinces, regions).map((province) => province.name);
    // National instruments never fill a provincial gap.
    expect(gaps([instrument({})])).toEqual(["Gelderland", "Utrecht", "Zeeland", "Noord-Brabant"]);
    // A regional instrument in a region across two provinces counts for both; a verwacht round counts too.
    expect(
      gaps([instrument({ coverageLevel: "res_region", coverageCodes: ["ES09"], status: "verwacht" })]),
    ).toEqual(["Zeeland", "Noord-Brabant"]);
    // A closed or historic provincial scheme leaves the gap; an open one fills it.
    expect(
      gaps([
        instrument({ coverageLevel: "province", coverageCodes: ["PV29"], status: "gesloten" }),
        instrument({ coverageLevel: "province", coverageCodes: ["PV30"], status: "historisch" }),
        instrument({ coverageLevel: "province", coverageCodes: ["PV25", "PV26"], status: "open" }),
      ]),
    ).toEqual(["Zeeland", "Noord-Brabant"]);
    expect(
      gaps([
        instrument({ coverageLevel: "province", coverageCodes: ["PV25", "PV26", "PV29"] }),
        instrument({ coverageLevel: "res_region", coverageCodes: ["ES26"] }),
      ]),
    ).toEqual([]);
  });

  it("counts open and doorlopend as available, nothing else", () => {
    expect(["open", "doorlopend"].map(isAvailable)).toEqual([true, true]);
    expect(["gesloten", "historisch", "verwacht", "aangekondigd", ""].some(isAvailable)).toBe(false);
  });

  it("an instrument of one province reaches only part of a region that straddles two", () => {
    expect(
      regionReach(instrument({ coverageLevel: "province", coverageCodes: ["PV25"] }), twoProvinces),
    ).toBe("part");
    expect(
      regionReach(instrument({ coverageLevel: "province", coverageCodes: ["PV25", "PV26"] }), twoProvinces),
    ).toBe("all");
    expect(
      regionReach(instrument({ coverageLevel: "res_region", coverageCodes: ["ES09"] }), twoProvinces),
    ).toBe("all");
    expect(
      regionReach(instrument({ coverageLevel: "municipality", coverageCodes: ["GM0203"] }), twoProvinces),
    ).toBe("part");
    expect(regionReach(instrument({ coverageLevel: "eu", coverageCodes: [] }), twoProvinces)).toBe("all");
    expect(
      regionReach(instrument({ coverageLevel: "res_region", coverageCodes: ["ES04"] }), twoProvinces),
    ).toBe("none");
  });

  it("marks gaps, lists overlaps of the same kind and keeps partial instruments out of the count", () => {
    const coverage = regionCoverage(
      [
        instrument({ refId: "a", kind: "voucher" }),
        instrument({ refId: "b", kind: "voucher" }),
        instrument({ refId: "c", kind: "advice", phases: ["starter", "peloton"] }),
        instrument({ refId: "d", status: "gesloten" }),
        instrument({ refId: "e", coverageLevel: "province", coverageCodes: ["PV26"] }),
      ],
      twoProvinces,
    );
    expect(coverage.cells.informeren.starter).toBe(3);
    expect(coverage.cells.informeren.peloton).toBe(1);
    expect(coverage.cells.informeren.koploper).toBe(0);
    expect(coverage.gaps).toContainEqual({ step: "informeren", phase: "koploper" });
    expect(coverage.gaps).toHaveLength(6 * 3 - 2);
    expect(coverage.overlaps).toEqual([
      { step: "informeren", phase: "starter", kind: "voucher", refIds: ["a", "b"] },
    ]);
    expect(coverage.partial).toEqual(["e"]);
  });
});

/**
 * An independent, straightforward count straight from the data files: for every municipality of the region, is the
 * instrument open and usable there? The monitor must agree with it in every cell.
 */
function independentCount(regionCode: string, step: string, phase: string): number {
  const raw = JSON.parse(readFileSync("data/catalogue/instruments.json", "utf8")) as {
    journey_steps: string[];
    phases: string[];
    status: string;
    coverage: { level: string; codes: string[] };
  }[];
  const members = readDataCsv("reference/res_region_members.csv").filter(
    (row) => row.res_code === regionCode,
  );
  let count = 0;
  for (const item of raw) {
    if (item.status !== "open" && item.status !== "doorlopend") continue;
    if (!item.journey_steps.includes(step) || !item.phases.includes(phase)) continue;
    const usableEverywhere = members.every((member) => {
      const { level, codes } = item.coverage;
      if (level === "national" || level === "eu") return true;
      if (level === "province") return codes.includes(member.pv_code!);
      if (level === "res_region") return codes.includes(member.res_code!);
      if (level === "municipality") return codes.includes(member.gm_code!);
      return false;
    });
    if (usableEverywhere) count++;
  }
  return count;
}

describeEachDatabase("monitoring coverage API", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
  });

  it("names, in both languages, the provinces the catalogue leaves without a provincial or regional scheme", async () => {
    const nl = await (await app.request("/monitor/dekking")).text();
    const sentence = /In ([^<]*?) is er nu geen provinciale of regionale regeling/.exec(nl);
    expect(sentence?.[1]).toBe("Noord-Brabant en Zeeland");
    const en = await (await app.request("/monitor/dekking?lang=en")).text();
    expect(en).toContain("In Noord-Brabant and Zeeland there is currently no provincial or regional scheme");
    // The region pages of those provinces say it too; a region elsewhere does not.
    expect(await (await app.request("/regio/ES24")).text()).toContain(
      "Let op: in Zeeland is er nu geen provinciale of regionale regeling",
    );
    expect(await (await app.request("/regio/ES26?lang=en")).text()).toContain(
      "Please note: in Noord-Brabant there is currently no provincial or regional scheme",
    );
    expect(await (await app.request("/regio/ES04")).text()).not.toContain("Let op: in ");
  });

  it("returns all 30 regions and agrees with an independent count in every cell", async () => {
    const response = await app.request("/api/v1/monitoring/coverage");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      regions: { code: string; name: string; stars: number; cells: Record<string, Record<string, number>> }[];
    };
    expect(body.regions).toHaveLength(30);
    let cells = 0;
    let nonZero = 0;
    for (const region of body.regions) {
      expect(region.stars).toBeGreaterThanOrEqual(0);
      for (const step of JOURNEY_STEPS)
        for (const phase of PHASES) {
          expect(region.cells[step]![phase], `${region.code} ${step} ${phase}`).toBe(
            independentCount(region.code, step, phase),
          );
          cells++;
          if (region.cells[step]![phase]! > 0) nonZero++;
        }
    }
    expect(cells).toBe(30 * 18);
    // The curated catalogue has national instruments in most cells, so most cells are filled.
    expect(nonZero).toBeGreaterThan(cells / 2);
    const twente = body.regions.find((region) => region.code === "ES04")!;
    // Overijssel's MKB basic infrastructure covers all six steps and phases, on top of the national offer.
    expect(twente.cells.invoering!.starter).toBe(independentCount("ES04", "invoering", "starter"));
    expect(twente.cells.invoering!.starter).toBeGreaterThanOrEqual(1);
  });

  it("drills down to the instruments of a cell and rejects a bad parameter with problem+json", async () => {
    const drill = (await (
      await app.request("/api/v1/monitoring/coverage/ES04?journey_step=invoering&phase=starter")
    ).json()) as { count: number; instruments: { ref_id: string }[] };
    expect(drill.instruments.map((i) => i.ref_id)).toContain("overijssel-mkb-basisinfrastructuur");
    expect(drill.count).toBe(independentCount("ES04", "invoering", "starter"));
    const bad = await app.request("/api/v1/monitoring/coverage/ES04?journey_step=dromen&phase=starter");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(await bad.text()).toContain("journey_step");
  });

  it("the curated adapter maps every curated instrument", () => {
    const all = readCuratedInstruments();
    expect(all).toHaveLength(JSON.parse(readFileSync("data/catalogue/instruments.json", "utf8")).length);
    const twente = {
      code: "ES04",
      name: "Twente",
      provinceCodes: ["PV23"],
      municipalities: [{ code: "GM0153", provinceCode: "PV23" }],
    };
    expect(cellInstruments(all, twente, "informeren", "starter").every((i) => isAvailable(i.status))).toBe(
      true,
    );
  });
});
