import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../src/db/client.js";
import { browserSession } from "../support/app.js";
import type { TestApp } from "../support/workspace.js";

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

let made = 0;

/**
 * A dossier of its own for one test: an intake through the public form, with a company and contact address no
 * other test uses unless given. Answers the dossier's id, its own page (`/mijn-aanvraag/…`) and the form sent.
 */
export async function createDossier(app: TestApp, db: Database, overrides: Record<string, string> = {}) {
  made += 1;
  const unique = `${process.pid}-${made}`;
  const fields = intakeFields({
    email: `dossier-${unique}@voorbeeld-bedrijf.nl`,
    companyName: `Metaalwerk ${unique} BV`,
    ...overrides,
  });
  const location = await submitIntake(app, fields);
  const token = /^\/mijn-aanvraag\/([\w-]+)/.exec(location)![1]!;
  const [record] = await queryRows<{ id: number }>(
    db,
    sql`select id from cases where public_token = ${token}`,
  );
  if (!record) throw new Error(`no dossier for ${location}`);
  return { caseId: record.id, ownPath: location.replace(/\?.*$/, ""), location, fields };
}

/** The highest id in a table now: a test then reads only the rows written after it (`where id > mark`). */
export async function markOf(
  db: Database,
  table: "outbox_messages" | "audit_log" | "journey_events" | "referrals",
) {
  const [row] = await queryRows<{ id: number | null }>(
    db,
    sql`select max(id)::int as id from ${sql.identifier(table)}`,
  );
  return row?.id ?? 0;
}
