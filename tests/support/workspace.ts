import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../src/db/client.js";
import { hashPassword, organisations, type Role, users } from "../../src/modules/auth/index.js";
import { browserSession } from "./app.js";

type TestApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export const DEMO_PASSWORD = "demo-wachtwoord";

/**
 * Logs in through the real login form; answers the session and its CSRF token. The token is read after login, from
 * the workspace: tokens are bound to the session, so the login form's own token no longer posts (ADR 0073).
 */
export async function loginAs(app: TestApp, email: string, password = DEMO_PASSWORD) {
  const session = browserSession(app);
  const response = await session.post(
    "/inloggen",
    { email, password, terug: "/werkruimte" },
    { csrf: await session.csrfTokenFrom("/inloggen") },
  );
  if (response.status !== 303) throw new Error(`login as ${email} failed: ${response.status}`);
  const csrf = await session.csrfTokenFrom("/werkruimte");
  return { session, csrf };
}

/**
 * Adds an account of its own organisation beside the demo ones (a coordinator of one region, say), with the demo
 * password, so a test can log in as someone the demo data does not have.
 */
export async function addAccount(
  db: Database,
  account: { email: string; role: Role; organisation: typeof organisations.$inferInsert },
) {
  await db.insert(organisations).values(account.organisation).onConflictDoNothing();
  await db.insert(users).values({
    email: account.email,
    displayName: account.email,
    organisationId: account.organisation.id,
    role: account.role,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
}

/** A valid intake form for a region; override any field. */
export function intakeFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    regio: "ES04",
    gemeente: "GM0153",
    sector: "C",
    resultaat: "",
    contactName: "Fatima de Vries",
    email: "fatima@voorbeeld-bedrijf.nl",
    phone: "053 123 45 67",
    companyName: "Metaalwerk Twente BV",
    kvk: "12345678",
    question: "Wij willen ons restmetaal hergebruiken. Welke subsidie past daarbij?",
    consent: "ja",
    ...overrides,
  };
}

/** Posts an intake as an anonymous visitor; answers the dossier's public confirmation path. */
export async function submitIntake(app: TestApp, overrides: Record<string, string> = {}) {
  const visitor = browserSession(app);
  const fields = intakeFields(overrides);
  const csrf = await visitor.csrfTokenFrom(`/intake?regio=${fields.regio}`);
  const response = await visitor.post("/intake", fields, { csrf });
  if (response.status !== 303) throw new Error(`intake failed: ${response.status} ${await response.text()}`);
  return response.headers.get("location")!;
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
