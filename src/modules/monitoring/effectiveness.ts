import { median } from "./funnel.js";
import type { ReferralFact } from "./monitoring.types.js";

/** The "bewezen effectief" rule (ADR 0063): at least this many outcomes, and this share of them "geholpen". */
export const PROVEN_MIN_OUTCOMES = 20;
export const PROVEN_MIN_HELPED_RATE = 0.7;

export type InstrumentEffect = {
  refId: string;
  referrals: number;
  outcomes: number;
  helped: number;
  helpedRate: number | null;
  medianDaysToOutcome: number | null;
  declineReasons: { reason: string; count: number }[];
  provenEffective: boolean;
};

const DAY_MS = 24 * 3600 * 1000;

/** Effectiveness per instrument from referral facts: outcome rate, time to outcome, decline reasons, the label. Pure. */
export function instrumentEffectiveness(referrals: ReferralFact[]): InstrumentEffect[] {
  const byInstrument = new Map<string, ReferralFact[]>();
  for (const referral of referrals) {
    // Push, not spread: a copy per referral would make 100,000 referrals cost quadratic time.
    const list = byInstrument.get(referral.instrumentRefId);
    if (list) list.push(referral);
    else byInstrument.set(referral.instrumentRefId, [referral]);
  }
  return [...byInstrument.entries()]
    .map(([refId, facts]) => {
      const withOutcome = facts.filter((fact) => fact.outcome !== null && fact.outcomeAt !== null);
      const helped = withOutcome.filter((fact) => fact.outcome === "geholpen").length;
      const reasons = new Map<string, number>();
      for (const fact of facts)
        if (fact.declineReason) reasons.set(fact.declineReason, (reasons.get(fact.declineReason) ?? 0) + 1);
      const helpedRate = withOutcome.length ? helped / withOutcome.length : null;
      const days = median(
        withOutcome.map((fact) => (fact.outcomeAt!.getTime() - fact.createdAt.getTime()) / DAY_MS),
      );
      return {
        refId,
        referrals: facts.length,
        outcomes: withOutcome.length,
        helped,
        helpedRate,
        medianDaysToOutcome: days === null ? null : Math.round(days * 10) / 10,
        declineReasons: [...reasons.entries()]
          .map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        provenEffective:
          withOutcome.length >= PROVEN_MIN_OUTCOMES &&
          helpedRate !== null &&
          helpedRate >= PROVEN_MIN_HELPED_RATE,
      };
    })
    .sort((a, b) => b.referrals - a.referrals || a.refId.localeCompare(b.refId));
}
