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

/**
 * One step of a company's journey (route shown, intake requested, referral sent…), without personal data: no
 * company, case or person id, only region, sector section and campaign source. The accounts module defines the same
 * table; the integrator keeps one definition (see the merge notes).
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
