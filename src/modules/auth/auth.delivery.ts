import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";

/** How a provider receives referrals (issue 15). Decided per provider, shown to the adviser before sending. */
export type ReferralDelivery =
  | { route: "account"; organisationId: string }
  | { route: "mail"; organisationId: string; address: string }
  | { route: "warme_overdracht"; organisationId: string | null };

type DeliveryFacts = { id: string; provider_id: string; referral_email: string | null; accounts: number };

/** The facts the decision rests on, for the provider organisations `where` picks (one query, one rule). */
const deliveryFacts = (db: Database, where: SQL) =>
  queryRows<DeliveryFacts>(
    db,
    sql`select o.id, o.provider_id, o.referral_email,
               (select count(*)::int from users u
                 where u.organisation_id = o.id and u.active and u.role = 'aanbieder') as accounts
          from organisations o
         where o.kind = 'provider' and o.provider_id is not null and ${where}
         order by o.is_demo, o.id`,
  );

/** The rule: active provider accounts win; otherwise the referral e-mail address; otherwise a warm handover. */
function decide(row: DeliveryFacts): ReferralDelivery {
  if (row.accounts > 0) return { route: "account", organisationId: row.id };
  if (row.referral_email) return { route: "mail", organisationId: row.id, address: row.referral_email };
  return { route: "warme_overdracht", organisationId: row.id };
}

/**
 * The delivery route for a catalogue provider (its `ref_id`): active provider accounts win; otherwise the
 * organisation's referral e-mail address; otherwise the adviser hands the company over personally. Demo accounts
 * count only where they exist, which is only with DEMO=1.
 */
export async function referralDeliveryFor(db: Database, providerId: string): Promise<ReferralDelivery> {
  const [row] = await deliveryFacts(db, sql`o.provider_id = ${providerId}`);
  return row ? decide(row) : { route: "warme_overdracht", organisationId: null };
}

/** The delivery route of every provider organisation at once, by organisation id (the beheer overview). */
export async function referralDeliveries(db: Database): Promise<Map<string, ReferralDelivery>> {
  const rows = await deliveryFacts(db, sql`true`);
  return new Map(rows.map((row) => [row.id, decide(row)]));
}

/**
 * The delivery route of many catalogue providers at once, by provider id (the dossier's picker names one per
 * instrument). Same query and rule as `referralDeliveryFor`; a provider without an organisation gets a warm handover.
 */
export async function referralDeliveriesFor(
  db: Database,
  providerIds: readonly string[],
): Promise<Map<string, ReferralDelivery>> {
  const wanted = [...new Set(providerIds)].filter(Boolean);
  const found = new Map<string, ReferralDelivery>();
  if (wanted.length) {
    const rows = await deliveryFacts(
      db,
      sql`o.provider_id in (${sql.join(
        wanted.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    // Rows come demo-last, so the first row per provider is the one referralDeliveryFor would pick.
    for (const row of rows) if (!found.has(row.provider_id)) found.set(row.provider_id, decide(row));
  }
  for (const id of wanted)
    if (!found.has(id)) found.set(id, { route: "warme_overdracht", organisationId: null });
  return found;
}
