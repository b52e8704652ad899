import { describe, expect, it } from "vitest";
import { regionsInArea } from "./areas.js";
import { instrumentEffectiveness } from "./effectiveness.js";
import { goalStatus, indicatorValue, type RegionIndicatorFacts } from "./goals.js";
import type { ReferralFact } from "./monitoring.types.js";

const facts = (
  code: string,
  stars: number,
  gaps: number,
  outcomes = 0,
  helped = 0,
): RegionIndicatorFacts => ({
  code,
  stars,
  gaps,
  intakeRequests: 10,
  measuresRecorded: 2,
  referralOutcomes: outcomes,
  referralsHelped: helped,
});

describe("goal indicators and status", () => {
  it("computes every indicator over the regions of a scope", () => {
    const regions = [facts("ES04", 3, 2, 10, 7), facts("ES05", 1, 0, 10, 8)];
    expect(indicatorValue("regions_with_three_stars", regions)).toBe(1);
    expect(indicatorValue("coverage_gaps", regions)).toBe(2);
    expect(indicatorValue("intake_requests", regions)).toBe(20);
    expect(indicatorValue("measures_recorded", regions)).toBe(4);
    expect(indicatorValue("referrals_helped_rate", regions)).toBe(75);
    expect(indicatorValue("referrals_helped_rate", [facts("ES01", 0, 0)])).toBe(0);
  });

  const goal = { baseline: 10, target: 30, startsOn: "2026-01-01", deadline: "2026-12-31" };
  const mid = new Date("2026-07-02T00:00:00Z");
  it("is op schema on or above the straight line, achter below it, gehaald at the target", () => {
    expect(goalStatus(goal, 21, mid).status).toBe("op_schema");
    expect(goalStatus(goal, 15, mid).status).toBe("achter");
    expect(goalStatus(goal, 30, mid).status).toBe("gehaald");
    expect(goalStatus(goal, 29, new Date("2027-02-01T00:00:00Z")).status).toBe("achter");
  });

  it("handles a downward goal (fewer gaps)", () => {
    const down = { baseline: 40, target: 0, startsOn: "2026-01-01", deadline: "2026-12-31" };
    expect(goalStatus(down, 19, mid).status).toBe("op_schema");
    expect(goalStatus(down, 30, mid).status).toBe("achter");
    expect(goalStatus(down, 0, mid).status).toBe("gehaald");
  });
});

describe("scopes", () => {
  const regions = [
    { code: "ES04", provinceCodes: ["PV23"] },
    { code: "ES09", provinceCodes: ["PV25", "PV26"] },
    { code: "ES13", provinceCodes: ["PV26"] },
  ];
  it("a province covers its regions, also one it shares", () => {
    expect(regionsInArea({ level: "province", code: "PV26" }, regions)).toEqual(["ES09", "ES13"]);
    expect(regionsInArea({ level: "national" }, regions)).toHaveLength(3);
    expect(regionsInArea({ level: "region", code: "ES04" }, regions)).toEqual(["ES04"]);
  });
});

describe("instrument effectiveness", () => {
  const referral = (
    refId: string,
    outcome: string | null,
    days: number,
    reason: string | null = null,
  ): ReferralFact => ({
    regionCode: "ES04",
    instrumentRefId: refId,
    status: outcome ? "afgerond" : reason ? "afgewezen" : "verstuurd",
    createdAt: new Date("2026-03-01T00:00:00Z"),
    deadlineAt: null,
    outcomeAt: outcome ? new Date(Date.UTC(2026, 2, 1 + days)) : null,
    outcome,
    declineReason: reason,
  });
  it("labels bewezen effectief at ≥ 20 outcomes and ≥ 70% geholpen, not below either", () => {
    const proven = [
      ...Array.from({ length: 14 }, () => referral("a", "geholpen", 10)),
      ...Array.from({ length: 6 }, () => referral("a", "niet_geholpen", 30)),
      referral("a", null, 0, "budget_op"),
    ];
    const tooFew = Array.from({ length: 19 }, () => referral("b", "geholpen", 5));
    const tooLow = [
      ...Array.from({ length: 13 }, () => referral("c", "geholpen", 5)),
      ...Array.from({ length: 7 }, () => referral("c", "niet_geholpen", 5)),
    ];
    const result = instrumentEffectiveness([...proven, ...tooFew, ...tooLow]);
    const a = result.find((row) => row.refId === "a")!;
    expect(a).toMatchObject({
      referrals: 21,
      outcomes: 20,
      helped: 14,
      helpedRate: 0.7,
      provenEffective: true,
    });
    expect(a.medianDaysToOutcome).toBe(10);
    expect(a.declineReasons).toEqual([{ reason: "budget_op", count: 1 }]);
    expect(result.find((row) => row.refId === "b")!.provenEffective).toBe(false);
    expect(result.find((row) => row.refId === "c")!.provenEffective).toBe(false);
  });
});
