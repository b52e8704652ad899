import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { format, formatDate } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { linkMessages } from "./referrals.link.messages.js";
import { queueMail } from "./referrals.notifications.js";
import { issueReferralLink, linkExpiry, queueProviderLinkMail } from "./referrals.provider-link.js";
import { providerRecipients } from "./referrals.recipients.js";

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
  deps: { link: AbsoluteUrl },
): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_DAYS_BEFORE * 86_400_000);
  const due = await queryRows<{
    id: number;
    case_id: number;
    status: string;
    due_at: string | Date;
    delivery: string | null;
    provider_id: string;
    instrument_ref_id: string;
    loket: string;
    instrument_name: string | null;
  }>(
    tx,
    sql`select r.id, r.case_id, r.status, r.due_at, r.delivery, r.provider_id, r.instrument_ref_id,
               o.name as loket, i.name ->> 'nl' as instrument_name
          from referrals r
          join cases c on c.id = r.case_id
          join organisations o on o.id = c.hub_id
          -- The instrument's published name, read in the job's own transaction (the catalogue lookup uses its own
          -- connection, which would wait for this transaction on the embedded database).
          left join catalogue_instruments i on i.ref_id = r.instrument_ref_id
         where r.due_at > ${now} and r.due_at <= ${until}
           and r.status in (${sql.join(
             PROVIDER_TURN.map((status) => sql`${status}`),
             sql`, `,
           )})
           and coalesce(r.delivery, 'account') <> 'warme_overdracht'
           and not exists (select 1 from referral_reminders m where m.referral_id = r.id and m.status = r.status)
         order by r.id`,
  );
  let sent = 0;
  for (const row of due) {
    const claimed = await queryRows<{ referral_id: number }>(
      tx,
      sql`insert into referral_reminders (referral_id, status, sent_at) values (${row.id}, ${row.status}, ${now})
          on conflict do nothing returning referral_id`,
    );
    if (!claimed.length) continue;
    const dueAt = new Date(row.due_at);
    const instrumentName = row.instrument_name ?? row.instrument_ref_id;
    if (row.delivery === "mail") {
      const [address] = await queryRows<{ referral_email: string | null }>(
        tx,
        sql`select referral_email from organisations where kind = 'provider' and provider_id = ${row.provider_id}
             order by is_demo, id limit 1`,
      );
      if (!address?.referral_email) continue;
      // The first link's token is not stored, so the reminder carries a fresh link to the same referral.
      const expiresAt = linkExpiry(dueAt, now);
      const token = await issueReferralLink(tx, row.id, expiresAt, now);
      await queueProviderLinkMail(
        tx,
        {
          to: address.referral_email,
          referralId: row.id,
          caseId: row.case_id,
          token,
          loketName: row.loket,
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
