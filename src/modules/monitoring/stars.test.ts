import { describe, expect, it } from "vitest";
import type { CoverageInstrument, ReferralFact, RegionGeo } from "./monitoring.types.js";
import { loopClosing, STAR_CONDITIONS, type StarConditionId, type StarInputs, starLevel } from "./stars.js";

const now = new Date("2026-11-27T12:00:00Z");
const day = 24 * 3600 * 1000;
const region: RegionGeo = {
  code: "ES04",
  name: "Twente",
  provinceCodes: ["PV23"],
  municipalities: [{ code: "GM0153", provinceCode: "PV23" }],
};
const instrument = (refId: string, kind: string, steps: string[], phases: string[]): CoverageInstrument => ({
  id: refId,
  refId,
  slug: refId,
  name: { nl: refId, en: refId },
  kind,
  journeySteps: steps,
  phases,
  coverageLevel: "national",
  coverageCodes: ["NL"],
  status: "doorlopend",
});
const referral = (
  createdDaysAgo: number,
  outcomeDaysAgo: number | null,
  deadlineDaysAgo: number,
): ReferralFact => ({
  regionCode: "ES04",
  instrumentRefId: "advies",
  status: outcomeDaysAgo === null ? "in_behandeling" : "afgerond_geholpen",
  createdAt: new Date(now.getTime() - createdDaysAgo * day),
  deadlineAt: new Date(now.getTime() - deadlineDaysAgo * day),
  outcomeAt: outcomeDaysAgo === null ? null : new Date(now.getTime() - outcomeDaysAgo * day),
  outcome: outcomeDaysAgo === null ? null : "geholpen",
  declineReason: null,
});

const fiveReferrals = [
  referral(100, 80, 70),
  referral(100, 80, 70),
  referral(100, 80, 70),
  referral(100, 80, 70),
  referral(100, null, 70),
];

/** A region that meets every condition of all five stars. */
function fiveStarInputs(): StarInputs {
  return {
    region,
    now,
    instruments: [
      instrument("info", "information", ["informeren"], ["starter"]),
      instrument("voucher", "voucher", ["kansen_identificeren"], ["starter", "peloton", "koploper"]),
      instrument("subsidie", "subsidy", ["invoering"], ["starter", "peloton", "koploper"]),
      instrument("borging", "advice", ["verankering"], ["peloton"]),
      instrument("keten", "network", ["ketensamenwerking"], ["koploper"]),
    ],
    examples: [{ regionCode: "ES04", sbiSection: "C" }],
    events: [{ regionCode: "ES04", startsAt: new Date(now.getTime() + 30 * day) }],
    hubs: [{ regionCodes: ["ES04", "ES05"], activeAdvisors: 2, takesIntakes: true }],
    loop: loopClosing(fiveReferrals, now),
  };
}

/** Takes away exactly one condition from a five-star region. */
const without: Record<StarConditionId, (inputs: StarInputs) => StarInputs> = {
  informeren: (i) => ({ ...i, instruments: i.instruments.filter((x) => x.refId !== "info") }),
  examples: (i) => ({ ...i, examples: [{ regionCode: "ES05", sbiSection: "C" }] }),
  event: (i) => ({ ...i, events: [{ regionCode: "ES04", startsAt: new Date(now.getTime() + 200 * day) }] }),
  loket: (i) => ({ ...i, hubs: [{ regionCodes: ["ES04"], activeAdvisors: 0, takesIntakes: true }] }),
  kansen_identificeren: (i) => ({
    ...i,
    instruments: i.instruments.map((x) => (x.refId === "voucher" ? { ...x, journeySteps: [] } : x)),
  }),
  invoering: (i) => ({ ...i, instruments: i.instruments.filter((x) => x.refId !== "subsidie") }),
  voucher_or_feasibility: (i) => ({
    ...i,
    instruments: i.instruments.map((x) => (x.refId === "voucher" ? { ...x, kind: "training" } : x)),
  }),
  every_phase: (i) => ({
    ...i,
    instruments: i.instruments.map((x) =>
      x.refId === "voucher" || x.refId === "subsidie" ? { ...x, phases: ["starter"] } : x,
    ),
  }),
  verankering: (i) => ({ ...i, instruments: i.instruments.filter((x) => x.refId !== "borging") }),
  ketensamenwerking: (i) => ({ ...i, instruments: i.instruments.filter((x) => x.refId !== "keten") }),
  loop_closes: (i) => ({ ...i, loop: loopClosing([...fiveReferrals, referral(100, null, 70)], now) }),
};

