import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, queryRows } from "../db/client.js";
import { safeErrorMessage } from "../logger.js";
import { jobs } from "./jobs.tables.js";

/** A job handler. Its database work goes through `tx`, which commits together with marking the job done. */
export type JobHandler = (
  payload: Record<string, unknown>,
  context: { tx: Database; attempt: number },
) => Promise<void>;

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number; dedupeKey?: string };

type ClaimedJob = {
  id: number;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
};

const LOCK_SECONDS = 60;

/** Adds a job; with a dedupe key, a second enqueue of the same key is ignored. Returns whether a job was added. */
export async function enqueueJob(
  db: Database,
  queue: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
) {
  const rows = await db
    .insert(jobs)
    .values({
      queue,
      payload,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Runs jobs from the queue. Several workers (in several instances) may run at once: a job is claimed with
 * FOR UPDATE SKIP LOCKED, and a claim that is not finished within its lock time is taken over by another worker.
 * A handler's database effects commit in the same transaction that marks the job done, so they happen once.
 */
export function createJobWorker(options: {
  db: Database;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  clock?: () => Date;
  pollMs?: number;
}) {
  const { db, handlers, logger } = options;
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  /** Claims and runs one due job; returns false when none was due. */
  async function runOne(): Promise<boolean> {
    const now = clock();
    const claimed = await queryRows<ClaimedJob>(
      db,
      sql`update jobs set status = 'running', attempts = attempts + 1,
            locked_until = ${new Date(now.getTime() + LOCK_SECONDS * 1000)}
          where id = (
            select id from jobs
            where queue in (${sql.join(
              Object.keys(handlers).map((queue) => sql`${queue}`),
              sql`, `,
            )})
              and ((status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
            order by run_at, id
            for update skip locked
            limit 1)
          returning id, queue, payload, attempts, max_attempts`,
    );
    const job = claimed[0];
    if (!job) return false;
    const handler = handlers[job.queue]!;
    try {
      await db.transaction(async (tx) => {
        await handler(job.payload, { tx: tx, attempt: job.attempts });
        await tx.execute(
          sql`update jobs set status = 'done', finished_at = ${clock()}, locked_until = null where id = ${job.id}`,
        );
      });
    } catch (error) {
      // Without parameter values: a failed query's message would otherwise store the job's personal data (ADR 0075).
      const message = safeErrorMessage(error);
      const final = job.attempts >= job.max_attempts;
      // Exponential back-off: 2 s, 4 s, 8 s … capped at ten minutes.
      const retryAt = new Date(clock().getTime() + Math.min(600, 2 ** job.attempts) * 1000);
      await db.execute(
        sql`update jobs set status = ${final ? "failed" : "queued"}, run_at = ${retryAt}, locked_until = null,
              last_error = ${message.slice(0, 500)}, finished_at = ${final ? clock() : null}
            where id = ${job.id}`,
      );
      logger.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts, final }, "job failed");
    }
    return true;
  }

  /** Runs due jobs until none is left (tests and shutdown use this). */
  async function drain(limit = 1000): Promise<number> {
    let count = 0;
    while (count < limit && (await runOne())) count++;
    return count;
  }

  function loop() {
    if (stopped) return;
    running = drain(50)
      .catch((error) => logger.warn({ err: error }, "job worker could not poll"))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.pollMs ?? 1000);
      });
  }

  return {
    runOne,
    drain,
    start() {
      stopped = false;
      loop();
    },
    /** Stops polling and waits for the job in progress to finish. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type JobWorker = ReturnType<typeof createJobWorker>;
