/**
 * The facts the monitor aggregates. Other modules own the data (catalogue, referrals, knowledge, route); the monitor
 * only reads these plain shapes through `MonitoringSources`, so its aggregation stays pure and testable.
 */
import type { CoverageLevel } from "../vocabulary/index.js";

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
  /** SBI 2008 section letters the instrument is meant for; empty or absent: every sector (the gap view, ADR 0094). */
  sbiSections?: string[];
  /** The provider's name, for the per-provider "niet bijgewerkt" count. */
  providerName?: string;
  /** Checked more than twelve months ago (ADR 0079). */
  stale?: boolean;
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
  /** How the referral reached the provider: account, mail, warme_overdracht; null for old referrals (ADR 0086). */
  delivery?: string | null;
};

/** The delivery routes the monitor counts; "onbekend" holds referrals from before routes were recorded. */
export const DELIVERY_ROUTES = ["account", "mail", "warme_overdracht", "onbekend"] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];
/**
 * Statuses that show the provider (or, after a warm handover, the adviser for it) answered: anything but still
 * waiting (verstuurd), withdrawn or expired.
 */
export const ANSWERED_STATUSES = [
  "in_behandeling",
  "actie_ondernemer_nodig",
  "geaccepteerd",
  "in_uitvoering",
  "afgerond_geholpen",
  "afgerond_niet_geholpen",
  "afgewezen",
  "doorverwezen",
  "geen_contact",
] as const;

/** Referral counts per delivery route (ADR 0086): sent, answered by the provider, helped. */
export type DeliveryReferralFigures = {
  delivery: DeliveryRoute;
  sent: number;
  answered: number;
  helped: number;
};

/** A range of creation times: from inclusive, to exclusive. */
export type TimeRange = { from: Date; to: Date };

/** Referral counts of one region: loop closing judged at a moment (see stars.ts), and recorded outcomes. */
export type RegionReferralFigures = {
  regionCode: string;
  judged: number;
  closedInTime: number;
  /** Referrals with an outcome recorded (geholpen or another), and those geholpen. */
  outcomes: number;
  helped: number;
};

/**
 * The two middle values of a list of lead times in milliseconds (the same value when the count is odd): all an
 * exact median needs, so a median can be computed where the list lives and only these numbers travel.
 */
export type LeadTimeMiddles = { count: number; lowerMs: number; upperMs: number };

/** Referral counts of one instrument; the lead time runs from referral to a recorded outcome. */
export type InstrumentReferralFigures = {
  refId: string;
  referrals: number;
  outcomes: number;
  helped: number;
  leadTime: LeadTimeMiddles | null;
  declineReasons: { reason: string; count: number }[];
};

/**
 * Referral figures aggregated where the referrals live (ADR 0066): the referrals module answers them from its
 * rollup in SQL; `referralFiguresFromFacts` answers them from plain facts and is the reference both must agree with.
 */
export type ReferralFigures = {
  /** Per region, over referrals created in the range; loop closing judged at `now` (stars.ts, loopClosing). */
  byRegion(range: TimeRange, now: Date): Promise<RegionReferralFigures[]>;
  /** Per instrument, over referrals created in the range in the given regions. */
  byInstrument(range: TimeRange, regionCodes: string[]): Promise<InstrumentReferralFigures[]>;
  /** Lead times from referral to "geholpen", over referrals created in the range (in the given regions, or all). */
  helpedLeadTime(range: TimeRange, regionCodes?: string[]): Promise<LeadTimeMiddles | null>;
  /** Per delivery route, over referrals created in the range (in the given regions, or all); every route listed. */
  byDelivery(range: TimeRange, regionCodes?: string[]): Promise<DeliveryReferralFigures[]>;
  /** Brings pre-aggregated figures up to date with referrals changed since the given moment (the rollup job). */
  refresh?(since: Date): Promise<void>;
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
  referralFigures: ReferralFigures;
  hubs(): Promise<HubFact[]>;
  examples(): Promise<ExampleFact[]>;
  events(): Promise<EventFact[]>;
  /**
   * Where outcome goals read kg material, kg CO2e and euros (ADR 0095): the measures recorded in dossiers, and any
   * other source the composition root adds (Mijn route). Summed; none means every outcome is 0.
   */
  outcomes?: OutcomeSource[];
};

/** The outcomes of measures in one region on one basis (estimated or measured), summed over a time range. */
export type OutcomeSums = {
  regionCode: string;
  basis: "geschat" | "gemeten";
  materialKg: number;
  co2eKg: number;
  euro: number;
  /** How many measures the sums hold: small numbers are suppressed for whoever may not see exact figures. */
  measures: number;
};

/** A source of outcome sums per region and basis for measures recorded in [from, to); no personal data. */
export type OutcomeSource = (range: TimeRange) => Promise<OutcomeSums[]>;
