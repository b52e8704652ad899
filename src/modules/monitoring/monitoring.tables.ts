import {
  type AnyPgColumn,
  bigserial,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "../auth/auth.tables.js";

/**
 * One step of a company's journey (route shown, intake requested, referral sent…), without personal data: no
 * company, case or person id, only region, sector section and campaign source. The monitoring module owns it; other
 * modules write through `writeJourneyEvents` (ADR 0087).
 */
export const journeyEvents = pgTable(
  "journey_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type").notNull(),
    /** Null for events that happen before a region is known (e.g. a password reset). */
    regionCode: text("region_code"),
    sbiSection: text("sbi_section"),
    source: text("source"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("journey_events_time_region_type_idx").on(table.occurredAt, table.regionCode, table.type),
  ],
);

/**
 * Daily rollup of journey events per region, type and source, rebuilt for recent days by the monitoring rollup job.
 * The funnel reads only this table, so a page costs the same at 1,000 or 1,000,000 events (ADR 0062).
 * An absent source is stored as '' so it can be part of the key.
 */
export const journeyEventDaily = pgTable(
  "journey_event_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    regionCode: text("region_code").notNull(),
    type: text("type").notNull(),
    source: text("source").notNull().default(""),
    count: integer("count").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.day, table.regionCode, table.type, table.source] }),
    index("journey_event_daily_type_day_idx").on(table.type, table.day),
  ],
);

/**
 * A SMART goal: set by the national coordinator for the country, or — `parentId` set — a province's or region's part
 * of a national goal, set by a province coordinator (the cascade, ADR 0095). Goals from before the cascade may be set
 * for a province or region without a parent. Edited with optimistic locking on `version`.
 */
export const monitoringGoals = pgTable(
  "monitoring_goals",
  {
    id: serial("id").primaryKey(),
    indicator: text("indicator").notNull(),
    scopeLevel: text("scope_level", { enum: ["national", "province", "region"] }).notNull(),
    /** PVxx or ESxx; null for national. */
    scopeCode: text("scope_code"),
    /** The national goal this target breaks down; null for a goal of its own. */
    parentId: integer("parent_id").references((): AnyPgColumn => monitoringGoals.id, { onDelete: "cascade" }),
    baseline: doublePrecision("baseline").notNull(),
    target: doublePrecision("target").notNull(),
    /** When the goal was set: the start of the line from baseline to target. */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One target per area within a national goal (national goals themselves have no parent: nulls are distinct).
    uniqueIndex("monitoring_goals_parent_scope_idx").on(table.parentId, table.scopeCode),
  ],
);

/**
 * Each region's star level per day, written by the daily goal job, so the report can show the change over a period
 * (ADR 0095). Facts about regions, no personal data.
 */
export const regionStarLevels = pgTable(
  "region_star_levels",
  {
    day: date("day", { mode: "string" }).notNull(),
    regionCode: text("region_code").notNull(),
    stars: integer("stars").notNull(),
  },
  (table) => [primaryKey({ columns: [table.regionCode, table.day] })],
);

/** The history of a goal's indicator values, appended by the scheduled goal job. */
export const goalValues = pgTable(
  "goal_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    goalId: integer("goal_id")
      .notNull()
      .references(() => monitoringGoals.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
  },
  (table) => [
    // One value per goal per day, so a job that runs twice appends once.
    uniqueIndex("goal_values_goal_day_idx").on(table.goalId, table.measuredOn),
  ],
);

/**
 * Unmet demand (issue 18, ADR 0094): a company asked for help at a step and found nothing usable. Where, for which
 * sector, step, phase and kind of help, and how it was heard; no person, company, case or visitor id. `dedupeKey` is a
 * keyed hash of the day, the visitor's pseudonymous client key and the cell, so one visitor reloading a route counts
 * once a day; the rollup job clears it once the day is over, so nothing links two days.
 */
export const demandRecords = pgTable(
  "demand_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    regionCode: text("region_code").notNull(),
    /** SBI 2008 section letter; null when the sector is not known. */
    sector: text("sector"),
    step: text("step").notNull(),
    phase: text("phase"),
    /** A kind of help (vocabulary HELP_KINDS), when the company named one. */
    help: text("help"),
    source: text("source").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    dedupeKey: text("dedupe_key"),
  },
  (table) => [
    index("demand_records_day_region_idx").on(table.day, table.regionCode),
    uniqueIndex("demand_records_dedupe_idx").on(table.dedupeKey),
  ],
);

/**
 * The gaps register (issue 18, ADR 0094): a coordinator names the organisation that is "aan zet" for a gap (a region ×
 * step cell, for one sector or all: sector ''), what is decided, by when, and where it stands. One entry per cell.
 */
export const gapEntries = pgTable(
  "gap_entries",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code").notNull(),
    step: text("step").notNull(),
    /** SBI 2008 section letter, or '' for the cell over all sectors. */
    sector: text("sector").notNull().default(""),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    decision: text("decision").notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    status: text("status").notNull().default("open"),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    uniqueIndex("gap_entries_cell_idx").on(table.regionCode, table.step, table.sector),
    index("gap_entries_organisation_idx").on(table.organisationId),
  ],
);
