import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";

/** A staff member who gets a mail: their address and the language of their mails (issue 15 item 4). */
export type StaffRecipient = { email: string; lang: Lang };

/** The active accounts `condition` picks (over `users u` joined to `organisations o`), with their mail language. */
export async function staffRecipients(tx: Database, condition: SQL): Promise<StaffRecipient[]> {
  const rows = await queryRows<{ email: string; language: Lang }>(
    tx,
    sql`select u.email, u.language from users u join organisations o on o.id = u.organisation_id
         where u.active and ${condition}`,
  );
  return rows.map((row) => ({ email: row.email, lang: row.language === "en" ? "en" : "nl" }));
}

/**
 * Who hears of a change on the dossier's side: its own adviser, else the hub's advisers, else (national queue) the
 * national coordinators.
 */
export function caseStaffRecipients(
  tx: Database,
  company: { assignedUserId: number | null; hubId: string } | undefined,
): Promise<StaffRecipient[]> {
  if (!company) return Promise.resolve([]);
  return staffRecipients(
    tx,
    company.assignedUserId
      ? sql`u.id = ${company.assignedUserId}`
      : company.hubId === NATIONAL_QUEUE_ID
        ? sql`u.role = 'coordinator' and o.scope = 'national'`
        : sql`u.organisation_id = ${company.hubId} and u.role = 'adviseur'`,
  );
}

/** The provider's active accounts, for a catalogue provider id. */
export const providerRecipients = (tx: Database, providerId: string) =>
  staffRecipients(tx, sql`o.provider_id = ${providerId} and u.role = 'aanbieder'`);
