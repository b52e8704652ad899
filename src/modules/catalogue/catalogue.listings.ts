import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Localised } from "../../i18n/index.js";
import type { STATUSES } from "../vocabulary/index.js";
import { type PastWindow, type Recurrence, statusOn } from "./catalogue.status.js";
import { catalogueInstruments, catalogueOrganizations } from "./catalogue.tables.js";

/** An instrument as other modules see it: its ref_id, its provider's ref_id and the listing fields. */
export type CatalogueInstrumentRef = {
  refId: string;
  slug: string;
  name: Localised;
  /** The catalogue organisation's ref_id (data/catalogue/organizations.json `id`), e.g. "rvo". */
  providerRef: string;
  /** The provider organisation's name, as the catalogue shows it. */
  providerName: string;
  status: string;
  windowOpen: string | null;
  windowClose: string | null;
  /** How the scheme recurs and its past rounds: with the stored status they give the status the public site shows. */
  recurrence: Recurrence | null;
  pastWindows: PastWindow[];
  conditions: Localised;
  /** The day the listing was last checked (HSDS assured_date). */
  lastVerified: string;
};

/** What a provider may change of its own listing (ADR 0044). */
export type ListingChange = {
  status: (typeof STATUSES)[number];
  windowOpen: string | null;
  windowClose: string | null;
  /** The conditions text as the provider wrote it (Dutch); undefined or empty keeps the current text. */
  conditions?: string;
  /** When the provider made the change: the instrument's updated_at, and its day becomes last_verified. */
  changedAt: Date;
};

const columns = {
  refId: catalogueInstruments.refId,
  slug: catalogueInstruments.slug,
  name: catalogueInstruments.name,
  providerRef: catalogueOrganizations.refId,
  providerName: catalogueOrganizations.name,
  status: catalogueInstruments.status,
  windowOpen: catalogueInstruments.windowOpen,
  windowClose: catalogueInstruments.windowClose,
  recurrence: catalogueInstruments.recurrence,
  pastWindows: catalogueInstruments.pastWindows,
  conditions: catalogueInstruments.conditions,
  lastVerified: catalogueInstruments.lastVerified,
};

/**
 * The catalogue's small door for other modules (referrals): look instruments up by ref_id or provider, and apply a
 * provider's listing change inside the caller's transaction. Reads are never cached: a change shows at once.
 */
