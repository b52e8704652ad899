/**
 * The referrals module's words and shapes (ADR 0098): what the service's operations share. Constants, input and
 * result types, the dependencies the composition root hands in, and the context every operation file receives.
 */
import type { Database } from "../../db/client.js";
import type { AbsoluteUrl } from "../../web/links.js";
import type { AuditLog } from "../audit/index.js";
import type { Help, JourneyStep, Phase } from "../vocabulary/index.js";
import type { createEntrepreneurMails } from "./referrals.entrepreneur-mails.js";
import type { InstrumentDirectory } from "./referrals.instruments.js";

/** v2 names what the provider of a referred instrument sees (REFERRAL_SHARES); /privacy says the same. */
export const CONSENT_TEXT_VERSION = "intake-toestemming-2026-12-v2";
/**
 * The company's details a referral shows, to the provider of the instrument and on the referral page: exactly the
 * fields the consent text at intake names. Phone number, question and notes stay with the hub's advisers.
 */
export const REFERRAL_SHARES = [
  "companyName",
  "kvkNumber",
  "regionCode",
  "contactName",
  "contactEmail",
] as const;
export const CONSENT_PURPOSE = "intake, advies en verwijzing naar ondersteuning";
/** Days within which a hub answers a new intake. */
export const INTAKE_RESPONSE_DAYS = 5;
export const CASE_STATUSES = ["nieuw", "in_behandeling", "wachten", "afgesloten"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type QueueFilter = "nieuw" | "mijn" | "wachten" | "verlopen";

export type ReferralsDeps = {
  db: Database;
  audit: AuditLog;
  instruments: InstrumentDirectory;
  clock: () => Date;
  retentionMonths: number;
  /** Links in the mails this module writes: always absolute, on the configured public origin (ADR 0073). */
  absoluteUrl: AbsoluteUrl;
  /** Called after a listing change has committed, so in-memory copies of the catalogue are dropped. */
  onListingChanged?: (refId: string) => void;
  /** Unmet demand for the monitor's gap view (ADR 0094); the composition root wires the monitoring module's log. */
  unmetDemand?: UnmetDemandPort;
};

/**
 * Where the referrals module reports unmet demand (ADR 0094): codes only, never a case id or a person. A decline is
 * reported after its transaction commits, with the instrument, so the monitor can find the instrument's step.
 */
export type UnmetDemandPort = {
  /** An intake marked "geen passend aanbod", inside the caller's transaction. */
  noOffer(
    tx: Database,
    demand: {
      regionCode: string;
      sector: string | null;
      step: JourneyStep;
      phase: Phase | null;
      help: Help | null;
    },
  ): Promise<void>;
  /** A provider declined for lack of capacity or fit. */
  declined(demand: {
    regionCode: string;
    sector: string | null;
    instrumentRefId: string;
    source: "decline_capacity" | "decline_fit";
  }): Promise<void>;
};

/**
 * Which decline reasons are unmet demand (ADR 0094): no capacity or budget left is a capacity shortage; "not in the
 * target group" is a fit the offer lacks. Outside the region and incomplete are the referral's own problem.
 */
export const DECLINE_DEMAND: Partial<Record<string, "decline_capacity" | "decline_fit">> = {
  geen_capaciteit: "decline_capacity",
  budget_op: "decline_capacity",
  niet_in_doelgroep: "decline_fit",
};

export type Hub = {
  organisationId: string;
  name: string;
  description: { nl: string; en: string };
  email: string;
};

export type IntakeInput = {
  regionCode: string;
  municipalityCode: string | null;
  sbiSection: string | null;
  /** The sector choice as its SBI code (section or division), kept so the dossier names what was chosen. */
  sector?: string | null;
  scanResultId: string | null;
  /** The campaign slug (`bron`) the company came with, or null. */
  source: string | null;
  companyName: string;
  kvkNumber: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  question: string;
  /** The language of the intake form: the entrepreneur's mails are written in it. Default Dutch. */
  language?: "nl" | "en";
};

/** Where an intake goes: the region's hub that takes intakes, or the national queue (ADR 0081). */
export type IntakeRecipient =
  | { kind: "hub"; hub: Hub }
  | { kind: "national"; organisationId: string; name: string };

/** A stale form: the row changed since the user loaded it. */
export type Conflict = { ok: false; conflict: true };
export const CONFLICT: Conflict = { ok: false, conflict: true };
export const days = (count: number) => count * 86_400_000;

/** What every operation file of the service gets: the dependencies plus the helpers the service builds once. */
export type ReferralsContext = ReferralsDeps & {
  /** Every mail to the entrepreneur goes through this one place (ADR 0085). */
  entrepreneur: ReturnType<typeof createEntrepreneurMails>;
  /**
   * Records a step of the company's journey for the monitor's funnel, in the caller's transaction: the case's region,
   * sector section and campaign source only, no case id or personal data (ADR 0043, ADR 0062).
   */
  recordJourney: (tx: Database, caseId: number, type: string, now: Date) => Promise<void>;
};
