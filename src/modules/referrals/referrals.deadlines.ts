/**
 * Deadlines that act (ADR 0086), run by the hourly jobs in the job's transaction: referrals past their deadline
 * become verlopen with a follow-up task and mails, and providers are reminded of deadlines that are near.
 */
import type { Database } from "../../db/client.js";
import { caseReference, referralReference, staffMails } from "./referrals.mails.js";
import { mailMessages } from "./referrals.mails.messages.js";
import type { ReferralsContext } from "./referrals.model.js";
import { mailOf, queueMail } from "./referrals.notifications.js";
import { caseStaffRecipients } from "./referrals.recipients.js";
import { sendDeadlineReminders } from "./referrals.reminders.js";
import { caseRows, referralRows } from "./referrals.repository.js";
import { type ReferralStatus, transition } from "./referrals.state-machine.js";
import { closeOpenHandoverTasks, createTask, EXPIRED_FOLLOW_UP_DAYS } from "./referrals.tasks.js";

export function deadlineOperations(context: ReferralsContext) {
  const { audit, instruments, entrepreneur, absoluteUrl: link } = context;

  return {
    /**
     * Reminds providers of referrals whose deadline is near, once per referral and status (the hourly job,
     * ADR 0086). Returns how many reminders went out.
     */
    sendReminders: (tx: Database, now: Date) => sendDeadlineReminders(tx, now, { link, instruments }),

    /** Marks referrals past their deadline as verlopen (the deadline job). Returns how many. */
    async expireOverdue(tx: Database, now: Date): Promise<number> {
      const overdue = await referralRows.overdue(tx, now);
      for (const row of overdue) {
        const result = transition(row.status as ReferralStatus, "verlopen", "systeem", null, now);
        if (!result.ok) continue;
        await referralRows.expire(tx, row.id, {
          outcome: result.outcome,
          outcomeReason: result.outcomeReason,
          updatedAt: now,
        });
        await referralRows.insertEvents(tx, {
          referralId: row.id,
          fromStatus: row.status,
          toStatus: "verlopen",
          occurredAt: now,
        });
        await audit.record(
          tx,
          { userId: null, label: "systeem", clientKey: null },
          {
            action: "referral.transition",
            subjectType: "referral",
            subjectId: row.id,
            detail: { from: row.status, to: "verlopen" },
          },
        );
        // The adviser decides what now: refer again, chase the provider, or close with a reason (ADR 0086).
        await closeOpenHandoverTasks(tx, row.id, now);
        await createTask(
          tx,
          { caseId: row.caseId, referralId: row.id, kind: "verlopen_opvolgen", days: EXPIRED_FOLLOW_UP_DAYS },
          now,
        );
        // The adviser gets the choice of what to do next; the entrepreneur is told in words.
        const company = await caseRows.handling(tx, row.caseId);
        const instrument = await instruments.getOn(tx, row.instrumentRefId);
        for (const { email, lang } of await caseStaffRecipients(tx, company))
          await queueMail(
            tx,
            mailOf(
              staffMails.referralExpired(lang, {
                reference: referralReference(caseReference(row.caseId, company?.createdAt ?? now), row.id),
                url: link(`/werkruimte/verwijzingen/${row.id}`),
                signature: mailMessages[lang].signatureService,
                instrument: instrument?.name[lang] ?? row.instrumentRefId,
                provider: instrument?.providerName ?? row.providerId,
              }),
              { to: email, kind: "referral_expired_task", caseId: row.caseId },
            ),
            now,
          );
        await entrepreneur.referralChanged(tx, row.id, now);
      }
      return overdue.length;
    },
  };
}
