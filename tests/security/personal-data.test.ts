import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker } from "../../src/jobs/index.js";
import { createAuditLog } from "../../src/modules/audit/index.js";
import {
  createPrivacyService,
  NO_PERSONAL_DATA,
  NOT_PERSONAL_COLUMNS,
  PERSONAL_DATA,
} from "../../src/modules/privacy/index.js";
import { addAccount, submitIntake } from "../factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { loginAs } from "../support/workspace.js";

/**
 * Item 2 of issue 13: one registry of personal-data locations drives export, erasure and retention. The registry is
 * held to the database (every text column is either a personal-data location or explained as not personal), and an
 * erased subject leaves no trace in any text column of the database while a second subject stays whole.
 */

const SUBJECT = {
  name: "Zwaantje Quirijnsdochter",
  /** Typed with capitals in the intake; other casings elsewhere. */
  email: "Zwaantje.Quirijnsdochter@Keramiek-Erasure.nl",
  phone: "06 9876 5432",
};
const SURVIVOR = { name: "Bram Blijftbestaan", email: "bram@blijft-bestaan.nl", phone: "06 1111 2222" };

/** What the scan looks for, lower-case and without spaces: name parts, the address, the phone's digits. */
const needlesOf = (person: typeof SUBJECT) => [
  ...person.name.toLowerCase().split(" "),
  person.email.toLowerCase(),
  person.email.toLowerCase().split("@")[0]!,
  person.phone.replaceAll(" ", "").slice(2),
];

type Column = { table_name: string; column_name: string; data_type: string };

