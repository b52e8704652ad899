import {
  ANSWERED_STATUSES,
  DELIVERY_ROUTES,
  type DeliveryReferralFigures,
  type InstrumentReferralFigures,
  type LeadTimeMiddles,
  type ReferralFact,
  type ReferralFigures,
  type RegionReferralFigures,
  type TimeRange,
} from "./monitoring.types.js";
import { loopClosing } from "./stars.js";

const DAY_MS = 24 * 3600 * 1000;

/** The two middle values of lead times in ms; null for none. */
export function leadTimeMiddles(values: number[]): LeadTimeMiddles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    lowerMs: sorted[Math.ceil(sorted.length / 2) - 1]!,
    upperMs: sorted[Math.floor(sorted.length / 2)]!,
  };
}

/** The median in days from the two middle lead times, the same number `median()` gives over the days themselves. */
export function medianDays(middles: LeadTimeMiddles | null): number | null {
  if (!middles) return null;
  if (middles.count % 2) return middles.lowerMs / DAY_MS;
  return (middles.lowerMs / DAY_MS + middles.upperMs / DAY_MS) / 2;
}

const leadMs = (fact: ReferralFact) => fact.outcomeAt!.getTime() - fact.createdAt.getTime();

/** Per region: loop closing at `now` and recorded outcomes. Pure. */
export function regionFigures(facts: ReferralFact[], now: Date): RegionReferralFigures[] {
  const byRegion = new Map<string, ReferralFact[]>();
  for (const fact of facts) {
    const list = byRegion.get(fact.regionCode);
    if (list) list.push(fact);
    else byRegion.set(fact.regionCode, [fact]);
  }
  return [...byRegion.entries()].map(([regionCode, own]) => {
    const withOutcome = own.filter((fact) => fact.outcome);
    return {
      regionCode,
      ...loopClosing(own, now),
      outcomes: withOutcome.length,
      helped: withOutcome.filter((fact) => fact.outcome === "geholpen").length,
    };
  });
}

/** Per instrument: referrals, outcomes with their lead times, decline reasons. Pure. */
export function instrumentFigures(facts: ReferralFact[]): InstrumentReferralFigures[] {
  const byInstrument = new Map<string, ReferralFact[]>();
  for (const fact of facts) {
    // Push, not spread: a copy per referral would make 100,000 referrals cost quadratic time.
    const list = byInstrument.get(fact.instrumentRefId);
    if (list) list.push(fact);
    else byInstrument.set(fact.instrumentRefId, [fact]);
  }
  return [...byInstrument.entries()].map(([refId, own]) => {
    const withOutcome = own.filter((fact) => fact.outcome !== null && fact.outcomeAt !== null);
    const reasons = new Map<string, number>();
    for (const fact of own)
      if (fact.declineReason) reasons.set(fact.declineReason, (reasons.get(fact.declineReason) ?? 0) + 1);
    return {
      refId,
      referrals: own.length,
      outcomes: withOutcome.length,
      helped: withOutcome.filter((fact) => fact.outcome === "geholpen").length,
      leadTime: leadTimeMiddles(withOutcome.map(leadMs)),
      declineReasons: [...reasons.entries()].map(([reason, count]) => ({ reason, count })),
    };
  });
}

/** Lead times of the referrals that ended "geholpen". Pure. */
export function helpedLeadTime(facts: ReferralFact[]): LeadTimeMiddles | null {
  return leadTimeMiddles(facts.filter((fact) => fact.outcome === "geholpen" && fact.outcomeAt).map(leadMs));
}

/** Sent, answered and helped per delivery route, every route listed (zeros too). Pure. */
export function deliveryFigures(facts: ReferralFact[]): DeliveryReferralFigures[] {
  const answered = new Set<string>(ANSWERED_STATUSES);
  return DELIVERY_ROUTES.map((delivery) => {
    const own = facts.filter((fact) => (fact.delivery ?? "onbekend") === delivery);
    return {
      delivery,
      sent: own.length,
      answered: own.filter((fact) => answered.has(fact.status)).length,
      helped: own.filter((fact) => fact.outcome === "geholpen").length,
    };
  });
}

/**
 * Referral figures computed in JavaScript from plain facts of a range: the reference the referrals module's SQL
 * rollup must agree with (tested on both databases), and the figures of sources without referrals.
 */
export function referralFiguresFromFacts(
  read: (range: TimeRange) => Promise<ReferralFact[]>,
): ReferralFigures {
  return {
    byRegion: async (range, now) => regionFigures(await read(range), now),
    byInstrument: async (range, regionCodes) =>
      instrumentFigures((await read(range)).filter((fact) => regionCodes.includes(fact.regionCode))),
    byDelivery: async (range, regionCodes) => {
      const facts = await read(range);
      return deliveryFigures(
        regionCodes ? facts.filter((fact) => regionCodes.includes(fact.regionCode)) : facts,
      );
    },
    helpedLeadTime: async (range, regionCodes) => {
      const facts = await read(range);
      return helpedLeadTime(
        regionCodes ? facts.filter((fact) => regionCodes.includes(fact.regionCode)) : facts,
      );
    },
  };
}
