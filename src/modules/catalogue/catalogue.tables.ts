import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Localised } from "../../i18n/index.js";
import type { CoverageLevel } from "../vocabulary/index.js";
import type { PastWindow, Recurrence } from "./catalogue.status.js";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** HSDS organization: a provider of instruments. */
export const catalogueOrganizations = pgTable("catalogue_organizations", {
  id: uuid("id").primaryKey(),
  refId: text("ref_id").notNull().unique(),
  name: text("name").notNull(),
  alternateName: text("alternate_name"),
  description: jsonb("description").$type<Localised>().notNull(),
  website: text("website"),
  // Only real, published contact data; the curated file leaves these empty rather than guessing.
  email: text("email"),
  phone: text("phone"),
  kind: text("kind").notNull(),
  synthetic: boolean("synthetic").notNull().default(false),
  contentHash: text("content_hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Evidence of effect: an evaluation, an outcome rate or the loket's own outcome data (ADR 0063). */
export type EvidenceValue = { nl: string; en: string; source: string };
/** Reach: how many took part or were reached. Never shown as evidence that it works (ADR 0079). */
export type ReachValue = { nl: string; en: string; source: string };

/**
 * HSDS service: one support instrument. Facet values are arrays with GIN indexes; the search vectors are generated
 * columns, so they can never be out of date with the texts (ADR 0011).
 */
export const catalogueInstruments = pgTable(
  "catalogue_instruments",
  {
    id: uuid("id").primaryKey(),
    refId: text("ref_id").notNull().unique(),
    slug: text("slug").notNull().unique(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => catalogueOrganizations.id),
    name: jsonb("name").$type<Localised>().notNull(),
    partners: text("partners").array().notNull(),
    kind: text("kind").notNull(),
    summary: jsonb("summary").$type<Localised>().notNull(),
    description: jsonb("description").$type<Localised>().notNull(),
    audience: jsonb("audience").$type<Localised>().notNull(),
    benefit: jsonb("benefit").$type<Localised>().notNull(),
    conditions: jsonb("conditions").$type<Localised>().notNull(),
    howToApply: jsonb("how_to_apply").$type<Localised>().notNull(),
    journeySteps: text("journey_steps").array().notNull(),
    phases: text("phases").array().notNull(),
    themes: text("themes").array().notNull(),
    rStrategies: text("r_strategies").array().notNull(),
    sbiSections: text("sbi_sections").array().notNull(),
    /** SBI 2008 divisions (two digits) that narrow a listed section to part of it; empty: the whole sections. */
    sbiDivisions: text("sbi_divisions").array().notNull().default([]),
    coverageLevel: text("coverage_level").$type<CoverageLevel>().notNull(),
    coverageCodes: text("coverage_codes").array().notNull(),
    /** Coverage as match keys: NL for national, EU for European, else the province/region/municipality codes. */
    coverageKeys: text("coverage_keys").array().notNull(),
    sizeClasses: text("size_classes").array().notNull(),
    consortiumRules: jsonb("consortium_rules").$type<Localised | null>(),
    amountMin: doublePrecision("amount_min"),
    amountMax: doublePrecision("amount_max"),
    percentage: doublePrecision("percentage"),
    pot: doublePrecision("pot"),
    potYear: integer("pot_year"),
    windowOpen: date("window_open"),
    windowClose: date("window_close"),
    allocation: text("allocation"),
    status: text("status").notNull(),
    statusNote: jsonb("status_note").$type<Localised | null>(),
    lastVerified: date("last_verified").notNull(),
    certainty: jsonb("certainty").$type<Localised | null>(),
    website: text("website"),
    evidence: jsonb("evidence").$type<EvidenceValue | null>(),
    reach: jsonb("reach").$type<ReachValue | null>(),
    /** How a scheme recurs (yearly, usual months) and its past rounds: the basis of "verwacht" (ADR 0079). */
    recurrence: jsonb("recurrence").$type<Recurrence | null>(),
    pastWindows: jsonb("past_windows").$type<PastWindow[]>().notNull().default([]),
    /** General SME finance (Qredits, BMKB-Groen, GO, …): listed as such, never offered as circular support. */
    generalFinance: boolean("general_finance").notNull().default(false),
    keywords: jsonb("keywords").$type<{ nl: string[]; en: string[] }>().notNull(),
    /** Derived words for search: compound parts and place names of the coverage (rebuilt after each import). */
    searchExtra: text("search_extra").notNull().default(""),
    synthetic: boolean("synthetic").notNull().default(false),
    contentHash: text("content_hash").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    searchNl: tsvector("search_nl").generatedAlwaysAs(
      sql`setweight(to_tsvector('cl_dutch'::regconfig, coalesce(name->>'nl', '') || ' ' || coalesce(keywords->>'nl', '')), 'A') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(summary->>'nl', '') || ' ' || search_extra), 'B') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(description->>'nl', '') || ' ' || coalesce(audience->>'nl', '') || ' ' || coalesce(benefit->>'nl', '')), 'C') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(conditions->>'nl', '') || ' ' || coalesce(how_to_apply->>'nl', '') || ' ' || coalesce(evidence->>'nl', '')), 'D')`,
    ),
    searchEn: tsvector("search_en").generatedAlwaysAs(
      sql`setweight(to_tsvector('cl_english'::regconfig, coalesce(name->>'en', '') || ' ' || coalesce(keywords->>'en', '')), 'A') || setweight(to_tsvector('cl_english'::regconfig, coalesce(summary->>'en', '') || ' ' || coalesce(name->>'nl', '') || ' ' || search_extra), 'B') || setweight(to_tsvector('cl_english'::regconfig, coalesce(description->>'en', '') || ' ' || coalesce(audience->>'en', '') || ' ' || coalesce(benefit->>'en', '')), 'C') || setweight(to_tsvector('cl_english'::regconfig, coalesce(conditions->>'en', '') || ' ' || coalesce(how_to_apply->>'en', '') || ' ' || coalesce(evidence->>'en', '')), 'D')`,
    ),
  },
  (table) => [
    index("catalogue_instruments_search_nl_idx").using("gin", table.searchNl),
    index("catalogue_instruments_search_en_idx").using("gin", table.searchEn),
    index("catalogue_instruments_journey_steps_idx").using("gin", table.journeySteps),
    index("catalogue_instruments_phases_idx").using("gin", table.phases),
    index("catalogue_instruments_themes_idx").using("gin", table.themes),
    index("catalogue_instruments_coverage_keys_idx").using("gin", table.coverageKeys),
    index("catalogue_instruments_organization_idx").on(table.organizationId),
    index("catalogue_instruments_status_idx").on(table.status),
  ],
);

/** Every word of the catalogue's texts, for compound splitting and the pg_trgm typo fallback. */
export const catalogueSearchWords = pgTable(
  "catalogue_search_words",
  {
    word: text("word").primaryKey(),
    documents: integer("documents").notNull(),
  },
  (table) => [index("catalogue_search_words_trgm_idx").using("gin", sql`${table.word} gin_trgm_ops`)],
);