export function createInstrumentLookup(db: Database, options: { includeSynthetic?: boolean } = {}) {
  const select = (on: Database, ...conditions: (SQL | undefined)[]) =>
    on
      .select(columns)
      .from(catalogueInstruments)
      .innerJoin(catalogueOrganizations, eq(catalogueOrganizations.id, catalogueInstruments.organizationId))
      .where(
        and(options.includeSynthetic ? undefined : eq(catalogueInstruments.synthetic, false), ...conditions),
      );

  return {
    get: async (refId: string): Promise<CatalogueInstrumentRef | undefined> =>
      (await select(db, eq(catalogueInstruments.refId, refId)).limit(1))[0],

    /** Many instruments in one read (a dossier's referrals), by ref_id; unknown ref_ids are left out. */
    getMany: async (refIds: readonly string[]): Promise<CatalogueInstrumentRef[]> => {
      const wanted = [...new Set(refIds)];
      return wanted.length ? select(db, inArray(catalogueInstruments.refId, wanted)) : [];
    },

    /** The same read inside the caller's transaction (PGlite has one connection: a read beside it would wait). */
    getOn: async (tx: Database, refId: string): Promise<CatalogueInstrumentRef | undefined> =>
      (await select(tx, eq(catalogueInstruments.refId, refId)).limit(1))[0],

    /** All instruments, or those with one of the given statuses, by ref_id. */
    list: async (filter: { statuses?: readonly string[] } = {}): Promise<CatalogueInstrumentRef[]> =>
      select(
        db,
        filter.statuses ? inArray(catalogueInstruments.status, [...filter.statuses]) : undefined,
      ).orderBy(asc(catalogueInstruments.refId)),

    /** A catalogue organisation's published contact details, by its ref_id (the warm handover's contact card). */
    provider: async (
      providerRef: string,
    ): Promise<
      { name: string; website: string | null; email: string | null; phone: string | null } | undefined
    > =>
      (
        await db
          .select({
            name: catalogueOrganizations.name,
            website: catalogueOrganizations.website,
            email: catalogueOrganizations.email,
            phone: catalogueOrganizations.phone,
          })
          .from(catalogueOrganizations)
          .where(eq(catalogueOrganizations.refId, providerRef))
          .limit(1)
      )[0],

    /** The instruments of one provider organisation, by its ref_id. */
    byProvider: async (providerRef: string): Promise<CatalogueInstrumentRef[]> =>
      select(db, eq(catalogueOrganizations.refId, providerRef)).orderBy(asc(catalogueInstruments.refId)),

    /** Reads and row-locks an instrument inside a transaction, so listing changes to it queue up one by one. */
    async lock(tx: Database, refId: string): Promise<CatalogueInstrumentRef | undefined> {
      const [row] = await select(tx, eq(catalogueInstruments.refId, refId))
        .limit(1)
        .for("update", { of: catalogueInstruments });
      return row;
    },

    /**
     * Writes a listing change to the instrument itself: status, window, conditions, last verified. The search vectors
     * are generated columns and follow by themselves.
     *
     * The provider's form shows the status as the public site shows it (`statusOn`): for a recurring scheme between
     * rounds that is verwacht, while the recorded status may be gesloten. The chosen status is recorded as chosen.
     * The curated status note describes the public status, so it is dropped only when that status changes: saving
     * other fields, or recording the status that was already shown, keeps it.
     */
    async applyListing(tx: Database, refId: string, change: ListingChange): Promise<boolean> {
      const [current] = await tx
        .select({
          status: catalogueInstruments.status,
          conditions: catalogueInstruments.conditions,
          windowOpen: catalogueInstruments.windowOpen,
          windowClose: catalogueInstruments.windowClose,
          recurrence: catalogueInstruments.recurrence,
          pastWindows: catalogueInstruments.pastWindows,
        })
        .from(catalogueInstruments)
        .where(eq(catalogueInstruments.refId, refId));
      if (!current) return false;
      const day = change.changedAt.toISOString().slice(0, 10);
      const shown = (listing: { status: string; windowOpen: string | null; windowClose: string | null }) =>
        statusOn(
          {
            status: listing.status,
            windowOpen: listing.windowOpen,
            windowClose: listing.windowClose,
            recurrence: current.recurrence,
            pastWindows: current.pastWindows,
          },
          day,
        ).status;
      const text = change.conditions?.trim();
      await tx
        .update(catalogueInstruments)
        .set({
          status: change.status,
          windowOpen: change.windowOpen,
          windowClose: change.windowClose,
          lastVerified: day,
          updatedAt: change.changedAt,
          ...(shown(current) === shown(change) ? {} : { statusNote: null }),
          ...(text && text !== current.conditions.nl ? { conditions: { nl: text, en: text } } : {}),
        })
        .where(eq(catalogueInstruments.refId, refId));
      return true;
    },

    /**
     * The provider says its listing is still current ("nog actueel"): only last_verified moves to that day (and
     * updated_at, so the search index and caches refresh); nothing else changes.
     */
    async confirmCurrent(tx: Database, refId: string, confirmedAt: Date): Promise<boolean> {
      const updated = await tx
        .update(catalogueInstruments)
        .set({ lastVerified: confirmedAt.toISOString().slice(0, 10), updatedAt: confirmedAt })
        .where(eq(catalogueInstruments.refId, refId))
        .returning({ refId: catalogueInstruments.refId });
      return updated.length > 0;
    },
  };
}

export type InstrumentLookup = ReturnType<typeof createInstrumentLookup>;
