/**
 * Dossiers: the adviser's queue, the whole dossier, taking it up, its status and notes, the measures the company
 * took, "geen passend aanbod" (ADR 0094), and the region figures without personal data.
 */
import type { AuditActor } from "../audit/index.js";
import { namesFor, type Principal } from "../auth/index.js";
import type { Help, JourneyStep, Phase } from "../vocabulary/index.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";
import {
  type CaseStatus,
  CONFLICT,
  days,
  type QueueFilter,
  type ReferralsContext,
} from "./referrals.model.js";
import { caseRows, referralRows } from "./referrals.repository.js";

export function dossierOperations(context: ReferralsContext) {
  const { db, audit, instruments, clock, entrepreneur, recordJourney } = context;

  return {
    /** The region and queue of a dossier, for the guard; no personal data. */
    async caseScope(caseId: number) {
      const row = await caseRows.scope(db, caseId);
      return row
        ? {
            id: row.id,
            regionCode: row.regionCode,
            queue: row.hubId === NATIONAL_QUEUE_ID ? ("national" as const) : ("regional" as const),
            /** The personal data were erased (consent withdrawn, or the beheerder's erasure): nothing more to do. */
            erased: row.anonymisedAt !== null,
          }
        : undefined;
    },

    /**
     * The queue: for an adviser the new, own, waiting or overdue dossiers in the hub's regions; for a national
     * coordinator those of the national queue (regions without a hub that takes intakes, ADR 0081).
     */
    async queue(principal: Principal, filter: QueueFilter, actor: AuditActor) {
      const now = clock();
      const rows = await caseRows.queue(db, {
        filter,
        userId: principal.userId,
        now,
        national: principal.role === "coordinator",
        regionCodes: principal.regionCodes,
      });
      const names = await namesFor(db, {
        userIds: rows.flatMap((row) => (row.assigned_user_id === null ? [] : [row.assigned_user_id])),
        organisationIds: [],
      });
      if (rows.length)
        await audit.record(db, actor, {
          action: "queue.read",
          subjectType: "case",
          subjectId: null,
          detail: { filter, caseIds: rows.map((row) => row.id) },
        });
      return rows.map((row) => ({
        id: row.id,
        companyName: row.company_name,
        regionCode: row.region_code,
        status: row.status,
        dueAt: new Date(row.due_at),
        createdAt: new Date(row.created_at),
        assigned: row.assigned_user_id === null ? null : (names.people.get(row.assigned_user_id) ?? null),
        overdue: new Date(row.due_at).getTime() < now.getTime() && row.status !== "afgesloten",
      }));
    },

    /** The whole dossier: profile, consent, notes and history, referrals, measures. The read is audited. */
    async dossier(caseId: number, actor: AuditActor) {
      const record = await caseRows.get(db, caseId);
      if (!record) return undefined;
      // The dossier's parts are independent reads: side by side on a server's pool (PGlite takes them in turn).
      const [consent, notes, caseReferrals, caseMeasures] = await Promise.all([
        caseRows.consent(db, caseId),
        caseRows.notes(db, caseId),
        referralRows.ofCase(db, caseId),
        caseRows.measures(db, caseId),
      ]);
      const names = await namesFor(db, {
        userIds: [
          ...notes.flatMap((note) => (note.author_user_id === null ? [] : [note.author_user_id])),
          ...(record.assignedUserId ? [record.assignedUserId] : []),
        ],
        organisationIds: [],
      });
      await audit.record(db, actor, { action: "case.read", subjectType: "case", subjectId: caseId });
      // One catalogue read for every referral's instrument, however many referrals the dossier holds.
      const referred = await instruments.getMany(caseReferrals.map((referral) => referral.instrumentRefId));
      // Erased: when, and the day the entrepreneur withdrew consent if that was why (the history's event says so).
      const withdrawal = notes.find(
        (note) => note.kind === "event" && note.body === "toestemming_ingetrokken",
      );
      return {
        record,
        erased: record.anonymisedAt
          ? {
              at: record.anonymisedAt,
              withdrawnAt: withdrawal ? new Date(withdrawal.created_at) : null,
            }
          : null,
        assigned: record.assignedUserId ? (names.people.get(record.assignedUserId) ?? null) : null,
        consent: consent ?? null,
        notes: notes.map(({ author_user_id, ...note }) => ({
          ...note,
          author: author_user_id === null ? null : (names.people.get(author_user_id) ?? null),
          createdAt: new Date(note.created_at),
        })),
        referrals: caseReferrals.map((referral) => ({
          ...referral,
          instrument: referred.get(referral.instrumentRefId),
        })),
        measures: caseMeasures,
      };
    },

    /** The adviseur takes a new dossier: assigned to them, in behandeling, a 30-day deadline. */
    async pickUp(caseId: number, principal: Principal, expectedVersion: number, actor: AuditActor) {
      const now = clock();
      return db.transaction(async (tx) => {
        const updated = await caseRows.updateIfCurrent(tx, caseId, expectedVersion, {
          assignedUserId: principal.userId,
          status: "in_behandeling",
          dueAt: new Date(now.getTime() + days(30)),
          updatedAt: now,
        });
        if (!updated) return CONFLICT;
        await caseRows.insertNote(tx, {
          caseId,
          authorUserId: principal.userId,
          kind: "event",
          body: "opgepakt",
          createdAt: now,
        });
        // The dossier is opened when an adviser takes the intake up.
        await recordJourney(tx, caseId, "case_opened", now);
        await entrepreneur.pickedUp(tx, caseId, principal.displayName, now);
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
          detail: { change: "pick_up" },
        });
        return { ok: true as const };
      });
    },

    /** Changes the dossier's status and agreed next steps, if nobody changed it since the form was loaded. */
    async updateDossier(
      caseId: number,
      change: { status: CaseStatus; nextSteps: string; expectedVersion: number },
      principal: Principal,
      actor: AuditActor,
    ) {
      const now = clock();
      return db.transaction(async (tx) => {
        const current = await caseRows.status(tx, caseId);
        const updated = await caseRows.updateIfCurrent(tx, caseId, change.expectedVersion, {
          status: change.status,
          nextSteps: change.nextSteps,
          closedAt: change.status === "afgesloten" ? now : null,
          updatedAt: now,
        });
        if (!updated) return CONFLICT;
        if (current && current.status !== change.status)
          await caseRows.insertNote(tx, {
            caseId,
            authorUserId: principal.userId,
            kind: "event",
            body: `status:${change.status}`,
            createdAt: now,
          });
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
        });
        return { ok: true as const };
      });
    },

    /** Adds an intake note to the dossier. */
    async addNote(caseId: number, body: string, principal: Principal, actor: AuditActor) {
      await db.transaction(async (tx) => {
        await caseRows.insertNote(tx, {
          caseId,
          authorUserId: principal.userId,
          kind: "note",
          body,
          createdAt: clock(),
        });
        await audit.record(tx, actor, {
          action: "case.update",
          subjectType: "case",
          subjectId: caseId,
          detail: { change: "note" },
        });
      });
    },

    /** Records a measure the company took, with its impact. */
    async addMeasure(
      caseId: number,
      input: {
        description: string;
        materialKg: number | null;
        euro: number | null;
        co2eKg: number | null;
        basis: "geschat" | "gemeten";
        referralId: number | null;
      },
      principal: Principal,
      actor: AuditActor,
    ) {
      return db.transaction(async (tx) => {
        const now = clock();
        // A measure may name a referral of its own dossier only.
        if (input.referralId !== null && !(await referralRows.belongsTo(tx, input.referralId, caseId)))
          return { ok: false as const, reason: "referral" as const };
        await caseRows.insertMeasure(tx, {
          caseId,
          ...input,
          createdByUserId: principal.userId,
          createdAt: now,
        });
        await recordJourney(tx, caseId, "measure_recorded", now);
        await audit.record(tx, actor, {
          action: "measure.create",
          subjectType: "case",
          subjectId: caseId,
        });
        return { ok: true as const };
      });
    },

    /**
     * The adviser marks the dossier's question "geen passend aanbod" (ADR 0094): a demand record for the monitor's
     * gap view with the case's region and sector and the step, phase and help the adviser names; audited.
     */
    async markNoOffer(
      caseId: number,
      input: { step: JourneyStep; phase: Phase | null; help: Help | null },
      actor: AuditActor,
    ) {
      return db.transaction(async (tx) => {
        const place = await caseRows.place(tx, caseId);
        if (!place) return { ok: false as const };
        await context.unmetDemand?.noOffer(tx, { ...place, ...input });
        await audit.record(tx, actor, {
          action: "case.mark_no_offer",
          subjectType: "case",
          subjectId: caseId,
          detail: { step: input.step, phase: input.phase, help: input.help },
        });
        return { ok: true as const };
      });
    },

    /** Counts per region without personal data: dossiers, referrals per status, outcomes and measured impact. */
    async regionFigures(regionCodes: string[]) {
      if (!regionCodes.length) return [];
      return caseRows.regionFigures(db, regionCodes);
    },
  };
}
