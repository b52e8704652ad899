import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { formatDate } from "../../i18n/index.js";
import { createAuditLog } from "../audit/index.js";
import { createPrivacyService } from "../privacy/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import {
  ANSWER_LINK_GRACE_DAYS,
  answerLinkExpiry,
  barrierFigures,
  createBarrierLoop,
  dueDate,
  validateForward,
} from "./barriers.loop.js";
import { createBarriersService } from "./barriers.service.js";

const DAY = 86_400_000;
const DESCRIPTION =
  "De omgevingsdienst ziet onze houtreststromen als afval, zodat wij ze niet mogen hergebruiken in nieuwe meubels.";
const ANSWER =
  "Houtresten die direct worden hergebruikt zijn bijproduct, geen afval, als aan de vier voorwaarden van artikel 5 van de Kaderrichtlijn afvalstoffen is voldaan.";

describe("validateForward", () => {
  const today = new Date("2026-11-27T09:00:00Z");
  it("names every wrong field", () => {
    expect(
      validateForward(
        { bodyKind: "bank", bodyName: "", organisationId: "", email: "geen-mail", due: "2026-02-30" },
        [],
        today,
      ).map((p) => `${p.field}:${p.code}`),
    ).toEqual(["soort:chooseBodyKind", "naam:bodyNameRequired", "email:invalidEmail", "termijn:dueInvalid"]);
    expect(
      validateForward(
        { bodyKind: "gemeente", bodyName: "", organisationId: "elders", email: "", due: "2026-11-27" },
        [{ id: "hub-twente", name: "Loket Twente" }],
        today,
      ).map((p) => `${p.field}:${p.code}`),
    ).toEqual(["organisatie:unknownOrganisation", "naam:bodyNameRequired", "termijn:duePast"]);
  });
  it("takes an organisation with an account instead of a typed name, and a date after today", () => {
    expect(
      validateForward(
        { bodyKind: "gemeente", bodyName: "", organisationId: "hub-twente", email: "", due: "2026-11-28" },
        [{ id: "hub-twente", name: "Loket Twente" }],
        today,
      ),
    ).toEqual([]);
  });
  it("counts today in Dutch time: at 00:30 in the Netherlands (23:30 UTC) that new day is today, not a date after it", () => {
    const justAfterMidnight = new Date("2026-11-27T23:30:00Z");
    const form = { bodyKind: "gemeente", bodyName: "Gemeente Enschede", organisationId: "", email: "" };
    expect(validateForward({ ...form, due: "2026-11-28" }, [], justAfterMidnight)).toEqual([
      { field: "termijn", code: "duePast" },
    ]);
    expect(validateForward({ ...form, due: "2026-11-29" }, [], justAfterMidnight)).toEqual([]);
  });
});

describe("dueDate", () => {
  it("is the last moment of that day in the Netherlands, in winter and in summer time", () => {
    expect(dueDate("2027-01-31")?.toISOString()).toBe("2027-01-31T22:59:59.999Z");
    expect(dueDate("2027-06-30")?.toISOString()).toBe("2027-06-30T21:59:59.999Z");
    // The days the clocks change.
    expect(dueDate("2027-03-28")?.toISOString()).toBe("2027-03-28T21:59:59.999Z");
    expect(dueDate("2027-10-31")?.toISOString()).toBe("2027-10-31T22:59:59.999Z");
    expect(dueDate("2027-02-29")).toBeUndefined();
    expect(dueDate("31-01-2027")).toBeUndefined();
  });
  it("is shown as the date entered, in both languages", () => {
    expect(formatDate(dueDate("2027-01-31")!, "nl")).toBe("31 januari 2027");
    expect(formatDate(dueDate("2027-01-31")!, "en")).toBe("31 January 2027");
    expect(formatDate(dueDate("2027-06-30")!, "nl")).toBe("30 juni 2027");
  });
  it("lets the answer link work until the end of the day the grace days after it, across a change of the clocks", () => {
    // 14 days after 20 March is 3 April; summer time starts on 28 March in between.
    const expires = answerLinkExpiry(dueDate("2027-03-20")!);
    expect(expires.toISOString()).toBe("2027-04-03T21:59:59.999Z");
    expect(formatDate(expires, "nl")).toBe("3 april 2027");
  });
});

