/**
 * The provider's side: its incoming referrals, its listings with their versions, a listing change or "nog actueel"
 * written to the catalogue in one transaction (ADR 0044), and its public contact for the adviser's warm handover.
 */
import type { AuditActor } from "../audit/index.js";
import { type Principal, providerOrganisationContact } from "../auth/index.js";
import { statusOn } from "../catalogue/index.js";
import type { ListingStatus } from "./referrals.instruments.js";
import { CONFLICT, type Conflict, type ReferralsContext } from "./referrals.model.js";
import { listingRows, referralRows } from "./referrals.repository.js";

export function providerOperations(context: ReferralsContext) {
  const { db, audit, instruments, clock } = context;

  return {
    /** The provider's incoming referrals for its own instruments. */
    async providerInbox(providerId: string, actor: AuditActor) {
      const rows = await referralRows.inbox(db, providerId);
      if (rows.length)
        await audit.record(db, actor, {
          action: "inbox.read",
          subjectType: "referral",
          detail: { referralIds: rows.map((row) => row.id) },
        });
      // One catalogue read for the whole inbox: every row is about one of this provider's instruments.
      const own = new Map((await instruments.byProvider(providerId)).map((item) => [item.refId, item]));
      return rows.map((row) => ({ ...row, instrument: own.get(row.instrumentRefId) }));
    },

    /** The provider's instruments with the newest version of its own listing data. */
    async listings(providerId: string) {
      const own = await instruments.byProvider(providerId);
      const versions = await listingRows.versionsOf(
        db,
        own.map((instrument) => instrument.refId),
      );
      return own.map((instrument) => {
        const history = versions.filter((version) => version.instrumentRefId === instrument.refId);
        return { instrument, current: history[0] ?? null, history };
      });
    },

    /**
     * Adds a new version of a listing if the provider saw the newest one (optimistic locking by version number) and
     * writes the change to the catalogue instrument in the same transaction. The instrument's row lock makes
     * concurrent saves of one listing wait for each other, so exactly one of two stale-free saves wins.
     */
    async updateListing(
      refId: string,
      providerId: string,
      input: {
        status: ListingStatus;
        opensOn: string | null;
        closesOn: string | null;
        terms: string;
        expectedVersion: number;
      },
      principal: Principal,
      actor: AuditActor,
    ): Promise<{ ok: true; version: number } | Conflict | { ok: false; conflict: false }> {
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const instrument = await instruments.lock(tx, refId);
        if (!instrument || instrument.providerOrganizationId !== providerId)
          return { ok: false as const, conflict: false as const };
        if ((await listingRows.latestVersion(tx, refId)) !== input.expectedVersion) return CONFLICT;
        const version = input.expectedVersion + 1;
        await listingRows.insert(tx, {
          instrumentRefId: refId,
          providerId,
          version,
          status: input.status,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          terms: input.terms,
          changedByUserId: principal.userId,
          changedAt: now,
        });
        await instruments.applyListing(tx, refId, {
          status: input.status,
          windowOpen: input.opensOn,
          windowClose: input.closesOn,
          conditions: input.terms,
          changedAt: now,
        });
        await audit.record(tx, actor, {
          action: "listing.update",
          subjectType: "listing",
          subjectId: refId,
          // From the status the provider saw on its form: the one the public site showed.
          detail: {
            version,
            from: statusOn(instrument, now.toISOString().slice(0, 10)).status,
            to: input.status,
          },
        });
        return { ok: true as const, version };
      });
      if (result.ok) context.onListingChanged?.(refId);
      return result;
    },

    /**
     * The provider confirms its listing is still current: last_verified becomes today, in one transaction with the
     * audit entry. Nothing else of the listing changes, so no new listing version is written.
     */
    async confirmListing(
      refId: string,
      providerId: string,
      actor: AuditActor,
    ): Promise<{ ok: true; lastVerified: string } | { ok: false }> {
      const now = clock();
      const result = await db.transaction(async (tx) => {
        const instrument = await instruments.lock(tx, refId);
        if (!instrument || instrument.providerOrganizationId !== providerId) return { ok: false as const };
        await instruments.confirmCurrent(tx, refId, now);
        const lastVerified = now.toISOString().slice(0, 10);
        await audit.record(tx, actor, {
          action: "listing.confirm",
          subjectType: "listing",
          subjectId: refId,
          detail: { from: instrument.lastVerified, to: lastVerified },
        });
        return { ok: true as const, lastVerified };
      });
      if (result.ok) context.onListingChanged?.(refId);
      return result;
    },

    /**
     * The provider's public contact details, for the adviser's warm handover: the workspace organisation's, each
     * field filled from the published catalogue organisation where the workspace has none; null where unknown.
     */
    async providerContact(providerId: string) {
      const [workspace, published] = await Promise.all([
        providerOrganisationContact(db, providerId),
        instruments.provider(providerId),
      ]);
      if (!workspace && !published) return null;
      return {
        // One of the two exists, and both have a name.
        name: workspace?.name ?? published?.name ?? providerId,
        website: workspace?.website ?? published?.website ?? null,
        public_email: workspace?.publicEmail ?? published?.email ?? null,
        phone: workspace?.phone ?? published?.phone ?? null,
        visiting_address: workspace?.visitingAddress ?? null,
        opening_hours: workspace?.openingHours ?? null,
      };
    },
  };
}
