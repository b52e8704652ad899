import { describe, expect, it } from "vitest";
import { computeFunnel, median, publicFunnel, suppress } from "./funnel.js";
import type { ReferralFact } from "./monitoring.types.js";
import { helpedLeadTime, leadTimeMiddles, medianDays } from "./referral-figures.js";

const row = (type: string, count: number, source: string | null = null) => ({
  regionCode: "ES04",
  type,
  source,
  count,
});

describe("funnel", () => {
  it("adds routes and scans, computes conversion per stage and splits routes and intakes by source", () => {
    const funnel = computeFunnel([
      row("route_shown", 600, "nieuwsbrief"),
      row("route_shown", 300),
      row("scan_completed", 100),
      row("intake_requested", 90, "nieuwsbrief"),
      row("intake_requested", 10),
      row("case_opened", 80),
      row("referral_sent", 40),
      row("outcome_helped", 20),
      row("measure_recorded", 10),
      row("unknown_type", 999),
    ]);
    expect(funnel.stages.map((stage) => stage.count)).toEqual([1000, 100, 80, 40, 20, 10]);
    expect(funnel.stages.map((stage) => stage.conversion)).toEqual([null, 0.1, 0.8, 0.5, 0.5, 0.5]);
    expect(funnel.bySource).toEqual(
      [
        { source: null, routes: 400, intakes: 10, conversion: 0.025 },
        { source: "nieuwsbrief", routes: 600, intakes: 90, conversion: 0.15 },
      ].sort((a, b) => b.routes - a.routes),
    );
  });

  it("gives the median lead time from referral to a helped outcome", () => {
    const referral = (days: number, outcome: string): ReferralFact => ({
      regionCode: "ES04",
      instrumentRefId: "x",
      status: "afgerond",
      createdAt: new Date("2026-01-01T00:00:00Z"),
      deadlineAt: null,
      outcomeAt: new Date(Date.UTC(2026, 0, 1 + days)),
      outcome,
      declineReason: null,
    });
    const funnel = computeFunnel(
      [],
      helpedLeadTime([referral(10, "geholpen"), referral(20, "geholpen"), referral(99, "afgewezen")]),
    );
    expect(funnel.stages.find((stage) => stage.stage === "outcome_helped")!.leadTimeDays).toBe(15);
    expect(funnel.stages.find((stage) => stage.stage === "case_opened")!.leadTimeDays).toBeNull();
  });

  it("suppresses counts under 5 and every rate that would reveal one", () => {
    expect([0, 4, 5].map(suppress)).toEqual([null, null, 5]);
    const published = publicFunnel(
      computeFunnel([
        row("route_shown", 50, "beurs"),
        row("intake_requested", 3, "beurs"),
        row("case_opened", 3),
      ]),
    );
    expect(published.stages.map((stage) => stage.count)).toEqual([50, null, null, null, null, null]);
    expect(published.stages.map((stage) => stage.conversion)).toEqual([null, null, null, null, null, null]);
    expect(published.bySource).toEqual([{ source: "beurs", routes: 50, intakes: null, conversion: null }]);
  });

  it("median handles odd, even and empty lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("the two middle lead times give the same median as the whole list, to the last bit", () => {
    const day = 24 * 3600 * 1000;
    for (let length = 0; length < 40; length++) {
      const leads = Array.from({ length }, (_, i) => ((i * 7919 + 13) % 104729) * 60_013 + (i % 7));
      expect(medianDays(leadTimeMiddles(leads))).toBe(median(leads.map((ms) => ms / day)));
    }
    expect(leadTimeMiddles([5, 1, 3, 2])).toEqual({ count: 4, lowerMs: 2, upperMs: 3 });
  });
});
