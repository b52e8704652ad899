import type { FunnelCountRow, LeadTimeMiddles } from "./monitoring.types.js";
import { medianDays } from "./referral-figures.js";

/** The funnel's stages; route_shown and scan_completed together form the first ("routes and scans"). */
export const FUNNEL_STAGES = [
  "route_shown",
  "intake_requested",
  "case_opened",
  "referral_sent",
  "outcome_helped",
  "measure_recorded",
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const STAGE_OF_TYPE: Record<string, FunnelStage> = {
  route_shown: "route_shown",
  scan_completed: "route_shown",
  intake_requested: "intake_requested",
  case_opened: "case_opened",
  referral_sent: "referral_sent",
  outcome_helped: "outcome_helped",
  measure_recorded: "measure_recorded",
};

/** Counts below this are shown as "<5" on public pages. */
export const SUPPRESSION_THRESHOLD = 5;

/** A count as it may be published: null when it is below the threshold. */
export function suppress(count: number): number | null {
  return count < SUPPRESSION_THRESHOLD ? null : count;
}

export type FunnelStageResult = {
  stage: FunnelStage;
  count: number;
  /** count / previous stage's count; null for the first stage or when the previous is 0. */
  conversion: number | null;
  /** Median days from the previous stage, where events can be linked (referral → outcome); else null. */
  leadTimeDays: number | null;
};
export type SourceResult = {
  source: string | null;
  routes: number;
  intakes: number;
  conversion: number | null;
};
export type Funnel = { stages: FunnelStageResult[]; bySource: SourceResult[] };

/** The median of a list of numbers (null for an empty list). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The funnel from aggregated journey-event counts. Journey events carry no case id (no personal data), so stages
 * cannot be linked company by company: conversion is stage over previous stage in the same period, and a lead time
 * is given only for referral → outcome, from the lead times of referrals that ended "geholpen" (the referral links
 * the two).
 */
export function computeFunnel(rows: FunnelCountRow[], helpedLeadTime: LeadTimeMiddles | null = null): Funnel {
  const totals = new Map<FunnelStage, number>(FUNNEL_STAGES.map((stage) => [stage, 0]));
  const sources = new Map<string | null, { routes: number; intakes: number }>();
  for (const row of rows) {
    const stage = STAGE_OF_TYPE[row.type];
    if (!stage) continue;
    totals.set(stage, totals.get(stage)! + row.count);
    if (stage === "route_shown" || stage === "intake_requested") {
      const key = row.source || null;
      const entry = sources.get(key) ?? { routes: 0, intakes: 0 };
      if (stage === "route_shown") entry.routes += row.count;
      else entry.intakes += row.count;
      sources.set(key, entry);
    }
  }
  const helpedDays = medianDays(helpedLeadTime);
  const stages = FUNNEL_STAGES.map((stage, index) => {
    const count = totals.get(stage)!;
    const previous = index === 0 ? 0 : totals.get(FUNNEL_STAGES[index - 1]!)!;
    const lead = stage === "outcome_helped" ? helpedDays : null;
    return {
      stage,
      count,
      conversion: index === 0 || previous === 0 ? null : count / previous,
      leadTimeDays: lead === null ? null : Math.round(lead * 10) / 10,
    };
  });
  const bySource = [...sources.entries()]
    .map(([source, { routes, intakes }]) => ({
      source,
      routes,
      intakes,
      conversion: routes === 0 ? null : intakes / routes,
    }))
    .sort((a, b) => b.routes - a.routes || String(a.source).localeCompare(String(b.source)));
  return { stages, bySource };
}

/**
 * The funnel as published: every count under the threshold suppressed, and a conversion only when both counts are
 * shown (a rate from a suppressed count would reveal it).
 */
export function publicFunnel(funnel: Funnel) {
  const stages = funnel.stages.map((stage, index) => {
    const count = suppress(stage.count);
    const previous = index === 0 ? null : suppress(funnel.stages[index - 1]!.count);
    return {
      ...stage,
      count,
      conversion: count === null || previous === null ? null : stage.conversion,
    };
  });
  const bySource = funnel.bySource.map((row) => {
    const routes = suppress(row.routes);
    const intakes = suppress(row.intakes);
    return {
      ...row,
      routes,
      intakes,
      conversion: routes === null || intakes === null ? null : row.conversion,
    };
  });
  return { stages, bySource };
}

export type PublishedFunnel = ReturnType<typeof publicFunnel>;
