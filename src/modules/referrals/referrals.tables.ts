import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../auth/auth.tables.js";

/** The public face of a hub organisation: the regional loket that takes intakes. Coverage is on the organisation. */
export const hubs = pgTable("hubs", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  description: jsonb("description").$type<{ nl: string; en: string }>().notNull(),
  email: text("email").notNull(),
  intakeOpen: integer("intake_open").notNull().default(1),
});

/** A company's dossier at a hub, opened by an intake. Personal data is erased by anonymisation. */
export const cases = pgTable(
  "cases",
  {
    id: serial("id").primaryKey(),
    /** Unguessable id for the entrepreneur's confirmation page. */
    publicToken: text("public_token").notNull().unique(),
    hubId: text("hub_id")
      .notNull()
      .references(() => organisations.id),
    regionCode: text("region_code").notNull(),
    municipalityCode: text("municipality_code"),
    /** The SBI section the sector rolls up to: what monitoring and matching count by. */
    sbiSection: text("sbi_section"),
    /**
     * The sector the entrepreneur chose on the route or scan, as its SBI code (a section letter or a 2-digit division,
     * e.g. "25" Metaalbewerking): what the dossier shows in words. Null for intakes made before it was kept.
     */
    sector: text("sector"),
    /** The campaign the company came from (`bron` slug on a hub's link), for the monitor's funnel by source. */
    source: text("source"),
    scanResultId: text("scan_result_id"),
    companyName: text("company_name").notNull(),
    kvkNumber: text("kvk_number").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    question: text("question").notNull(),
    /** The language the entrepreneur used at intake: every mail to them is written in it (ADR 0085). */
    language: text("language", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    status: text("status", { enum: ["nieuw", "in_behandeling", "wachten", "afgesloten"] })
      .notNull()
      .default("nieuw"),
    assignedUserId: integer("assigned_user_id").references(() => users.id),
    nextSteps: text("next_steps").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("cases_hub_idx").on(table.hubId, table.status),
    index("cases_email_idx").on(table.contactEmail),
  ],
);

/** Explicit consent given at intake: to whom, for what purpose, how long, and which text version was shown. */
export const consents = pgTable("consents", {
  id: serial("id").primaryKey(),
  caseId: integer("case_id")
    .notNull()
    .references(() => cases.id),
  hubId: text("hub_id").notNull(),
  purpose: text("purpose").notNull(),
  textVersion: text("text_version").notNull(),
  retentionMonths: integer("retention_months").notNull(),
  givenAt: timestamp("given_at", { withTimezone: true }).notNull(),
});

/** Intake notes and agreed next steps, and other history lines of a dossier. */
export const caseNotes = pgTable("case_notes", {
  id: serial("id").primaryKey(),
  caseId: integer("case_id")
    .notNull()
    .references(() => cases.id),
  authorUserId: integer("author_user_id").references(() => users.id),
  /**
   * note: an adviser's note; event: a history code; message: the entrepreneur's message to the adviser; info:
   * information the entrepreneur added (both from /mijn-aanvraag, ADR 0085).
   */
  kind: text("kind", { enum: ["note", "event", "message", "info"] }).notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** A referral from a dossier to an instrument (by catalogue ref_id, no foreign key) and its provider. */
export const referrals = pgTable(
  "referrals",
  {
    id: serial("id").primaryKey(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    instrumentRefId: text("instrument_ref_id").notNull(),
    providerId: text("provider_id").notNull(),
    message: text("message").notNull(),
    status: text("status").notNull(),
    reasonCode: text("reason_code"),
    outcome: text("outcome", { enum: ["geholpen", "niet_geholpen"] }),
    outcomeReason: text("outcome_reason"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    /**
     * How the referral reached the provider, fixed when it is sent (issue 15): through the provider's accounts, as a
     * mail with a single-purpose link to its referral address, or as a warm handover the adviser makes in person.
     * Null for referrals sent before delivery routes existed (they went to accounts).
     */
    delivery: text("delivery", { enum: ["account", "mail", "warme_overdracht"] }),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("referrals_case_idx").on(table.caseId),
    index("referrals_provider_idx").on(table.providerId, table.status),
    index("referrals_due_idx").on(table.dueAt),
    index("referrals_created_idx").on(table.createdAt),
    // The monitor's rollup refreshes the referrals changed since its last run (ADR 0066).
    index("referrals_updated_idx").on(table.updatedAt),
  ],
);

/**
 * The monitor's rollup of referrals (ADR 0066): one row per referral with only what the monitor counts (region,
 * instrument, dates, outcome, decline reason), no name, e-mail, KVK number or case id. Times are whole
 * milliseconds, as the monitor's JavaScript facts hold them. Rebuilt for changed referrals by the monitoring.rollup
 * job; the monitor's pages aggregate it in SQL and read a few rows.
 */
export const referralMonitorFacts = pgTable(
  "referral_monitor_facts",
  {
    referralId: integer("referral_id")
      .primaryKey()
      .references(() => referrals.id, { onDelete: "cascade" }),
    regionCode: text("region_code").notNull(),
    instrumentRefId: text("instrument_ref_id").notNull(),
    status: text("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    outcome: text("outcome"),
    declineReason: text("decline_reason"),
    /** How the referral reached the provider (account, mail, warme_overdracht); null for old referrals. */
    delivery: text("delivery"),
    /** outcome_at − created_at in ms, when both are known. */
    leadMs: bigint("lead_ms", { mode: "number" }),
  },
  (table) => [index("referral_monitor_facts_created_idx").on(table.createdAt)],
);

/** Every status change of a referral: the closed loop's history. */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: serial("id").primaryKey(),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reasonCode: text("reason_code"),
    note: text("note").notNull().default(""),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /**
     * "link": done through the provider's single-purpose link (no person); "overdracht": the user above recorded it
     * for the provider after a warm handover; null: the user above, or the system.
     */
    actorKind: text("actor_kind", { enum: ["link", "overdracht"] }),
    /** "status": a status change; "vraag": a question from the provider, the status stays (note holds the text). */
    kind: text("kind", { enum: ["status", "vraag"] })
      .notNull()
      .default("status"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("referral_events_referral_idx").on(table.referralId, table.toStatus)],
);

/** A circular measure the company took, with its impact, estimated or measured. */
export const measures = pgTable("measures", {
  id: serial("id").primaryKey(),
  caseId: integer("case_id")
    .notNull()
    .references(() => cases.id),
  referralId: integer("referral_id").references(() => referrals.id),
  description: text("description").notNull(),
  materialKg: numeric("material_kg", { mode: "number" }),
  euro: numeric("euro", { mode: "number" }),
  co2eKg: numeric("co2e_kg", { mode: "number" }),
  basis: text("basis", { enum: ["geschat", "gemeten"] }).notNull(),
  createdByUserId: integer("created_by_user_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * A provider's versioned changes to its listing (status, application window, terms), keyed by catalogue ref_id.
 * The newest version wins; the same transaction writes the change to the catalogue instrument itself (ADR 0044).
 * Rows from before that used "vol" for what the catalogue calls "overtekend".
 */
export const listingVersions = pgTable(
  "listing_versions",
  {
    id: serial("id").primaryKey(),
    instrumentRefId: text("instrument_ref_id").notNull(),
    providerId: text("provider_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    opensOn: date("opens_on"),
    closesOn: date("closes_on"),
    terms: text("terms").notNull().default(""),
    changedByUserId: integer("changed_by_user_id").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("listing_versions_ref_idx").on(table.instrumentRefId, table.version)],
);

/** E-mail messages: stored first, delivered by a job (SMTP when configured); shown at /werkruimte/outbox. */
export const outboxMessages = pgTable("outbox_messages", {
  id: serial("id").primaryKey(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  /** The plain-text part. */
  body: text("body").notNull(),
  /** The HTML part, rendered from the same structured message when it was queued (ADR 0085); null for old rows. */
  html: text("html"),
  kind: text("kind").notNull(),
  caseId: integer("case_id"),
  /** Extra mail headers, such as List-Unsubscribe and List-Unsubscribe-Post on alert mails (RFC 8058, ADR 0092). */
  headers: jsonb("headers").$type<Record<string, string>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  transport: text("transport"),
});

/**
 * A single-purpose link to one referral for a provider without an account (ADR 0086): only the SHA-256 of the random
 * 256-bit token is stored. It works while the referral is open and `expires_at` has not passed.
 */
export const referralLinks = pgTable(
  "referral_links",
  {
    id: serial("id").primaryKey(),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("referral_links_referral_idx").on(table.referralId)],
);

/**
 * Follow-up work for the adviser on a referral (ADR 0086): record what came of a warm handover, or decide what to do
 * with a referral whose deadline passed. Codes only; what the adviser writes goes into the referral's history.
 */
export const referralTasks = pgTable(
  "referral_tasks",
  {
    id: serial("id").primaryKey(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    kind: text("kind", { enum: ["warme_overdracht_opvolgen", "verlopen_opvolgen"] }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneByUserId: integer("done_by_user_id").references(() => users.id),
    /** What was done, as a code (e.g. aanbieder_accepteert, opnieuw_verwijzen). */
    resolution: text("resolution"),
  },
  (table) => [
    index("referral_tasks_open_idx").on(table.caseId, table.doneAt),
    index("referral_tasks_referral_idx").on(table.referralId),
  ],
);

/** The reminders sent before a referral's deadline: one per referral and status, so the hourly job sends each once. */
export const referralReminders = pgTable(
  "referral_reminders",
  {
    referralId: integer("referral_id")
      .notNull()
      .references(() => referrals.id),
    status: text("status").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.referralId, table.status] })],
);
