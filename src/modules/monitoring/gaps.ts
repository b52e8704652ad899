import { isAvailable, JOURNEY_STEPS, type JourneyStep } from "../vocabulary/index.js";
import { regionReach } from "./coverage.js";
import type { DemandCount } from "./demand.js";
import type { CoverageInstrument, RegionGeo } from "./monitoring.types.js";

/**
 * A cell of the gap view (ADR 0094): a region × journey step, over all sectors (sector '') or for one SBI section.
 * `demand`: how often companies asked there and found nothing usable; `supply`: the usable instruments (open or
 * doorlopend, for that step, in the whole region, meant for that sector or for every sector).
 */
export type GapCell = {
  regionCode: string;
  regionName: string;
  step: JourneyStep;
  sector: string;
  demand: number;
  supply: number;
};

/** Several instruments of one kind serve the same region × step. */
export type StepOverlap = { regionCode: string; step: JourneyStep; kind: string; refIds: string[] };

export type GapView = {
  /** Cells where companies asked, most demand first: a gap has supply 0. */
  cells: GapCell[];
  overlaps: StepOverlap[];
};

/** Whether the instrument is usable in a cell's sector: meant for it, or for every sector. */
const servesSector = (instrument: CoverageInstrument, sector: string) =>
  sector === "" || !instrument.sbiSections?.length || instrument.sbiSections.includes(sector);

/**
 * Joins supply and demand: for every cell with demand (per sector and over all sectors) the usable supply, and per
 * region × step the kinds served by more than one instrument. Pure.
 */
export function gapView(
  instruments: readonly CoverageInstrument[],
  regions: readonly RegionGeo[],
  demand: readonly DemandCount[],
): GapView {
  const available = instruments.filter((instrument) => isAvailable(instrument.status));
  const cells: GapCell[] = [];
  const overlaps: StepOverlap[] = [];
  for (const region of regions) {
    const whole = available.filter((instrument) => regionReach(instrument, region) === "all");
    const own = demand.filter((row) => row.regionCode === region.code);
    for (const step of JOURNEY_STEPS) {
      const atStep = whole.filter((instrument) => instrument.journeySteps.includes(step));
      const byKind = new Map<string, string[]>();
      for (const instrument of atStep)
        byKind.set(instrument.kind, [...(byKind.get(instrument.kind) ?? []), instrument.refId]);
      for (const [kind, refIds] of byKind)
        if (refIds.length > 1) overlaps.push({ regionCode: region.code, step, kind, refIds: refIds.sort() });
      const asked = own.filter((row) => row.step === step);
      if (!asked.length) continue;
      const cell = (sector: string, count: number): GapCell => ({
        regionCode: region.code,
        regionName: region.name,
        step,
        sector,
        demand: count,
        supply: atStep.filter((instrument) => servesSector(instrument, sector)).length,
      });
      cells.push(
        cell(
          "",
          asked.reduce((sum, row) => sum + row.count, 0),
        ),
      );
      const bySector = new Map<string, number>();
      for (const row of asked)
        if (row.sector) bySector.set(row.sector, (bySector.get(row.sector) ?? 0) + row.count);
      for (const [sector, count] of [...bySector].sort(([a], [b]) => a.localeCompare(b)))
        cells.push(cell(sector, count));
    }
  }
  cells.sort(
    (a, b) =>
      Number(a.supply > 0) - Number(b.supply > 0) ||
      b.demand - a.demand ||
      a.regionCode.localeCompare(b.regionCode) ||
      JOURNEY_STEPS.indexOf(a.step) - JOURNEY_STEPS.indexOf(b.step) ||
      a.sector.localeCompare(b.sector),
  );
  return { cells, overlaps };
}

/** A gap: companies asked and nothing usable fits. */
export const isGap = (cell: Pick<GapCell, "demand" | "supply">) => cell.demand > 0 && cell.supply === 0;
