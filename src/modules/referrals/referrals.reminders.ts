import type { Database } from "../../db/client.js";
import { format, formatDate } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { namesFor, providerReferralAddress } from "../auth/index.js";
import type { InstrumentDirectory } from "./referrals.instruments.js";
import { linkMessages } from "./referrals.link.messages.js";
import { queueMail } from "./referrals.notifications.js";
import { issueReferralLink, linkExpiry, queueProviderLinkMail } from "./referrals.provider-link.js";
import { providerRecipients } from "./referrals.recipients.js";
import { reminderRows } from "./referrals.repository.js";

/** How long before a referral's deadline the provider gets a reminder (ADR 0086). */
export const REMINDER_DAYS_BEFORE = 3;
/** The statuses in which the provider is the one to act; a warm handover's provider gets no mail at all. */
const PROVIDER_TURN = ["verstuurd", "in_behandeling", "geaccepteerd", "in_uitvoering"];

/**
 * Sends the deadline reminders due now: for every open referral whose deadline falls within REMINDER_DAYS_BEFORE
 * days and that has had no reminder in its current status. The reminder row is claimed first (primary key on
 * referral and status, insert … on conflict do nothing), in the job's transaction with the mail, so a rerun or a
 * second instance sends nothing twice.
 */
export async function sendDeadlineReminders(
  tx: Database,
  now: Date,
  deps: { link: AbsoluteUrl; instruments: Pick<InstrumentDirectory, "getOn"> },
): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_DAYS_BEFORE * 86_400_000);
  const due = await reminderRows.due(tx, now, until, PROVIDER_TURN);
  // The lokets' names from the auth module, in one read for the whole batch.
  const lokets = (await namesFor(tx, { userIds: [], organisationIds: due.map((row) => row.hub_id) }))
    .organisations;
  let sent = 0;
  for (const row of due) {
    if (!(await reminderRows.claim(tx, row.id, row.status, now))) continue;
    const dueAt = new Date(row.due_at);
    // The instrument's published name, read in the job's own transaction (a read on another connection would wait
    // for this transaction on the embedded database).
    const instrumentName =
      (await deps.instruments.getOn(tx, row.instrument_ref_id))?.name.nl ?? row.instrument_ref_id;
    if (row.delivery === "mail") {
      const address = await providerReferralAddress(tx, row.provider_id);
      if (!address) continue;
      // The first link's token is not stored, so the reminder carries a fresh link to the same referral.
      const expiresAt = linkExpiry(dueAt, now);
      const token = await issueReferralLink(tx, row.id, expiresAt, now);
      await queueProviderLinkMail(
        tx,
        {
          to: address,
          referralId: row.id,
          caseId: row.case_id,
          token,
          loketName: lokets.get(row.hub_id) ?? "",
          instrumentName,
          dueAt,
          expiresAt,
          reminder: true,
        },
        deps.link,
        now,
      );
      sent++;
      continue;
    }
    const users = await providerRecipients(tx, row.provider_id);
    for (const user of users)
      await queueMail(
        tx,
        {
          to: user.email,
          subject: format(linkMessages[user.lang].accountReminderSubject, { instrument: instrumentName }),
          body: format(linkMessages[user.lang].accountReminderBody, {
            instrument: instrumentName,
            due: formatDate(dueAt, user.lang),
            link: deps.link(`/werkruimte/verwijzingen/${row.id}`),
          }),
          kind: "referral_reminder",
          caseId: row.case_id,
        },
        now,
      );
    if (users.length) sent++;
  }
  return sent;
}