describe("star level", () => {
  it("gives five stars when every condition holds, with nothing missing", () => {
    const result = starLevel(fiveStarInputs());
    expect(result.stars).toBe(5);
    expect(result.missingForNext).toEqual([]);
    expect(result.loop).toEqual({ judged: 5, closedInTime: 4 });
  });

  for (const condition of STAR_CONDITIONS) {
    it(`without "${condition.id}" the region stops at ${condition.level - 1} stars and names it as missing`, () => {
      const result = starLevel(without[condition.id](fiveStarInputs()));
      expect(result.met[condition.id]).toBe(false);
      expect(result.stars).toBe(condition.level - 1);
      expect(result.missingForNext).toEqual([condition.id]);
    });
  }

  it.each([0, 1, 2, 3, 4])(
    "a region at %i stars lists every missing condition of the next level",
    (level) => {
      let inputs = fiveStarInputs();
      for (const condition of STAR_CONDITIONS.filter((c) => c.level > level))
        inputs = without[condition.id](inputs);
      const result = starLevel(inputs);
      expect(result.stars).toBe(level);
      expect(result.missingForNext).toEqual(
        STAR_CONDITIONS.filter((c) => c.level === level + 1).map((c) => c.id),
      );
    },
  );

  it("a closed or oversubscribed instrument and one usable in part of the region do not count", () => {
    const inputs = fiveStarInputs();
    inputs.instruments = inputs.instruments.map((x) =>
      x.refId === "info"
        ? { ...x, status: "gesloten" }
        : x.refId === "keten"
          ? { ...x, coverageLevel: "province", coverageCodes: ["PV25"] }
          : x,
    );
    const result = starLevel(inputs);
    expect(result.met.informeren).toBe(false);
    expect(result.met.ketensamenwerking).toBe(false);
    expect(result.stars).toBe(0);
  });

  it("an event more than six months ahead, in the past or of another region does not count", () => {
    const inputs = fiveStarInputs();
    inputs.events = [
      { regionCode: "ES04", startsAt: new Date(now.getTime() - day) },
      { regionCode: "ES05", startsAt: new Date(now.getTime() + day) },
      { regionCode: null, startsAt: new Date(now.getTime() + day) },
    ];
    expect(starLevel(inputs).met.event).toBe(false);
  });

  it("a hub not taking intakes is no loket", () => {
    const inputs = fiveStarInputs();
    inputs.hubs = [{ regionCodes: ["ES04"], activeAdvisors: 3, takesIntakes: false }];
    expect(starLevel(inputs)).toMatchObject({ stars: 2, missingForNext: ["loket"] });
  });

  it("with no referrals the loop is not shown to close", () => {
    const inputs = fiveStarInputs();
    inputs.loop = loopClosing([], now);
    expect(starLevel(inputs)).toMatchObject({ stars: 4, missingForNext: ["loop_closes"] });
  });
});

describe("loop closing", () => {
  it("judges referrals of the last 12 months whose deadline passed or that have an outcome", () => {
    const result = loopClosing(
      [
        referral(30, 2, 5), // outcome after the deadline: judged, not in time
        referral(30, null, -10), // still running before its deadline: not judged
        referral(30, null, 5), // deadline passed without outcome: judged, not in time
        referral(400, 390, 380), // older than 12 months: ignored
        referral(30, 20, 5), // in time
      ],
      now,
    );
    expect(result).toEqual({ judged: 3, closedInTime: 1 });
  });
});