describeEachDatabase("the barrier loop", (database) => {
  let now = new Date("2026-11-27T09:00:00Z");
  const clock = () => now;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  const services = async () => {
    const geography = await loadGeography(createRegionsRepository(database().db));
    const audit = createAuditLog(clock);
    return {
      service: createBarriersService({ db: database().db, geography, clock }),
      loop: createBarrierLoop({
        db: database().db,
        geography,
        audit,
        absoluteUrl: (path) => `https://loket.test${path}`,
        clock,
      }),
      privacy: createPrivacyService({ db: database().db, audit, clock }),
    };
  };
  const report = async (
    contact: { name: string; email: string } | null,
    lang: "nl" | "en" = "nl",
    municipality = "Enschede",
  ) =>
    (await services()).service.report(
      {
        description: DESCRIPTION,
        theme: "afval_en_grondstoffen",
        rule: "Kaderrichtlijn afvalstoffen",
        municipality,
        contactName: contact?.name ?? "",
        contactEmail: contact?.email ?? "",
        consent: contact !== null,
      },
      "company",
      lang,
    );
  const due = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await createTestApp(database(), {}, { clock });
    await addAccount(database().db, {
      email: "coordinator.es04@loop.test",
      role: "coordinator",
      organisation: {
        id: "coordinator-es04",
        kind: "coordinator",
        name: "Twente",
        scope: "region",
        regionCodes: ["ES04"],
      },
    });
    await addAccount(database().db, {
      email: "coordinator.es23@loop.test",
      role: "coordinator",
      organisation: {
        id: "coordinator-es23",
        kind: "coordinator",
        name: "Rotterdam Den Haag",
        scope: "region",
        regionCodes: ["ES23"],
      },
    });
    await addAccount(database().db, {
      email: "adviseur.es04@loop.test",
      role: "adviseur",
      organisation: { id: "hub-es04", kind: "hub", name: "Loket Twente", regionCodes: ["ES04"] },
    });
  });

  it("the public form says per field what is wrong, keeps the input and links the summary to the fields", async () => {
    const session = browserSession(app);
    const csrf = await session.csrfTokenFrom("/belemmering-melden");
    const long = "a".repeat(4100);
    const response = await session.post(
      "/belemmering-melden",
      {
        beschrijving: long,
        onderwerp: "",
        gemeente: "",
        naam: "An de Vries",
        email: "an@voorbeeld",
        regel: "x",
      },
      { csrf },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("De beschrijving is te lang: gebruik hoogstens 4000 tekens (nu 4100).");
    expect(html).toContain("Kies een onderwerp: er is nog geen onderwerp gekozen.");
    expect(html).toContain("Vul de naam van uw gemeente of woonplaats in.");
    expect(html).toContain("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.");
    expect(html).toContain("Zet een vinkje als wij u mogen mailen.");
    for (const field of ["beschrijving", "onderwerp", "gemeente", "email", "toestemming"])
      expect(html).toContain(`href="#${field}"`);
    // Input kept.
    expect(html).toContain('value="An de Vries"');
    expect(html).toContain('value="an@voorbeeld"');
    const english = await session.post(
      "/belemmering-melden?lang=en",
      { beschrijving: "kort", onderwerp: "vergunningen", gemeente: "Enschede", naam: "An" },
      { csrf },
    );
    const text = await english.text();
    expect(text).toContain("The description is too short: use at least 20 characters (now 4).");
    expect(text).toContain(
      "Enter your e-mail address: you gave a name, but without an address we cannot reach you.",
    );
  });

  it("a forwarded barrier's answer reaches the reporter's stored mail and the public page", async () => {
    // The reporter writes in English and leaves an address with consent.
    const reporter = browserSession(app);
    const csrf = await reporter.csrfTokenFrom("/belemmering-melden?lang=en");
    const sent = await reporter.post(
      "/belemmering-melden?lang=en",
      {
        beschrijving: DESCRIPTION,
        onderwerp: "afval_en_grondstoffen",
        gemeente: "Enschede",
        naam: "Sam Reporter",
        email: "sam@reporter.test",
        toestemming: "ja",
      },
      { csrf },
    );
    expect(sent.status).toBe(303);
    const [{ id } = { id: 0 }] = await rows<{ id: number }>(
      sql`select id from barriers where contact_email = 'sam@reporter.test'`,
    );

    // The Twente coordinator forwards it to the omgevingsdienst, with an address: a mail with the answer link.
    const { session } = await loginAs(app, "coordinator.es04@loop.test");
    const page = await session.get(`/monitor/belemmeringen/${id}`);
    expect(page.status).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const bad = await session.post(
      `/monitor/belemmeringen/${id}/doorsturen`,
      { soort: "", naam: "", email: "odt@", termijn: "morgen" },
      { csrf: token },
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Kies de soort instantie");
    expect(badHtml).toContain("Dit is geen datum");
    expect(badHtml).toContain('value="odt@"');
    const forwarded = await session.post(
      `/monitor/belemmeringen/${id}/doorsturen`,
      {
        soort: "omgevingsdienst",
        naam: "Omgevingsdienst Twente",
        email: "odt@omgevingsdienst.test",
        termijn: due(21),
      },
      { csrf: token },
    );
    expect(forwarded.status).toBe(303);
    const [bodyMail] = await rows<{ body: string; html: string; subject: string }>(
      sql`select body, html, subject from outbox_messages where to_address = 'odt@omgevingsdienst.test'`,
    );
    expect(bodyMail!.subject).toContain(`B-2026-${String(id).padStart(5, "0")}`);
    expect(bodyMail!.body).not.toContain("sam@reporter.test");
    expect(bodyMail!.body).not.toContain("Sam Reporter");
    const link = /(https?:\/\/[^\s]+\/belemmering\/antwoord\/([A-Za-z0-9_-]{43}))/.exec(bodyMail!.body)!;
    expect(link[1]).toMatch(/^http:\/\/localhost/);
    const answerPath = `/belemmering/antwoord/${link[2]}`;
    const [stored] = await rows<{ token_hash: string; status: string }>(
      sql`select f.token_hash, b.status from barrier_forwardings f join barriers b on b.id = f.barrier_id where b.id = ${id}`,
    );
    expect(stored!.token_hash).not.toContain(link[2]!);
    expect(stored!.status).toBe("doorgestuurd");

    // The body opens the link (no contact details shown), answers once; the link then answers 410.
    const body = browserSession(app);
    const linkPage = await body.get(answerPath);
    expect(linkPage.status).toBe(200);
    expect(linkPage.headers.get("cache-control")).toBe("no-store");
    const linkHtml = await linkPage.text();
    expect(linkHtml).toContain("houtreststromen");
    expect(linkHtml).not.toContain("sam@reporter.test");
    const linkCsrf = /name="_csrf" value="([^"]+)"/.exec(linkHtml)![1]!;
    expect((await body.post(answerPath, { antwoord: " " }, { csrf: linkCsrf })).status).toBe(400);
    const answered = await body.post(answerPath, { antwoord: ANSWER }, { csrf: linkCsrf });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain("Bedankt voor uw antwoord");
    // Only this test's refusals count: other tests of the file (in any order) refuse links of their own.
    const [mark] = await rows<{ auditMark: number }>(
      sql`select coalesce(max(id), 0)::int as "auditMark" from audit_log`,
    );
    const auditMark = mark!.auditMark;
    expect((await body.get(answerPath)).status).toBe(410);
    expect((await body.post(answerPath, { antwoord: ANSWER }, { csrf: linkCsrf })).status).toBe(410);
    // Tampered: one character changed, or not a token at all.
    const tampered = `${answerPath.slice(0, -1)}${answerPath.endsWith("A") ? "B" : "A"}`;
    expect((await body.get(tampered)).status).toBe(404);
    expect((await body.get("/belemmering/antwoord/kort")).status).toBe(404);
    const refusals = await rows<{ reason: string }>(
      sql`select detail->>'reason' as reason from audit_log
          where action = 'barrier_link.use' and outcome = 'denied' and id > ${auditMark} order by id`,
    );
    expect(refusals.map((r) => r.reason)).toEqual(["closed", "closed", "unknown", "unknown"]);

    // Not public before the coordinator publishes.
    expect((await app.request(`/belemmeringen/${id}`)).status).toBe(404);
    expect(await (await app.request("/belemmeringen")).text()).not.toContain(`/belemmeringen/${id}"`);

    // The coordinator writes the public summary; the answer starts as the body's own words.
    const detail = await (await session.get(`/monitor/belemmeringen/${id}`)).text();
    expect(detail).toContain(ANSWER);
    const publish = await session.post(
      `/monitor/belemmeringen/${id}/publiceren`,
      {
        samenvatting: "Houtresten uit de eigen werkplaats gelden als afval.",
        "publiek-antwoord": ANSWER,
        versie: "1",
      },
      { csrf: token },
    );
    expect(publish.status).toBe(303);
    // A second publish with the old version is a conflict, not a silent overwrite.
    expect(
      (
        await session.post(
          `/monitor/belemmeringen/${id}/publiceren`,
          { samenvatting: "Oud.", "publiek-antwoord": "Oud.", versie: "1" },
          { csrf: token },
        )
      ).status,
    ).toBe(409);

    // The reporter's mail: in English, with the answer and the public page's absolute link.
    const mails = await rows<{ subject: string; body: string; html: string; kind: string }>(
      sql`select subject, body, html, kind from outbox_messages where to_address = 'sam@reporter.test'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe("barrier_answer");
    expect(mails[0]!.subject).toBe(
      "The answer to your report about Waste and raw materials (for example end-of-waste status)",
    );
    expect(mails[0]!.body).toContain("Dear Sam Reporter,");
    expect(mails[0]!.body).toContain(ANSWER);
    expect(mails[0]!.body).toContain(`http://localhost`);
    expect(mails[0]!.body).toContain(`/belemmeringen/${id}`);
    expect(mails[0]!.html).toContain("Omgevingsdienst Twente");

    // The public pages: the coordinator's summary and the answer, never the reporter's words or details.
    const item = await app.request(`/belemmeringen/${id}`);
    expect(item.status).toBe(200);
    const itemHtml = await item.text();
    expect(itemHtml).toContain("Houtresten uit de eigen werkplaats gelden als afval.");
    expect(itemHtml).toContain(ANSWER);
    expect(itemHtml).not.toContain("houtreststromen");
    expect(itemHtml).not.toContain("Sam Reporter");
    const found = await (
      await app.request("/belemmeringen?q=werkplaats&thema=afval_en_grondstoffen&jaar=2026")
    ).text();
    expect(found).toContain(`/belemmeringen/${id}"`);
    expect(found).toContain("Rode draden in 2026");
    // The search results end where the year's common threads (all published answers of that year) begin.
    const results = async (query: string) =>
      (await (await app.request(`/belemmeringen?${query}`)).text()).split('id="rode-draden"')[0]!;
    expect(await results("q=werkplaats")).toContain(`/belemmeringen/${id}"`);
    expect(await results("q=zonnepanelen")).not.toContain(`/belemmeringen/${id}"`);
    expect(await results("thema=vergunningen")).not.toContain(`/belemmeringen/${id}"`);
    expect(await results("jaar=2025")).not.toContain(`/belemmeringen/${id}"`);
    const english = await (await app.request(`/belemmeringen/${id}?lang=en`)).text();
    expect(english).toContain("The answer");

    // Every step by staff and by the link is audited.
    const actions = await rows<{ action: string; actor_label: string }>(
      sql`select action, actor_label from audit_log where subject_type = 'barrier' and subject_id = ${String(id)}
            and outcome = 'allowed' order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(["barrier.forward", "barrier.answer", "barrier.publish"]);
    expect(actions[1]!.actor_label).toMatch(/^link:belemmering-\d+$/);
    const [told] = await rows<{ status: string; reporter_told_at: Date | null }>(
      sql`select status, reporter_told_at from barriers where id = ${id}`,
    );
    expect(told!.status).toBe("beantwoord");
    expect(told!.reporter_told_at).not.toBeNull();
  });

  it("without consent no mail goes to the reporter; the coordinator records an answer by letter", async () => {
    const id = await report(null);
    const { session, csrf } = await loginAs(app, "coordinator.es04@loop.test");
    await session.post(
      `/monitor/belemmeringen/${id}/doorsturen`,
      { soort: "ministerie", naam: "Ministerie van IenW", termijn: due(30) },
      { csrf },
    );
    const [forwarding] = await rows<{ id: number; token_hash: string | null }>(
      sql`select id, token_hash from barrier_forwardings where barrier_id = ${id}`,
    );
    expect(forwarding!.token_hash).toBeNull();
    const empty = await session.post(
      `/monitor/belemmeringen/${id}/antwoord`,
      { doorsturing: String(forwarding!.id), antwoord: "" },
      { csrf },
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Schrijf het antwoord: dit veld is nog leeg.");
    expect(
      (
        await session.post(
          `/monitor/belemmeringen/${id}/antwoord`,
          { doorsturing: String(forwarding!.id), antwoord: "Per brief: de regel wordt in 2027 aangepast." },
          { csrf },
        )
      ).status,
    ).toBe(303);
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from outbox_messages`);
    expect(
      (
        await session.post(
          `/monitor/belemmeringen/${id}/publiceren`,
          {
            samenvatting: "Een regel voor hergebruik van hout.",
            "publiek-antwoord": "De regel wordt in 2027 aangepast.",
            versie: "1",
          },
          { csrf },
        )
      ).status,
    ).toBe(303);
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from outbox_messages`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [row] = await rows<{ answered_via: string; answered_by_user_id: number | null }>(
      sql`select answered_via, answered_by_user_id from barrier_forwardings where barrier_id = ${id}`,
    );
    expect(row!.answered_via).toBe("coordinator");
    expect(row!.answered_by_user_id).not.toBeNull();
    expect((await app.request(`/belemmeringen/${id}`)).status).toBe(200);
  });

  it("the competent body's users see and answer its forwardings in the workspace; another organisation may not", async () => {
    await addAccount(database().db, {
      email: "jurist@odtwente.loop.test",
      role: "aanbieder",
      organisation: { id: "od-twente-loop", kind: "provider", name: "Omgevingsdienst Twente" },
    });
    const id = await report(null);
    const coordinator = await loginAs(app, "coordinator.es04@loop.test");
    expect(
      (
        await coordinator.session.post(
          `/monitor/belemmeringen/${id}/doorsturen`,
          { soort: "omgevingsdienst", organisatie: "od-twente-loop", termijn: due(30) },
          { csrf: coordinator.csrf },
        )
      ).status,
    ).toBe(303);
    const [forwarding] = await rows<{ id: number }>(
      sql`select id from barrier_forwardings where barrier_id = ${id} and organisation_id = 'od-twente-loop'`,
    );
    const path = `/werkruimte/belemmeringen/${forwarding!.id}`;

    // The body's user finds it in the workspace and reads the report, without the reporter's details.
    const body = await loginAs(app, "jurist@odtwente.loop.test");
    const list = await (await body.session.get("/werkruimte/belemmeringen")).text();
    expect(list).toContain(`href="${path}"`);
    const page = await (await body.session.get(path)).text();
    expect(page).toContain(DESCRIPTION);
    expect(page).toContain(`action="${path}"`);

    // Another organisation's user (the Twente hub's adviser) neither sees nor answers it: refused and recorded.
    const other = await loginAs(app, "adviseur.es04@loop.test");
    expect(await (await other.session.get("/werkruimte/belemmeringen")).text()).not.toContain(path);
    expect((await other.session.get(path)).status).toBe(403);
    expect((await other.session.post(path, { antwoord: ANSWER }, { csrf: other.csrf })).status).toBe(403);
    const refused = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action in ('barrier.read_forwarding', 'barrier.answer_forwarding')
          and outcome <> 'allowed' and subject_id = ${String(forwarding!.id)}`,
    );
    expect(refused[0]!.n).toBe(2);

    // An empty answer is explained at the field; a real one is recorded once, as the body's, and the report answered.
    const empty = await body.session.post(path, { antwoord: "" }, { csrf: body.csrf });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#antwoord"');
    const sent = await body.session.post(path, { antwoord: ANSWER }, { csrf: body.csrf });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toContain("beantwoord");
    const [row] = await rows<{ answer: string; answered_via: string; status: string }>(
      sql`select f.answer, f.answered_via, b.status from barrier_forwardings f join barriers b on b.id = f.barrier_id
          where f.id = ${forwarding!.id}`,
    );
    expect(row).toEqual({ answer: ANSWER, answered_via: "workspace", status: "beantwoord" });
    // Answered: the list says so and the form is gone; the coordinator's page shows the answer.
    expect((await body.session.get(path)).status).toBe(303);
    expect(await (await body.session.get("/werkruimte/belemmeringen")).text()).not.toContain(
      `href="${path}"`,
    );
    expect(await (await coordinator.session.get(`/monitor/belemmeringen/${id}`)).text()).toContain(ANSWER);
  });

  it("the deadline entered is the date on the page, in the mail, on the link and in the body's workspace; overdue only after that whole day", async () => {
    await addAccount(database().db, {
      email: "jurist@oddatum.loop.test",
      role: "aanbieder",
      organisation: { id: "od-datum-loop", kind: "provider", name: "Omgevingsdienst Datum" },
    });
    const id = await report(null);
    const coordinator = await loginAs(app, "coordinator.es04@loop.test");
    expect(
      (
        await coordinator.session.post(
          `/monitor/belemmeringen/${id}/doorsturen`,
          {
            soort: "omgevingsdienst",
            organisatie: "od-datum-loop",
            email: "termijn@oddatum.loop.test",
            termijn: "2027-01-31",
          },
          { csrf: coordinator.csrf },
        )
      ).status,
    ).toBe(303);
    const page = await (await coordinator.session.get(`/monitor/belemmeringen/${id}`)).text();
    expect(page).toContain("31 januari 2027");
    expect(page).not.toContain("1 februari 2027");
    expect(page).toContain(`<span class="cl-tag">wacht op antwoord</span>`);

    const [mail] = await rows<{ body: string; html: string; subject: string }>(
      sql`select body, html, subject from outbox_messages where to_address = 'termijn@oddatum.loop.test'`,
    );
    expect(mail!.body).toContain("31 januari 2027");
    expect(mail!.html).toContain("31 januari 2027");
    expect(mail!.body).not.toContain("1 februari 2027");
    // The link works 14 days longer: until 14 February, not 15.
    expect(mail!.body).toContain("14 februari 2027");
    expect(mail!.body).not.toContain("15 februari 2027");
    const path = /https?:\/\/[^\s/]+(\/belemmering\/antwoord\/[A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
    const linkPage = await (await browserSession(app).get(path)).text();
    expect(linkPage).toContain("31 januari 2027");
    expect(linkPage).toContain("14 februari 2027");

    const body = await loginAs(app, "jurist@oddatum.loop.test");
    const list = await (await body.session.get("/werkruimte/belemmeringen")).text();
    expect(list).toContain("graag antwoord uiterlijk op 31 januari 2027");
    const english = await (await body.session.get("/werkruimte/belemmeringen?lang=en")).text();
    expect(english).toContain("answer please by 31 January 2027");

    const start = now;
    try {
      // 23:59 on 31 January in the Netherlands: the day has not passed yet. (A new login: the old session has expired.)
      now = new Date("2027-01-31T22:59:00Z");
      const later = await loginAs(app, "coordinator.es04@loop.test");
      const detailNow = async () => await (await later.session.get(`/monitor/belemmeringen/${id}`)).text();
      expect(await detailNow()).toContain(`<span class="cl-tag">wacht op antwoord</span>`);
      // 00:00 on 1 February in the Netherlands: overdue.
      now = new Date("2027-01-31T23:00:00Z");
      expect(await detailNow()).toContain(`<span class="cl-tag">te laat</span>`);
    } finally {
      now = start;
    }
  });

  it("an unpublished or unanswered barrier is not public and cannot be published", async () => {
    const id = await report(null);
    expect((await app.request(`/belemmeringen/${id}`)).status).toBe(404);
    const { session, csrf } = await loginAs(app, "coordinator.es04@loop.test");
    const early = await session.post(
      `/monitor/belemmeringen/${id}/publiceren`,
      { samenvatting: "Samenvatting.", "publiek-antwoord": "Antwoord.", versie: "1" },
      { csrf },
    );
    expect(early.status).toBe(400);
    expect((await app.request(`/belemmeringen/${id}`)).status).toBe(404);
    expect((await app.request("/belemmeringen/999999")).status).toBe(404);
  });

  it("a link expires at the deadline plus the grace days (410); an overdue forwarding shows in the register and the figures", async () => {
    const id = await report(null);
    const { loop } = await services();
    const forwarded = await loop.forward(
      id,
      {
        bodyKind: "provincie",
        bodyName: "Provincie Overijssel",
        organisationId: null,
        email: "loket@overijssel.test",
        dueAt: dueDate(due(7))!,
      },
      { userId: null, label: "test", clientKey: null, organisationName: "Twente" },
    );
    expect(forwarded?.mailed).toBe(true);
    const [mail] = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = 'loket@overijssel.test'`,
    );
    expect(mail!.body).toContain("https://loket.test/belemmering/antwoord/");
    const path = /https:\/\/loket\.test(\/belemmering\/antwoord\/[A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
    const start = now;
    try {
      now = new Date(start.getTime() + 8 * DAY);
      expect((await app.request(path)).status).toBe(200);
      const { session } = await loginAs(app, "coordinator.es04@loop.test");
      const register = await (await session.get("/monitor/belemmeringen")).text();
      expect(register).toMatch(/\d+ doorgestuurde meldingen zijn niet op tijd beantwoord/);
      const figures = await loop.figures(
        { level: "region", code: "ES04" },
        { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") },
      );
      expect(figures.overdue).toBeGreaterThanOrEqual(1);
      expect(figures.forwarded).toBeGreaterThanOrEqual(figures.answered);
      expect(figures.reported).toBeGreaterThanOrEqual(figures.forwarded);
      const rotterdam = await loop.figures(
        { level: "region", code: "ES23" },
        { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") },
      );
      expect(rotterdam.answeredItems.map((item) => item.id)).not.toContain(id);
      // The deadline is 4 December; the link works through 18 December in the Netherlands (23:00 UTC is midnight).
      expect(ANSWER_LINK_GRACE_DAYS).toBe(14);
      now = new Date("2026-12-18T22:59:00Z");
      expect((await app.request(path)).status).toBe(200);
      now = new Date("2026-12-18T23:00:00Z");
      expect((await app.request(path)).status).toBe(410);
    } finally {
      now = start;
    }
  });

  it("figures count an area's reports and list the answers of the period, published texts only", async () => {
    const { loop } = await services();
    const period = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };
    const before = await loop.figures({ level: "region", code: "ES23" }, period);
    const id = await report(null, "nl", "Rotterdam");
    const forwarded = await loop.forward(
      id,
      {
        bodyKind: "gemeente",
        bodyName: "Gemeente Rotterdam",
        organisationId: null,
        email: null,
        dueAt: new Date(now.getTime() + DAY),
      },
      { userId: null, label: "test", clientKey: null, organisationName: "Rotterdam Den Haag" },
    );
    await loop.answer(
      forwarded!.forwardingId,
      { text: "Ruw antwoord met details.", via: "coordinator" },
      {
        userId: null,
        label: "test",
        clientKey: null,
      },
    );
    const after = await loop.figures({ level: "region", code: "ES23" }, period);
    expect(after.reported).toBe(before.reported + 1);
    expect(after.forwarded).toBe(before.forwarded + 1);
    expect(after.answered).toBe(before.answered + 1);
    const item = after.answeredItems.find((entry) => entry.id === id)!;
    expect(item).toMatchObject({ bodyName: "Gemeente Rotterdam", published: false, publicAnswer: null });
    expect(JSON.stringify(after)).not.toContain("Ruw antwoord");
    // The standalone export (for the coordinator's report) answers the same as the loop's method.
    expect(
      await barrierFigures(
        { db: database().db, geography: await loadGeography(createRegionsRepository(database().db)), clock },
        { level: "region", code: "ES23" },
        period,
      ),
    ).toEqual(after);
    const national = await loop.figures({ level: "national" }, period);
    expect(national.reported).toBeGreaterThanOrEqual(after.reported);
  });

  it("coordinators of another area and advisers are refused forward, answer and publish (403, recorded)", async () => {
    const id = await report(null);
    for (const email of ["coordinator.es23@loop.test", "adviseur.es04@loop.test"]) {
      const { session, csrf } = await loginAs(app, email);
      for (const [action, form] of [
        ["doorsturen", { soort: "gemeente", naam: "Gemeente Enschede", termijn: due(10) }],
        ["antwoord", { doorsturing: "1", antwoord: "Antwoord." }],
        ["publiceren", { samenvatting: "S.", "publiek-antwoord": "A.", versie: "1" }],
      ] as const) {
        const response = await session.post(`/monitor/belemmeringen/${id}/${action}`, form, { csrf });
        expect(response.status, `${email} ${action}`).toBe(403);
      }
      expect((await session.get(`/monitor/belemmeringen/${id}`)).status).toBe(403);
    }
    expect(await rows(sql`select id from barrier_forwardings where barrier_id = ${id}`)).toEqual([]);
  });

  it("the reporter's address is exported and erased on request, and erased by retention 30 days after the answer mail", async () => {
    const { privacy, loop } = await services();
    const actor = { userId: null, label: "test", clientKey: null };
    const kept = await report({ name: "Kim Export", email: "kim@export.test" });
    const exported = (await privacy.exportSubject("KIM@export.test", actor)) as Record<string, unknown[]>;
    expect(JSON.stringify(exported.barriers)).toContain("kim@export.test");
    // The body's address the link went to is found and erased as well.
    await loop.forward(
      kept,
      {
        bodyKind: "anders",
        bodyName: "RWS",
        organisationId: null,
        email: "kim@export.test",
        dueAt: new Date(now.getTime() + DAY),
      },
      { ...actor, organisationName: "Twente" },
    );
    const both = (await privacy.exportSubject("kim@export.test", actor)) as Record<string, unknown[]>;
    expect(both.barrierForwardings).toHaveLength(1);
    expect(JSON.stringify(both.barrierForwardings)).not.toContain("token_hash");
    await privacy.eraseSubject("kim@export.test", actor);
    expect(
      await rows(sql`select id from barriers where contact_email = 'kim@export.test'
                     union all select id from barrier_forwardings where to_address = 'kim@export.test'`),
    ).toEqual([]);

    // Retention: told 31 days ago → erased; told yesterday → kept.
    const old = await report({ name: "Oud Melder", email: "oud@retentie-loop.test" });
    const recent = await report({ name: "Nieuw Melder", email: "nieuw@retentie-loop.test" });
    await rows(
      sql`update barriers set reporter_told_at = ${new Date(now.getTime() - 31 * DAY)} where id = ${old}`,
    );
    await rows(
      sql`update barriers set reporter_told_at = ${new Date(now.getTime() - DAY)} where id = ${recent}`,
    );
    await privacy.applyRetention(database().db, now, 24);
    const left = await rows<{ id: number; contact_email: string | null }>(
      sql`select id, contact_email from barriers where id in (${old}, ${recent}) order by id`,
    );
    expect(left).toEqual([
      { id: old, contact_email: null },
      { id: recent, contact_email: "nieuw@retentie-loop.test" },
    ]);
  });
});
