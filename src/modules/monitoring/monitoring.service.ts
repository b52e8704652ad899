import type { Database } from "../../db/client.js";
import type { JobHandler } from "../../jobs/index.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import type { Area } from "../auth/index.js";
import type { Geography } from "../regions/index.js";
import { GOAL_INDICATORS, isOfferable, type JourneyStep, type Phase } from "../vocabulary/index.js";
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
import {
  goalStatus,
  type Indicator,
  indicatorValue,
  isOutcomeIndicator,
  NO_OUTCOMES,
  type OutcomeTotals,
  outcomeSplit,
  type RegionIndicatorFacts,
} from "./goals.js";
import { createMonitoringRepository, type MonitoringRepository } from "./monitoring.repository.js";
import type {
  MonitoringSources,
  OutcomeSums,
  RegionGeo,
  RegionReferralFigures,
  TimeRange,
} from "./monitoring.types.js";
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
  /** Records who set, changed or broke down a goal (ADR 0095); the routes pass the actor. */
  audit?: AuditLog;
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
    const [regionsNow, intakes, measures, referrals, outcomes] = await gather([
      () => overview(sources, ofYear, gather),
      () => repository.countByRegion("intake_requested", range),
      () => repository.countByRegion("measure_recorded", range),
      ofYear,
      () => outcomeSums(sources, year, gather),
    ] as const);
    const totals = (code: string, basis: OutcomeSums["basis"]): OutcomeTotals =>
      outcomes
        .filter((row) => row.regionCode === code && row.basis === basis)
        .reduce(
          (sum, row) => ({
            materialKg: sum.materialKg + row.materialKg,
            co2eKg: sum.co2eKg + row.co2eKg,
            euro: sum.euro + row.euro,
            measures: sum.measures + row.measures,
          }),
          NO_OUTCOMES,
        );
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
        estimated: totals(region.code, "geschat"),
        measured: totals(region.code, "gemeten"),
      };
    });
  }

  /** Every outcome source's sums for the range, one list. */
  async function outcomeSums(sources: MonitoringSources, range: TimeRange, gather: Gather) {
    const lists = await gather((sources.outcomes ?? []).map((source) => () => source(range)));
    return (lists as OutcomeSums[][]).flat();
  }

  /** Goals with progress, read through the given repository (a job passes one on its transaction). */
  async function goalsWith(
    repository: MonitoringRepository,
    sources: MonitoringSources = deps.sources,
    gather: Gather = inParallel,
  ) {
    return (await goalsAndFacts(repository, sources, gather)).goals;
  }

  /** Goals with progress and the per-region facts they were computed from (read once, used twice). */
  async function goalsAndFacts(
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
    const withProgress = goals.map((goal) => {
      const { current, split } = valueIn(goal.indicator as Indicator, goalArea(goal), facts);
      return {
        ...goal,
        current,
        split,
        ...goalStatus(goal, current, today),
        history: values
          .filter((value) => value.goal_id === goal.id)
          .map((value) => ({ day: value.measured_on, value: value.value })),
      };
    });
    return { goals: withProgress, facts };
  }

  /** An indicator's value in an area, with an outcome's estimated and measured parts. */
  const valueIn = (indicator: Indicator, area: Area, facts: RegionIndicatorFacts[]) => {
    const inScope = regionsInArea(area, regions);
    const scoped = facts.filter((fact) => inScope.includes(fact.code));
    return {
      current: indicatorValue(indicator, scoped),
      split: isOutcomeIndicator(indicator) ? outcomeSplit(indicator, scoped) : undefined,
    };
  };

  /**
   * Goals as the goals page and the report show them (ADR 0095): each national goal with its breakdown into province
   * and region targets (each with its own progress, rolled up under the national goal), the goals set for an area
   * without a national goal above them, and the indicators without a national goal ("nog geen doel gesteld") with
   * their current value. Outcome values summing fewer than 5 measures are hidden (null) where `exact` says the
   * viewer may not see exact figures of the goal's area; estimated and measured are then hidden together.
   */
  async function goalOverview(exact: (area: Area) => boolean) {
    const { goals, facts } = await goalsAndFacts(deps.repository);
    const shown = (goal: (typeof goals)[number]) => {
      const area = goalArea(goal);
      const split = goal.split;
      if (!split || exact(area)) return { ...goal, area };
      const small = (count: number) => count > 0 && count < 5;
      const total = split.estimatedMeasures + split.measuredMeasures;
      const hideParts = small(split.estimatedMeasures) || small(split.measuredMeasures);
      return {
        ...goal,
        area,
        current: small(total) ? null : goal.current,
        split: hideParts ? { ...split, estimated: null, measured: null } : split,
      };
    };
    const national = goals.filter((goal) => goal.scopeLevel === "national" && goal.parentId === null);
    const additive = (indicator: string) => indicator !== "referrals_helped_rate";
    return {
      national: national.map((goal) => {
        const parts = goals
          .filter((part) => part.parentId === goal.id)
          .sort(
            (a, b) =>
              a.scopeLevel.localeCompare(b.scopeLevel) ||
              (a.scopeCode ?? "").localeCompare(b.scopeCode ?? ""),
          )
          .map(shown);
        const provinceTargets = parts.filter((part) => part.scopeLevel === "province");
        const partsSum = provinceTargets.reduce((sum, part) => sum + part.target, 0);
        return {
          ...shown(goal),
          parts,
          /** The province targets added up, and how far that is from the national target (null: not additive). */
          provinceTargetSum: additive(goal.indicator) && provinceTargets.length ? partsSum : null,
          difference: additive(goal.indicator) && provinceTargets.length ? partsSum - goal.target : null,
        };
      }),
      standalone: goals.filter((goal) => goal.scopeLevel !== "national" && goal.parentId === null).map(shown),
      unset: GOAL_INDICATORS.filter(
        (indicator) => !national.some((goal) => goal.indicator === indicator),
      ).map((indicator) => {
        const value = valueIn(indicator, { level: "national" }, facts);
        const all = regions.map((region) => region.code);
        const measures = value.split ? value.split.estimatedMeasures + value.split.measuredMeasures : 5;
        const hidden = value.split && !exact({ level: "national" }) && measures > 0 && measures < 5;
        return {
          indicator,
          current: hidden ? null : value.current,
          split: hidden ? undefined : value.split,
          regions: all.length,
        };
      }),
    };
  }

  const goalArea = (goal: { scopeLevel: string; scopeCode: string | null }): Area =>
    goal.scopeLevel === "national"
      ? { level: "national" }
      : { level: goal.scopeLevel as "province" | "region", code: goal.scopeCode ?? "" };

  /** An indicator's value in an area today. */
  const currentIn = async (indicator: Indicator, area: Area) =>
    valueIn(indicator, area, await indicatorFacts(deps.repository, deps.sources, inParallel)).current;

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
    async funnel(
      query: { from: string; to: string; regionCode?: string; regionCodes?: string[] },
      exact: boolean,
    ) {
      const regionCodes = query.regionCodes ?? (query.regionCode ? [query.regionCode] : undefined);
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
    async effectiveness(exactIn: Area | undefined, range: TimeRange = lastYear()) {
      const exact = exactIn !== undefined;
      const inScope = exactIn ? regionsInArea(exactIn, regions) : regions.map((region) => region.code);
      const rows = effectivenessFrom(await deps.sources.referralFigures.byInstrument(range, inScope));
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
    goalOverview,
    /** One goal as stored, or undefined. */
    findGoal: (id: number) => deps.repository.findGoal(id),
    /**
     * Sets a goal, starting today (the guard has decided that the caller may): without a baseline, the indicator's
     * value in the goal's area today. Audited when an actor is given.
     */
    async createGoal(
      goal: {
        indicator: Indicator;
        scopeLevel: "national" | "province" | "region";
        scopeCode: string | null;
        baseline: number | null;
        target: number;
        deadline: string;
      },
      actor?: AuditActor,
    ) {
      const baseline = goal.baseline ?? (await currentIn(goal.indicator, goalArea(goal)));
      return deps.repository.transaction(async (tx) => {
        const row = await deps.repository.createGoal(
          { ...goal, baseline, startsOn: isoDay(clock()), updatedAt: clock() },
          tx,
        );
        if (actor && deps.audit)
          await deps.audit.record(tx, actor, {
            action: "goal.create",
            subjectType: "goal",
            subjectId: row.id,
            detail: {
              indicator: row.indicator,
              area: row.scopeCode ?? "NL",
              target: row.target,
              deadline: row.deadline,
            },
          });
        return row;
      });
    },
    /** Changes a goal's baseline, target and deadline when it still has `version`; audited. */
    async updateGoal(
      id: number,
      version: number,
      change: { baseline: number; target: number; deadline: string },
      actor: AuditActor,
    ): Promise<"saved" | "conflict" | "missing"> {
      return deps.repository.transaction(async (tx) => {
        const row = await deps.repository.updateGoal(id, version, { ...change, updatedAt: clock() }, tx);
        if (!row) return (await deps.repository.findGoal(id, tx)) ? "conflict" : "missing";
        await deps.audit?.record(tx, actor, {
          action: "goal.update",
          subjectType: "goal",
          subjectId: id,
          detail: { version: row.version, ...change },
        });
        return "saved";
      });
    },
    /**
     * A province coordinator's breakdown of a national goal (ADR 0095): per area (their province and its regions) a
     * target, or null to have none. A new target starts today at the area's current value and shares the national
     * goal's deadline; a changed or removed one must still have the version the form showed. All or nothing; audited.
     */
    async breakdownGoal(
      parentId: number,
      targets: { area: Area & { code: string }; target: number | null; version: number | null }[],
      actor: AuditActor,
    ): Promise<"saved" | "conflict" | "missing"> {
      const parent = await deps.repository.findGoal(parentId);
      if (parent?.scopeLevel !== "national" || parent.parentId !== null) return "missing";
      const baselines = await Promise.all(
        targets.map((entry) => currentIn(parent.indicator as Indicator, entry.area)),
      );
      try {
        return await deps.repository.transaction(async (tx) => {
          const existing = (await deps.repository.listGoals(tx)).filter((goal) => goal.parentId === parentId);
          for (const [index, entry] of targets.entries()) {
            const row = existing.find((goal) => goal.scopeCode === entry.area.code);
            if (row && (entry.version === null || row.version !== entry.version)) throw CONFLICT;
            if (!row && entry.version !== null) throw CONFLICT;
            if (row && entry.target === null) {
              if (!(await deps.repository.deleteGoal(row.id, row.version, tx))) throw CONFLICT;
            } else if (row && entry.target !== null && entry.target !== row.target) {
              const changed = { baseline: row.baseline, target: entry.target, deadline: parent.deadline };
              if (
                !(await deps.repository.updateGoal(
                  row.id,
                  row.version,
                  { ...changed, updatedAt: clock() },
                  tx,
                ))
              )
                throw CONFLICT;
            } else if (!row && entry.target !== null) {
              await deps.repository.createGoal(
                {
                  indicator: parent.indicator,
                  scopeLevel: entry.area.level as "province" | "region",
                  scopeCode: entry.area.code,
                  parentId,
                  baseline: baselines[index]!,
                  target: entry.target,
                  startsOn: isoDay(clock()),
                  deadline: parent.deadline,
                  updatedAt: clock(),
                },
                tx,
              );
            }
          }
          await deps.audit?.record(tx, actor, {
            action: "goal.breakdown",
            subjectType: "goal",
            subjectId: parentId,
            detail: Object.fromEntries(targets.map((entry) => [entry.area.code, entry.target])),
          });
          return "saved" as const;
        });
      } catch (error) {
        if (error === CONFLICT) return "conflict";
        throw error;
      }
    },
    /** Each region's stored star level on or before a day (the report's change over a period). */
    starLevelsOn: (day: string) => deps.repository.starLevelsOn(day),
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
          // The day's star levels, so a report can show how they changed over a period (ADR 0095).
          const levels = (await overview(sources, undefined, oneByOne)).map((region) => ({
            regionCode: region.code,
            stars: region.star.stars,
          }));
          await repository.recordStarLevels(isoDay(clock()), levels);
        },
      };
    },
  };
}

/** Thrown inside a transaction to roll a breakdown back when a target changed meanwhile. */
const CONFLICT = new Error("goal changed meanwhile");

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