describeEachDatabase("personal-data registry, export and erasure", (database) => {
  const now = new Date("2026-11-27T09:00:00Z");
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let drainJobs: () => Promise<number>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  const textColumns = () =>
    rows<Column>(
      sql`select table_name, column_name, data_type from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
          order by table_name, column_name`,
    );

  /** Every text/jsonb/array column of every table whose text holds one of the needles: "table.column". */
  async function findEverywhere(needles: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { table_name, column_name } of await textColumns()) {
      const text = sql`replace(lower(${sql.identifier(column_name)}::text), ' ', '')`;
      const matches = sql.join(
        needles.map((needle) => sql`strpos(${text}, ${needle}) > 0`),
        sql` or `,
      );
      const [hit] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${matches}`,
      );
      if (hit!.n) found.push(`${table_name}.${column_name}`);
    }
    return found;
  }

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), {}, { clock });
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const background = await createBackgroundJobs({ env, database: database(), logger: silentLogger, clock });
    const worker = createJobWorker({
      db: database().db,
      handlers: background.handlers,
      logger: silentLogger,
      clock,
    });
    drainJobs = () => worker.drain();
  });

  it("every table and every text column is either a personal-data location or explained as not personal", async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const registered = new Set(PERSONAL_DATA.map((location) => location.table));
    const unexplainedTables = tables
      .map((row) => row.table_name)
      .filter((table) => !registered.has(table) && !(table in NO_PERSONAL_DATA));
    expect(unexplainedTables).toEqual([]);

    const personal = new Set(PERSONAL_DATA.flatMap((l) => l.columns.map((column) => `${l.table}.${column}`)));
    const columns = await textColumns();
    const unexplainedColumns = columns
      .map((column) => `${column.table_name}.${column.column_name}`)
      .filter(
        (name) =>
          registered.has(name.split(".")[0]!) && !personal.has(name) && !(name in NOT_PERSONAL_COLUMNS),
      );
    expect(unexplainedColumns).toEqual([]);

    // And the other way round: the registry names no column or table that does not exist (a rename is noticed).
    const existing = new Set(columns.map((column) => `${column.table_name}.${column.column_name}`));
    expect([...personal, ...Object.keys(NOT_PERSONAL_COLUMNS)].filter((name) => !existing.has(name))).toEqual(
      [],
    );
    const existingTables = new Set(tables.map((row) => row.table_name));
    expect(
      Object.keys(NO_PERSONAL_DATA).filter((t) => t !== "__drizzle_migrations" && !existingTables.has(t)),
    ).toEqual([]);
    expect(Object.keys(NOT_PERSONAL_COLUMNS).filter((name) => personal.has(name))).toEqual([]);
  });

  it("fills every location for a subject, exports all of it, erases it and leaves no trace anywhere; another subject stays", async () => {
    const db = database().db;
    // The entrepreneur's intake (dossier, consent, confirmation mail), and a second company's.
    for (const person of [SUBJECT, SURVIVOR])
      await submitIntake(app, {
        contactName: person.name,
        email: person.email,
        phone: person.phone,
        companyName: `${person.name.split(" ")[1]} Keramiek BV`,
        question: `Vraag van ${person.name}: hoe hergebruiken wij ons restafval?`,
      });
    const [subjectCase] = await rows<{ id: number }>(
      sql`select id from cases where contact_name = ${SUBJECT.name}`,
    );
    const caseId = subjectCase!.id;
    // The adviser's work on the dossier: a note, a referral with a message and a status note, a measure.
    await db.execute(
      sql`insert into case_notes (case_id, kind, body, created_at) values (${caseId}, 'note', ${`Gebeld met ${SUBJECT.name}, ${SUBJECT.phone}`}, ${now})`,
    );
    const [referral] = await rows<{ id: number }>(
      sql`insert into referrals (case_id, instrument_ref_id, provider_id, message, status, created_at, updated_at)
          values (${caseId}, 'test-instrument', 'rvo', ${`Graag contact met ${SUBJECT.name}`}, 'verstuurd', ${now}, ${now}) returning id`,
    );
    await db.execute(
      sql`insert into referral_events (referral_id, to_status, note, occurred_at) values (${referral!.id}, 'verstuurd', ${`Mail aan ${SUBJECT.email}`}, ${now})`,
    );
    await db.execute(
      sql`insert into measures (case_id, referral_id, description, basis, created_at) values (${caseId}, ${referral!.id}, ${`Oven van ${SUBJECT.name}`}, 'geschat', ${now})`,
    );
    // Mijn route (ADR 0091): a saved route whose link went to the address (typed in capitals), carried by the dossier.
    for (const person of [SUBJECT, SURVIVOR]) {
      const [saved] = await rows<{ id: number }>(
        sql`insert into saved_routes (token_hash, municipality_code, region_code, province_code, sbi, sbi_section, help,
              themes, start_phase, start_step, origin, created_at, updated_at, email, email_lang, email_requested_at,
              email_confirmed_at)
            values (${person === SUBJECT ? "route-hash-1" : "route-hash-2"}, 'GM0153', 'ES04', 'PV23', '25', 'C', '{}', '{}', 'starter', 'informeren',
              'route', ${now}, ${now}, ${person.email.toUpperCase()}, 'nl', ${now}, ${now}) returning id`,
      );
      if (person === SUBJECT)
        await db.execute(
          sql`insert into saved_route_cases (case_id, route_id, consented_at) values (${caseId}, ${saved!.id}, ${now})`,
        );
    }
    // A barrier report with contact details, the address typed in capitals.
    const reporter = browserSession(app);
    const barrierCsrf = await reporter.csrfTokenFrom("/belemmering-melden");
    for (const person of [SUBJECT, SURVIVOR]) {
      const reported = await reporter.post(
        "/belemmering-melden",
        {
          beschrijving: `${person.name} loopt vast op de vergunning voor het hergebruik van restklei uit de oven.`,
          onderwerp: "vergunningen",
          gemeente: "Enschede",
          naam: person.name,
          email: person.email.toUpperCase(),
          toestemming: "ja",
        },
        { csrf: barrierCsrf },
      );
      expect(reported.status).toBe(303);
    }
    // The subject's barrier forwarded to a body at the subject's (work) address, with an answer link (ADR 0096). Its
    // own report, not the first in the table: another test of this file may have reported barriers before this one.
    await db.execute(
      sql`insert into barrier_forwardings (barrier_id, body_kind, body_name, to_address, due_at, created_at)
          select id, 'gemeente', 'Gemeente Enschede', ${SUBJECT.email}, ${now}, ${now} from barriers
          where contact_name = ${SUBJECT.name}`,
    );
    // A staff account with the same address: a session, an external identity, a failed login, a reset request.
    await addAccount(db, {
      email: SUBJECT.email.toLowerCase(),
      role: "adviseur",
      organisation: { id: "hub-twente", kind: "hub", name: "Twente" },
    });
    const [account] = await rows<{ id: number }>(
      sql`select id from users where email = ${SUBJECT.email.toLowerCase()}`,
    );
    await db.execute(
      sql`insert into user_identities (issuer, subject, user_id) values ('https://idp.test', ${SUBJECT.email}, ${account!.id})`,
    );
    // The invitation that made the account (ADR 0084), accepted.
    await db.execute(
      sql`insert into invitations (token_hash, email, display_name, role, organisation_id, created_at, expires_at,
            accepted_at, user_id)
          values ('uitnodiging-betrokkene', ${SUBJECT.email.toLowerCase()}, ${SUBJECT.name}, 'adviseur', 'hub-twente',
            ${now}, ${now}, ${now}, ${account!.id})`,
    );
    await loginAs(app, SUBJECT.email.toLowerCase());
    const visitor = browserSession(app);
    const loginCsrf = await visitor.csrfTokenFrom("/inloggen");
    await visitor.post(
      "/inloggen",
      { email: SUBJECT.email, password: "fout-wachtwoord" },
      { csrf: loginCsrf },
    );
    const resetCsrf = await visitor.csrfTokenFrom("/wachtwoord-vergeten");
    await visitor.post(
      "/wachtwoord-vergeten",
      { email: ` ${SUBJECT.email.toUpperCase()} ` },
      { csrf: resetCsrf },
    );
    await drainJobs();
    // A second reset request that the worker has not handled yet, a mail to a differently cased address, and a mail
    // server's refusal that quotes the address.
    await visitor.post("/wachtwoord-vergeten", { email: SUBJECT.email }, { csrf: resetCsrf });
    // "Stuur mij mijn link opnieuw" (ADR 0085): the request holds the typed address until its job is purged.
    const linkCsrf = await visitor.csrfTokenFrom("/mijn-aanvraag");
    await visitor.post("/mijn-aanvraag", { email: SUBJECT.email }, { csrf: linkCsrf });
    // Alerts by e-mail (ADR 0092): a sign-up, and an item matched to it.
    const alertCsrf = await visitor.csrfTokenFrom("/meldingen/aanmelden?gemeente=GM0153&sector=C");
    await visitor.post(
      "/meldingen/aanmelden",
      { gemeente: "GM0153", sector: "C", email: SUBJECT.email, melding: "bijeenkomst" },
      { csrf: alertCsrf },
    );
    await db.execute(
      sql`insert into alert_items (subscription_id, item_key, detected_at)
          select id, 'bijeenkomst:test', ${now} from alert_subscriptions`,
    );
    await db.execute(
      sql`insert into outbox_messages (to_address, subject, body, kind, created_at) values (${SUBJECT.email}, 'Uw melding', ${`Beste ${SUBJECT.name}`}, 'barrier_reply', ${now})`,
    );
    await db.execute(
      sql`insert into jobs (queue, payload, status, last_error) values ('referrals.mail', '{"messageId": 1}', 'failed', ${`550 mailbox ${SUBJECT.email} unavailable`})`,
    );

    // The export finds every location, whatever the casing asked for.
    const { session, csrf } = await loginAs(app, "beheer@demo.invalid");
    const exported = await session.post(
      "/beheer/betrokkenen/export",
      { email: SUBJECT.email.toUpperCase() },
      { csrf },
    );
    expect(exported.status).toBe(200);
    const data = (await exported.json()) as Record<string, unknown[]>;
    const empty = PERSONAL_DATA.filter((location) => !data[location.key]?.length).map((l) => l.key);
    expect(empty).toEqual([]);
    expect(data.barriers).toHaveLength(1);
    expect(JSON.stringify(data.messages)).toContain(SUBJECT.email);
    expect(JSON.stringify(data.account)).not.toContain("argon2");
    expect(JSON.stringify(data.sessions)).not.toContain("id_hash");
    expect(await findEverywhere(needlesOf(SUBJECT))).not.toEqual([]);

    // Erase, with yet another casing; then no text column anywhere holds the name, the address or the phone.
    // Erasure anonymises rows, it does not delete them: the counts before and after are the same (other tests of
    // this file may have added rows of their own before this one, in any order).
    const [countsBefore] = await rows<{ cases: number; barriers: number; referrals: number }>(
      sql`select (select count(*)::int from cases) as cases, (select count(*)::int from barriers) as barriers,
                 (select count(*)::int from referrals) as referrals`,
    );
    const erased = await session.post(
      "/beheer/betrokkenen/wissen",
      { email: ` ${SUBJECT.email.toLowerCase()}`, confirm: "ja" },
      { csrf },
    );
    expect(erased.status).toBe(200);
    expect(await findEverywhere(needlesOf(SUBJECT))).toEqual([]);
    const again = (await (
      await session.post("/beheer/betrokkenen/export", { email: SUBJECT.email }, { csrf })
    ).json()) as Record<string, unknown[]>;
    expect(PERSONAL_DATA.filter((location) => again[location.key]?.length).map((l) => l.key)).toEqual([]);

    // The other subject is whole, and the counts stay.
    const survivor = await findEverywhere(needlesOf(SURVIVOR));
    expect(survivor).toEqual(
      expect.arrayContaining(["cases.contact_name", "cases.contact_email", "barriers.contact_email"]),
    );
    const [counts] = await rows<{ cases: number; barriers: number; referrals: number }>(
      sql`select (select count(*)::int from cases) as cases, (select count(*)::int from barriers) as barriers,
                 (select count(*)::int from referrals) as referrals`,
    );
    expect(counts).toEqual(countsBefore);
    expect(counts!.cases).toBeGreaterThanOrEqual(2);
    expect(counts!.referrals).toBeGreaterThanOrEqual(1);
  });

  it("the retention job clears the contact details of barrier reports settled longer ago than the retention period", async () => {
    const reporter = browserSession(app);
    const csrf = await reporter.csrfTokenFrom("/belemmering-melden");
    for (const who of ["oud", "recent", "open"])
      await reporter.post(
        "/belemmering-melden",
        {
          beschrijving: `Melding ${who}: de vergunning voor hergebruik van restklei duurt te lang.`,
          onderwerp: "vergunningen",
          gemeente: "Enschede",
          naam: `Melder ${who}`,
          email: `melder-${who}@retentie.test`,
          toestemming: "ja",
        },
        { csrf },
      );
    const monthsAgo = (months: number) => new Date(now.getTime() - months * 31 * 86_400_000);
    await database().db.execute(
      sql`update barriers set status = 'opgelost', updated_at = ${monthsAgo(25)} where contact_email = 'melder-oud@retentie.test'`,
    );
    await database().db.execute(
      sql`update barriers set status = 'opgelost', updated_at = ${monthsAgo(1)} where contact_email = 'melder-recent@retentie.test'`,
    );
    await database().db.execute(
      sql`update barriers set updated_at = ${monthsAgo(25)} where contact_email = 'melder-open@retentie.test'`,
    );
    const privacy = createPrivacyService({ db: database().db, audit: createAuditLog(clock), clock });
    await privacy.applyRetention(database().db, now, 24);
    const left = await rows<{ contact_email: string | null; description: string }>(
      sql`select contact_email, description from barriers where description like 'Melding %' or contact_email like '%@retentie.test' order by id`,
    );
    expect(left.map((row) => row.contact_email)).toEqual(
      expect.arrayContaining(["melder-recent@retentie.test", "melder-open@retentie.test"]),
    );
    expect(left.filter((row) => row.contact_email === null)).toHaveLength(0);
    expect(await findEverywhere(["melder-oud", "melding oud"])).toEqual([]);
    const [audited] = await rows<{ detail: { barriers?: number } }>(
      sql`select detail from audit_log where action = 'retention.anonymise' order by id desc limit 1`,
    );
    expect(audited!.detail.barriers).toBe(1);
  });
});
