import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { goalValues, journeyEvents, monitoringGoals, regionStarLevels } from "./monitoring.tables.js";
import type { FunnelCountRow, JourneyEvent } from "./monitoring.types.js";

export type GoalRow = typeof monitoringGoals.$inferSelect;
export type NewGoal = typeof monitoringGoals.$inferInsert;

/** A journey step with the case's sector section when one is known; no case id or personal data (ADR 0043). */
export type RecordableJourneyEvent = JourneyEvent & { sbiSection?: string | null };

/**
 * Writes journey events with the given database or transaction. The one door to `journey_events` for other modules:
 * referrals records a case's steps inside its own transaction, so the step and the event commit together.
 */
export async function writeJourneyEvents(db: Database, events: RecordableJourneyEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(journeyEvents).values(
    events.map((event) => ({
      type: event.type,
      regionCode: event.regionCode,
      source: event.source,
      sbiSection: event.sbiSection ?? null,
      occurredAt: event.occurredAt,
    })),
  );
}

/** Reads and maintains the monitor's own tables: journey events and their daily rollup, goals and goal values. */
export function createMonitoringRepository(db: Database) {
  return {
    /** Records journey events (the route module's recorder, wired in src/services.ts). */
    async insertJourneyEvents(events: RecordableJourneyEvent[]) {
      await writeJourneyEvents(db, events);
    },
    /**
     * Rebuilds the daily rollup from `sinceDay` (UTC date, inclusive) up to now: delete those days, count them again.
     * Idempotent, so the job may run as often as wanted and twice by accident.
     */
    async rollupJourneyEvents(sinceDay: string, tx: Database = db) {
      await tx.execute(sql`delete from journey_event_daily where day >= ${sinceDay}::date`);
      await tx.execute(sql`
        insert into journey_event_daily (day, region_code, type, source, count)
        select (occurred_at at time zone 'UTC')::date, region_code, type, coalesce(source, ''), count(*)::int
        from journey_events
        where occurred_at >= (${sinceDay}::date)::timestamp at time zone 'UTC'
        group by 1, 2, 3, 4`);
    },
    /** Clears the dedupe keys of demand records before `day` (ADR 0094): nothing links a visitor across days. */
    async clearPastDemandKeys(day: string, tx: Database = db) {
      await tx.execute(
        sql`update demand_records set dedupe_key = null where dedupe_key is not null and day < ${day}::date`,
      );
    },
    /** Funnel counts per type and source for a period (inclusive UTC days), for some regions or all. */
    async funnelCounts(range: {
      from: string;
      to: string;
      regionCodes?: string[];
    }): Promise<FunnelCountRow[]> {
      const regionFilter = range.regionCodes
        ? sql`and region_code in (${sql.join(
            range.regionCodes.map((code) => sql`${code}`),
            sql`, `,
          )})`
        : sql``;
      const rows = await queryRows<{ type: string; source: string; count: number }>(
        db,
        sql`select type, source, sum(count)::int as count from journey_event_daily
            where day between ${range.from}::date and ${range.to}::date ${regionFilter}
            group by type, source`,
      );
      return rows.map((row) => ({
        regionCode: "",
        type: row.type,
        source: row.source || null,
        count: row.count,
      }));
    },
    /** Counts of one event type in a period per region, from the rollup (used by goal indicators). */
    async countByRegion(type: string, range: { from: string; to: string }) {
      return queryRows<{ region_code: string; count: number }>(
        db,
        sql`select region_code, sum(count)::int as count from journey_event_daily
            where type = ${type} and day between ${range.from}::date and ${range.to}::date group by region_code`,
      );
    },
    listGoals: (tx: Database = db) =>
      tx.select().from(monitoringGoals).orderBy(monitoringGoals.deadline, monitoringGoals.id),
    async findGoal(id: number, tx: Database = db): Promise<GoalRow | undefined> {
      const [row] = await tx.select().from(monitoringGoals).where(eq(monitoringGoals.id, id));
      return row;
    },
    async createGoal(goal: NewGoal, tx: Database = db) {
      const [row] = await tx.insert(monitoringGoals).values(goal).returning();
      return row!;
    },
    /** Changes a goal when it still has the version the editor saw; undefined when someone else changed it first. */
    async updateGoal(
      id: number,
      expectedVersion: number,
      change: { baseline: number; target: number; deadline: string; updatedAt: Date },
      tx: Database = db,
    ): Promise<GoalRow | undefined> {
      const [row] = await tx
        .update(monitoringGoals)
        .set({ ...change, version: sql`${monitoringGoals.version} + 1` })
        .where(and(eq(monitoringGoals.id, id), eq(monitoringGoals.version, expectedVersion)))
        .returning();
      return row;
    },
    /** Removes one target of a breakdown when it still has the version the editor saw. */
    async deleteGoal(id: number, expectedVersion: number, tx: Database = db) {
      const rows = await tx
        .delete(monitoringGoals)
        .where(and(eq(monitoringGoals.id, id), eq(monitoringGoals.version, expectedVersion)))
        .returning({ id: monitoringGoals.id });
      return rows.length > 0;
    },
    /** Runs `work` in one transaction; pass the transaction on to the writes and the audit log. */
    transaction: <T>(work: (tx: Database) => Promise<T>) =>
      db.transaction((tx) => work(tx as unknown as Database)),
    /** Stores each region's star level of a day; a second run on the same day replaces it. */
    async recordStarLevels(day: string, levels: { regionCode: string; stars: number }[], tx: Database = db) {
      if (levels.length === 0) return;
      await tx
        .insert(regionStarLevels)
        .values(levels.map((level) => ({ day, ...level })))
        .onConflictDoUpdate({
          target: [regionStarLevels.regionCode, regionStarLevels.day],
          set: { stars: sql`excluded.stars` },
        });
    },
    /** Each region's last stored star level on or before a day, with the day it was stored. */
    starLevelsOn: (day: string) =>
      queryRows<{ region_code: string; stars: number; day: string }>(
        db,
        sql`select distinct on (region_code) region_code, stars, day::text as day from region_star_levels
            where day <= ${day}::date order by region_code, day desc`,
      ),
    /** Appends today's value of a goal; a second run on the same day replaces it. */
    async recordGoalValue(goalId: number, measuredOn: string, value: number, tx: Database = db) {
      await tx
        .insert(goalValues)
        .values({ goalId, measuredOn, value })
        .onConflictDoUpdate({ target: [goalValues.goalId, goalValues.measuredOn], set: { value } });
    },
    listGoalValues: () =>
      queryRows<{ goal_id: number; measured_on: string; value: number }>(
        db,
        sql`select goal_id, measured_on::text as measured_on, value from goal_values order by goal_id, measured_on`,
      ),
  };
}

export type MonitoringRepository = ReturnType<typeof createMonitoringRepository>;
