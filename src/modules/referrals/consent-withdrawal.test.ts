import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { giveCircoOnlyAReferralAddress, submitIntake } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";

const ORIGIN = "https://loket.example";
const EMAIL = "sanne@terugtrek-bedrijf.nl";
const NAME = "Sanne Terugtrek";
const COMPANY = "Terugtrek Metaal BV";
const REFERRAL_ADDRESS = "verwijzingen@circo-intrekken.test";

/**
 * Withdrawn consent stops open referrals (ADR 0085, closing issue 15): before the erasure every open referral of the
 * dossier becomes "ingetrokken" with reason "ondernemer_ziet_af" through the state machine, audited with the link
 * holder as actor; each provider that got it hears so without personal data; the provider's link stops working and
 * the warm handover's follow-up task closes.
 */
describeEachDatabase("withdrawn consent stops open referrals", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    // CIRCO receives referrals at an address only; Het Groene Brein has neither address nor account.
    await giveCircoOnlyAReferralAddress(database().db, REFERRAL_ADDRESS);
    app = await createTestApp(database(), { PUBLIC_BASE_URL: ORIGIN });
  });

  it("withdraws every open referral, tells each provider without personal data, then erases the case", async () => {
    const location = await submitIntake(app, { contactName: NAME, email: EMAIL, companyName: COMPANY });
    const path = location.replace(/\?.*$/, "");
    const [record] = await rows<{ id: number }>(sql`select id from cases where contact_email = ${EMAIL}`);
    const caseId = record!.id;
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const referralIds: number[] = [];
    for (const refId of [
      "rvo-mia-vamil-circulair",
      "circo-track",
      "groene-brein-kenniskaarten",
      "rvo-wbso",
    ]) {
      const response = await adviser.session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId, message: "Graag contact over hergebruik van restmetaal." },
        { csrf: adviser.csrf },
      );
      expect(response.status, refId).toBe(303);
      referralIds.push(Number(/(\d+)$/.exec(response.headers.get("location")!)![1]));
    }
    const [accountRef, mailRef, warmRef, closedRef] = referralIds as [number, number, number, number];
    // RVO accepts the first and declines the last: one open referral further along, one already closed.
    const rvo = await loginAs(app, "aanbieder.rvo@demo.invalid");
    const move = (id: number, to: string, reason = "") =>
      rvo.session.post(
        `/werkruimte/verwijzingen/${id}/status`,
        { version: "1", to, reason },
        { csrf: rvo.csrf },
      );
    expect((await move(accountRef, "geaccepteerd")).status).toBe(303);
    expect((await move(closedRef, "afgewezen", "budget_op")).status).toBe(303);
    // CIRCO's link, as its mail holds it.
    const [linkMail] = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = ${REFERRAL_ADDRESS} and kind = 'referral_link'
          and case_id = ${caseId}`,
    );
    const link = new URL(/https?:\/\/\S+\/verwijzing\/\S+/.exec(linkMail!.body)![0]);
    expect((await app.request(link.pathname)).status).toBe(200);
    const [{ mark }] = (await rows<{ mark: number }>(
      sql`select coalesce(max(id), 0)::int as mark from audit_log`,
    )) as [{ mark: number }];

    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(`${path}/intrekken`);
    const done = await visitor.post(`${path}/intrekken`, { bevestig: "ja" }, { csrf });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Uw gegevens zijn gewist");

    // Every open referral is withdrawn with the entrepreneur's reason; the closed one keeps its answer.
    const statuses = await rows<{ id: number; status: string; reason_code: string | null }>(
      sql`select id, status, reason_code from referrals where case_id = ${caseId} order by id`,
    );
    expect(statuses).toEqual([
      { id: accountRef, status: "ingetrokken", reason_code: "ondernemer_ziet_af" },
      { id: mailRef, status: "ingetrokken", reason_code: "ondernemer_ziet_af" },
      { id: warmRef, status: "ingetrokken", reason_code: "ondernemer_ziet_af" },
      { id: closedRef, status: "afgewezen", reason_code: "budget_op" },
    ]);
    // Through the transition path: a history event each, and audited as the link holder, before the erasure.
    const events = await rows<{ referral_id: number; from_status: string }>(
      sql`select referral_id, from_status from referral_events
          where referral_id in (${accountRef}, ${mailRef}, ${warmRef}) and to_status = 'ingetrokken' order by referral_id`,
    );
    expect(events).toEqual([
      { referral_id: accountRef, from_status: "geaccepteerd" },
      { referral_id: mailRef, from_status: "verstuurd" },
      { referral_id: warmRef, from_status: "verstuurd" },
    ]);
    const audited = await rows<{ action: string; actor_label: string; subject_id: string | null }>(
      sql`select action, actor_label, subject_id from audit_log
          where id > ${mark} and action in ('referral.transition', 'subject.erase') order by id`,
    );
    expect(audited).toEqual([
      { action: "referral.transition", actor_label: "ondernemer", subject_id: String(accountRef) },
      { action: "referral.transition", actor_label: "ondernemer", subject_id: String(mailRef) },
      { action: "referral.transition", actor_label: "ondernemer", subject_id: String(warmRef) },
      { action: "subject.erase", actor_label: "ondernemer", subject_id: String(caseId) },
    ]);
    // Each provider that got an open referral hears of it, and the mail survives the erasure without personal data.
    const withdrawn = await rows<{
      to_address: string;
      subject: string;
      body: string;
      case_id: number | null;
    }>(
      sql`select to_address, subject, body, case_id from outbox_messages
          where kind = 'referral_withdrawn' and body like ${`%-${String(caseId).padStart(5, "0")}-%`} order by id`,
    );
    expect(withdrawn.map((mail) => mail.to_address).sort()).toEqual(
      ["aanbieder.rvo@demo.invalid", REFERRAL_ADDRESS].sort(),
    );
    for (const mail of withdrawn) {
      expect(mail.subject).toMatch(/^Verwijzing CL-2026-\d{5}-V\d+ is ingetrokken$/);
      expect(mail.body).toContain("De ondernemer heeft de toestemming ingetrokken.");
      expect(mail.body).toContain("U hoeft niets meer te doen.");
      for (const personal of [NAME, "Sanne", EMAIL, COMPANY, "12345678", "restmetaal"])
        expect(mail.body).not.toContain(personal);
      expect(mail.case_id).toBeNull();
    }
    // The link stops working, and the warm handover has nothing left to follow up.
    expect([404, 410]).toContain((await app.request(link.pathname)).status);
    const [openTasks] = await rows<{ n: number }>(
      sql`select count(*)::int as n from referral_tasks where referral_id = ${warmRef} and done_at is null`,
    );
    expect(openTasks!.n).toBe(0);
    const [erased] = await rows<{ contact_name: string; anonymised: boolean }>(
      sql`select contact_name, anonymised_at is not null as anonymised from cases where id = ${caseId}`,
    );
    expect(erased).toEqual({ contact_name: "[geanonimiseerd]", anonymised: true });
  });
});
