import type { Database } from "../../db/client.js";
import { type MailRecipient, mailRecipients } from "../auth/index.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";

/** A staff member who gets a mail: their address and the language of their mails (issue 15 item 4). */
export type StaffRecipient = MailRecipient;

/**
 * Who hears of a change on the dossier's side: its own adviser, else the hub's advisers, else (national queue) the
 * national coordinators. The accounts are the auth module's (ADR 0098).
 */
export function caseStaffRecipients(
  tx: Database,
  company: { assignedUserId: number | null; hubId: string } | undefined,
): Promise<StaffRecipient[]> {
  if (!company) return Promise.resolve([]);
  return mailRecipients(
    tx,
    company.assignedUserId
      ? { kind: "user", userId: company.assignedUserId }
      : company.hubId === NATIONAL_QUEUE_ID
        ? { kind: "nationalCoordinators" }
        : { kind: "advisers", organisationId: company.hubId },
  );
}

/** The provider's active accounts, for a catalogue provider id. */
export const providerRecipients = (tx: Database, providerId: string) =>
  mailRecipients(tx, { kind: "provider", providerId });
