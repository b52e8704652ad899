import type { Geography } from "../regions/index.js";
import { cellInstruments, type RegionCoverage, regionCoverage } from "./coverage.js";
import type { JourneyStep, MonitoringSources, Phase, RegionGeo } from "./monitoring.types.js";
import { regionMapGeometry } from "./region-map.js";
import { type StarLevel, starLevel } from "./stars.js";

export type RegionOverview = RegionCoverage & { star: StarLevel; provinceCodes: string[] };

/** The geography in the monitor's plain shape. */
export function toRegionGeos(geography: Geography): RegionGeo[] {
  return geography.regions.map((region) => ({
    code: region.code,
    name: region.name,
    provinceCodes: region.provinceCodes,
    municipalities: region.municipalityCodes.map((code) => ({
      code,
      provinceCode: geography.municipality(code)!.provinceCode,
    })),
  }));
}

/** Reads the facts once per call and runs the pure aggregations over them. */
export function createMonitoringService(deps: {
  sources: MonitoringSources;
  geography: Geography;
  clock?: () => Date;
}) {
  const regions = toRegionGeos(deps.geography);
  const clock = deps.clock ?? (() => new Date());
  const regionOf = (gmCode: string) => deps.geography.municipality(gmCode)?.regionCode;
  // Built once at start: the geometry never changes while the process runs.
  const geometry = regionMapGeometry(regionOf);
  return {
    regions,
    /** The cached SVG paths of the 30 regions. */
    mapGeometry: () => geometry,
    /** The instruments as the sources give them. */
    instruments: () => deps.sources.instruments(),
    /** Coverage and star level of every region. */
    async overview(): Promise<RegionOverview[]> {
      const now = clock();
      const yearAgo = new Date(now.getTime() - 366 * 24 * 3600 * 1000);
      const [instruments, examples, events, hubs, referrals] = await Promise.all([
        deps.sources.instruments(),
        deps.sources.examples(),
        deps.sources.events(),
        deps.sources.hubs(),
        deps.sources.referrals({ from: yearAgo, to: now }),
      ]);
      return regions.map((region) => ({
        ...regionCoverage(instruments, region),
        provinceCodes: region.provinceCodes,
        star: starLevel({ region, instruments, examples, events, hubs, referrals, now }),
      }));
    },
    /** The instruments counted in one cell of one region. */
    async cell(regionCode: string, step: JourneyStep, phase: Phase) {
      const region = regions.find((candidate) => candidate.code === regionCode);
      if (!region) return undefined;
      return cellInstruments(await deps.sources.instruments(), region, step, phase);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
