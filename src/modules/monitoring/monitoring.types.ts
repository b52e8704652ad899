/**
 * The facts the monitor aggregates. Other modules own the data (catalogue, referrals, knowledge, route); the monitor
 * only reads these plain shapes through `MonitoringSources`, so its aggregation stays pure and testable.
 */

export const JOURNEY_STEPS = [
  "informeren",
  "inspireren",
  "kansen_identificeren",
  "invoering",
  "verankering",
  "ketensamenwerking",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export const PHASES = ["starter", "peloton", "koploper"] as const;
export type Phase = (typeof PHASES)[number];

/** Where an instrument is available: the whole EU or NL, provinces, RES regions or municipalities. */
export type CoverageLevel = "eu" | "national" | "province" | "res_region" | "municipality";

export type CoverageInstrument = {
  id: string;
  refId: string;
  /** The catalogue page is /aanbod/{slug}. */
  slug: string;
  name: { nl: string; en: string };
  kind: string;
  journeySteps: string[];
  phases: string[];
  coverageLevel: CoverageLevel;
  coverageCodes: string[];
  status: string;
};

/** A referral without personal data: where, to what, and how it ended. */
export type ReferralFact = {
  regionCode: string;
  instrumentRefId: string;
  status: string;
  createdAt: Date;
  deadlineAt: Date | null;
  outcomeAt: Date | null;
  /** "geholpen" when the company was helped; another outcome code or null otherwise. */
  outcome: string | null;
  declineReason: string | null;
};

/** The journey event types, in funnel order (see funnel.ts). */
export const JOURNEY_EVENT_TYPES = [
  "route_shown",
  "scan_completed",
  "intake_requested",
  "case_opened",
  "referral_sent",
  "outcome_helped",
  "measure_recorded",
] as const;
export type JourneyEventType = (typeof JOURNEY_EVENT_TYPES)[number];

/** One step of a company's journey, holding no personal data. */
export type JourneyEvent = {
  type: string;
  regionCode: string;
  source: string | null;
  occurredAt: Date;
};

/** A regional hub (loket): the regions it covers and whether it can take intakes now. */
export type HubFact = { regionCodes: string[]; activeAdvisors: number; takesIntakes: boolean };
export type ExampleFact = { regionCode: string | null; sbiSection: string | null };
/** An agenda event; regionCode null means national (online or for every region). */
export type EventFact = { regionCode: string | null; startsAt: Date };

/** A region as the monitor sees it: its municipalities with their province. */
export type RegionGeo = {
  code: string;
  name: string;
  provinceCodes: string[];
  municipalities: { code: string; provinceCode: string }[];
};

/** Aggregated funnel counts: per region, event type, source and day (the rollup grain). */
export type FunnelCountRow = { regionCode: string; type: string; source: string | null; count: number };

/**
 * Where the monitor gets its facts. The composition root supplies these functions (`monitoringSourcesFor` in
 * src/app.ts): instruments from the catalogue, referrals and hubs from the referrals module, examples and events
 * from the curated files. The monitor never imports those modules' internals.
 */
export type MonitoringSources = {
  instruments(): Promise<CoverageInstrument[]>;
  referrals(range: { from: Date; to: Date }): Promise<ReferralFact[]>;
  hubs(): Promise<HubFact[]>;
  examples(): Promise<ExampleFact[]>;
  events(): Promise<EventFact[]>;
};
