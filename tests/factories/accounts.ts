import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../src/db/client.js";
import { hashPassword, organisations, type Role, users } from "../../src/modules/auth/index.js";
import { DEMO_PASSWORD, loginAs, type TestApp } from "../support/workspace.js";

type Organisation = typeof organisations.$inferInsert;

/**
 * Adds an account of its own organisation beside the demo ones (a coordinator of one region, say), with the demo
 * password, so a test can log in as someone the demo data does not have. The organisation is added when missing.
 */
export async function addAccount(
  db: Database,
  account: { email: string; role: Role; organisation: Organisation },
) {
  await db.insert(organisations).values(account.organisation).onConflictDoNothing();
  await db
    .insert(users)
    .values({
      email: account.email,
      displayName: account.email,
      organisationId: account.organisation.id,
      role: account.role,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .onConflictDoNothing();
}

/** A coordinator of one region or province (or national: no regions); answers the e-mail to log in with. */
export async function addCoordinator(
  db: Database,
  coordinator: { email: string; id: string; name: string; regionCodes?: string[] },
) {
  const regionCodes = coordinator.regionCodes ?? [];
  const scope = !regionCodes.length ? "national" : regionCodes.length === 1 ? "region" : "province";
  await addAccount(db, {
    email: coordinator.email,
    role: "coordinator",
    organisation: { id: coordinator.id, kind: "coordinator", name: coordinator.name, scope, regionCodes },
  });
  return coordinator.email;
}

/**
 * An adviser of a hub organisation covering the given regions. With `takesIntakes` the organisation also gets its
 * hubs row (description and loket address), so the region's intakes go to it.
 */
export async function addHubAdviser(
  db: Database,
  adviser: { email: string; id: string; name: string; regionCodes: string[]; takesIntakes?: string },
) {
  await addAccount(db, {
    email: adviser.email,
    role: "adviseur",
    organisation: { id: adviser.id, kind: "hub", name: adviser.name, regionCodes: adviser.regionCodes },
  });
  if (adviser.takesIntakes)
    await db.execute(sql`insert into hubs (organisation_id, description, email)
      values (${adviser.id}, '{"nl":"Loket","en":"Desk"}', ${adviser.takesIntakes}) on conflict do nothing`);
  return adviser.email;
}

/**
 * One logged-in session per account for a suite, made on first use: tests sign in as whoever they need without
 * depending on an earlier test having done it, and the suite hashes each password once.
 */
export function sessionsFor(app: TestApp) {
  const sessions = new Map<string, Promise<Awaited<ReturnType<typeof loginAs>>>>();
  return (email: string) => {
    let found = sessions.get(email);
    if (!found) {
      found = loginAs(app, email);
      sessions.set(email, found);
      found.catch(() => sessions.delete(email));
    }
    return found;
  };
}

/**
 * The three delivery routes of ADR 0086 on the demo data: CIRCO receives referrals at `address` only (its
 * organisation made when the provider sync has not run), Het Groene Brein has neither address nor account.
 */
export async function giveCircoOnlyAReferralAddress(db: Database, address: string) {
  const updated = await queryRows<{ id: string }>(
    db,
    sql`update organisations set referral_email = ${address} where provider_id = 'circo' returning id`,
  );
  if (!updated.length)
    await db.insert(organisations).values({
      id: "provider-circo",
      kind: "provider",
      name: "CIRCO",
      providerId: "circo",
      referralEmail: address,
    });
  await db.execute(
    sql`update organisations set referral_email = null where provider_id = 'het-groene-brein'`,
  );
}
