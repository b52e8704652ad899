import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import {
  createDossier,
  intakeFields,
  markOf,
  moveReferral,
  referDossier,
  sessionsFor,
  submitIntake,
} from "../../../tests/factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createBackgroundJobs } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createJobWorker } from "../../jobs/index.js";

const HOSTILE = `<script>alert("x")</script> & 'Zonen' "BV"`;

const START = new Date("2026-11-27T09:00:00Z");

/**
 * Each test makes the dossier and referrals it needs (tests/factories) and reads only what it wrote, so it passes on
 * its own and in any order (ADR 0090). The clock starts at the same moment for every test.
 */
describeEachDatabase("intake, dossier and closed-loop referral", (database) => {
  let now = START;
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let drainJobs: () => Promise<number>;
  let schedule: () => Promise<void>;
  let loginAs: ReturnType<typeof sessionsFor>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  const dossier = (overrides: Record<string, string> = {}) => createDossier(app, database().db, overrides);
  /** A dossier of its own with a referral to MIA\Vamil that RVO has moved on to the given status. */
  const referral = async (to: Parameters<typeof moveReferral>[2], overrides: Record<string, string> = {}) => {
    const { caseId } = await dossier(overrides);
    const referralId = await referDossier(await loginAs("adviseur.es04@demo.invalid"), caseId);
    await moveReferral(await loginAs("aanbieder.rvo@demo.invalid"), referralId, to);
    return { caseId, referralId };
  };

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
    schedule = () => background.schedule(now);
  });

  // Every test starts at the same moment, with sessions of its own (a test that moves the clock ends them).
  beforeEach(() => {
    now = START;
    loginAs = sessionsFor(app);
  });

  it("the region page names the Twente hub and links to the intake", async () => {
    const html = await (await app.request("/regio/ES04")).text();
    expect(html).toContain("Circulair Loket Twente (demo)");
    expect(html).toContain('href="/intake?regio=ES04"');
    expect(html).toContain("Uw aanvraag gaat naar Circulair Loket Twente (demo)");
    // A region without any known loket names the national fallback with its contact (ADR 0081).
    expect(await (await app.request("/regio/ES03")).text()).toContain("https://versnellingshuisce.nl");
  });

  it("the intake form carries the route context and names the hub in the consent", async () => {
    const response = await app.request("/intake?regio=ES04&gemeente=GM0153&sector=C&resultaat=scan-123");
    expect(response.status).toBe(200);
    const html = await response.text();
    // The municipality is asked for in the form, filled in from the route.
    expect(html).toContain('name="gemeente" type="text" value="Enschede"');
    expect(html).toContain('name="resultaat" value="scan-123"');
    expect(html).toMatch(/toestemming om mijn gegevens te gebruiken/);
    expect(html).toContain("Circulair Loket Twente (demo)");
    // Without a municipality or region the intake asks for the municipality first, not for the RES region.
    const first = await (await app.request("/intake")).text();
    expect(first).toContain('<form method="get" action="/intake"');
    expect(first).toContain('name="gemeente"');
    expect(first).not.toContain('name="regio"');
  });

  it("the intake page says once where the request goes, with the region's name and not its code", async () => {
    for (const [lang, sentence, start] of [
      ["nl", "Uw aanvraag gaat naar Circulair Loket Twente (demo) (regio Twente).", "Uw aanvraag gaat naar"],
      ["en", "Your request goes to Circulair Loket Twente (demo) (region Twente).", "Your request goes to"],
    ] as const) {
      const html = await (await app.request(`/intake?regio=ES04&lang=${lang}`)).text();
      const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
      expect(main).toContain(sentence);
      expect(main.split(start).length - 1).toBe(1);
    }
  });

  it("the intake keeps a two-digit sector division from the route (13 = textiles), and drops an unknown one", async () => {
    const kept = await (await app.request("/intake?regio=ES04&sector=13")).text();
    expect(kept).toContain('name="sector" value="13"');
    const dropped = await (await app.request("/intake?regio=ES04&sector=04")).text();
    expect(dropped).toContain('name="sector" value=""');
  });

  it("refuses a wrong KVK number, a bad e-mail and missing consent, keeping the input (400)", async () => {
    const casesNow = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from cases`))[0]!.n;
    const before = await casesNow();
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES04");
    const response = await visitor.post(
      "/intake",
      intakeFields({ kvk: "1234", email: "geen-mail", consent: "", companyName: HOSTILE }),
      { csrf },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("precies 8 cijfers");
    expect(html).toContain('href="#email"');
    expect(html).toContain("Geef toestemming");
    expect(html).toContain('value="1234"');
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
    expect(await casesNow()).toBe(before);
  });

  it("an intake lands in the hub's queue, with consent, a journey event and a confirmation e-mail", async () => {
    await drainJobs();
    const [mails0, events0] = [
      await markOf(database().db, "outbox_messages"),
      await markOf(database().db, "journey_events"),
    ];
    const location = await submitIntake(app, {
      companyName: HOSTILE,
      // A division, as the route carries it; the dossier and the journey event keep its section (C).
      sector: "25",
      resultaat: "scan-123",
      bron: "Nieuwsbrief-Twente",
      question: `Vraag met ${HOSTILE}`,
    });
    expect(location).toMatch(/^\/mijn-aanvraag\/[\w-]{24}\?verstuurd$/);
    const confirmation = await (await app.request(location)).text();
    expect(confirmation).toContain("Wat gebeurt er nu?");
    expect(confirmation).toContain("Circulair Loket Twente (demo)");
    const token = /^\/mijn-aanvraag\/([\w-]+)/.exec(location)![1]!;
    const [record] = await rows<{ id: number; region_code: string; scan_result_id: string; hub_id: string }>(
      sql`select id, region_code, scan_result_id, hub_id from cases where public_token = ${token}`,
    );
    const caseId = record!.id;
    expect(record).toMatchObject({ region_code: "ES04", scan_result_id: "scan-123", hub_id: "hub-twente" });
    const [consent] = await rows<{ text_version: string; retention_months: number; purpose: string }>(
      sql`select text_version, retention_months, purpose from consents where case_id = ${caseId}`,
    );
    expect(consent).toEqual({
      text_version: "intake-toestemming-2026-12-v2",
      retention_months: 24,
      purpose: expect.stringContaining("verwijzing"),
    });
    expect(
      await rows(
        sql`select type, region_code, sbi_section, source from journey_events where type = 'intake_requested' and id > ${events0}`,
      ),
    ).toEqual([
      { type: "intake_requested", region_code: "ES04", sbi_section: "C", source: "nieuwsbrief-twente" },
    ]);
    const mails = await rows<{ to_address: string; kind: string }>(
      sql`select to_address, kind from outbox_messages where id > ${mails0} order by id`,
    );
    expect(mails).toEqual([
      { to_address: "fatima@voorbeeld-bedrijf.nl", kind: "intake_confirmation" },
      { to_address: "adviseur.es04@demo.invalid", kind: "intake_notice" },
    ]);
    expect(await drainJobs()).toBe(2);
    expect(
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from outbox_messages where sent_at is not null and id > ${mails0}`,
        )
      )[0]!.n,
    ).toBe(2);
  });

  it("adviseur.es04 sees it in the queue and opens the dossier (escaped, audited)", async () => {
    const { caseId } = await dossier({ companyName: HOSTILE, email: "fatima@voorbeeld-bedrijf.nl" });
    const { session } = await loginAs("adviseur.es04@demo.invalid");
    const queue = await (await session.get("/werkruimte")).text();
    expect(queue).toContain(`href="/werkruimte/dossiers/${caseId}"`);
    expect(queue).not.toContain("<script>alert");
    const response = await session.get(`/werkruimte/dossiers/${caseId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("fatima@voorbeeld-bedrijf.nl");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zonen&#39;");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("intake-toestemming-2026-12-v2");
    const audited = await rows<{ actor_label: string; outcome: string }>(
      sql`select actor_label, outcome from audit_log where action = 'case.read' and subject_id = ${String(caseId)}`,
    );
    expect(audited).toEqual([{ actor_label: "adviseur@hub-twente", outcome: "allowed" }]);
  });

  it("picks up the dossier; a stale edit shows the conflict and keeps the user's input (409)", async () => {
    const { caseId } = await dossier({ companyName: HOSTILE });
    const { session, csrf } = await loginAs("adviseur.es04@demo.invalid");
    expect(
      (await session.post(`/werkruimte/dossiers/${caseId}/oppakken`, { version: "1" }, { csrf })).status,
    ).toBe(303);
    // A second tab still holds version 1.
    const stale = await session.post(
      `/werkruimte/dossiers/${caseId}`,
      { version: "1", status: "wachten", nextSteps: "Offerte opvragen bij <leverancier> & bellen" },
      { csrf },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Iemand anders heeft dit intussen gewijzigd");
    expect(html).toContain("Offerte opvragen bij &lt;leverancier&gt; &amp; bellen");
    const saved = await session.post(
      `/werkruimte/dossiers/${caseId}`,
      { version: "2", status: "in_behandeling", nextSteps: "Verwijzen naar MIA\\Vamil" },
      { csrf },
    );
    expect(saved.status).toBe(303);
    expect(
      (await session.post(`/werkruimte/dossiers/${caseId}/notities`, { note: HOSTILE }, { csrf })).status,
    ).toBe(303);
    expect(await (await session.get(`/werkruimte/dossiers/${caseId}`)).text()).not.toContain("<script>alert");
  });

  it("refers the dossier to an RVO instrument; the provider gets an e-mail", async () => {
    const { caseId } = await dossier({ companyName: HOSTILE });
    const mails0 = await markOf(database().db, "outbox_messages");
    const { session, csrf } = await loginAs("adviseur.es04@demo.invalid");
    const bad = await session.post(
      `/werkruimte/dossiers/${caseId}/verwijzingen`,
      { refId: "bestaat-niet", message: "kort" },
      { csrf },
    );
    expect(bad.status).toBe(400);
    const response = await session.post(
      `/werkruimte/dossiers/${caseId}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: `Bedrijf wil investeren in hergebruik. ${HOSTILE}` },
      { csrf },
    );
    expect(response.status).toBe(303);
    const referralId = Number(
      /\/werkruimte\/verwijzingen\/(\d+)/.exec(response.headers.get("location")!)![1],
    );
    const [referral] = await rows<{ status: string; provider_id: string; due_at: Date }>(
      sql`select status, provider_id, due_at from referrals where id = ${referralId}`,
    );
    expect(referral).toMatchObject({ status: "verstuurd", provider_id: "rvo" });
    expect(new Date(referral!.due_at).toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(
      await rows(
        sql`select kind from outbox_messages where to_address = 'aanbieder.rvo@demo.invalid' and id > ${mails0}`,
      ),
    ).toEqual([{ kind: "referral_sent" }]);
  });

  it("aanbieder.rvo accepts it, carries it out and records the outcome; a decline needs a reason", async () => {
    const { caseId } = await dossier({ companyName: HOSTILE });
    const referralId = await referDossier(
      await loginAs("adviseur.es04@demo.invalid"),
      caseId,
      "rvo-mia-vamil-circulair",
      `Bedrijf wil investeren in hergebruik. ${HOSTILE}`,
    );
    const { session, csrf } = await loginAs("aanbieder.rvo@demo.invalid");
    const inbox = await (await session.get("/werkruimte")).text();
    expect(inbox).toContain(`href="/werkruimte/verwijzingen/${referralId}"`);
    expect(inbox).not.toContain("<script>alert");
    const page = await (await session.get(`/werkruimte/verwijzingen/${referralId}`)).text();
    expect(page).toContain('value="geaccepteerd"');
    expect(page).not.toContain('value="ingetrokken"');
    const noReason = await session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "1", to: "afgewezen", reason: "" },
      { csrf },
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Kies een reden");
    const notAllowed = await session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "1", to: "ingetrokken", reason: "" },
      { csrf },
    );
    expect(notAllowed.status).toBe(400);
    for (const [version, to] of [
      ["1", "geaccepteerd"],
      ["2", "in_uitvoering"],
      ["3", "afgerond_geholpen"],
    ] as const)
      expect(
        (
          await session.post(
            `/werkruimte/verwijzingen/${referralId}/status`,
            { version, to, note: "Aanvraag loopt" },
            { csrf },
          )
        ).status,
      ).toBe(303);
    const stale = await session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "1", to: "in_behandeling" },
      { csrf },
    );
    expect(stale.status).toBe(409);
    const [referral] = await rows(sql`select status, outcome from referrals where id = ${referralId}`);
    expect(referral).toEqual({ status: "afgerond_geholpen", outcome: "geholpen" });
  });

  it("the adviseur sees the closed loop and records a measure with its impact", async () => {
    const { caseId } = await referral("afgerond_geholpen");
    const { session, csrf } = await loginAs("adviseur.es04@demo.invalid");
    const html = await (await session.get(`/werkruimte/dossiers/${caseId}`)).text();
    expect(html).toContain("afgerond – geholpen");
    expect(html).toContain(">geholpen<");
    const bad = await session.post(
      `/werkruimte/dossiers/${caseId}/maatregelen`,
      { description: "Restmetaal", materialKg: "veel", basis: "geschat" },
      { csrf },
    );
    expect(bad.status).toBe(400);
    const ok = await session.post(
      `/werkruimte/dossiers/${caseId}/maatregelen`,
      {
        description: "Restmetaal hergebruiken",
        materialKg: "1.250,5",
        euro: "8000",
        co2eKg: "2300",
        basis: "gemeten",
      },
      { csrf },
    );
    expect(ok.status).toBe(303);
    expect(
      await rows(
        sql`select material_kg::float as material_kg, euro::float as euro, co2e_kg::float as co2e_kg, basis from measures where case_id = ${caseId}`,
      ),
    ).toEqual([{ material_kg: 1250.5, euro: 8000, co2e_kg: 2300, basis: "gemeten" }]);
  });

  it("adviseur.es23 sees none of it: 403 with a refusal in the audit log", async () => {
    const { caseId, referralId } = await referral("verstuurd");
    const audit0 = await markOf(database().db, "audit_log");
    const { session } = await loginAs("adviseur.es23@demo.invalid");
    expect(await (await session.get("/werkruimte?filter=nieuw")).text()).not.toContain(
      "/werkruimte/dossiers/",
    );
    expect((await session.get(`/werkruimte/dossiers/${caseId}`)).status).toBe(403);
    expect((await session.get(`/werkruimte/verwijzingen/${referralId}`)).status).toBe(403);
    const denied = await rows<{ action: string }>(
      sql`select action from audit_log where outcome = 'denied' and actor_label = 'adviseur@hub-rotterdam-den-haag' and id > ${audit0} order by id`,
    );
    expect(denied.map((row) => row.action)).toEqual(["case.read", "referral.read"]);
  });

  it("the provider keeps its listing current in versions; a stale version is refused (409)", async () => {
    const { session, csrf } = await loginAs("aanbieder.rvo@demo.invalid");
    const page = await (await session.get("/werkruimte/aanbod")).text();
    expect(page).toContain("MIA");
    const form = {
      version: "0",
      status: "verwacht",
      opensOn: "2026-01-05",
      closesOn: "2026-12-31",
      terms: "Tot € 1 mln & 45%",
    };
    expect((await session.post("/werkruimte/aanbod/rvo-mia-vamil-circulair", form, { csrf })).status).toBe(
      303,
    );
    const stale = await session.post(
      "/werkruimte/aanbod/rvo-mia-vamil-circulair",
      { ...form, status: "open" },
      { csrf },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await session.post(
          "/werkruimte/aanbod/rvo-mia-vamil-circulair",
          { ...form, version: "1", status: "open" },
          { csrf },
        )
      ).status,
    ).toBe(303);
    expect(await rows(sql`select version, status from listing_versions order by version`)).toEqual([
      { version: 1, status: "verwacht" },
      { version: 2, status: "open" },
    ]);
    expect((await session.post("/werkruimte/aanbod/circo-track", form, { csrf })).status).toBe(403);
  });

  it("the deadline job marks overdue referrals verlopen", async () => {
    const { caseId, referralId } = await referral("afgerond_geholpen");
    const { session, csrf } = await loginAs("adviseur.es04@demo.invalid");
    const response = await session.post(
      `/werkruimte/dossiers/${caseId}/verwijzingen`,
      { refId: "vh-maatwerkondersteuning", message: "Graag maatwerk voor dit bedrijf." },
      { csrf },
    );
    const second = Number(/(\d+)$/.exec(response.headers.get("location")!)![1]);
    now = new Date(now.getTime() + 9 * 86_400_000);
    await schedule();
    await drainJobs();
    expect((await rows(sql`select status from referrals where id = ${second}`))[0]).toEqual({
      status: "verstuurd",
    });
    now = new Date(now.getTime() + 2 * 86_400_000);
    await schedule();
    await drainJobs();
    expect((await rows(sql`select status, outcome from referrals where id = ${second}`))[0]).toEqual({
      status: "verlopen",
      outcome: "niet_geholpen",
    });
    // The finished referral is untouched.
    expect((await rows(sql`select status from referrals where id = ${referralId}`))[0]).toEqual({
      status: "afgerond_geholpen",
    });
  });

  it("the coordinator sees counts per region, no personal data", async () => {
    await dossier({ companyName: HOSTILE, email: "fatima@voorbeeld-bedrijf.nl" });
    const { session } = await loginAs("coordinator@demo.invalid");
    const html = await (await session.get("/werkruimte")).text();
    expect(html).toContain("Cijfers per regio");
    // The region in words (issue 15 item 6), not its code.
    expect(html).toContain('<td class="utrecht-table__cell">Twente</td>');
    expect(html).not.toContain("Zonen");
    expect(html).not.toContain("fatima");
    // The gaps the organisation owns and the barriers forwarded to it are one click from the workspace (issue 18).
    expect(html).toContain('href="/werkruimte/gaten"');
    expect(html).toContain('href="/werkruimte/belemmeringen"');
  });

  it("a beheerder exports a data subject as JSON and erases it; counts stay, the audit log cannot change", async () => {
    // A person of their own, so no other test's dossier or mail carries the name or address.
    const subject = { contactName: "Saskia Wisman", email: "saskia.wisman@voorbeeld-bedrijf.nl" };
    const { caseId } = await referral("afgerond_geholpen", { ...subject, companyName: HOSTILE });
    await referDossier(await loginAs("adviseur.es04@demo.invalid"), caseId, "vh-maatwerkondersteuning");
    const { session, csrf } = await loginAs("beheer@demo.invalid");
    const exported = await session.post(
      "/beheer/betrokkenen/export",
      { email: "Saskia.Wisman@voorbeeld-bedrijf.nl" },
      { csrf },
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    const data = (await exported.json()) as {
      cases: { company_name: string }[];
      consents: unknown[];
      messages: { to_address: string }[];
      referrals: unknown[];
    };
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]!.company_name).toBe(HOSTILE);
    expect(data.consents).toHaveLength(1);
    expect(data.referrals).toHaveLength(2);
    // Every mail about the dossier (to the company and to the staff who work on it) and every mail to the address.
    expect(data.messages.map((message) => message.to_address)).toContain(subject.email);
    expect(
      (await session.post("/beheer/betrokkenen/wissen", { email: subject.email }, { csrf })).status,
    ).toBe(400);
    const erased = await session.post(
      "/beheer/betrokkenen/wissen",
      { email: subject.email, confirm: "ja" },
      { csrf },
    );
    expect(erased.status).toBe(200);
    expect(await erased.text()).toContain("1 dossier geanonimiseerd");
    const [record] = await rows<Record<string, unknown>>(
      sql`select company_name, contact_email, contact_phone, question, status from cases where id = ${caseId}`,
    );
    expect(record!.company_name).toBe("[geanonimiseerd]");
    expect(record!.contact_phone).toBeNull();
    expect(String(record!.contact_email)).not.toContain("saskia");
    expect(
      (await rows<{ n: number }>(sql`select count(*)::int as n from referrals where case_id = ${caseId}`))[0]!
        .n,
    ).toBe(2);
    expect(
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from outbox_messages where to_address like '%saskia%' or body like '%Saskia%'`,
        )
      )[0]!.n,
    ).toBe(0);
    const audit = await (await session.get("/beheer/audit")).text();
    // The audit log in words (issue 15 item 6): the action, not its code.
    expect(audit).toContain("gegevens van een persoon gewist");
    await expect(database().db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database().db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
  });

  it("the retention job anonymises dossiers closed longer than the retention period, not newer ones", async () => {
    const ids = [
      { id: (await dossier({ email: "oud@voorbeeld.nl", companyName: "Oud BV" })).caseId },
      { id: (await dossier({ email: "nieuw@voorbeeld.nl", companyName: "Nieuw BV" })).caseId },
    ];
    await database().db.execute(
      sql`update cases set status = 'afgesloten', closed_at = ${new Date(now.getTime() - 25 * 30 * 86_400_000)} where contact_email = 'oud@voorbeeld.nl'`,
    );
    await database().db.execute(
      sql`update cases set status = 'afgesloten', closed_at = ${new Date(now.getTime() - 23 * 30 * 86_400_000)} where contact_email = 'nieuw@voorbeeld.nl'`,
    );
    now = new Date(now.getTime() + 86_400_000);
    await schedule();
    await drainJobs();
    const after = await rows<{ id: number; company_name: string }>(
      sql`select id, company_name from cases where id in (${ids[0]!.id}, ${ids[1]!.id}) order by id`,
    );
    expect(after.map((row) => row.company_name)).toEqual(["[geanonimiseerd]", "Nieuw BV"]);
  });

  // The intake limit (accepted intakes only, the form kept when refused) is tested in tests/security/rate-limits.test.ts.
});
