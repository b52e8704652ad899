/** The stored e-mail messages, as the outbox page shows them (all, or those to one address). */
import type { ReferralsContext } from "./referrals.model.js";
import { outboxRows } from "./referrals.repository.js";

export function outboxOperations({ db }: ReferralsContext) {
  return {
    /** Stored e-mail messages, newest first: all of them, or those to one address. */
    outbox: (toAddress: string | null) => outboxRows.list(db, toAddress),

    /** One stored message (to the given address only, when one is given); undefined otherwise. */
    outboxMessage: (id: number, toAddress: string | null) => outboxRows.get(db, id, toAddress),
  };
}
