import { index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

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
    status: text("status", { enum: ["nieuw", "in_behandeling", "doorgestuurd", "opgelost", "afgewezen"] })
      .notNull()
      .default("nieuw"),
    /** The coordinator's category; starts as the reporter's theme. */
    category: text("category"),
    /** The body the barrier was routed to (an omgevingsdienst, a ministry…). */
    responsibleBody: text("responsible_body"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("barriers_region_idx").on(table.regionCode, table.createdAt),
    index("barriers_province_idx").on(table.provinceCode, table.createdAt),
  ],
);
