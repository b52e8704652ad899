/** The indicators a coordinator can set a goal on (a fixed list, so progress is always computable). */
export const INDICATORS = [
  "regions_with_three_stars",
  "coverage_gaps",
  "intake_requests",
  "referrals_helped_rate",
  "measures_recorded",
] as const;
export type Indicator = (typeof INDICATORS)[number];

export type GoalStatus = "op_schema" | "achter" | "gehaald";

/** Facts per region from which every indicator is computed. */
export type RegionIndicatorFacts = {
  code: string;
  stars: number;
  gaps: number;
  intakeRequests: number;
  measuresRecorded: number;
  referralOutcomes: number;
  referralsHelped: number;
};

/** An indicator's value over the regions of a goal's scope. Pure. */
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
