import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import { organisations, users } from "./auth.tables.js";

/** Display names of people and organisations, so pages name who did something instead of showing ids or codes. */
export type NameDirectory = {
  people: ReadonlyMap<number, string>;
  organisations: ReadonlyMap<string, string>;
};

/** Looks up the names of the given users and organisations in one query each (the auth module owns both tables). */
export async function namesFor(
  db: Database,
  ids: { userIds: readonly number[]; organisationIds: readonly string[] },
): Promise<NameDirectory> {
  const userIds = [...new Set(ids.userIds)];
  const organisationIds = [...new Set(ids.organisationIds)];
  const people = userIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const named = organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  return {
    people: new Map(people.map((row) => [row.id, row.name])),
    organisations: new Map(named.map((row) => [row.id, row.name])),
  };
}

/**
 * Whom a mail about a dossier or referral goes to (ADR 0098): one named account, the advisers of a hub organisation,
 * the national coordinators (the national queue), or the accounts of a catalogue provider's organisation.
 */
export type MailAudience =
  | { kind: "user"; userId: number }
  | { kind: "advisers"; organisationId: string }
  | { kind: "nationalCoordinators" }
  | { kind: "provider"; providerId: string };

/** A staff member who gets a mail: their address and the language of their mails (issue 15 item 4). */
export type MailRecipient = { email: string; lang: Lang };

const audienceCondition = (audience: MailAudience): SQL => {
  switch (audience.kind) {
    case "user":
      return sql`u.id = ${audience.userId}`;
    case "advisers":
      return sql`u.organisation_id = ${audience.organisationId} and u.role = 'adviseur'`;
    case "nationalCoordinators":
      return sql`u.role = 'coordinator' and o.scope = 'national'`;
    case "provider":
      return sql`o.provider_id = ${audience.providerId} and u.role = 'aanbieder'`;
  }
};

/** The active accounts of the audience, with the language of their mails. */
export async function mailRecipients(db: Database, audience: MailAudience): Promise<MailRecipient[]> {
  const rows = await queryRows<{ email: string; language: string }>(
    db,
    sql`select u.email, u.language from users u join organisations o on o.id = u.organisation_id
         where u.active and ${audienceCondition(audience)}`,
  );
  return rows.map((row) => ({ email: row.email, lang: row.language === "en" ? "en" : "nl" }));
}

/** The organisations (of any kind) whose regions include the region, by id. */
export async function organisationsInRegion(
  db: Database,
  regionCode: string,
): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations where ${regionCode} = any(region_codes) order by id`,
  );
}

/** A hub organisation's public face, as the lokets of a region show it. */
export type HubOrganisationFacts = {
  id: string;
  name: string;
  publicKind: (typeof organisations.$inferSelect)["publicKind"];
  description: { nl: string; en: string } | null;
  website: string | null;
  publicEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  openingHours: { nl: string; en: string } | null;
  sourceUrl: string | null;
  isDemo: boolean;
};

/**
 * The hub organisations of a region: real ones first, then by public kind (loket, hub, ontwikkelingsmaatschappij,
 * other) and name. The referrals module decides which of them are public (ADR 0081).
 */
export async function hubOrganisationsInRegion(
  db: Database,
  regionCode: string,
): Promise<HubOrganisationFacts[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    public_kind: HubOrganisationFacts["publicKind"];
    description: { nl: string; en: string } | null;
    website: string | null;
    public_email: string | null;
    phone: string | null;
    visiting_address: string | null;
    opening_hours: { nl: string; en: string } | null;
    source_url: string | null;
    is_demo: boolean;
  }>(
    db,
    sql`select o.id, o.name, o.public_kind, o.description, o.website, o.public_email, o.phone, o.visiting_address,
               o.opening_hours, o.source_url, o.is_demo
        from organisations o
        where o.kind = 'hub' and ${regionCode} = any(o.region_codes)
        order by o.is_demo, case o.public_kind when 'loket' then 0 when 'hub' then 1
                 when 'ontwikkelingsmaatschappij' then 2 else 3 end, o.name`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    publicKind: row.public_kind,
    description: row.description,
    website: row.website,
    publicEmail: row.public_email,
    phone: row.phone,
    visitingAddress: row.visiting_address,
    openingHours: row.opening_hours,
    sourceUrl: row.source_url,
    isDemo: row.is_demo,
  }));
}

/** Per organisation: its regions, whether it is a demo organisation, and its active advisers (the monitor's hubs). */
export async function organisationStaffing(
  db: Database,
  organisationIds: readonly string[],
): Promise<{ id: string; regionCodes: string[]; isDemo: boolean; activeAdvisers: number }[]> {
  const wanted = [...new Set(organisationIds)];
  if (!wanted.length) return [];
  const rows = await queryRows<{ id: string; region_codes: string[]; is_demo: boolean; advisers: number }>(
    db,
    sql`select o.id, o.region_codes, o.is_demo,
               count(u.id) filter (where u.active and u.role = 'adviseur')::int as advisers
          from organisations o left join users u on u.organisation_id = o.id
         where o.id in (${sql.join(
           wanted.map((id) => sql`${id}`),
           sql`, `,
         )})
         group by o.id, o.region_codes, o.is_demo`,
  );
  return rows.map((row) => ({
    id: row.id,
    regionCodes: row.region_codes,
    isDemo: row.is_demo,
    activeAdvisers: row.advisers,
  }));
}

/** The demo organisations (DEMO=1): what they enter never counts toward a figure, a star or a goal (ADR 0081). */
export async function demoOrganisationIds(db: Database): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from organisations where is_demo`);
  return new Set(rows.map((row) => row.id));
}

/** The referral address of a catalogue provider's organisation (real before demo), or null. */
export async function providerReferralAddress(db: Database, providerId: string): Promise<string | null> {
  const [row] = await queryRows<{ referral_email: string | null }>(
    db,
    sql`select referral_email from organisations where kind = 'provider' and provider_id = ${providerId}
         order by is_demo, id limit 1`,
  );
  return row?.referral_email ?? null;
}

/** The public contact details of a catalogue provider's workspace organisation (real before demo), if it has one. */
export type ProviderOrganisationContact = {
  name: string;
  website: string | null;
  publicEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  openingHours: { nl: string; en: string } | null;
};

export async function providerOrganisationContact(
  db: Database,
  providerId: string,
): Promise<ProviderOrganisationContact | undefined> {
  const [row] = await db
    .select({
      name: organisations.name,
      website: organisations.website,
      publicEmail: organisations.publicEmail,
      phone: organisations.phone,
      visitingAddress: organisations.visitingAddress,
      openingHours: organisations.openingHours,
    })
    .from(organisations)
    .where(and(eq(organisations.kind, "provider"), eq(organisations.providerId, providerId)))
    .orderBy(asc(organisations.isDemo), asc(organisations.id))
    .limit(1);
  return row;
}

/** Organisations with at least one active account, by name (a competent body a coordinator may name, ADR 0096). */
export function organisationsWithActiveAccounts(db: Database): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from organisations o
         where exists (select 1 from users u where u.organisation_id = o.id and u.active)
         order by o.name`,
  );
}
