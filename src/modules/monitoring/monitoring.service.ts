import type { Database } from "../../db/client.js";
import type { JobHandler } from "../../jobs/index.js";
import type { Area } from "../auth/index.js";
import type { Geography } from "../regions/index.js";
import { isOfferable, type JourneyStep, type Phase } from "../vocabulary/index.js";
import { regionsInArea } from "./areas.js";
import {
  cellInstruments,
  provincesWithoutOwnInstrument,
  type RegionCoverage,
  regionCoverage,
  regionReach,
} from "./coverage.js";
import { effectivenessFrom } from "./effectiveness.js";
import { computeFunnel, publicFunnel, suppress } from "./funnel.js";
import { goalStatus, type Indicator, indicatorValue, type RegionIndicatorFacts } from "./goals.js";
import {
  createMonitoringRepository,
  type MonitoringRepository,
  type NewGoal,
} from "./monitoring.repository.js";
import type { MonitoringSources, RegionGeo, RegionReferralFigures } from "./monitoring.types.js";
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

const DAY_MS = 24 * 3600 * 1000;
/** A UTC calendar day as yyyy-mm-dd. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Reads the facts once per call and runs the pure aggregations over them. */
export function createMonitoringService(deps: {
  sources: MonitoringSources;
  /**
   * The same facts read through another connection: a job's transaction. On PGlite that transaction holds the one
   * connection, so a job that read through `sources` would wait for itself. Default: `sources`.
   */
  sourcesOn?: (db: Database) => MonitoringSources;
  geography: Geography;
  repository: MonitoringRepository;
  clock?: () => Date;
}) {
  const regions = toRegionGeos(deps.geography);
  const clock = deps.clock ?? (() => new Date());
  const regionOf = (gmCode: string) => deps.geography.municipality(gmCode)?.regionCode;
  // The map's shapes are made at the first monitor page that shows it, not at start: ≈ 0.1 s of CPU that a restart
  // does not need (ADR 0082).
  let geometry: ReturnType<typeof regionMapGeometry> | undefined;
  const lastYear = () => {
    const now = clock();
    return { from: new Date(now.getTime() - 365 * DAY_MS), to: now };
  };

  /**
   * Coverage and star level of every region; `referralsOfYear`: the year's figures when the caller reads them too.
   * `gather` runs the reads: side by side on the pool, one after another on a job's transaction (one connection).
   */
  async function overview(
    sources: MonitoringSources = deps.sources,
    referralsOfYear?: () => Promise<RegionReferralFigures[]>,
    gather: Gather = inParallel,
  ): Promise<RegionOverview[]> {
    const now = clock();
    const [instruments, examples, events, hubs, referrals] = await gather([
      () => sources.instruments(),
      () => sources.examples(),
      () => sources.events(),
      () => sources.hubs(),
      referralsOfYear ?? (() => sources.referralFigures.byRegion(lastYear(), now)),
    ] as const);
    return regions.map((region) => {
      const own = referrals.find((row) => row.regionCode === region.code);
      return {
        ...regionCoverage(instruments, region),
        provinceCodes: region.provinceCodes,
        star: starLevel({
          region,
          instruments,
          examples,
          events,
          hubs,
          loop: { judged: own?.judged ?? 0, closedInTime: own?.closedInTime ?? 0 },
          now,
        }),
      };
    });
  }

  /** The facts behind every goal indicator, per region, for the last 12 months. */
  async function indicatorFacts(
    repository: MonitoringRepository,
    sources: MonitoringSources,
    gather: Gather,
  ): Promise<RegionIndicatorFacts[]> {
    const year = lastYear();
    const range = { from: isoDay(year.from), to: isoDay(year.to) };
    // Read once, used twice: for the stars and for the referral indicators.
    let figures: Promise<RegionReferralFigures[]> | undefined;
    const ofYear = () => {
      figures ??= sources.referralFigures.byRegion(year, year.to);
      return figures;
    };
    const [regionsNow, intakes, measures, referrals] = await gather([
      () => overview(sources, ofYear, gather),
      () => repository.countByRegion("intake_requested", range),
      () => repository.countByRegion("measure_recorded", range),
      ofYear,
    ] as const);
    const countIn = (rows: { region_code: string; count: number }[], code: string) =>
      rows.find((row) => row.region_code === code)?.count ?? 0;
    return regionsNow.map((region) => {
      const own = referrals.find((row) => row.regionCode === region.code);
      return {
        code: region.code,
        stars: region.star.stars,
        gaps: region.gaps.length,
        intakeRequests: countIn(intakes, region.code),
        measuresRecorded: countIn(measures, region.code),
        referralOutcomes: own?.outcomes ?? 0,
        referralsHelped: own?.helped ?? 0,
      };
    });
  }

  /** Goals with progress, read through the given repository (a job passes one on its transaction). */
  async function goalsWith(
    repository: MonitoringRepository,
    sources: MonitoringSources = deps.sources,
    gather: Gather = inParallel,
  ) {
    const [goals, values, facts] = await gather([
      () => repository.listGoals(),
      () => repository.listGoalValues(),
      () => indicatorFacts(repository, sources, gather),
    ] as const);
    const today = clock();
    return goals.map((goal) => {
      const inScope = regionsInArea(goalArea(goal), regions);
      const current = indicatorValue(
        goal.indicator as Indicator,
        facts.filter((fact) => inScope.includes(fact.code)),
      );
      return {
        ...goal,
        current,
        ...goalStatus(goal, current, today),
        history: values
          .filter((value) => value.goal_id === goal.id)
          .map((value) => ({ day: value.measured_on, value: value.value })),
      };
    });
  }

  const goalArea = (goal: { scopeLevel: string; scopeCode: string | null }): Area =>
    goal.scopeLevel === "national"
      ? { level: "national" }
      : { level: goal.scopeLevel as "province" | "region", code: goal.scopeCode ?? "" };

  return {
    regions,
    /** The cached SVG paths of the 30 regions. */
    mapGeometry: () => (geometry ??= regionMapGeometry(regionOf)),
    /** The instruments as the sources give them. */
    instruments: () => deps.sources.instruments(),
    overview: () => overview(),
    /**
     * The provinces (code and name) without a usable or expected provincial or regional instrument: a gap the
     * coverage page and the region pages name in words, from the catalogue as it stands.
     */
    provincesWithoutOwnInstrument: async () =>
      provincesWithoutOwnInstrument(await deps.sources.instruments(), deps.geography.provinces, regions),
    /**
     * What the public region page shows of the monitor (ADR 0089): the star level and what is missing for the next
     * star (real data only: the sources leave out demo hubs and events), the region's open gaps (coverage cells with
     * nothing usable), and the regional and provincial offer that is usable now or expected. Undefined for an unknown
     * region.
     */
    async publicRegion(regionCode: string) {
      const [all, instruments] = await Promise.all([overview(), deps.sources.instruments()]);
      const region = all.find((candidate) => candidate.code === regionCode);
      const geo = regions.find((candidate) => candidate.code === regionCode);
      if (!region || !geo) return undefined;
      const offer = instruments
        .filter(
          (instrument) =>
            isOfferable(instrument.status) &&
            (instrument.coverageLevel === "province" || instrument.coverageLevel === "res_region") &&
            regionReach(instrument, geo) !== "none",
        )
        .sort((a, b) => a.name.nl.localeCompare(b.name.nl, "nl"))
        .map((instrument) => ({
          slug: instrument.slug,
          name: instrument.name,
          status: instrument.status,
          level: instrument.coverageLevel as "province" | "res_region",
          wholeRegion: regionReach(instrument, geo) === "all",
        }));
      return {
        stars: region.star.stars,
        missingForNext: region.star.missingForNext,
        gaps: region.gaps,
        offer,
      };
    },
    /** Per provider: how many of its listings were not checked for more than twelve months, most first. */
    async staleByProvider(): Promise<{ provider: string; stale: number; total: number }[]> {
      const counts = new Map<string, { stale: number; total: number }>();
      for (const instrument of await deps.sources.instruments()) {
        const name = instrument.providerName ?? "";
        const entry = counts.get(name) ?? { stale: 0, total: 0 };
        entry.total++;
        if (instrument.stale) entry.stale++;
        counts.set(name, entry);
      }
      return [...counts]
        .map(([provider, entry]) => ({ provider, ...entry }))
        .filter((entry) => entry.stale > 0)
        .sort((a, b) => b.stale - a.stale || a.provider.localeCompare(b.provider, "nl"));
    },
    /** The instruments counted in one cell of one region. */
    async cell(regionCode: string, step: JourneyStep, phase: Phase) {
      const region = regions.find((candidate) => candidate.code === regionCode);
      if (!region) return undefined;
      return cellInstruments(await deps.sources.instruments(), region, step, phase);
    },
    /**
     * The funnel for a period and a region (or the country): exact counts when the caller may see them (the policy
     * decides: a coordinator whose area holds the region's), otherwise counts under 5 suppressed.
     */
    async funnel(query: { from: string; to: string; regionCode?: string }, exact: boolean) {
      const regionCodes = query.regionCode ? [query.regionCode] : undefined;
      const range = {
        from: new Date(`${query.from}T00:00:00Z`),
        to: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS),
      };
      const [rows, helpedLeadTime, byDelivery] = await Promise.all([
        deps.repository.funnelCounts({ from: query.from, to: query.to, regionCodes }),
        deps.sources.referralFigures.helpedLeadTime(range, regionCodes),
        deps.sources.referralFigures.byDelivery(range, regionCodes),
      ]);
      const funnel = computeFunnel(rows, helpedLeadTime);
      // Referrals per delivery route (ADR 0086): counts only, under 5 suppressed for whoever may not see exact ones.
      const routes = byDelivery.map((row) =>
        exact
          ? row
          : {
              ...row,
              sent: suppress(row.sent),
              answered: suppress(row.answered),
              helped: suppress(row.helped),
            },
      );
      return { exact, funnel: exact ? funnel : publicFunnel(funnel), byDelivery: routes };
    },
    /**
     * Effectiveness per instrument over the last 12 months: exact over the regions of `exactIn` (a coordinator's
     * own area, as the guard gives it), otherwise over all regions with small numbers suppressed.
     */
    async effectiveness(exactIn: Area | undefined) {
      const exact = exactIn !== undefined;
      const inScope = exactIn ? regionsInArea(exactIn, regions) : regions.map((region) => region.code);
      const rows = effectivenessFrom(await deps.sources.referralFigures.byInstrument(lastYear(), inScope));
      if (exact) return { exact, rows };
      return {
        exact,
        rows: rows.map((row) => {
          const outcomes = suppress(row.outcomes);
          return {
            ...row,
            referrals: suppress(row.referrals),
            outcomes,
            helped: suppress(row.helped),
            helpedRate: outcomes === null ? null : row.helpedRate,
            declineReasons: row.declineReasons.map((reason) => ({
              ...reason,
              count: suppress(reason.count),
            })),
          };
        }),
      };
    },
    /** Every goal with its current value, expected value on the straight line, status and history. */
    goals: () => goalsWith(deps.repository),
    /** Sets a goal, starting today (the guard has decided that the caller may set a goal for its area). */
    createGoal: (goal: Omit<NewGoal, "startsOn">) =>
      deps.repository.createGoal({ ...goal, startsOn: isoDay(clock()) }),
    /** Job handlers src/services.ts registers with the job worker (schedule: see scheduleMonitoringJobs). */
    jobHandlers(): Record<string, JobHandler> {
      return {
        "monitoring.rollup": async (payload, { tx }) => {
          const days = typeof payload.days === "number" ? payload.days : 2;
          const sinceDay = isoDay(new Date(clock().getTime() - (days - 1) * DAY_MS));
          await deps.repository.rollupJourneyEvents(sinceDay, tx);
          await deps.repository.clearPastDemandKeys(isoDay(clock()), tx);
          // The referral figures' rollup, read and written through this transaction (PGlite: one connection).
          const sources = deps.sourcesOn?.(tx) ?? deps.sources;
          await sources.referralFigures.refresh?.(new Date(`${sinceDay}T00:00:00Z`));
        },
        "monitoring.goal-values": async (_payload, { tx }) => {
          // On PGlite the one connection is held by this transaction: read and write through it.
          const repository = createMonitoringRepository(tx);
          const sources = deps.sourcesOn?.(tx) ?? deps.sources;
          for (const goal of await goalsWith(repository, sources, oneByOne))
            await repository.recordGoalValue(goal.id, isoDay(clock()), goal.current);
        },
      };
    },
  };
}

/** Enqueues this period's monitor jobs once across instances (dedupe keys per 10 minutes and per day). */
export async function scheduleMonitoringJobs(
  db: Database,
  enqueue: (
    db: Database,
    queue: string,
    payload: Record<string, unknown>,
    options: { dedupeKey: string },
  ) => Promise<boolean>,
  now: Date,
) {
  const slot = Math.floor(now.getTime() / (10 * 60 * 1000));
  await enqueue(db, "monitoring.rollup", { days: 2 }, { dedupeKey: `monitoring.rollup:${slot}` });
  await enqueue(db, "monitoring.goal-values", {}, { dedupeKey: `monitoring.goal-values:${isoDay(now)}` });
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;

/** Runs reads and gives their results in order. */
type Gather = <const T extends readonly (() => Promise<unknown>)[]>(
  tasks: T,
) => Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }>;

/** Side by side: each read on its own pooled connection. */
const inParallel: Gather = (tasks) => Promise.all(tasks.map((task) => task())) as never;

/** One after another: a transaction's one connection takes one query at a time (node-postgres 9 will insist). */
const oneByOne: Gather = async (tasks) => {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as never;
};
