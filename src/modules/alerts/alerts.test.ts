import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { browserSession, createTestApp, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { createBackgroundJobs } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createJobWorker, enqueueJob } from "../../jobs/index.js";
import { createAuditLog } from "../audit/index.js";
import { createPrivacyService } from "../privacy/index.js";
import { MAIL_QUEUE, mailDeliveryHandler } from "../referrals/index.js";
import { ALERT_MATCH_QUEUE } from "./index.js";

/** A closed RVO scheme its provider can open again in the workspace. */
const SCHEME = "rvo-circulaire-ketenprojecten";
const SCHEME_PAGE = "/aanbod/subsidie-circulaire-ketenprojecten";
const DAY = 86_400_000;

/**
 * Issue 17 item 5 (ADR 0092): sign up with double opt-in, the hourly job that finds what opened, what closes soon,
 * what is new for a route and which events are new, the weekly digest with its deadline exception, never an item
 * twice, the one-click unsubscribe (page, POST without cookies, RFC 8058 headers) and export and erasure.
 */
describeEachDatabase("alerts by e-mail", (database) => {
  let now = new Date("2026-11-27T09:00:00Z");
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let runJobs: () => Promise<number>;
  let regionCode = "";
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  /** The hourly alert job, then every job it queued (digests, mail delivery). */
  async function runAlertJob() {
    await enqueueJob(database().db, ALERT_MATCH_QUEUE, {}, { runAt: now });
    await runJobs();
  }

  async function subscribe(email: string, query: string, kinds: string[], lang = "nl") {
    const session = browserSession(app);
    const page = `/meldingen/aanmelden?${query}${lang === "en" ? "&lang=en" : ""}`;
    const csrf = await session.csrfTokenFrom(page);
    const fields = Object.fromEntries(new URLSearchParams(query));
    const response = await session.post(
      `/meldingen/aanmelden${lang === "en" ? "?lang=en" : ""}`,
      { ...fields, email, melding: kinds },
      { csrf },
    );
    expect(response.status).toBe(303);
    return session;
  }

  async function mailsTo(email: string, kind: string) {
    return rows<{ subject: string; body: string; html: string; headers: Record<string, string> | null }>(
      sql`select subject, body, html, headers from outbox_messages
          where to_address = ${email.toLowerCase()} and kind = ${kind} order by id`,
    );
  }

  async function confirmPath(email: string) {
    const [mail] = (await mailsTo(email, "alert.confirm")).slice(-1);
    const match = /\/meldingen\/bevestigen\/[\w-]{43}/.exec(mail!.body);
    return match![0];
  }

  async function subscribeAndConfirm(email: string, query: string, kinds: string[]) {
    const session = await subscribe(email, query, kinds);
    const path = await confirmPath(email);
    const csrf = await session.csrfTokenFrom(path);
    const confirmed = await session.post(path, {}, { csrf });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Uw aanmelding is bevestigd");
  }

  /** A fresh session each time: the tests move the clock further than a session's idle time. */
  const signIn = (email: string) => loginAs(app, email);

  async function setListing(refId: string, status: string, closesOn: string) {
    const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
    const [version] = await rows<{ n: number }>(
      sql`select count(*)::int as n from listing_versions where instrument_ref_id = ${refId}`,
    );
    const saved = await session.post(
      `/werkruimte/aanbod/${refId}`,
      { version: String(version!.n), status, opensOn: "", closesOn, terms: "" },
      { csrf },
    );
    expect(saved.status).toBe(303);
  }

  async function addEvent(slug: string, region: string | null, startsAt: Date) {
    await database().db.execute(
      sql`insert into knowledge_events (slug, title, description, starts_at, ends_at, online, place, region_code,
            organiser, is_example, origin)
          values (${slug}, ${JSON.stringify({ nl: `Bijeenkomst ${slug}`, en: `Event ${slug}` })}::jsonb,
            ${JSON.stringify({ nl: "Over hergebruik.", en: "About reuse." })}::jsonb, ${startsAt},
            ${new Date(startsAt.getTime() + 7_200_000)}, false, 'Enschede', ${region}, 'Testorganisator', false,
            'curated')`,
    );
  }

  /** A copy of an instrument under a new ref_id: a new instrument in the catalogue. */
  async function addInstrument(refId: string, from: string, changes: { sbi: string[]; phases: string[] }) {
    const columns = (
      await rows<{ column_name: string }>(
        sql`select column_name from information_schema.columns
            where table_name = 'catalogue_instruments' and is_generated = 'NEVER' order by ordinal_position`,
      )
    ).map((row) => row.column_name);
    const values = columns.map((column) => {
      if (column === "id") return sql`gen_random_uuid()`;
      if (column === "ref_id" || column === "slug") return sql`${refId}`;
      if (column === "name")
        return sql`${JSON.stringify({ nl: `Nieuw ${refId}`, en: `New ${refId}` })}::jsonb`;
      if (column === "sbi_sections") return sql`${`{${changes.sbi.join(",")}}`}::text[]`;
      if (column === "sbi_divisions") return sql`'{}'::text[]`;
      if (column === "phases") return sql`${`{${changes.phases.join(",")}}`}::text[]`;
      if (column === "status") return sql`'doorlopend'`;
      if (column === "window_open" || column === "window_close") return sql`null`;
      return sql.identifier(column);
    });
    await database().db.execute(
      sql`insert into catalogue_instruments (${sql.join(
        columns.map((column) => sql.identifier(column)),
        sql`, `,
      )}) select ${sql.join(values, sql`, `)} from catalogue_instruments where ref_id = ${from}`,
    );
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
    runJobs = () => worker.drain();
    [{ regionCode }] = (await rows<{ regionCode: string }>(
      sql`select region_code as "regionCode" from municipalities where code = 'GM0153'`,
    )) as [{ regionCode: string }];
    // The job's first run learns the catalogue and the agenda as they are.
    await runAlertJob();
  });

  it("signs up unconfirmed, confirms once through the mailed link, and lets an unconfirmed sign-up lapse", async () => {
    const page = await (await app.request(`/meldingen/aanmelden?instrument=${SCHEME}`)).text();
    expect(page).toContain("Als deze regeling opengaat");
    expect(page).toContain("Regeling: Subsidie Circulaire ketenprojecten");
    await subscribe("Anna.Opt-In@Voorbeeld.nl", `instrument=${SCHEME}`, ["opent"]);
    const [mail] = await mailsTo("anna.opt-in@voorbeeld.nl", "alert.confirm");
    expect(mail!.subject).toBe("Bevestig uw aanmelding bij Circulair Loket");
    expect(mail!.body).toContain("Als deze regeling opengaat");
    expect(mail!.body).toMatch(/https?:\/\/[^/]+\/meldingen\/bevestigen\/[\w-]{43}/);
    const [before] = await rows<{ confirmed_at: Date | null }>(
      sql`select confirmed_at from alert_subscriptions a join alert_subscribers r on r.id = a.subscriber_id
          where r.email = 'anna.opt-in@voorbeeld.nl'`,
    );
    expect(before!.confirmed_at).toBeNull();

    const path = await confirmPath("anna.opt-in@voorbeeld.nl");
    // Opening the link confirms nothing (mail scanners open links); the button does.
    const session = browserSession(app);
    const shown = await session.get(path);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const csrf = await session.csrfTokenFrom(path);
    expect((await session.post(path, {}, { csrf })).status).toBe(200);
    const [after] = await rows<{ confirmed_at: Date | null }>(
      sql`select confirmed_at from alert_subscriptions a join alert_subscribers r on r.id = a.subscriber_id
          where r.email = 'anna.opt-in@voorbeeld.nl'`,
    );
    expect(after!.confirmed_at).not.toBeNull();
    expect((await session.post(path, {}, { csrf })).status).toBe(404);
    expect((await app.request("/meldingen/bevestigen/niet-een-token")).status).toBe(404);

    // A sign-up nobody confirms: the link stops working after 7 days and retention deletes it with the address.
    await subscribe("bert.vergeet@voorbeeld.nl", "gemeente=GM0153&sector=C", ["nieuw_aanbod"]);
    const lapsing = await confirmPath("bert.vergeet@voorbeeld.nl");
    const saved = now;
    now = new Date(now.getTime() + 8 * DAY);
    try {
      expect((await app.request(lapsing)).status).toBe(410);
      const privacy = createPrivacyService({ db: database().db, audit: createAuditLog(clock), clock });
      await privacy.applyRetention(database().db, now, 24);
      expect(
        await rows(sql`select id from alert_subscribers where email = 'bert.vergeet@voorbeeld.nl'`),
      ).toHaveLength(0);
      expect(
        await rows(sql`select id from alert_subscribers where email = 'anna.opt-in@voorbeeld.nl'`),
      ).toHaveLength(1);
    } finally {
      now = saved;
    }
  });

  it("says what is wrong with the form, keeps the input, and explains a page without criteria", async () => {
    const session = browserSession(app);
    const csrf = await session.csrfTokenFrom("/meldingen/aanmelden?gemeente=GM0153&sector=C");
    const wrong = await session.post(
      "/meldingen/aanmelden",
      { gemeente: "GM0153", sector: "C", email: "geen-adres", melding: [] },
      { csrf },
    );
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('href="#email"');
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(html).toContain("Kies ten minste één onderwerp");
    expect(html).toContain('value="geen-adres"');
    const tooLong = await session.post(
      "/meldingen/aanmelden",
      { gemeente: "GM0153", sector: "C", email: `${"a".repeat(250)}@voorbeeld.nl`, melding: "bijeenkomst" },
      { csrf },
    );
    expect(await tooLong.text()).toContain("Het e-mailadres is te lang");
    const none = await (await app.request("/meldingen/aanmelden?lang=en")).text();
    expect(none).toContain("We do not know what you want e-mail about");
    expect(none).not.toContain('name="email"');
  });

  it("tells a subscriber once when the provider opens the scheme, with the one-click unsubscribe headers", async () => {
    const email = "carla.opent@voorbeeld.nl";
    await subscribeAndConfirm(email, `instrument=${SCHEME}`, ["opent"]);
    await runAlertJob();
    expect(await mailsTo(email, "alert.digest")).toHaveLength(0);

    await setListing(SCHEME, "open", "2027-03-31");
    await runAlertJob();
    const [digest, ...more] = await mailsTo(email, "alert.digest");
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe("Nieuws over de hulp die u volgt");
    expect(digest!.body).toContain("Nu open: Subsidie Circulaire ketenprojecten");
    expect(digest!.body).toContain(SCHEME_PAGE);
    const unsubscribe = /https?:\/\/[^/\s]+(\/meldingen\/afmelden\/[\w-]{43})/.exec(digest!.body)!;
    expect(digest!.headers).toEqual({
      "List-Unsubscribe": `<${unsubscribe[0]}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(digest!.html).toContain(`href="${unsubscribe[0]}"`);

    // The mail transport gets the headers with the message.
    const [stored] = await rows<{ id: number }>(
      sql`select id from outbox_messages where to_address = ${email} and kind = 'alert.digest'`,
    );
    const sent: { headers?: Record<string, string> }[] = [];
    await database().db.execute(sql`update outbox_messages set sent_at = null where id = ${stored!.id}`);
    await mailDeliveryHandler(
      { name: "test", send: async (message) => void sent.push(message) },
      clock,
      silentLogger,
    )({ messageId: stored!.id }, { tx: database().db, attempt: 1 });
    expect(sent[0]!.headers).toEqual(digest!.headers);
    expect(MAIL_QUEUE).toBe("mail.deliver");

    // Never the same item twice: later runs, a week later too, send nothing new.
    await runAlertJob();
    now = new Date(now.getTime() + 8 * DAY);
    try {
      await runAlertJob();
    } finally {
      now = new Date(now.getTime() - 8 * DAY);
    }
    expect(await mailsTo(email, "alert.digest")).toHaveLength(1);
    await setListing(SCHEME, "gesloten", "2026-11-20");
  });

  it("sends at most one digest a week, except when a deadline is within 14 days", async () => {
    const email = "dirk.wekelijks@voorbeeld.nl";
    const start = now;
    try {
      await subscribeAndConfirm(email, "gemeente=GM0153&sector=C", ["bijeenkomst"]);
      await subscribeAndConfirm(email, `instrument=${SCHEME}`, ["deadline"]);
      await addEvent("week-een", regionCode, new Date(start.getTime() + 20 * DAY));
      await addEvent("elders", "ZZ99", new Date(start.getTime() + 20 * DAY));
      await runAlertJob();
      let digests = await mailsTo(email, "alert.digest");
      expect(digests).toHaveLength(1);
      expect(digests[0]!.body).toContain("Bijeenkomst week-een");
      expect(digests[0]!.body).not.toContain("Bijeenkomst elders");

      // A day later a new event: it waits for the week to pass.
      now = new Date(start.getTime() + DAY);
      await addEvent("week-twee", null, new Date(start.getTime() + 25 * DAY));
      await runAlertJob();
      expect(await mailsTo(email, "alert.digest")).toHaveLength(1);

      // Two days later the scheme closes in 10 days: the deadline goes out at once, with the waiting event.
      now = new Date(start.getTime() + 2 * DAY);
      const closes = new Date(now.getTime() + 10 * DAY).toISOString().slice(0, 10);
      await setListing(SCHEME, "open", closes);
      await runAlertJob();
      digests = await mailsTo(email, "alert.digest");
      expect(digests).toHaveLength(2);
      expect(digests[1]!.body).toContain("Sluit op");
      expect(digests[1]!.body).toContain("Subsidie Circulaire ketenprojecten");
      expect(digests[1]!.body).toContain("Bijeenkomst week-twee");
      expect(digests[1]!.body).not.toContain("Bijeenkomst week-een");

      // The same deadline is not told again; a week later a new event is.
      now = new Date(start.getTime() + 10 * DAY);
      await addEvent("week-drie", regionCode, new Date(start.getTime() + 30 * DAY));
      await runAlertJob();
      await runAlertJob();
      digests = await mailsTo(email, "alert.digest");
      expect(digests).toHaveLength(3);
      expect(digests[2]!.body).toContain("Bijeenkomst week-drie");
      expect(digests[2]!.body).not.toContain("Sluit op");
    } finally {
      now = start;
      await setListing(SCHEME, "gesloten", "2026-11-20");
    }
  });

  it("tells a route's subscriber about a new instrument that fits its place, sector and phase only", async () => {
    const email = "eva.nieuw@voorbeeld.nl";
    await subscribeAndConfirm(email, "gemeente=GM0153&sector=C&fase=starter", ["nieuw_aanbod"]);
    await addInstrument("test-nieuw-past", "rvo-mia-vamil-circulair", { sbi: ["C"], phases: ["starter"] });
    await addInstrument("test-nieuw-landbouw", "rvo-mia-vamil-circulair", {
      sbi: ["A"],
      phases: ["starter"],
    });
    await addInstrument("test-nieuw-koploper", "rvo-mia-vamil-circulair", { sbi: [], phases: ["koploper"] });
    await runAlertJob();
    const [digest, ...more] = await mailsTo(email, "alert.digest");
    expect(more).toHaveLength(0);
    expect(digest!.body).toContain("Nieuw en past bij uw route: Nieuw test-nieuw-past");
    expect(digest!.body).not.toContain("test-nieuw-landbouw");
    expect(digest!.body).not.toContain("test-nieuw-koploper");
  });

  it("unsubscribes in one click: a page with a button, and the mail program's POST without cookies", async () => {
    const email = "femke.af@voorbeeld.nl";
    await subscribeAndConfirm(email, "gemeente=GM0153&sector=C", ["bijeenkomst"]);
    await addEvent("afmelden-test", regionCode, new Date(now.getTime() + 20 * DAY));
    await runAlertJob();
    const [digest] = await mailsTo(email, "alert.digest");
    const path = /\/meldingen\/afmelden\/[\w-]{43}/.exec(digest!.body)![0];
    const page = await app.request(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(email);
    expect(html).toContain("Als er een bijeenkomst is voor mijn sector in mijn regio");
    expect(html).toContain(`action="${path}"`);
    // RFC 8058: the mail program posts List-Unsubscribe=One-Click, without our cookies or form token.
    const oneClick = await app.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("U bent afgemeld");
    expect(await rows(sql`select id from alert_subscribers where email = ${email}`)).toHaveLength(0);
    expect((await app.request(path)).status).toBe(404);
    // Any other form still needs its token.
    const forged = await app.request("/meldingen/aanmelden", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "gemeente=GM0153&sector=C&melding=bijeenkomst&email=x%40voorbeeld.nl",
    });
    expect(forged.status).toBe(403);
  });

  it("exports and erases an address's alerts through the privacy registry", async () => {
    const email = "gijs.privacy@voorbeeld.nl";
    await subscribeAndConfirm(email, "gemeente=GM0153&sector=C", ["bijeenkomst"]);
    const privacy = createPrivacyService({ db: database().db, audit: createAuditLog(clock), clock });
    const actor = { userId: null, label: "test", clientKey: null };
    const exported = (await privacy.exportSubject("Gijs.Privacy@voorbeeld.nl", actor)) as Record<
      string,
      Record<string, unknown>[]
    >;
    expect(exported.alertSubscribers).toEqual([expect.objectContaining({ email, lang: "nl" })]);
    expect(exported.alertSubscribers![0]).not.toHaveProperty("unsubscribe_token");
    expect(exported.alertSubscriptions).toEqual([
      expect.objectContaining({ kind: "bijeenkomst", municipality_code: "GM0153", sector: "C" }),
    ]);
    await privacy.eraseSubject(email, actor);
    expect(await rows(sql`select id from alert_subscribers where email = ${email}`)).toHaveLength(0);
    expect(
      await rows(
        sql`select id from outbox_messages where to_address = ${email} or body like ${`%${email}%`}`,
      ),
    ).toHaveLength(0);
  });

  it("links to the sign-up from an instrument page with rounds and from the route, with their criteria", async () => {
    const page = await (await app.request(SCHEME_PAGE)).text();
    expect(page).toContain(`href="/meldingen/aanmelden?instrument=${SCHEME}"`);
    expect(page).toContain("Houd me op de hoogte");
    const route = await (await app.request("/route?gemeente=GM0153&sector=C")).text();
    expect(route).toMatch(/href="\/meldingen\/aanmelden\?gemeente=GM0153&amp;sector=C&amp;fase=[a-z]+"/);
    const english = await (await app.request(`${SCHEME_PAGE}?lang=en`)).text();
    expect(english).toContain(`href="/meldingen/aanmelden?instrument=${SCHEME}&amp;lang=en"`);
  });

  it("offers one event as its own calendar file", async () => {
    await addEvent("los-ics", regionCode, new Date("2027-02-01T13:00:00Z"));
    const response = await app.request("/agenda/los-ics.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const body = await response.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain("SUMMARY;LANGUAGE=nl:Bijeenkomst los-ics");
    expect(body).toContain("DTSTART:20270201T130000Z");
    expect((await app.request("/agenda/bestaat-niet.ics")).status).toBe(404);
    expect(await (await app.request("/agenda")).text()).toContain('href="/agenda/los-ics.ics"');
  });
});
