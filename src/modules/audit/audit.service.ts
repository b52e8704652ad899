import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { auditLog } from "./audit.tables.js";

/** Who did something, and from where (the pseudonymous client key, never an IP address). */
export type AuditActor = { userId: number | null; label: string; clientKey: string | null };

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  outcome?: "allowed" | "denied";
  detail?: Record<string, unknown>;
};

/** The append-only audit log. Pass a transaction as `db` to record together with the change. */
export function createAuditLog(clock: () => Date = () => new Date()) {
  return {
    /** Appends one entry. */
    async record(db: Database, actor: AuditActor, entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        occurredAt: clock(),
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
        outcome: entry.outcome ?? "allowed",
        clientKey: actor.clientKey,
        detail: entry.detail ?? {},
      });
    },
    /** The newest entries, optionally for one subject. */
    async latest(db: Database, options: { limit?: number; subjectType?: string; subjectId?: string } = {}) {
      const where =
        options.subjectType && options.subjectId
          ? sql`${auditLog.subjectType} = ${options.subjectType} and ${auditLog.subjectId} = ${options.subjectId}`
          : undefined;
      return db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(options.limit ?? 100);
    },
    /** Entries by one user (for the data-subject export of staff). */
    async byActor(db: Database, userId: number) {
      return db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.id));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
