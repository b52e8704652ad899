import { beforeAll, expect, it } from "vitest";
import { createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

type Coverage = { regions: { code: string; cells: Record<string, Record<string, number>> }[] };
type ServicePage = { total_pages: number; contents: { id: string }[] };

describeEachDatabase("coverage API agrees with the services API", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    // Many requests from one test: each comes as its own visitor, so the per-client abuse limit is not what is tested.
    app = await createTestApp(database(), { TRUST_PROXY: "1" });
  });

  it("for every region × journey step × phase cell", async () => {
    const coverage = (await (await app.request("/api/v1/monitoring/coverage")).json()) as Coverage;
    expect(coverage.regions).toHaveLength(30);
    const municipalities = (await (
      await app.request("/api/v1")
    ).ok)
      ? await regionMunicipalities()
      : new Map();
    let cells = 0;
    for (const region of coverage.regions) {
      // A cell counts what a company anywhere in the region can use: the services available in every municipality
      // (for a region in one province, any municipality of it gives the same answer).
      const sample = municipalities.get(region.code)!;
      for (const [step, phases] of Object.entries(region.cells)) {
        for (const [phase, count] of Object.entries(phases)) {
          let common: Set<string> | undefined;
          for (const municipality of sample) {
            const ids = await serviceIds(municipality, step, phase);
            common = common ? new Set([...common].filter((id) => ids.has(id))) : ids;
          }
          expect(common!.size, `${region.code} ${step} ${phase}`).toBe(count);
          cells++;
        }
      }
    }
    expect(cells).toBe(30 * 6 * 3);
  }, 600_000);

  /**
   * Two municipalities per province of each region: every municipality of a region shares its province's and
   * region's offer, and an instrument for one municipality only (Den Haag, Rotterdam) drops out of the intersection,
   * as it drops out of a coverage cell.
   */
  async function regionMunicipalities() {
    const { loadGeography, createRegionsRepository } = await import("../../src/modules/regions/index.js");
    const geography = await loadGeography(createRegionsRepository(database().db));
    return new Map(
      geography.regions.map((region) => [
        region.code,
        region.provinceCodes.flatMap((province) =>
          region.municipalityCodes
            .filter((code) => geography.municipality(code)!.provinceCode === province)
            .slice(0, 2),
        ),
      ]),
    );
  }

  let visitor = 0;
  async function serviceIds(municipality: string, step: string, phase: string) {
    const ids = new Set<string>();
    visitor++;
    for (let page = 1; ; page++) {
      const response = await app.request(
        `/api/v1/services?municipality=${municipality}&journey_step=${step}&phase=${phase}&status=open&per_page=100&page=${page}`,
        {
          headers: {
            "x-forwarded-for": `198.51.100.${visitor % 250}, 203.0.113.${Math.floor(visitor / 250)}`,
          },
        },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as ServicePage;
      for (const item of body.contents) ids.add(item.id);
      if (page >= body.total_pages) return ids;
    }
  }
});
