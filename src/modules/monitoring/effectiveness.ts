import type { InstrumentReferralFigures, ReferralFact } from "./monitoring.types.js";
import { instrumentFigures, medianDays } from "./referral-figures.js";

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

/** Effectiveness per instrument from referral facts: outcome rate, time to outcome, decline reasons, the label. Pure. */
export function instrumentEffectiveness(referrals: ReferralFact[]): InstrumentEffect[] {
  return effectivenessFrom(instrumentFigures(referrals));
}

/** Effectiveness from the per-instrument referral figures (from facts, or from the referrals module's rollup). */
export function effectivenessFrom(figures: InstrumentReferralFigures[]): InstrumentEffect[] {
  return figures
    .map((row) => {
      const helpedRate = row.outcomes ? row.helped / row.outcomes : null;
      const days = medianDays(row.leadTime);
      return {
        refId: row.refId,
        referrals: row.referrals,
        outcomes: row.outcomes,
        helped: row.helped,
        helpedRate,
        medianDaysToOutcome: days === null ? null : Math.round(days * 10) / 10,
        declineReasons: [...row.declineReasons].sort(
          (a, b) => b.count - a.count || a.reason.localeCompare(b.reason),
        ),
        provenEffective:
          row.outcomes >= PROVEN_MIN_OUTCOMES && helpedRate !== null && helpedRate >= PROVEN_MIN_HELPED_RATE,
      };
    })
    .sort((a, b) => b.referrals - a.referrals || a.refId.localeCompare(b.refId));
}
