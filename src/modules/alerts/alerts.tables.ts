import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Someone who asked for alerts ("Houd me op de hoogte", ADR 0092): only the e-mail address, the language of the
 * mails, the one-click unsubscribe token and when the last digest went out (the weekly limit). No account.
 */
export const alertSubscribers = pgTable("alert_subscribers", {
  id: serial("id").primaryKey(),
  /** Trimmed and lower-cased. */
  email: text("email").notNull().unique(),
  lang: text("lang", { enum: ["nl", "en"] }).notNull(),
  /** The random token of /meldingen/afmelden/{token}; it can only unsubscribe this address. */
  unsubscribeToken: text("unsubscribe_token").notNull().unique(),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * One alert: its kind and its criteria as codes (an instrument's ref_id, or the route's area keys, SBI section, step,
 * phase and instrument kind). Unconfirmed rows expire at `expires_at` (double opt-in).
 */
export const alertSubscriptions = pgTable(
  "alert_subscriptions",
  {
    id: serial("id").primaryKey(),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => alertSubscribers.id, { onDelete: "cascade" }),
    /** One of ALERT_KINDS (vocabulary module). */
    kind: text("kind").notNull(),
    instrumentRef: text("instrument_ref"),
    /** The place the route was for: "NL" and the province, RES region and municipality codes. */
    areaKeys: text("area_keys").array().notNull().default(sql`'{}'::text[]`),
    regionCode: text("region_code"),
    municipalityCode: text("municipality_code"),
    /** The route's sector as chosen (an SBI section letter or division) and its SBI section. */
    sector: text("sector"),
    sbiSection: text("sbi_section"),
    step: text("step"),
    phase: text("phase"),
    instrumentKind: text("instrument_kind"),
    /** SHA-256 of the confirmation link's token; null once confirmed. */
    confirmTokenHash: text("confirm_token_hash"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("alert_subscriptions_subscriber_idx").on(table.subscriberId),
    index("alert_subscriptions_instrument_idx").on(table.kind, table.instrumentRef),
    index("alert_subscriptions_confirm_idx").on(table.confirmTokenHash),
  ],
);

/**
 * What a subscription has been matched to: one row per subscription and item, so no item is ever sent twice. Pending
 * while `sent_at` is null; the digest sends them.
 */
export const alertItems = pgTable(
  "alert_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => alertSubscriptions.id, { onDelete: "cascade" }),
    /** "opent:<ref>:<day>", "deadline:<ref>:<close>", "nieuw:<ref>", "bijeenkomst:<slug>". */
    itemKey: text("item_key").notNull(),
    /** For a deadline item: the closing day, which lets the digest skip the weekly limit. */
    deadline: date("deadline"),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  // One index: it keeps an item to once per subscription and finds a subscription's items for the digest.
  (table) => [uniqueIndex("alert_items_once_idx").on(table.subscriptionId, table.itemKey)],
);

/**
 * The alert job's memory of the catalogue and the agenda as it last saw them ("instrument:<ref>", "event:<slug>"):
 * comparing with it gives the day's changes (status became open, new instrument, new event).
 */
export const alertWatch = pgTable("alert_watch", {
  key: text("key").primaryKey(),
  status: text("status"),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
});
