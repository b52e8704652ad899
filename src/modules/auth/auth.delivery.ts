import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";

/** How a provider receives referrals (issue 15). Decided per provider, shown to the adviser before sending. */
export type ReferralDelivery =
  | { route: "account"; organisationId: string }
  | { route: "mail"; organisationId: string; address: string }
  | { route: "warme_overdracht"; organisationId: string | null };

/**
 * The delivery route for a catalogue provider (its `ref_id`): active provider accounts win; otherwise the
 * organisation's referral e-mail address; otherwise the adviser hands the company over personally. Demo accounts
 * count only where they exist, which is only with DEMO=1.
 */
export async function referralDeliveryFor(db: Database, providerId: string): Promise<ReferralDelivery> {
  const [row] = await queryRows<{ id: string; referral_email: string | null; accounts: number }>(
    db,
    sql`select o.id, o.referral_email,
               (select count(*)::int from users u
                 where u.organisation_id = o.id and u.active and u.role = 'aanbieder') as accounts
          from organisations o
         where o.kind = 'provider' and o.provider_id = ${providerId}
         order by o.is_demo, o.id
         limit 1`,
  );
  if (!row) return { route: "warme_overdracht", organisationId: null };
  if (row.accounts > 0) return { route: "account", organisationId: row.id };
  if (row.referral_email) return { route: "mail", organisationId: row.id, address: row.referral_email };
  return { route: "warme_overdracht", organisationId: row.id };
}
