import type { Area } from "../auth/index.js";
import { type DemandSource, isOneOf, JOURNEY_STEPS, PHASES } from "../vocabulary/index.js";
import { regionsInArea } from "./areas.js";
import type { DemandLog } from "./demand.js";
import type { GapEntry, GapRegister } from "./gap-register.js";
import { type GapCell, gapView, isGap, type StepOverlap } from "./gaps.js";
import type { CoverageInstrument, RegionGeo } from "./monitoring.types.js";

/** A cell of the gap view with the register entry made for it, if any. */
export type GapCellWithEntry = GapCell & { gap: boolean; entry?: GapEntry };

/** A period of days, inclusive (yyyy-mm-dd). */
export type DayRange = { from: string; to: string };

const DAY_MS = 24 * 3600 * 1000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The gap view and register together (ADR 0094): supply from the monitor's instruments, demand from the demand log,
 * owners from the register. `forArea` is what the coordinator's report reads.
 */
export function createGapsService(deps: {
  instruments: () => Promise<CoverageInstrument[]>;
  regions: readonly RegionGeo[];
  demand: DemandLog;
  register: GapRegister;
  clock?: () => Date;
}) {
  const clock = deps.clock ?? (() => new Date());
  /** The last twelve months up to today. */
  const lastYear = (): DayRange => ({
    from: day(new Date(clock().getTime() - 364 * DAY_MS)),
    to: day(clock()),
  });

  /** Cells with demand in the regions of the area (all regions without one), joined with their register entries. */
  async function forArea(area: Area | undefined, range: DayRange = lastYear()) {
    const codes = area ? regionsInArea(area, [...deps.regions]) : deps.regions.map((region) => region.code);
    const regions = deps.regions.filter((region) => codes.includes(region.code));
    const [instruments, demand, entries] = await Promise.all([
      deps.instruments(),
      deps.demand.counts(range, codes),
      deps.register.list({ regionCodes: codes }),
    ]);
    const view = gapView(instruments, regions, demand);
    const key = (cell: { regionCode: string; step: string; sector: string }) =>
      `${cell.regionCode}|${cell.step}|${cell.sector}`;
    const byCell = new Map(entries.map((entry) => [key(entry), entry]));
    const cells: GapCellWithEntry[] = view.cells.map((cell) => ({
      ...cell,
      gap: isGap(cell),
      entry: byCell.get(key(cell)),
    }));
    const overlaps: StepOverlap[] = view.overlaps;
    return { range, regionCodes: codes, cells, entries, overlaps };
  }

  return {
    lastYear,
    forArea,
    /** A region's open gaps for its public page: entries not done, and gaps nobody is "aan zet" for yet. */
    async openInRegion(regionCode: string) {
      const { cells, entries } = await forArea({ level: "region", code: regionCode });
      return {
        entries: entries.filter((entry) => entry.status !== "afgerond"),
        unowned: cells.filter((cell) => cell.gap && !cell.entry),
      };
    },
    /**
     * A referral declined for lack of capacity or fit (ADR 0094): demand at the instrument's first journey step (and
     * its phase when it serves one only), in the company's region and sector. Answers whether a record was written.
     */
    async recordDecline(decline: {
      regionCode: string;
      sector: string | null;
      instrumentRefId: string;
      source: Extract<DemandSource, "decline_capacity" | "decline_fit">;
    }): Promise<boolean> {
      const instrument = (await deps.instruments()).find((item) => item.refId === decline.instrumentRefId);
      const step = JOURNEY_STEPS.find((candidate) => instrument?.journeySteps.includes(candidate));
      if (!step) return false;
      const [onlyPhase, ...more] = instrument?.phases ?? [];
      return deps.demand.record({
        regionCode: decline.regionCode,
        sector: decline.sector,
        step,
        phase: !more.length && isOneOf(PHASES, onlyPhase) ? onlyPhase : null,
        help: null,
        source: decline.source,
      });
    },
    /** The entries an organisation is "aan zet" for. */
    ofOrganisation: (organisationId: string) => deps.register.list({ organisationId }),
  };
}

export type GapsService = ReturnType<typeof createGapsService>;
