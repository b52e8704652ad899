import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only audit log of every read and change of personal data and every refused access. A trigger (custom
 * migration) refuses UPDATE and DELETE. It holds ids, never the personal data itself; "from where" is the
 * pseudonymous client key, not an IP address.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorUserId: integer("actor_user_id"),
    /** Role and organisation at the time, or "ondernemer", "systeem". */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    outcome: text("outcome", { enum: ["allowed", "denied"] }).notNull(),
    clientKey: text("client_key"),
    detail: jsonb("detail").notNull().default({}),
  },
  (table) => [
    index("audit_log_subject_idx").on(table.subjectType, table.subjectId),
    index("audit_log_actor_idx").on(table.actorUserId),
  ],
);
