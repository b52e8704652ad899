import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * A regulatory or practical barrier reported by a company or an advisor (the feedback loop from practice to policy).
 * Contact details are optional and kept only with consent, with the consent text version and purpose.
 */
export const barriers = pgTable(
  "barriers",
  {
    id: serial("id").primaryKey(),
    description: text("description").notNull(),
    theme: text("theme").notNull(),
    /** The law or rule, when the reporter knows it. */
    rule: text("rule"),
    municipalityCode: text("municipality_code").notNull(),
    regionCode: text("region_code").notNull(),
    provinceCode: text("province_code").notNull(),
    reporterKind: text("reporter_kind", { enum: ["company", "advisor"] }).notNull(),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    consentVersion: text("consent_version"),
    consentPurpose: text("consent_purpose"),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    /** The language the reporter wrote in: their mail about the answer is in it. */
    contactLang: text("contact_lang"),
    status: text("status", {
      enum: ["nieuw", "in_behandeling", "doorgestuurd", "beantwoord", "opgelost", "afgewezen"],
    })
      .notNull()
      .default("nieuw"),
    /** The coordinator's category; starts as the reporter's theme. */
    category: text("category"),
    /** The body the barrier was routed to (an omgevingsdienst, a ministry…). */
    responsibleBody: text("responsible_body"),
    note: text("note"),
    /** The coordinator's own words for the public page: never the reporter's text (ADR 0096). */
    publicSummary: text("public_summary"),
    publicAnswer: text("public_answer"),
    /** Set when a coordinator publishes the barrier and its answer on /belemmeringen. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** When the reporter was told the answer; their contact details go BARRIER_CONTACT_DAYS later. */
    reporterToldAt: timestamp("reporter_told_at", { withTimezone: true }),
    /** Optimistic locking of the coordinator's public texts. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("barriers_region_idx").on(table.regionCode, table.createdAt),
    index("barriers_province_idx").on(table.provinceCode, table.createdAt),
  ],
);

/**
 * A barrier forwarded to the competent body, with a deadline (ADR 0096). The body answers through a single-purpose
 * link sent to the address the coordinator entered (only the token's SHA-256 is stored), or the coordinator records
 * the answer received by letter or phone.
 */
export const barrierForwardings = pgTable(
  "barrier_forwardings",
  {
    id: serial("id").primaryKey(),
    barrierId: integer("barrier_id")
      .notNull()
      .references(() => barriers.id, { onDelete: "cascade" }),
    bodyKind: text("body_kind").notNull(),
    bodyName: text("body_name").notNull(),
    /** The organisation with an account on the platform, when the coordinator picked one. */
    organisationId: text("organisation_id"),
    /** Where the link went; cleared by retention. */
    toAddress: text("to_address"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    tokenHash: text("token_hash"),
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
    answer: text("answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** "link" (the body itself) or "coordinator" (received by letter or phone). */
    answeredVia: text("answered_via", { enum: ["link", "coordinator", "workspace"] }),
    answeredByUserId: integer("answered_by_user_id"),
    createdByUserId: integer("created_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("barrier_forwardings_barrier_idx").on(table.barrierId),
    uniqueIndex("barrier_forwardings_token_idx").on(table.tokenHash),
  ],
);
