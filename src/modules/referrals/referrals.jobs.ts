import type { Logger } from "pino";
import type { Database } from "../../db/client.js";
import { enqueueJob, type JobHandler } from "../../jobs/index.js";
import type { PrivacyService } from "../privacy/index.js";
import { MAIL_QUEUE, type MailTransport, mailDeliveryHandler } from "./referrals.notifications.js";
import type { ReferralsService } from "./referrals.service.js";

export const EXPIRE_QUEUE = "referrals.expire";
export const RETENTION_QUEUE = "cases.retention";
/** Hourly: reminders to providers a few days before a referral's deadline, once per referral and status (ADR 0086). */
export const REMIND_QUEUE = "referrals.remind";

/**
 * The referrals module's background work: mail delivery, the hourly deadline and reminder jobs and the daily retention job.
 * `schedule(now)` enqueues the periodic jobs once per period (dedupe key), so several instances can call it.
 */
export function referralJobs(deps: {
  db: Database;
  referrals: ReferralsService;
  privacy: PrivacyService;
  transport: MailTransport;
  retentionMonths: number;
  clock: () => Date;
  logger: Logger;
}) {
  const handlers: Record<string, JobHandler> = {
    [MAIL_QUEUE]: mailDeliveryHandler(deps.transport, deps.clock, deps.logger),
    [EXPIRE_QUEUE]: async (_payload, { tx }) => {
      const expired = await deps.referrals.expireOverdue(tx, deps.clock());
      if (expired) deps.logger.info({ expired }, "referrals expired");
    },
    [REMIND_QUEUE]: async (_payload, { tx }) => {
      const reminded = await deps.referrals.sendReminders(tx, deps.clock());
      if (reminded) deps.logger.info({ reminded }, "referral reminders sent");
    },
    [RETENTION_QUEUE]: async (_payload, { tx }) => {
      const anonymised = await deps.privacy.applyRetention(tx, deps.clock(), deps.retentionMonths);
      if (anonymised) deps.logger.info({ anonymised }, "closed dossiers anonymised");
    },
  };
  return {
    handlers,
    /** Enqueues this hour's deadline and reminder jobs and today's retention job, once each. */
    async schedule(now: Date = deps.clock()) {
      const hour = now.toISOString().slice(0, 13);
      const day = now.toISOString().slice(0, 10);
      await enqueueJob(deps.db, EXPIRE_QUEUE, {}, { runAt: now, dedupeKey: `${EXPIRE_QUEUE}:${hour}` });
      await enqueueJob(deps.db, REMIND_QUEUE, {}, { runAt: now, dedupeKey: `${REMIND_QUEUE}:${hour}` });
      await enqueueJob(deps.db, RETENTION_QUEUE, {}, { runAt: now, dedupeKey: `${RETENTION_QUEUE}:${day}` });
    },
  };
}
