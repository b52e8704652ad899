import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { ReferralDelivery } from "./auth.delivery.js";

/**
 * The delivery route of many providers at once (the dossier's picker names one per instrument): the same rule as
 * `referralDeliveryFor`, in one query. Providers without an organisation get a warm handover.
 */
export async function referralDeliveriesFor(
  db: Database,
  providerIds: readonly string[],
): Promise<Map<string, ReferralDelivery>> {
  const wanted = [...new Set(providerIds)].filter(Boolean);
  const found = new Map<string, ReferralDelivery>();
  if (wanted.length) {
    const rows = await queryRows<{
      id: string;
      provider_id: string;
      referral_email: string | null;
      accounts: number;
    }>(
      db,
      sql`select distinct on (o.provider_id) o.id, o.provider_id, o.referral_email,
                 (select count(*)::int from users u
                   where u.organisation_id = o.id and u.active and u.role = 'aanbieder') as accounts
            from organisations o
           where o.kind = 'provider' and o.provider_id in (${sql.join(
             wanted.map((id) => sql`${id}`),
             sql`, `,
           )})
           order by o.provider_id, o.is_demo, o.id`,
    );
    for (const row of rows)
      found.set(
        row.provider_id,
        row.accounts > 0
          ? { route: "account", organisationId: row.id }
          : row.referral_email
            ? { route: "mail", organisationId: row.id, address: row.referral_email }
            : { route: "warme_overdracht", organisationId: row.id },
      );
  }
  for (const id of wanted)
    if (!found.has(id)) found.set(id, { route: "warme_overdracht", organisationId: null });
  return found;
}
