import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { giveCircoOnlyAReferralAddress, submitIntake } from "../../../tests/factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { createBackgroundJobs } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createJobWorker, enqueueJob } from "../../jobs/index.js";

const REFERRAL_ADDRESS = "verwijzingen@circo.test";
/** CIRCO gets referrals at a referral address only; Het Groene Brein has neither accounts nor an address. */
const MAIL_INSTRUMENT = "circo-track";
const WARM_INSTRUMENT = "groene-brein-kenniskaarten";
const ACCOUNT_INSTRUMENT = "rvo-mia-vamil-circulair";
const LINK = /http:\/\/localhost:3000\/verwijzing\/([A-Za-z0-9_-]{43})/;
const DAY = 86_400_000;
const START = new Date("2026-11-27T09:00:00Z");

/**
 * Issue 15 items 2 and 5 (ADR 0086): a referral goes the provider's delivery route; a provider without an account
 * answers through its single-purpose link, audited with the link as actor; a warm handover and an expired referral
 * give the adviser a task; the provider is reminded once before the deadline. Every test starts from a fresh copy of
 * the seeded database with one new dossier, and makes the referrals and answers it needs (ADR 0090): the tests count
 * every reminder, refusal, task and monitor fact there is.
 */
describeEachDatabase(
  "referral delivery routes, the provider's link and the adviser's tasks",
  (database) => {
    let now = START;
    const clock = () => now;
    let app: Awaited<ReturnType<typeof createTestApp>>;
    let drainJobs: () => Promise<number>;
    let schedule: () => Promise<void>;
    let adviser: Awaited<ReturnType<typeof loginAs>>;
    let caseId = 0;
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

    /** Sessions end after a day without a request; the tests move the clock by days, so they sign in again. */
    const signIn = async () => {
      adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    };
    const refer = async (refId: string) => {
      await signIn();
      const response = await adviser.session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId, message: "Graag contact over hergebruik van restmetaal." },
        { csrf: adviser.csrf },
      );
      expect(response.status).toBe(303);
      return Number(/(\d+)$/.exec(response.headers.get("location")!)![1]);
    };
    const referral = async (id: number) =>
      (
        await rows<{ status: string; delivery: string | null; version: number; due_at: string | Date }>(
          sql`select status, delivery, version, due_at from referrals where id = ${id}`,
        )
      )[0]!;
    const mailsTo = (address: string) =>
      rows<{ subject: string; body: string; kind: string }>(
        sql`select subject, body, kind from outbox_messages where to_address = ${address} order by id`,
      );
    const audit = (referralId: number, action: string) =>
      rows<{
        actor_user_id: number | null;
        actor_label: string;
        outcome: string;
        detail: Record<string, unknown>;
      }>(
        sql`select actor_user_id, actor_label, outcome, detail from audit_log
          where action = ${action} and subject_id = ${String(referralId)} order by id`,
      );
    const csrfOn = async (session: ReturnType<typeof browserSession>, path: string) =>
      session.csrfTokenFrom(path);
    /** A referral to CIRCO, which goes by mail, and the token of the link in that mail. */
    const referByMail = async () => {
      const referralId = await refer(MAIL_INSTRUMENT);
      const token = LINK.exec((await mailsTo(REFERRAL_ADDRESS)).at(-1)!.body)![1]!;
      return { referralId, token };
    };
    /** CIRCO answers through its link: it accepts, and three days later closes the referral as not helped. */
    const closeThroughLink = async ({ referralId, token }: { referralId: number; token: string }) => {
      const path = `/verwijzing/${token}`;
      const visitor = browserSession(app);
      const csrf = await csrfOn(visitor, path);
      const { version } = await referral(referralId);
      expect(
        (
          await visitor.post(
            path,
            { to: "geaccepteerd", reason: "", note: "", version: String(version) },
            { csrf },
          )
        ).status,
      ).toBe(303);
      now = new Date(now.getTime() + 3 * DAY);
      const form = { to: "afgerond_niet_geholpen", reason: "past_niet_bij_vraag", note: "" };
      expect((await visitor.post(path, { ...form, version: String(version + 1) }, { csrf })).status).toBe(
        200,
      );
    };
    /** The adviser records through the warm-handover task that the provider accepted, then that it helped. */
    const helpedThroughTask = async (referralId: number) => {
      await signIn();
      const [task] = await rows<{ id: number }>(
        sql`select id from referral_tasks where referral_id = ${referralId} and done_at is null`,
      );
      const { version } = await referral(referralId);
      const accepted = await adviser.session.post(
        `/werkruimte/taken/${task!.id}`,
        { resolution: "aanbieder_accepteert", reason: "", note: "", version: String(version) },
        { csrf: adviser.csrf },
      );
      expect(accepted.status).toBe(303);
      const helped = await adviser.session.post(
        `/werkruimte/verwijzingen/${referralId}/status`,
        { to: "afgerond_geholpen", reason: "", note: "", version: String(version + 1) },
        { csrf: adviser.csrf },
      );
      expect(helped.status).toBe(303);
    };
    /** The clock two hours past the last open referral's deadline, and the hourly jobs run. */
    const passDeadlines = async () => {
      const [last] = await rows<{ due_at: string | Date }>(
        sql`select max(due_at) as due_at from referrals where status = 'verstuurd'`,
      );
      now = new Date(new Date(last!.due_at).getTime() + 2 * 3_600_000);
      await schedule();
      await drainJobs();
    };

    // Each test: a fresh copy of the seeded database (below), the clock at the start, a new dossier in Twente.
    beforeEach(async () => {
      now = START;
      app = await createTestApp(database(), {}, { clock });
      const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
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
      await submitIntake(app, { phone: "053 999 88 77" });
      caseId = (await rows<{ id: number }>(sql`select id from cases order by id desc limit 1`))[0]!.id;
      adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    });

    it("sends each referral along its provider's route: accounts, the referral address, or a warm handover", async () => {
      const viaAccount = await refer(ACCOUNT_INSTRUMENT);
      const viaMail = await refer(MAIL_INSTRUMENT);
      const warm = await refer(WARM_INSTRUMENT);
      expect((await referral(viaAccount)).delivery).toBe("account");
      expect((await referral(viaMail)).delivery).toBe("mail");
      expect((await referral(warm)).delivery).toBe("warme_overdracht");
      // Accounts: the provider's users get today's mail. Referral address: one mail with an absolute link.
      expect((await mailsTo("aanbieder.rvo@demo.invalid")).map((mail) => mail.kind)).toEqual([
        "referral_sent",
      ]);
      const [linkMail] = await mailsTo(REFERRAL_ADDRESS);
      expect(linkMail!.kind).toBe("referral_link");
      expect(linkMail!.body).toMatch(LINK);
      // The reference the adviser's and the entrepreneur's mails quote, so a call can name it.
      expect(linkMail!.body).toMatch(new RegExp(`Kenmerk: CL-\\d{4}-\\d{5}-V${viaMail}\\b`));
      // No personal data in the mail itself: the page behind the link shows what the consent allows.
      for (const secret of ["Fatima", "Metaalwerk", "12345678", "fatima@", "restmetaal"])
        expect(linkMail!.body).not.toContain(secret);
      // Only the hash of the token is stored.
      const token = LINK.exec(linkMail!.body)![1]!;
      const stored = await rows<{ token_hash: string }>(
        sql`select token_hash from referral_links where referral_id = ${viaMail}`,
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).not.toContain(token);
      // Warm handover: no mail to anybody of the provider, a follow-up task for the adviser in five days.
      const tasks = await rows<{ kind: string; due_at: string | Date; done_at: unknown }>(
        sql`select kind, due_at, done_at from referral_tasks where referral_id = ${warm}`,
      );
      expect(tasks).toEqual([
        { kind: "warme_overdracht_opvolgen", due_at: expect.anything(), done_at: null },
      ]);
      expect(new Date(tasks[0]!.due_at).getTime()).toBe(now.getTime() + 5 * DAY);
      // The adviser's referral page explains the warm handover.
      const page = await (await adviser.session.get(`/werkruimte/verwijzingen/${warm}`)).text();
      expect(page).toContain("Warme overdracht");
      expect(page).toContain("Neem zelf contact op met de aanbieder");
      expect(page).toContain("Contactgegevens van Het Groene Brein");
      expect(page).toContain('href="https://groene-brein.test"');
      expect(page).toContain('action="/werkruimte/taken/');
    });

    it("shows the provider, through the link and without an account, exactly what the consent allows", async () => {
      const { referralId, token } = await referByMail();
      const visitor = browserSession(app);
      const response = await visitor.get(`/verwijzing/${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-robots-tag")).toContain("noindex");
      const html = await response.text();
      for (const shown of [
        "Metaalwerk Twente BV",
        "12345678",
        "Twente (ES04)",
        "Fatima de Vries",
        "fatima@voorbeeld-bedrijf.nl",
      ])
        expect(html).toContain(shown);
      expect(html).toContain("Graag contact over hergebruik van restmetaal.");
      // Not the phone number, not the question.
      expect(html).not.toContain("053 999 88 77");
      expect(html).not.toContain("Welke subsidie past daarbij");
      const reads = await audit(referralId, "referral.read");
      expect(reads.at(-1)).toMatchObject({
        actor_user_id: null,
        actor_label: `link:verwijzing-${referralId}`,
      });
      // In English too.
      expect(await (await visitor.get(`/verwijzing/${token}?lang=en`)).text()).toContain("The entrepreneur");
    });

    it("takes a question, a decline without reason (400), a stale form (409), an acceptance and the outcome", async () => {
      const { referralId, token } = await referByMail();
      const path = `/verwijzing/${token}`;
      const visitor = browserSession(app);
      const csrf = await csrfOn(visitor, path);
      // A question: a history line, the adviser told without the question's text.
      const asked = await visitor.post(
        `${path}/vraag`,
        { question: "Heeft het bedrijf al een offerte?" },
        { csrf },
      );
      expect(asked.status).toBe(303);
      const [question] = await rows<{
        kind: string;
        actor_kind: string;
        note: string;
        actor_user_id: unknown;
      }>(
        sql`select kind, actor_kind, note, actor_user_id from referral_events where referral_id = ${referralId} and kind = 'vraag'`,
      );
      expect(question).toEqual({
        kind: "vraag",
        actor_kind: "link",
        note: "Heeft het bedrijf al een offerte?",
        actor_user_id: null,
      });
      expect((await audit(referralId, "referral.question"))[0]!.actor_label).toBe(
        `link:verwijzing-${referralId}`,
      );
      const adviserMails = await mailsTo("adviseur.es04@demo.invalid");
      const notice = adviserMails.find((row) => row.kind === "referral_question")!;
      expect(notice.body).toContain(`http://localhost:3000/werkruimte/verwijzingen/${referralId}`);
      expect(notice.body).not.toContain("offerte");
      expect((await visitor.post(`${path}/vraag`, { question: "" }, { csrf })).status).toBe(400);
      // At most five questions a day through one link: the sixth is refused at the field, nothing is mailed.
      for (let index = 2; index <= 5; index++)
        expect(
          (await visitor.post(`${path}/vraag`, { question: `Vraag nummer ${index}` }, { csrf })).status,
        ).toBe(303);
      const sixth = await visitor.post(`${path}/vraag`, { question: "Vraag nummer 6" }, { csrf });
      expect(sixth.status).toBe(400);
      expect(await sixth.text()).toContain("al 5 vragen");
      expect(
        (await mailsTo("adviseur.es04@demo.invalid")).filter((row) => row.kind === "referral_question"),
      ).toHaveLength(5);
      // Decline without a reason: the error summary, the input kept.
      const version = (await referral(referralId)).version;
      const noReason = await visitor.post(
        path,
        { to: "afgewezen", reason: "", note: "Past niet", version: String(version) },
        { csrf },
      );
      expect(noReason.status).toBe(400);
      const refused = await noReason.text();
      expect(refused).toContain("cl-error-summary");
      expect(refused).toContain('href="#reason"');
      expect(refused).toContain("Past niet");
      // A stale form.
      expect(
        (await visitor.post(path, { to: "geaccepteerd", version: String(version - 1) }, { csrf })).status,
      ).toBe(409);
      // Accept: the same transition path as a provider account, the link as actor.
      const accepted = await visitor.post(
        path,
        { to: "geaccepteerd", reason: "", note: "", version: String(version) },
        { csrf },
      );
      expect(accepted.status).toBe(303);
      expect((await referral(referralId)).status).toBe("geaccepteerd");
      const moves = await audit(referralId, "referral.transition");
      expect(moves.at(-1)).toMatchObject({
        actor_user_id: null,
        actor_label: `link:verwijzing-${referralId}`,
        detail: { from: "verstuurd", to: "geaccepteerd" },
      });
      const [event] = await rows<{ actor_kind: string; actor_user_id: unknown }>(
        sql`select actor_kind, actor_user_id from referral_events where referral_id = ${referralId} and to_status = 'geaccepteerd'`,
      );
      expect(event).toEqual({ actor_kind: "link", actor_user_id: null });
      // The outcome later: not helped needs a reason; with one, the referral is closed.
      now = new Date(now.getTime() + 3 * DAY);
      const page = await (await visitor.get(path)).text();
      expect(page).toContain("Is de ondernemer geholpen?");
      const next = (await referral(referralId)).version;
      expect(
        (
          await visitor.post(
            path,
            { to: "afgerond_niet_geholpen", reason: "", version: String(next) },
            { csrf },
          )
        ).status,
      ).toBe(400);
      const done = await visitor.post(
        path,
        { to: "afgerond_niet_geholpen", reason: "past_niet_bij_vraag", note: "", version: String(next) },
        { csrf },
      );
      expect(done.status).toBe(200);
      expect(await done.text()).toContain("De verwijzing is nu afgesloten");
      const closed = await rows<{ status: string; outcome: string; outcome_reason: string }>(
        sql`select status, outcome, outcome_reason from referrals where id = ${referralId}`,
      );
      expect(closed[0]).toEqual({
        status: "afgerond_niet_geholpen",
        outcome: "niet_geholpen",
        outcome_reason: "past_niet_bij_vraag",
      });
      // The adviser's page names the link as actor, and shows the question.
      await signIn();
      const seen = await (await adviser.session.get(`/werkruimte/verwijzingen/${referralId}`)).text();
      expect(seen).toContain("aanbieder (via deze link)");
      expect(seen).toContain("Heeft het bedrijf al een offerte?");
    });

    it("refuses a used, an expired and a tampered link with a plain page, and audits each", async () => {
      const closed = await referByMail();
      await closeThroughLink(closed);
      const { token } = closed;
      const visitor = browserSession(app);
      const denied = () =>
        rows<{ subject_id: string | null; detail: { reason: string } }>(
          sql`select subject_id, detail from audit_log where action = 'referral_link.use' and outcome = 'denied' order by id`,
        );
      // Used after close: 410.
      const used = await visitor.get(`/verwijzing/${token}`);
      expect(used.status).toBe(410);
      expect(used.headers.get("cache-control")).toBe("no-store");
      expect(await used.text()).toContain("Deze link werkt niet meer");
      // Tampered: one character changed, and a shape that is no token at all: 404.
      const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
      expect((await visitor.get(`/verwijzing/${tampered}`)).status).toBe(404);
      expect((await visitor.get("/verwijzing/kapot")).status).toBe(404);
      // Expired: a new referral's link past its end.
      const second = await refer(MAIL_INSTRUMENT);
      const fresh = LINK.exec((await mailsTo(REFERRAL_ADDRESS)).at(-1)!.body)![1]!;
      expect((await visitor.get(`/verwijzing/${fresh}`)).status).toBe(200);
      await rows(
        sql`update referral_links set expires_at = ${new Date(now.getTime() - 1000)} where referral_id = ${second}`,
      );
      const expired = await visitor.get(`/verwijzing/${fresh}`);
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain("verlopen");
      // A post through an expired link changes nothing.
      const csrf = await visitor.csrfTokenFrom("/belemmering-melden");
      expect(
        (await visitor.post(`/verwijzing/${fresh}`, { to: "geaccepteerd", version: "1" }, { csrf })).status,
      ).toBe(410);
      expect((await referral(second)).status).toBe("verstuurd");
      expect((await denied()).map((row) => row.detail.reason)).toEqual([
        "closed",
        "unknown",
        "unknown",
        "expired",
        "expired",
      ]);
    });

    it("lets the adviser complete a warm handover task: the provider's answer becomes a transition, audited", async () => {
      await refer(WARM_INSTRUMENT);
      await signIn();
      const [task] = await rows<{ id: number; referral_id: number }>(
        sql`select id, referral_id from referral_tasks where kind = 'warme_overdracht_opvolgen' and done_at is null`,
      );
      // The task is in the adviser's queue under "Taken", and the tab counts it from every filter.
      expect(await (await adviser.session.get("/werkruimte")).text()).toContain("Taken (1)");
      const queue = await (await adviser.session.get("/werkruimte?filter=taken")).text();
      expect(queue).toContain(`/werkruimte/verwijzingen/${task!.referral_id}#taken`);
      const version = (await referral(task!.referral_id)).version;
      const path = `/werkruimte/taken/${task!.id}`;
      // Declined needs a reason: the error summary names the task's field.
      const noReason = await adviser.session.post(
        path,
        { resolution: "aanbieder_wijst_af", reason: "", version: String(version) },
        { csrf: adviser.csrf },
      );
      expect(noReason.status).toBe(400);
      expect(await noReason.text()).toContain(`href="#reason-${task!.id}"`);
      expect(
        (
          await adviser.session.post(
            path,
            { resolution: "iets", version: String(version) },
            { csrf: adviser.csrf },
          )
        ).status,
      ).toBe(400);
      const accepted = await adviser.session.post(
        path,
        {
          resolution: "aanbieder_accepteert",
          reason: "",
          note: "Gebeld met Het Groene Brein",
          version: String(version),
        },
        { csrf: adviser.csrf },
      );
      expect(accepted.status).toBe(303);
      expect((await referral(task!.referral_id)).status).toBe("geaccepteerd");
      // The history says who recorded it, and for whom.
      expect(
        await (await adviser.session.get(`/werkruimte/verwijzingen/${task!.referral_id}`)).text(),
      ).toContain("namens de aanbieder");
      const [done] = await rows<{ resolution: string; done_at: unknown }>(
        sql`select resolution, done_at from referral_tasks where id = ${task!.id}`,
      );
      expect(done!.resolution).toBe("aanbieder_accepteert");
      expect(done!.done_at).not.toBeNull();
      expect((await audit(task!.referral_id, "referral_task.complete")).length).toBe(1);
      // Twice is refused; the adviser then records the outcome for the provider on the referral page.
      expect(
        (
          await adviser.session.post(
            path,
            { resolution: "geen_contact", version: String(version + 1) },
            { csrf: adviser.csrf },
          )
        ).status,
      ).toBe(409);
      const helped = await adviser.session.post(
        `/werkruimte/verwijzingen/${task!.referral_id}/status`,
        { to: "afgerond_geholpen", reason: "", note: "", version: String(version + 1) },
        { csrf: adviser.csrf },
      );
      expect(helped.status).toBe(303);
      expect((await referral(task!.referral_id)).status).toBe("afgerond_geholpen");
    });

    it("reminds the provider once before the deadline, and gives the adviser a task at expiry", async () => {
      // Two open referrals with deadlines three days apart: one to a provider with accounts, one by mail.
      await refer(ACCOUNT_INSTRUMENT);
      now = new Date(now.getTime() + 3 * DAY);
      await refer(MAIL_INSTRUMENT);
      const open = await rows<{ id: number; delivery: string; due_at: string | Date }>(
        sql`select id, delivery, due_at from referrals where status = 'verstuurd' order by id`,
      );
      expect(open.map((row) => row.delivery).sort()).toEqual(["account", "mail"]);
      const [soonest, latest] = open.map((row) => new Date(row.due_at).getTime()).sort((a, b) => a - b) as [
        number,
        number,
      ];
      const latestDue = latest;
      const reminders = () =>
        rows<{ to_address: string; kind: string; body: string }>(
          sql`select to_address, kind, body from outbox_messages where kind in ('referral_reminder', 'referral_link_reminder') order by id`,
        );
      // Two days before the first deadline: the provider with accounts is reminded in its workspace.
      now = new Date(soonest - 2 * DAY);
      await schedule();
      await drainJobs();
      expect((await reminders()).map((row) => row.kind)).toEqual(["referral_reminder"]);
      expect((await reminders())[0]!.to_address).toBe("aanbieder.rvo@demo.invalid");
      // An hour later the job runs again and sends nothing twice.
      now = new Date(now.getTime() + 3_600_000);
      await schedule();
      await drainJobs();
      expect(await reminders()).toHaveLength(1);
      // Two days before the second: the referral address, with a fresh link to the same referral.
      now = new Date(latest - 2 * DAY);
      await schedule();
      await drainJobs();
      const both = await reminders();
      expect(both.map((row) => row.kind)).toEqual(["referral_reminder", "referral_link_reminder"]);
      expect(both[1]!.to_address).toBe(REFERRAL_ADDRESS);
      const token = LINK.exec(both[1]!.body)![1]!;
      expect((await browserSession(app).get(`/verwijzing/${token}`)).status).toBe(200);
      now = new Date(now.getTime() + 3_600_000);
      await schedule();
      await drainJobs();
      expect(await reminders()).toHaveLength(2);
      // Past the deadline: expired, a task for the adviser and a mail that says so.
      now = new Date(latestDue + 2 * 3_600_000);
      await schedule();
      await drainJobs();
      for (const row of open) {
        expect((await referral(row.id)).status).toBe("verlopen");
        const tasks = await rows<{ kind: string; due_at: string | Date }>(
          sql`select kind, due_at from referral_tasks where referral_id = ${row.id}`,
        );
        expect(tasks.map((task) => task.kind)).toEqual(["verlopen_opvolgen"]);
      }
      expect(
        (await mailsTo("adviseur.es04@demo.invalid")).filter((mail) => mail.kind === "referral_expired_task"),
      ).toHaveLength(2);
      // The adviser closes one with "nabellen": the choice is kept, the note goes to the dossier.
      const [task] = await rows<{ id: number; referral_id: number }>(
        sql`select id, referral_id from referral_tasks where kind = 'verlopen_opvolgen' order by id limit 1`,
      );
      await signIn();
      const queue = await (await adviser.session.get("/werkruimte?filter=taken")).text();
      expect(queue).toContain("Verlopen verwijzing");
      const completed = await adviser.session.post(
        `/werkruimte/taken/${task!.id}`,
        { resolution: "nabellen", note: "Aanbieder belt de ondernemer deze week." },
        { csrf: adviser.csrf },
      );
      expect(completed.status).toBe(303);
      expect(
        (
          await rows<{ resolution: string }>(
            sql`select resolution from referral_tasks where id = ${task!.id}`,
          )
        )[0]!.resolution,
      ).toBe("nabellen");
    });

    it("counts referrals per delivery route on the monitor: sent, answered, helped, no personal data", async () => {
      // One referral per route, and a second by mail: CIRCO answers one through its link (not helped), the adviser
      // records Het Groene Brein's help, and RVO's and the other mail referral's deadlines pass unanswered.
      await refer(ACCOUNT_INSTRUMENT);
      const answered = await referByMail();
      const warm = await refer(WARM_INSTRUMENT);
      await closeThroughLink(answered);
      await helpedThroughTask(warm);
      await refer(MAIL_INSTRUMENT);
      await passDeadlines();
      await enqueueJob(database().db, "monitoring.rollup", { days: 60 }, { runAt: now });
      await drainJobs();
      const facts = await rows<{ delivery: string | null; n: number }>(
        sql`select delivery, count(*)::int as n from referral_monitor_facts group by delivery order by delivery`,
      );
      expect(facts).toEqual([
        { delivery: "account", n: 1 },
        { delivery: "mail", n: 2 },
        { delivery: "warme_overdracht", n: 1 },
      ]);
      const coordinator = await loginAs(app, "coordinator@demo.invalid");
      const html = await (
        await coordinator.session.get("/monitor/klantreis?regio=ES04&van=2026-11-01&tot=2026-12-31")
      ).text();
      const section = html.slice(html.indexOf('id="bezorgroutes"'));
      const cells = (name: string) => {
        const row = new RegExp(`<th[^>]*scope="row"[^>]*>${name}</th>(.*?)</tr>`, "s").exec(section)![1]!;
        return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1]);
      };
      // Account: sent, expired unanswered. Mail: one answered (not helped), one expired. Warm: answered and helped.
      expect(cells("Account van de aanbieder")).toEqual(["1", "0", "0"]);
      expect(cells("Mail met link")).toEqual(["2", "1", "0"]);
      expect(cells("Warme overdracht")).toEqual(["1", "1", "1"]);
      expect(section).not.toContain("Metaalwerk");
      // A visitor sees the same table with counts under 5 suppressed.
      const open = await (
        await app.request("/monitor/klantreis?regio=ES04&van=2026-11-01&tot=2026-12-31")
      ).text();
      expect(open).toContain('id="bezorgroutes"');
      expect(open.slice(open.indexOf('id="bezorgroutes"'))).not.toMatch(/<td[^>]*>[1-4]<\/td>/);
    });

    it("closes the open warm-handover task when the adviser withdraws the referral", async () => {
      const warm = await refer(WARM_INSTRUMENT);
      const version = (await referral(warm)).version;
      const withdrawn = await adviser.session.post(
        `/werkruimte/verwijzingen/${warm}/status`,
        { to: "ingetrokken", reason: "dubbele_verwijzing", note: "", version: String(version) },
        { csrf: adviser.csrf },
      );
      expect(withdrawn.status).toBe(303);
      const tasks = await rows<{ resolution: string | null; done_at: unknown }>(
        sql`select resolution, done_at from referral_tasks where referral_id = ${warm}`,
      );
      expect(tasks).toHaveLength(1);
      expect(tasks[0]!.resolution).toBe("afgehandeld");
      expect(tasks[0]!.done_at).not.toBeNull();
    });
  },
  {
    // A fresh copy per test of the demo data with CIRCO reached by mail only and Het Groene Brein's website (as the
    // published catalogue would hold it: the warm handover shows it to the adviser).
    databasePerTest: async ({ db }) => {
      await seedDemoData(db, "demo-wachtwoord");
      await giveCircoOnlyAReferralAddress(db, REFERRAL_ADDRESS);
      await db.execute(
        sql`update catalogue_organizations set website = 'https://groene-brein.test' where ref_id = 'het-groene-brein'`,
      );
    },
  },
);
