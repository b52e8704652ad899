import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import {
  createDossier,
  markOf,
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

const ORIGIN = "https://loket.example";
const START = new Date("2026-11-27T09:00:00Z");
/** A name that must come out escaped in every HTML part and page. */
const NAME = `Fatima <b>de Vries</b> & "Zonen"`;

type Mail = {
  id: number;
  kind: string;
  to_address: string;
  subject: string;
  body: string;
  html: string | null;
};

/**
 * The entrepreneur's own page and mails (ADR 0085): after intake, pick-up, referrals, the provider's answers, an
 * outcome and an expiry, the page at /mijn-aanvraag/{token} shows each step in words, and every stored mail to the
 * entrepreneur has a text and an escaped HTML part whose links are absolute and open that page. Each test makes its
 * own dossier (with an address of its own) and walks it as far as it needs, so it passes alone and in any order
 * (ADR 0090).
 */
describeEachDatabase("the entrepreneur's own page and mails", (database) => {
  let now = START;
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let drainJobs: () => Promise<number>;
  let schedule: () => Promise<void>;
  let loginAs: ReturnType<typeof sessionsFor>;
  let deadlinesPassed = 0;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  const page = async (path: string, suffix = "") => {
    const response = await app.request(`${path}${suffix}`);
    return { response, html: await response.text() };
  };
  const mailsTo = (address: string, after = 0) =>
    rows<Mail>(
      sql`select id, kind, to_address, subject, body, html from outbox_messages
        where to_address = ${address} and id > ${after} order by id`,
    );
  /** A dossier of the test's own: the name that must come out escaped, an e-mail address no other test uses. */
  const intake = async () => {
    const dossier = await createDossier(app, database().db, {
      contactName: NAME,
      companyName: "Metaalwerk Twente BV",
    });
    return { ...dossier, path: dossier.ownPath, email: dossier.fields.email! };
  };
  /** Another dossier of the same address at another loket (Rotterdam-Den Haag). */
  const intakeElsewhere = (email: string) =>
    submitIntake(app, { regio: "ES23", gemeente: "GM0599", email, companyName: "Ander Bedrijf BV" });
  type Step = (html: string) => void;
  /**
   * Every step of a dossier, through the workspace forms and the deadline job: the adviser picks it up and refers it
   * to three instruments; RVO helps on the first and declines the second (budget); the third gets no answer and its
   * deadline passes. `check` looks at the entrepreneur's page after each step. Answers the referral ids.
   */
  const walk = async (
    dossier: { caseId: number; path: string },
    check: { pickedUp?: Step; referred?: Step; answered?: Step; expired?: Step } = {},
  ) => {
    const adviser = await loginAs("adviseur.es04@demo.invalid");
    expect(
      (
        await adviser.session.post(
          `/werkruimte/dossiers/${dossier.caseId}/oppakken`,
          { version: "1" },
          { csrf: adviser.csrf },
        )
      ).status,
    ).toBe(303);
    check.pickedUp?.((await page(dossier.path)).html);
    const referralIds: number[] = [];
    for (const refId of ["rvo-mia-vamil-circulair", "rvo-wbso", "vh-maatwerkondersteuning"])
      referralIds.push(
        await referDossier(adviser, dossier.caseId, refId, "Graag contact met dit bedrijf over de aanvraag."),
      );
    check.referred?.((await page(dossier.path)).html);
    const rvo = await loginAs("aanbieder.rvo@demo.invalid");
    const move = (id: number, version: string, to: string, reason = "") =>
      rvo.session.post(`/werkruimte/verwijzingen/${id}/status`, { version, to, reason }, { csrf: rvo.csrf });
    expect((await move(referralIds[0]!, "1", "geaccepteerd")).status).toBe(303);
    expect((await move(referralIds[0]!, "2", "afgerond_geholpen")).status).toBe(303);
    expect((await move(referralIds[1]!, "1", "afgewezen", "budget_op")).status).toBe(303);
    check.answered?.((await page(dossier.path)).html);
    // The deadline job runs once per hour of the clock: each test that lets a deadline pass takes an hour of its own.
    deadlinesPassed += 1;
    now = new Date(START.getTime() + 11 * 86_400_000 + deadlinesPassed * 3_600_000);
    await schedule();
    await drainJobs();
    check.expired?.((await page(dossier.path)).html);
    return referralIds;
  };

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), { PUBLIC_BASE_URL: ORIGIN }, { clock });
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0", PUBLIC_BASE_URL: ORIGIN });
    const background = await createBackgroundJobs({
      env,
      database: database(),
      logger: silentLogger,
      clock,
    });
    const worker = createJobWorker({
      db: database().db,
      handlers: background.handlers,
      logger: silentLogger,
      clock,
    });
    drainJobs = () => worker.drain();
    schedule = () => background.schedule(now);
  });

  // Every test starts at the same moment, with sessions of its own (a test that lets a deadline pass ends them).
  beforeEach(() => {
    now = START;
    loginAs = sessionsFor(app);
  });

  it("after the intake: reference, loket, what they sent and what happens next, behind private-link headers", async () => {
    const { caseId, path } = await intake();
    const { response, html } = await page(path, "?verstuurd");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain("Uw aanvraag is verstuurd");
    expect(html).toContain(`CL-2026-${String(caseId).padStart(5, "0")}`);
    expect(html).toContain("U vroeg een gesprek aan bij Circulair Loket Twente (demo).");
    expect(html).toContain("Een adviseur van Circulair Loket Twente (demo) neemt uiterlijk op");
    expect(html).toContain("Metaalwerk Twente BV");
    expect(html).toContain("Fatima &lt;b&gt;de Vries&lt;/b&gt; &amp; &quot;Zonen&quot;");
    expect(html).not.toContain("<b>de Vries</b>");
    // The old confirmation URL moved here for good.
    const old = await app.request(path.replace("/mijn-aanvraag/", "/intake/bevestiging/"));
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(path);
  });

  it("names the sector they chose in words, not the broad section behind it", async () => {
    const { ownPath } = await createDossier(app, database().db, {
      companyName: "Kunststof Twente BV",
      sector: "22",
    });
    const { html } = await page(ownPath);
    expect(html).toContain("<dt>Sector</dt><dd>Kunststof en rubber</dd>");
    expect(html).not.toContain("Overige industrie en maakbedrijven");
  });

  it("shows each step in words: pick-up, referrals, the provider's answers with reasons, the outcome, an expiry", async () => {
    await walk(await intake(), {
      pickedUp: (html) =>
        expect(html).toContain("Anna van Circulair Loket Twente (demo) heeft uw aanvraag opgepakt."),
      referred: (html) => {
        expect(html).toContain("Uw adviseur heeft u doorverwezen naar");
        expect(html).toContain("heeft uw gegevens gekregen en laat weten of zij u kunnen helpen.");
        expect(html).toContain("laat uiterlijk op");
      },
      answered: (html) => {
        expect(html).toContain("gaat u helpen.");
        expect(html).toContain("heeft u geholpen. De verwijzing is afgerond.");
        expect(html).toContain("U bent geholpen.");
        expect(html).toContain("kan u hier niet mee helpen.");
        expect(html).toContain("het geld voor deze regeling is op");
      },
      // The third referral gets no answer: after its deadline the job stops it, and the page says so in words.
      expired: (html) => {
        expect(html).toContain("heeft niet op tijd geantwoord. De verwijzing is gestopt.");
        expect(html).not.toMatch(/afgerond_geholpen|budget_op|niet_geholpen|verwezen:/);
      },
    });
  });

  it("says the name once when the instrument is named like its provider, on the page and in the mail", async () => {
    const dossier = await intake();
    const adviser = await loginAs("adviseur.es04@demo.invalid");
    await adviser.session.post(
      `/werkruimte/dossiers/${dossier.caseId}/oppakken`,
      { version: "1" },
      { csrf: adviser.csrf },
    );
    // The catalogue's instrument "Excess Materials Exchange" is offered by the organisation of the same name.
    const referralId = await referDossier(
      adviser,
      dossier.caseId,
      "excess-materials-exchange",
      "Graag contact over restmaterialen.",
    );
    /** Every sentence of the text (HTML tags and line breaks end a sentence too) that says the name twice. */
    const doubled = (text: string) =>
      text
        .split(/<[^>]*>|\n|(?<=[.!?:])\s+/)
        .filter((sentence) => sentence.split("Excess Materials Exchange").length > 2);
    const { html } = await page(dossier.path);
    expect(html).toContain("Uw adviseur heeft u doorverwezen naar Excess Materials Exchange.");
    // Warm handover: the adviser makes the contact, and the next step names the provider once.
    expect(html).toContain("Uw adviseur brengt u in contact met Excess Materials Exchange.");
    expect(doubled(html)).toEqual([]);
    const english = (await page(dossier.path, "?lang=en")).html;
    expect(english).toContain("Your advisor has referred you to Excess Materials Exchange.");
    expect(english).toContain("Your advisor will put you in touch with Excess Materials Exchange.");
    expect(doubled(english)).toEqual([]);
    const [mail] = (await mailsTo(dossier.email)).filter((row) => row.kind === "referral_sent_entrepreneur");
    expect(mail!.body).toContain("Uw adviseur heeft u doorverwezen naar Excess Materials Exchange.");
    expect(doubled(mail!.body)).toEqual([]);
    // The adviser records the provider's yes (warm handover): the step says who helps, once.
    const accepted = await adviser.session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "1", to: "geaccepteerd" },
      { csrf: adviser.csrf },
    );
    expect(accepted.status).toBe(303);
    const after = (await page(dossier.path)).html;
    expect(after).toContain(" · Excess Materials Exchange gaat u helpen.</li>");
    expect(after).toContain("Excess Materials Exchange helpt u. Dit loopt tot uiterlijk");
    expect(doubled(after)).toEqual([]);
    // Words that name no one keep the instrument in front.
    const withdrawn = await adviser.session.post(
      `/werkruimte/verwijzingen/${referralId}/status`,
      { version: "2", to: "ingetrokken", reason: "andere_oplossing" },
      { csrf: adviser.csrf },
    );
    expect(withdrawn.status).toBe(303);
    expect((await page(dossier.path)).html).toContain(
      "Excess Materials Exchange: Uw adviseur heeft de verwijzing gestopt.",
    );
  });

  it("mails the entrepreneur at every step: text and escaped HTML, in words, only absolute links that open the page", async () => {
    const dossier = await intake();
    const { caseId, path } = dossier;
    await walk(dossier);
    const mails = await mailsTo(dossier.email);
    expect(mails.map((mail) => mail.kind)).toEqual([
      "intake_confirmation",
      "case_picked_up",
      "referral_sent_entrepreneur",
      "referral_sent_entrepreneur",
      "referral_sent_entrepreneur",
      "referral_update",
      "referral_update",
      "referral_update",
      "referral_expired",
    ]);
    const reference = `CL-2026-${String(caseId).padStart(5, "0")}`;
    for (const mail of mails) {
      expect(mail.body, mail.kind).toContain(reference);
      expect(mail.html, mail.kind).toContain(reference);
      // The loket's contact details close every mail.
      expect(mail.body, mail.kind).toContain("Vragen? Neem contact op met het loket");
      // Escaped in HTML, as typed in text.
      expect(mail.body).toContain(`Beste ${NAME},`);
      expect(mail.html).toContain("Beste Fatima &lt;b&gt;de Vries&lt;/b&gt; &amp; &quot;Zonen&quot;,");
      expect(mail.html).not.toContain("<b>de Vries</b>");
      // Words, never codes (the token in a link may hold an underscore, so links are left out).
      const words = `${mail.subject}\n${mail.body}`.replace(/https?:\/\/\S+/g, "");
      expect(words, mail.kind).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      // Links: absolute in text and HTML; those on the service's origin open the entrepreneur's page.
      const textLinks = mail.body.match(/\b[a-z]+:\/\/\S+/g) ?? [];
      const hrefs = [...mail.html!.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
      expect(hrefs.length, mail.kind).toBeGreaterThan(0);
      for (const href of hrefs) expect(href, mail.kind).toMatch(/^(https?:\/\/|mailto:)/);
      const own = [...textLinks, ...hrefs].filter((link) => link.startsWith(ORIGIN));
      expect(own.length, mail.kind).toBeGreaterThan(0);
      for (const link of own) {
        expect(link).toBe(`${ORIGIN}${path}`);
        expect((await app.request(link.slice(ORIGIN.length))).status).toBe(200);
      }
    }
    const subjects = mails.map((mail) => mail.subject);
    expect(subjects).toContain("Wij hebben uw aanvraag ontvangen");
    expect(subjects).toContain("Een adviseur helpt u verder");
    expect(subjects.some((subject) => subject.startsWith("Geen antwoord op uw verwijzing naar"))).toBe(true);
    const expired = mails.at(-1)!;
    expect(expired.body).toContain("heeft niet op tijd geantwoord");
    expect(expired.body).toContain(
      "Uw adviseur neemt contact met u op over wat u nu kunnen doen".replace("kunnen", "kunt"),
    );
    // Staff mails are in words too: the provider's new referral and the adviser's status news.
    const staff = await rows<Mail>(
      sql`select id, kind, to_address, subject, body, html from outbox_messages
          where case_id = ${caseId} and kind in ('referral_sent', 'referral_status', 'referral_expired_task')`,
    );
    expect(staff.length).toBeGreaterThan(3);
    for (const mail of staff) {
      expect(mail.html, mail.kind).toContain("<!DOCTYPE html>");
      expect(`${mail.subject}\n${mail.body}`.replace(/https?:\/\/\S+/g, ""), mail.kind).not.toMatch(
        /\b[a-z]+_[a-z_]+\b/,
      );
      for (const href of [...mail.html!.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!))
        expect(href).toMatch(/^https:\/\/loket\.example\/werkruimte\//);
    }
  });

  it("takes a message and added information for the adviser: in the dossier, the adviser told, bad input kept", async () => {
    const { caseId, path } = await intake();
    const before = await markOf(database().db, "outbox_messages");
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(path);
    const empty = await visitor.post(`${path}/bericht`, { tekst: " " }, { csrf });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("Schrijf minstens 2 en hoogstens 2000 tekens.");
    expect(emptyHtml).toContain("cl-error-summary");
    const sent = await visitor.post(`${path}/bericht`, { tekst: "Kunt u mij <b>bellen</b>?" }, { csrf });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${path}?bericht#bericht`);
    expect(
      (await visitor.post(`${path}/aanvulling`, { tekst: "Nieuw nummer: 06 12345678" }, { csrf })).status,
    ).toBe(303);
    const html = (await page(path, "?bericht")).html;
    expect(html).toContain("Uw bericht is verstuurd.");
    expect(html).toContain("Kunt u mij &lt;b&gt;bellen&lt;/b&gt;?");
    const adviser = await loginAs("adviseur.es04@demo.invalid");
    const dossier = await (await adviser.session.get(`/werkruimte/dossiers/${caseId}`)).text();
    expect(dossier).toContain("Bericht van de ondernemer: Kunt u mij &lt;b&gt;bellen&lt;/b&gt;?");
    expect(dossier).toContain("Aanvulling van de ondernemer: Nieuw nummer: 06 12345678");
    const told = await mailsTo("adviseur.es04@demo.invalid", before);
    const notice = told.find((mail) => mail.kind === "case_message")!;
    expect(notice.subject).toContain("Nieuw bericht van de ondernemer");
    // The mail says there is a message, not what it says.
    expect(notice.body).not.toContain("bellen");
    expect(told.some((mail) => mail.kind === "case_info")).toBe(true);
    // The outbox shows both parts: the text, and the HTML part on its own page, sandboxed.
    const outbox = await (await adviser.session.get("/werkruimte/outbox")).text();
    expect(outbox).toContain(`href="/werkruimte/outbox/${notice.id}/html"`);
    const part = await adviser.session.get(`/werkruimte/outbox/${notice.id}/html`);
    expect(part.status).toBe(200);
    expect(part.headers.get("content-security-policy")).toContain("sandbox");
    expect(await part.text()).toContain(`href="${ORIGIN}/werkruimte/dossiers/${caseId}"`);
  });

  it("downloads the data of this case only, as JSON", async () => {
    const dossier = await intake();
    const { caseId, path } = dossier;
    await walk(dossier);
    // The same address asks another loket too: that dossier is not in this link's export.
    await intakeElsewhere(dossier.email);
    const response = await app.request(`${path}/gegevens.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const data = (await response.json()) as Record<string, Record<string, unknown>[]>;
    expect(data.cases!.map((row) => row.id)).toEqual([caseId]);
    expect(data.cases![0]!.contact_name).toBe(NAME);
    expect(JSON.stringify(data)).not.toContain("Ander Bedrijf BV");
    expect(data.referrals).toHaveLength(3);
  });

  it("resends the link with the same answer whether or not the address is known", async () => {
    // Two open cases of one address, at two lokets.
    const { path, email } = await intake();
    await intakeElsewhere(email);
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/mijn-aanvraag");
    const before = (await mailsTo(email)).length;
    const known = await visitor.post("/mijn-aanvraag", { email: email.toUpperCase() }, { csrf });
    const unknown = await visitor.post("/mijn-aanvraag", { email: "onbekend@example.nl" }, { csrf });
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.get("location")).toBe(unknown.headers.get("location"));
    const answer = await (await visitor.get(known.headers.get("location")!)).text();
    expect(answer).toContain("Als wij een aanvraag met dit e-mailadres kennen");
    expect((await visitor.post("/mijn-aanvraag", { email: "geen-adres" }, { csrf })).status).toBe(400);
    await drainJobs();
    const links = (await mailsTo(email)).slice(before);
    // One mail per open case of the address, each with its own page's link.
    expect(links.map((mail) => mail.kind)).toEqual(["case_link", "case_link"]);
    expect(links.some((mail) => mail.body.includes(`${ORIGIN}${path}`))).toBe(true);
    expect(await mailsTo("onbekend@example.nl")).toEqual([]);
  });

  it("answers 404 to a wrong or malformed link, and records the refusal", async () => {
    const { path } = await intake();
    const denied = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where outcome = 'denied' and action like 'own_case.%'`,
        )
      )[0]!.n;
    const start = await denied();
    for (const wrong of [
      "/mijn-aanvraag/AAAAAAAAAAAAAAAAAAAAAAAA",
      "/mijn-aanvraag/x",
      `${path}x/gegevens.json`,
    ])
      expect((await app.request(wrong)).status, wrong).toBe(404);
    expect(await denied()).toBe(start + 3);
  });

  it("withdraws consent after a confirmation step: the case is erased and the link stops working", async () => {
    // A dossier with every step behind it, and another dossier of the same address at another loket.
    const dossier = await intake();
    const { caseId, path } = dossier;
    await walk(dossier);
    await intakeElsewhere(dossier.email);
    const before = await markOf(database().db, "outbox_messages");
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(`${path}/intrekken`);
    const unconfirmed = await visitor.post(`${path}/intrekken`, {}, { csrf });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Vink aan dat u uw toestemming wilt intrekken.");
    expect((await page(path)).response.status).toBe(200);
    const done = await visitor.post(`${path}/intrekken`, { bevestig: "ja" }, { csrf });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Uw gegevens zijn gewist");
    expect((await page(path)).response.status).toBe(404);
    const [record] = await rows<{ contact_name: string; question: string; anonymised: boolean }>(
      sql`select contact_name, question, anonymised_at is not null as anonymised from cases where id = ${caseId}`,
    );
    expect(record).toEqual({
      contact_name: "[geanonimiseerd]",
      question: "[geanonimiseerd]",
      anonymised: true,
    });
    const left = await rows<{ body: string }>(
      sql`select body from case_notes where case_id = ${caseId} and kind in ('message', 'info')`,
    );
    expect(left.every((note) => note.body === "[geanonimiseerd]")).toBe(true);
    const [mails] = await rows<{ n: number }>(
      sql`select count(*)::int as n from outbox_messages where case_id = ${caseId} and kind <> 'case_withdrawn'
            and (body like '%Fatima%' or html like '%Fatima%')`,
    );
    expect(mails!.n).toBe(0);
    // The other dossier of the same address is untouched; the adviser hears of the withdrawal by reference only.
    expect(
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from cases where contact_email = ${dossier.email}`,
        )
      )[0]!.n,
    ).toBe(1);
    const told = (await mailsTo("adviseur.es04@demo.invalid", before)).filter(
      (mail) => mail.kind === "case_withdrawn",
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.body).not.toContain("Fatima");
  });

  it("writes the entrepreneur's mails in the language of the intake", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/intake?regio=ES04&lang=en");
    const response = await visitor.post(
      "/intake?lang=en",
      {
        regio: "ES04",
        gemeente: "GM0153",
        contactName: "Jan Smit",
        email: "jan@voorbeeld.nl",
        companyName: "Smit BV",
        kvk: "87654321",
        question: "We want to reuse our scrap metal. Which support fits?",
        consent: "ja",
        sector: "",
        resultaat: "",
        bron: "",
      },
      { csrf },
    );
    expect(response.status).toBe(303);
    const [mail] = await mailsTo("jan@voorbeeld.nl");
    expect(mail!.subject).toBe("We have received your request");
    expect(mail!.body).toContain("Dear Jan Smit,");
    expect(mail!.html).toContain('<html lang="en">');
  });
});
