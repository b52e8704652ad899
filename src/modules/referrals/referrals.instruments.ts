import type { Database } from "../../db/client.js";
import type { Localised } from "../../i18n/index.js";
import { AVAILABLE_STATUSES, isAvailable, STATUSES, type Status } from "../vocabulary/index.js";

/** The catalogue's status words a provider can set on its listing: the catalogue's one vocabulary (ADR 0079). */
export const LISTING_STATUSES = STATUSES;
export type ListingStatus = Status;
/** Only instruments a company can still use are offered for referral (the catalogue's isAvailable). */
export const REFERABLE_STATUSES: readonly ListingStatus[] = AVAILABLE_STATUSES;

/** What the referrals module needs to know about an instrument, by its stable catalogue ref_id. */
export type InstrumentSummary = {
  refId: string;
  slug: string;
  name: Localised;
  /** The provider organisation's catalogue ref_id; auth organisations carry the same value as provider_id. */
  providerOrganizationId: string;
  /** The provider organisation's name, as the catalogue shows it. */
  providerName: string;
  status: string;
  windowOpen: string | null;
  windowClose: string | null;
  /**
   * How the scheme recurs (yearly, in these months, until) and its past rounds: with the stored status and window
   * they give the status the public site shows (the catalogue's statusOn).
   */
  recurrence: { frequency: "yearly"; months: number[]; until: string | null } | null;
  pastWindows: { open: string; close: string | null }[];
  conditions: Localised;
  /** The day the listing was last checked (YYYY-MM-DD). */
  lastVerified: string;
};

/** A catalogue provider's published name and contact details. */
export type ProviderSummary = {
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
};

/** A provider's listing change as it is written to the catalogue. */
export type ListingChange = {
  status: ListingStatus;
  windowOpen: string | null;
  windowClose: string | null;
  conditions: string;
  changedAt: Date;
};

/**
 * The catalogue seen from the referrals module (ADR 0044): the composition root hands in an implementation backed by
 * the catalogue's tables. The transaction-taking methods run inside the referrals module's own transaction, so a
 * listing version and the catalogue change commit or roll back together.
 */
export type InstrumentDirectory = {
  get(refId: string): Promise<InstrumentSummary | undefined>;
  /** Many instruments in one read, by ref_id (a dossier's referrals); an unknown ref_id has no entry. */
  getMany(refIds: readonly string[]): Promise<Map<string, InstrumentSummary>>;
  /** The same read inside a transaction of the caller's (on PGlite a read beside an open transaction would wait). */
  getOn(tx: Database, refId: string): Promise<InstrumentSummary | undefined>;
  /** Every instrument, or only those with one of the given statuses. */
  list(filter?: { statuses?: readonly string[] }): Promise<InstrumentSummary[]>;
  byProvider(providerId: string): Promise<InstrumentSummary[]>;
  /** The catalogue organisation's published name and contact details, by its ref_id; undefined when unknown. */
  provider(providerId: string): Promise<ProviderSummary | undefined>;
  /** Reads the instrument and locks it until the transaction ends. */
  lock(tx: Database, refId: string): Promise<InstrumentSummary | undefined>;
  applyListing(tx: Database, refId: string, change: ListingChange): Promise<boolean>;
  /** Sets last_verified to the day of `confirmedAt` and changes nothing else ("nog actueel"). */
  confirmCurrent(tx: Database, refId: string, confirmedAt: Date): Promise<boolean>;
};

export const isReferable = (instrument: Pick<InstrumentSummary, "status">) => isAvailable(instrument.status);
