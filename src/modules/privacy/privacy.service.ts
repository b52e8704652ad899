import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { normaliseEmail } from "../auth/index.js";
import { accountKeyOf, PERSONAL_DATA, type PersonalDataLocation, type Subject } from "./privacy.registry.js";

/**
 * Data-subject rights and retention, all driven by the registry of personal-data locations (PERSONAL_DATA):
 * export everything about one e-mail address, erase it (anonymise or delete, location by location; counts, statuses
 * and impact figures stay for the monitor), and erase what has passed the retention period.
 */
export function createPrivacyService(deps: {
  db: Database;
  audit: AuditLog;
  clock: () => Date;
  locations?: readonly PersonalDataLocation[];
}) {
  const { audit, clock } = deps;
  const locations = deps.locations ?? PERSONAL_DATA;

  async function subjectOf(db: Database, address: string): Promise<Subject> {
    const email = normaliseEmail(address);
    const caseIds = await queryRows<{ id: number }>(
      db,
      sql`select id from cases where lower(trim(contact_email)) = ${email} order by id`,
    );
    const userIds = await queryRows<{ id: number }>(
      db,
      sql`select id from users where lower(trim(email)) = ${email} order by id`,
    );
    return {
      email,
      caseIds: caseIds.map((row) => Number(row.id)),
      userIds: userIds.map((row) => Number(row.id)),
      accountKey: accountKeyOf(email),
    };
  }

  const table = (location: PersonalDataLocation) => sql.identifier(location.table);

  async function exportRows(db: Database, location: PersonalDataLocation, where: SQL) {
    const columns = location.exportColumns
      ? sql.join(
          location.exportColumns.map((column) => sql.identifier(column)),
          sql`, `,
        )
      : sql`*`;
    return queryRows<Record<string, unknown>>(
      db,
      sql`select ${columns} from ${table(location)} where ${where}`,
    );
  }

  /** Applies one location's erasure to the rows `where` selects; answers nothing, the caller audits. */
  async function eraseRows(db: Database, location: PersonalDataLocation, where: SQL, now: Date) {
    const { erase } = location;
    if (erase === "keep") return;
    if (erase === "delete") {
      await db.execute(sql`delete from ${table(location)} where ${where}`);
      return;
    }
    const assignments = sql.join(
      Object.entries(erase.set(now)).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
      sql`, `,
    );
    const only = erase.onlyWhere ? sql` and ${erase.onlyWhere}` : sql``;
    await db.execute(sql`update ${table(location)} set ${assignments} where (${where})${only}`);
  }

  /** Erases every location's rows for the subject (resolved before, so the order of the locations does not matter). */
  async function eraseSubjectRows(db: Database, subject: Subject, now: Date) {
    for (const location of locations) await eraseRows(db, location, location.where(subject), now);
  }

  return {
    /** The registry this service reads (for tests and documentation). */
    locations,

    /** Everything stored about one e-mail address, as JSON-ready data, one key per registry location. Audited. */
    async exportSubject(email: string, actor: AuditActor) {
      const db = deps.db;
      const subject = await subjectOf(db, email);
      const data: Record<string, unknown> = { email: subject.email, exportedAt: clock().toISOString() };
      for (const location of locations)
        data[location.key] = await exportRows(db, location, location.where(subject));
      await audit.record(db, actor, {
        action: "subject.export",
        subjectType: "subject",
        subjectId: null,
        detail: { caseIds: subject.caseIds, userIds: subject.userIds },
      });
      return data;
    },

    /**
     * Everything stored about one dossier, for the entrepreneur who holds its link (ADR 0085): every registry location
     * matched by the case id, nothing matched by address alone (another dossier or an account with the same address
     * is not theirs to see by this link). Audited.
     */
    async exportCase(caseId: number, actor: AuditActor) {
      const db = deps.db;
      const subject: Subject = { email: null, caseIds: [caseId], userIds: [], accountKey: null };
      const data: Record<string, unknown> = { caseId, exportedAt: clock().toISOString() };
      for (const location of locations) {
        if (!location.matchedBy.includes("case id") && !location.matchedBy.includes("referral of a case"))
          continue;
        data[location.key] = await exportRows(db, location, location.where(subject));
      }
      await audit.record(db, actor, {
        action: "subject.export",
        subjectType: "case",
        subjectId: caseId,
        detail: { caseIds: [caseId], by: "own_case" },
      });
      return data;
    },

    /**
     * Erases one dossier as the beheerder's erasure does, location by location from the registry, when the
     * entrepreneur withdraws consent from their own page (ADR 0085). Answers whether a dossier was erased.
     */
    async eraseCase(caseId: number, actor: AuditActor): Promise<boolean> {
      return deps.db.transaction(async (tx) => {
        const t = tx;
        const [open] = await queryRows<{ id: number }>(
          t,
          sql`select id from cases where id = ${caseId} and anonymised_at is null for update`,
        );
        if (!open) return false;
        await eraseSubjectRows(t, { email: null, caseIds: [caseId], userIds: [], accountKey: null }, clock());
        await audit.record(t, actor, {
          action: "subject.erase",
          subjectType: "case",
          subjectId: caseId,
          detail: { caseIds: [caseId], by: "consent_withdrawn" },
        });
        return true;
      });
    },

    /** Erases one e-mail address everywhere the registry names; the counts stay. Answers how many dossiers. */
    async eraseSubject(email: string, actor: AuditActor): Promise<number> {
      return deps.db.transaction(async (tx) => {
        const t = tx;
        const subject = await subjectOf(t, email);
        await eraseSubjectRows(t, subject, clock());
        await audit.record(t, actor, {
          action: "subject.erase",
          subjectType: "subject",
          subjectId: null,
          detail: { caseIds: subject.caseIds, userIds: subject.userIds },
        });
        return subject.caseIds.length;
      });
    },

    /**
     * The retention job: dossiers closed longer than the retention period are erased through every location matched
     * by case id, and each location with a retention rule of its own (barrier contacts, reset requests) erases its
     * due rows. Answers how many dossiers.
     */
    async applyRetention(tx: Database, now: Date, retentionMonths: number): Promise<number> {
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
      const due = await queryRows<{ id: number }>(
        tx,
        sql`select id from cases where status = 'afgesloten' and closed_at < ${cutoff} and anonymised_at is null`,
      );
      const caseIds = due.map((row) => Number(row.id));
      await eraseSubjectRows(tx, { email: null, caseIds, userIds: [], accountKey: null }, now);
      const own: Record<string, number> = {};
      for (const location of locations) {
        if (!location.retention) continue;
        const where = location.retention(cutoff, now);
        const [count] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${table(location)} where ${where}`,
        );
        if (!count?.n) continue;
        own[location.key] = count.n;
        await eraseRows(tx, location, where, now);
      }
      if (caseIds.length || Object.keys(own).length)
        await audit.record(
          tx,
          { userId: null, label: "systeem", clientKey: null },
          {
            action: "retention.anonymise",
            subjectType: "case",
            subjectId: null,
            detail: { caseIds, retentionMonths, ...own },
          },
        );
      return caseIds.length;
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
