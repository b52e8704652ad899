import {
  isAvailable,
  isOfferable,
  JOURNEY_STEPS,
  type JourneyStep,
  PHASES,
  type Phase,
} from "../vocabulary/index.js";
import type { CoverageInstrument, RegionGeo } from "./monitoring.types.js";

/** Whether the instrument's coverage includes a company in this municipality (status not considered). */
export function coversMunicipality(
  instrument: Pick<CoverageInstrument, "coverageLevel" | "coverageCodes">,
  municipality: { code: string; provinceCode: string; regionCode: string },
): boolean {
  switch (instrument.coverageLevel) {
    case "eu":
    case "national":
      return true;
    case "province":
      return instrument.coverageCodes.includes(municipality.provinceCode);
    case "res_region":
      return instrument.coverageCodes.includes(municipality.regionCode);
    case "municipality":
      return instrument.coverageCodes.includes(municipality.code);
    default:
      return false;
  }
}

/**
 * Where in a region an instrument can be used: "all" municipalities, "part" of them (a provincial instrument in a
 * region that straddles two provinces), or "none".
 */
export function regionReach(
  instrument: Pick<CoverageInstrument, "coverageLevel" | "coverageCodes">,
  region: RegionGeo,
): "all" | "part" | "none" {
  let covered = 0;
  for (const municipality of region.municipalities)
    if (coversMunicipality(instrument, { ...municipality, regionCode: region.code })) covered++;
  if (covered === 0) return "none";
  return covered === region.municipalities.length ? "all" : "part";
}

/** Whether an instrument counts in a coverage cell: available status, the step and phase, usable in the whole region. */
export function countsInCell(
  instrument: CoverageInstrument,
  region: RegionGeo,
  step: JourneyStep,
  phase: Phase,
): boolean {
  return (
    isAvailable(instrument.status) &&
    instrument.journeySteps.includes(step) &&
    instrument.phases.includes(phase) &&
    regionReach(instrument, region) === "all"
  );
}

export type CoverageCells = Record<JourneyStep, Record<Phase, number>>;
export type Overlap = { step: JourneyStep; phase: Phase; kind: string; refIds: string[] };
export type RegionCoverage = {
  code: string;
  name: string;
  cells: CoverageCells;
  gaps: { step: JourneyStep; phase: Phase }[];
  overlaps: Overlap[];
  /** Instruments that reach only part of the region; shown in drill-down, not counted. */
  partial: string[];
};

/** The coverage matrix of one region: counts per journey step × phase, its gaps (0) and overlaps (same kind ≥ 2). */
export function regionCoverage(instruments: CoverageInstrument[], region: RegionGeo): RegionCoverage {
  const available = instruments.filter((instrument) => isAvailable(instrument.status));
  const reach = new Map(available.map((instrument) => [instrument.refId, regionReach(instrument, region)]));
  const whole = available.filter((instrument) => reach.get(instrument.refId) === "all");
  const cells = {} as CoverageCells;
  const gaps: RegionCoverage["gaps"] = [];
  const overlaps: Overlap[] = [];
  for (const step of JOURNEY_STEPS) {
    cells[step] = {} as Record<Phase, number>;
    for (const phase of PHASES) {
      const inCell = whole.filter((i) => i.journeySteps.includes(step) && i.phases.includes(phase));
      cells[step][phase] = inCell.length;
      if (inCell.length === 0) gaps.push({ step, phase });
      const byKind = new Map<string, string[]>();
      for (const instrument of inCell)
        byKind.set(instrument.kind, [...(byKind.get(instrument.kind) ?? []), instrument.refId]);
      for (const [kind, refIds] of byKind)
        if (refIds.length > 1) overlaps.push({ step, phase, kind, refIds: refIds.sort() });
    }
  }
  return {
    code: region.code,
    name: region.name,
    cells,
    gaps,
    overlaps,
    partial: available
      .filter((instrument) => reach.get(instrument.refId) === "part")
      .map((instrument) => instrument.refId)
      .sort(),
  };
}

/** The instruments counted in one cell, for drill-down (sorted by name). */
export function cellInstruments(
  instruments: CoverageInstrument[],
  region: RegionGeo,
  step: JourneyStep,
  phase: Phase,
): CoverageInstrument[] {
  return instruments
    .filter((instrument) => countsInCell(instrument, region, step, phase))
    .sort((a, b) => a.name.nl.localeCompare(b.name.nl, "nl"));
}

/** Whether a value is one of the six journey steps. */
export const isJourneyStep = (value: string): value is JourneyStep =>
  (JOURNEY_STEPS as readonly string[]).includes(value);
/** Whether a value is one of the three phases. */
export const isPhase = (value: string): value is Phase => (PHASES as readonly string[]).includes(value);

/**
 * The provinces where a company finds no provincial or regional instrument it can use now or whose next round is
 * expected (status open, doorlopend or verwacht): nothing that covers the province itself, nor a RES region that lies
 * (partly) in it. National and municipal instruments do not count. Pure; in the order of `provinces`.
 */
export function provincesWithoutOwnInstrument<P extends { code: string }>(
  instruments: Pick<CoverageInstrument, "coverageLevel" | "coverageCodes" | "status">[],
  provinces: readonly P[],
  regions: readonly Pick<RegionGeo, "code" | "provinceCodes">[],
): P[] {
  const covered = new Set<string>();
  for (const instrument of instruments) {
    if (!isOfferable(instrument.status)) continue;
    if (instrument.coverageLevel === "province")
      for (const code of instrument.coverageCodes) covered.add(code);
    if (instrument.coverageLevel === "res_region")
      for (const region of regions)
        if (instrument.coverageCodes.includes(region.code))
          for (const code of region.provinceCodes) covered.add(code);
  }
  return provinces.filter((province) => !covered.has(province.code));
}
