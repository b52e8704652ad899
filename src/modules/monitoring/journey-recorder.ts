import type { Logger } from "pino";
import type { MonitoringRepository } from "./monitoring.repository.js";
import type { JourneyEvent } from "./monitoring.types.js";

/** A journey step as a page reports it; the recorder stamps the time. */
type RecordedStep = Omit<JourneyEvent, "occurredAt"> & { sbiSection?: string | null };

/**
 * Records the route pages' journey events. Events that arrive together (a busy /route) are written in one insert, so
 * fifty concurrent page views cost one statement instead of fifty. The returned promise settles when the insert that
 * holds the event is done; the pages do not wait for it (ADR 0071), a test can. A failure is logged and swallowed:
 * /route is the busiest page and must never fail because of the monitor.
 */
export function createJourneyRecorder(
  repository: Pick<MonitoringRepository, "insertJourneyEvents">,
  logger: Logger,
  clock: () => Date,
) {
  type Pending = { event: RecordedStep & { occurredAt: Date }; done: () => void };
  const queue: Pending[] = [];
  let scheduled = false;
  const writeQueued = async (): Promise<void> => {
    while (queue.length) {
      const batch = queue.splice(0, 500);
      try {
        await repository.insertJourneyEvents(batch.map((item) => item.event));
      } catch (error) {
        logger.warn({ err: error, events: batch.length }, "journey events not recorded");
      }
      for (const item of batch) item.done();
    }
  };
  // One writer at a time; events queued while it writes go out in its next statement.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(
      () =>
        void writeQueued().finally(() => {
          scheduled = false;
          if (queue.length) schedule();
        }),
    );
  };
  return (event: RecordedStep) =>
    new Promise<void>((done) => {
      queue.push({ event: { ...event, occurredAt: clock() }, done });
      schedule();
    });
}
