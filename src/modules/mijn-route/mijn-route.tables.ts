import { index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { JourneyStep, Phase, ProgressStatus, ResultBasis } from "../vocabulary/index.js";

/**
 * A saved route (Mijn route, ADR 0091): the route's criteria as codes (municipality, region, province, sector, size
 * class, stage, help asked for), the phase and step it started at, and the sector's measure package. Behind an
 * unguessable link; only the SHA-256 of its 256-bit token is stored. No personal data, except the optional e-mail
 * address (double opt-in: unconfirmed until `email_confirmed_at`, and erased after a few days when never confirmed).
 */
export const savedRoutes = pgTable("saved_routes", {
  id: serial("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  municipalityCode: text("municipality_code").notNull(),
  regionCode: text("region_code").notNull(),
  provinceCode: text("province_code").notNull(),
  /** The sector as the route had it: an SBI section letter or 2-digit division. */
  sbi: text("sbi").notNull(),
  sbiSection: text("sbi_section").notNull(),
  sizeClass: text("size_class"),
  stage: text("stage"),
  help: text("help").array().notNull(),
  themes: text("themes").array().notNull(),
  startPhase: text("start_phase").$type<Phase>().notNull(),
  startStep: text("start_step").$type<JourneyStep>().notNull(),
  packageSlug: text("package_slug"),
  /** Saved from the one-click route or from a scan result (its id, no personal data). */
  origin: text("origin", { enum: ["route", "scan"] }).notNull(),
  scanResultId: text("scan_result_id"),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  email: text("email"),
  emailLang: text("email_lang"),
  /** SHA-256 of the confirmation token mailed to `email`; null once confirmed or never asked. */
  emailTokenHash: text("email_token_hash"),
  /** The route's link, sealed (AES-256-GCM) until the address is confirmed and the link is mailed to it. */
  emailSealedLink: text("email_sealed_link"),
  emailRequestedAt: timestamp("email_requested_at", { withTimezone: true }),
  emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
});

/** One step (a journey step) or measure (a measure code of the package) of a saved route, with its status and results. */
export const savedRouteItems = pgTable(
  "saved_route_items",
  {
    id: serial("id").primaryKey(),
    routeId: integer("route_id")
      .notNull()
      .references(() => savedRoutes.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["step", "measure"] }).notNull(),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    status: text("status").$type<ProgressStatus>().notNull(),
    materialKg: numeric("material_kg", { mode: "number" }),
    materialBasis: text("material_basis").$type<ResultBasis>(),
    euro: numeric("euro", { mode: "number" }),
    euroBasis: text("euro_basis").$type<ResultBasis>(),
    co2eKg: numeric("co2e_kg", { mode: "number" }),
    co2eBasis: text("co2e_basis").$type<ResultBasis>(),
    /** When a result was last recorded: the period the outcome counts in. */
    resultsAt: timestamp("results_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("saved_route_items_route_kind_code").on(table.routeId, table.kind, table.code),
    index("saved_route_items_results_at").on(table.resultsAt),
  ],
);

/** A dossier that carries a saved route, with the entrepreneur's consent at intake (ADR 0091). */
export const savedRouteCases = pgTable("saved_route_cases", {
  caseId: integer("case_id").primaryKey(),
  routeId: integer("route_id")
    .notNull()
    .references(() => savedRoutes.id, { onDelete: "cascade" }),
  consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
});
