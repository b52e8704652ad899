import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** Organisations that work in the workspace: regional hubs, instrument providers, coordinators, the platform. */
export const organisations = pgTable("organisations", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["hub", "provider", "coordinator", "platform"] }).notNull(),
  name: text("name").notNull(),
  /** Providers: the catalogue organisation id (e.g. "rvo") whose instruments they own. */
  providerId: text("provider_id"),
  /** Hubs and regional/provincial coordinators: the RES regions covered. Empty for national scope. */
  regionCodes: text("region_codes").array().notNull().default(sql`'{}'::text[]`),
  /** Coordinators: national, province or region. */
  scope: text("scope", { enum: ["national", "province", "region"] }),
  /**
   * Public face (ADR 0081): what the organisation is ("loket", "hub", "netwerk", "ontwikkelingsmaatschappij") and
   * its public organisational contact details, each null where unknown. Never a person's name or e-mail.
   */
  publicKind: text("public_kind", { enum: ["loket", "hub", "netwerk", "ontwikkelingsmaatschappij"] }),
  description: jsonb("description").$type<{ nl: string; en: string }>(),
  website: text("website"),
  publicEmail: text("public_email"),
  phone: text("phone"),
  visitingAddress: text("visiting_address"),
  openingHours: jsonb("opening_hours").$type<{ nl: string; en: string }>(),
  /** The public page the facts rest on, and when we last checked them against it. */
  sourceUrl: text("source_url"),
  lastVerified: date("last_verified"),
  /**
   * Where referrals go when nobody of this provider has an account (issue 15): an organisational mailbox that gets
   * each referral as a mail with a single-purpose link. Never a person's own address unless they gave it for this.
   */
  referralEmail: text("referral_email"),
  /** Demo organisations (DEMO=1 only) carry "(demo)" in their name and never count toward any figure. */
  isDemo: boolean("is_demo").notNull().default(false),
  /**
   * When a beheerder last changed the public contact details (or a hub's regions) in /beheer (ADR 0084). From then on
   * the loaders (catalogue providers, data/regions/lokets.json) no longer overwrite those columns.
   */
  contactEditedAt: timestamp("contact_edited_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** Optimistic locking for the beheerder's edits. */
  version: integer("version").notNull().default(1),
});

/** A person with an account. One organisation and one role each; e-mail is stored lower-case. */
export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** argon2id; null for accounts that only sign in through an external identity provider. */
  passwordHash: text("password_hash"),
  organisationId: text("organisation_id")
    .notNull()
    .references(() => organisations.id),
  role: text("role", { enum: ["adviseur", "aanbieder", "coordinator", "beheerder"] }).notNull(),
  active: boolean("active").notNull().default(true),
  /** The language of the mails this person gets (issue 15): the language of the invitation they accepted. */
  language: text("language", { enum: ["nl", "en"] })
    .notNull()
    .default("nl"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
  /** The last successful sign-in (password form or identity provider); null when never. */
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
});

/** Links an external identity (OIDC issuer + subject) to a user: the seam for eHerkenning or a staff IdP. */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("user_identities_key").on(table.issuer, table.subject)],
);

/**
 * Server-side sessions. Only the SHA-256 of the cookie value is stored. Each session keeps its own idle window and
 * idle end, so every instance (whatever its SESSION_IDLE_MINUTES) treats and purges it alike (ADR 0073).
 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** The absolute end (SESSION_ABSOLUTE_HOURS after login). */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The idle window this session got at login (SESSION_IDLE_MINUTES of the instance that started it). */
    idleMinutes: integer("idle_minutes").notNull(),
    /** The session ends here unless a request moves it on (by `idleMinutes` from that request). */
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** One-time password reset tokens (hash only), valid for one hour. */
export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Invitations to an account (ADR 0084): a beheerder invites an e-mail address into a role and organisation; the
 * invitee sets a password through a single-use link. Only the SHA-256 of the link's token is stored. A re-invite
 * replaces the token (the old link stops working); withdrawing or accepting ends it.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Lower-case; personal data (privacy registry: export, erasure, retention). */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["adviseur", "aanbieder", "coordinator", "beheerder"] }).notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The language of the invitation mail and of the page the link opens. */
    lang: text("lang", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** The account the accepted invitation made. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("invitations_email_idx").on(table.email)],
);
