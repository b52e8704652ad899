import { eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import {
  caseNotes,
  cases,
  consents,
  measures,
  outboxMessages,
  referralEvents,
  referrals,
} from "./referrals.tables.js";

const ANONYMISED = "[geanonimiseerd]";

/**
 * Data-subject rights and retention: export everything about one e-mail address, erase it by anonymisation (counts,
 * statuses and impact figures stay for the monitor), and anonymise closed dossiers after the retention period.
 */
export function createPrivacyService(deps: { db: Database; audit: AuditLog; clock: () => Date }) {
  const { audit, clock } = deps;

  async function casesOf(db: Database, email: string) {
    return db.select({ id: cases.id }).from(cases).where(eq(cases.contactEmail, email.trim().toLowerCase()));
  }

  /** Replaces every personal field of the dossiers; keeps ids, dates, statuses, reason codes and figures. */
  async function anonymiseCases(db: Database, caseIds: number[]): Promise<void> {
    if (!caseIds.length) return;
    const now = clock();
    await db
      .update(cases)
      .set({
        companyName: ANONYMISED,
        kvkNumber: "00000000",
        contactName: ANONYMISED,
        contactEmail: sql`'geanonimiseerd-' || ${cases.id} || '@geanonimiseerd.invalid'`,
        contactPhone: null,
        question: ANONYMISED,
        nextSteps: "",
        scanResultId: null,
        anonymisedAt: now,
        version: sql`${cases.version} + 1`,
      })
      .where(inArray(cases.id, caseIds));
    await db
      .update(caseNotes)
      .set({ body: ANONYMISED })
      .where(sql`${caseNotes.caseId} in ${caseIds} and ${caseNotes.kind} = 'note'`);
    await db.update(referrals).set({ message: ANONYMISED }).where(inArray(referrals.caseId, caseIds));
    await db
      .update(referralEvents)
      .set({ note: "" })
      .where(sql`${referralEvents.referralId} in (select id from referrals where case_id in ${caseIds})`);
    await db.update(measures).set({ description: ANONYMISED }).where(inArray(measures.caseId, caseIds));
    await db
      .update(outboxMessages)
      .set({ toAddress: "geanonimiseerd@geanonimiseerd.invalid", subject: ANONYMISED, body: ANONYMISED })
      .where(inArray(outboxMessages.caseId, caseIds));
  }

  return {
    /** Everything stored about one e-mail address, as JSON-ready data. The export is audited. */
    async exportSubject(email: string, actor: AuditActor) {
      const db = deps.db;
      const normalised = email.trim().toLowerCase();
      const ids = (await casesOf(db, normalised)).map((row) => row.id);
      const byCase = <T>(rows: T[]) => rows;
      const data = {
        email: normalised,
        exportedAt: clock().toISOString(),
        cases: ids.length ? await db.select().from(cases).where(inArray(cases.id, ids)) : [],
        consents: ids.length ? await db.select().from(consents).where(inArray(consents.caseId, ids)) : [],
        notes: ids.length
          ? byCase(await db.select().from(caseNotes).where(inArray(caseNotes.caseId, ids)))
          : [],
        referrals: ids.length ? await db.select().from(referrals).where(inArray(referrals.caseId, ids)) : [],
        referralEvents: ids.length
          ? await queryRows(
              db,
              sql`select * from referral_events where referral_id in (select id from referrals where case_id in ${ids})`,
            )
          : [],
        measures: ids.length ? await db.select().from(measures).where(inArray(measures.caseId, ids)) : [],
        messages: await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, normalised)),
      };
      await audit.record(db, actor, {
        action: "subject.export",
        subjectType: "subject",
        subjectId: null,
        detail: { caseIds: ids },
      });
      return data;
    },

    /** Erases one e-mail address by anonymisation; the counts stay. Returns how many dossiers were anonymised. */
    async eraseSubject(email: string, actor: AuditActor): Promise<number> {
      const normalised = email.trim().toLowerCase();
      return deps.db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const ids = (await casesOf(t, normalised)).map((row) => row.id);
        await anonymiseCases(t, ids);
        await tx
          .update(outboxMessages)
          .set({ toAddress: "geanonimiseerd@geanonimiseerd.invalid", subject: ANONYMISED, body: ANONYMISED })
          .where(eq(outboxMessages.toAddress, normalised));
        await audit.record(t, actor, {
          action: "subject.erase",
          subjectType: "subject",
          subjectId: null,
          detail: { caseIds: ids },
        });
        return ids.length;
      });
    },

    /** The retention job: closed dossiers older than the retention period are anonymised. Returns how many. */
    async applyRetention(tx: Database, now: Date, retentionMonths: number): Promise<number> {
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
      const due = await queryRows<{ id: number }>(
        tx,
        sql`select id from cases where status = 'afgesloten' and closed_at < ${cutoff} and anonymised_at is null`,
      );
      const ids = due.map((row) => row.id);
      await anonymiseCases(tx, ids);
      if (ids.length)
        await audit.record(
          tx,
          { userId: null, label: "systeem", clientKey: null },
          {
            action: "retention.anonymise",
            subjectType: "case",
            subjectId: null,
            detail: { caseIds: ids, retentionMonths },
          },
        );
      return ids.length;
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
