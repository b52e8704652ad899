import {
  GOAL_INDICATORS,
  type GoalIndicator,
  OUTCOME_INDICATORS,
  type OutcomeIndicator,
} from "../vocabulary/index.js";

/** The indicators a goal can be set on: the vocabulary's closed list (process and outcome indicators, ADR 0095). */
export const INDICATORS = GOAL_INDICATORS;
export type Indicator = GoalIndicator;

export const isOutcomeIndicator = (indicator: string): indicator is OutcomeIndicator =>
  (OUTCOME_INDICATORS as readonly string[]).includes(indicator);

export type GoalStatus = "op_schema" | "achter" | "gehaald";

/** Outcome sums of one basis (estimated or measured) in a region: what the recorded measures add up to. */
export type OutcomeTotals = { materialKg: number; co2eKg: number; euro: number; measures: number };
export const NO_OUTCOMES: OutcomeTotals = { materialKg: 0, co2eKg: 0, euro: 0, measures: 0 };

/** Facts per region from which every indicator is computed. */
export type RegionIndicatorFacts = {
  code: string;
  stars: number;
  gaps: number;
  intakeRequests: number;
  measuresRecorded: number;
  referralOutcomes: number;
  referralsHelped: number;
  /** Outcomes of the measures recorded (dossiers, and Mijn route when wired), estimated and measured apart. */
  estimated?: OutcomeTotals;
  measured?: OutcomeTotals;
};

const OUTCOME_FIELD: Record<OutcomeIndicator, "materialKg" | "co2eKg" | "euro"> = {
  material_kg_saved: "materialKg",
  co2e_kg_avoided: "co2eKg",
  euro_saved: "euro",
};

/**
 * An outcome indicator over the regions of a scope, estimated and measured apart, with how many measures each
 * sums (for suppressing small numbers). Pure.
 */
export function outcomeSplit(indicator: OutcomeIndicator, regions: RegionIndicatorFacts[]) {
  const field = OUTCOME_FIELD[indicator];
  const total = (basis: "estimated" | "measured") =>
    regions.reduce(
      (sum, region) => {
        const own = region[basis] ?? NO_OUTCOMES;
        return { value: sum.value + own[field], measures: sum.measures + own.measures };
      },
      { value: 0, measures: 0 },
    );
  const round = (value: number) => Math.round(value * 10) / 10;
  const estimated = total("estimated");
  const measured = total("measured");
  return {
    estimated: round(estimated.value),
    measured: round(measured.value),
    estimatedMeasures: estimated.measures,
    measuredMeasures: measured.measures,
  };
}

/** An indicator's value over the regions of a goal's scope (an outcome: estimated and measured together). Pure. */
export function indicatorValue(indicator: Indicator, regions: RegionIndicatorFacts[]): number {
  const sum = (pick: (region: RegionIndicatorFacts) => number) =>
    regions.reduce((total, region) => total + pick(region), 0);
  switch (indicator) {
    case "regions_with_three_stars":
      return regions.filter((region) => region.stars >= 3).length;
    case "coverage_gaps":
      return sum((region) => region.gaps);
    case "intake_requests":
      return sum((region) => region.intakeRequests);
    case "measures_recorded":
      return sum((region) => region.measuresRecorded);
    case "referrals_helped_rate": {
      const outcomes = sum((region) => region.referralOutcomes);
      return outcomes === 0
        ? 0
        : Math.round((1000 * sum((region) => region.referralsHelped)) / outcomes) / 10;
    }
    case "material_kg_saved":
    case "co2e_kg_avoided":
    case "euro_saved": {
      const split = outcomeSplit(indicator, regions);
      return Math.round((split.estimated + split.measured) * 10) / 10;
    }
  }
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * A goal's status. Gehaald: the target is reached (a target below the baseline, like fewer gaps, is reached by going
 * down). Op schema: at least as far along as a straight line from baseline (on the start day) to target (on the
 * deadline). Achter: otherwise, and always after the deadline without reaching the target.
 */
export function goalStatus(
  goal: { baseline: number; target: number; startsOn: string; deadline: string },
  current: number,
  today: Date,
): { status: GoalStatus; expected: number } {
  const up = goal.target >= goal.baseline;
  const reached = up ? current >= goal.target : current <= goal.target;
  const start = Date.parse(`${goal.startsOn}T00:00:00Z`);
  const end = Date.parse(`${goal.deadline}T00:00:00Z`);
  const share = end <= start ? 1 : Math.min(1, Math.max(0, (today.getTime() - start) / (end - start)));
  const expected = goal.baseline + (goal.target - goal.baseline) * share;
  if (reached) return { status: "gehaald", expected };
  if (today.getTime() > end + DAY_MS) return { status: "achter", expected };
  const onTrack = up ? current >= expected : current <= expected;
  return { status: onTrack ? "op_schema" : "achter", expected };
}
