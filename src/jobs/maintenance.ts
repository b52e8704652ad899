import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { enqueueJob, type JobHandler } from "./job-queue.js";

export const MAINTENANCE_QUEUE = "maintenance.purge";
/** Rate-limit windows are at most an hour long; a day later nobody needs their counts. */
export const COUNTER_RETENTION_SECONDS = 86_400;
/** Finished jobs (done or failed) are kept this long for support questions, then deleted. */
export const FINISHED_JOB_RETENTION_DAYS = 30;

/**
 * Deletes what only grows (ADR 0075): rate-limit counters whose window ended a day ago and jobs that finished longer
 * than the retention ago. Queued and running jobs are never touched.
 */
export async function purgeExpiredRows(db: Database, now: Date) {
  await db.execute(
    sql`delete from rate_limit_counters
        where window_start < ${new Date(now.getTime() - COUNTER_RETENTION_SECONDS * 1000)}`,
  );
  await db.execute(
    sql`delete from jobs where status in ('done', 'failed')
        and finished_at < ${new Date(now.getTime() - FINISHED_JOB_RETENTION_DAYS * 86_400_000)}`,
  );
}

/** The purge as a job handler: it runs in the job's transaction, at the job's own time. */
export const maintenanceJobs = (clock: () => Date): Record<string, JobHandler> => ({
  [MAINTENANCE_QUEUE]: async (_payload, { tx }) => purgeExpiredRows(tx, clock()),
});

/** Enqueues the purge once an hour across instances (dedupe key per hour). */
export async function scheduleMaintenance(db: Database, now: Date) {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(db, MAINTENANCE_QUEUE, {}, { runAt: now, dedupeKey: `${MAINTENANCE_QUEUE}:${hour}` });
}
