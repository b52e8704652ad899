import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAccount, createEvent, eventForm, sessionsFor } from "../../../tests/factories/index.js";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { amsterdamInstant, amsterdamWallClockOf } from "../../i18n/index.js";
import { loadKnowledgeContent } from "./knowledge.loader.js";
import {
  eventSlugBase,
  type ProviderEventFormValues,
  parseProviderEventForm,
} from "./knowledge.provider-events.form.js";

const NOW = new Date("2026-11-27T09:00:00Z");

/** A complete, valid form for an afternoon in April 2027 in Enschede. */
const validForm = eventForm;

const context = {
  now: NOW,
  isNew: true,
  regionCodes: new Set(["ES04", "ES05"]),
  instrumentRefIds: new Set(["rvo-mia-vamil-circulair"]),
};

describe("the provider's event form", () => {
  it("reads dates and times as Dutch local time, summer and winter", () => {
    const summer = parseProviderEventForm(validForm(), context);
    expect(summer.ok && summer.draft.startsAt.toISOString()).toBe("2027-04-08T11:30:00.000Z");
    expect(summer.ok && summer.draft.endsAt.toISOString()).toBe("2027-04-08T14:00:00.000Z");
    const winter = parseProviderEventForm(validForm({ startDate: "2027-01-14" }), context);
    expect(winter.ok && winter.draft.startsAt.toISOString()).toBe("2027-01-14T12:30:00.000Z");
    // The last Sunday of March: 02:30 does not exist, and is read as standard time.
    expect(amsterdamInstant("2027-03-28T02:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(amsterdamWallClockOf(new Date("2027-04-08T11:30:00Z"))).toEqual({
      date: "2027-04-08",
      time: "13:30",
    });
  });

  it("names every problem at once, in the order of the form", () => {
    const parsed = parseProviderEventForm(
      validForm({
        titleEn: "",
        descriptionNl: "x".repeat(2001),
        startTime: "25:00",
        place: "",
        regionCode: "ES99",
        instrumentRefId: "vh-maatwerkondersteuning",
        registrationUrl: "javascript:alert(1)",
      }),
      context,
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      { field: "titleEn", problem: "errTitleEnRequired" },
      { field: "descriptionNl", problem: "errDescriptionTooLong" },
      { field: "startTime", problem: "errTime" },
      { field: "place", problem: "errPlaceRequired" },
      { field: "regionCode", problem: "errRegion" },
      { field: "instrumentRefId", problem: "errInstrument" },
      { field: "registrationUrl", problem: "errRegistrationUrl" },
    ]);
  });

  it("checks the order of start and end, the past, and online events without a place", () => {
    const problemsOf = (values: ProviderEventFormValues, isNew = true) => {
      const parsed = parseProviderEventForm(values, { ...context, isNew });
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problemsOf(validForm({ endTime: "13:00" }))).toEqual([
      { field: "endTime", problem: "errEndBeforeStart" },
    ]);
    expect(problemsOf(validForm({ endDate: "2027-04-07" }))).toEqual([
      { field: "endDate", problem: "errEndBeforeStart" },
    ]);
    expect(problemsOf(validForm({ startDate: "2026-11-26" }))).toEqual([
      { field: "startDate", problem: "errInPast" },
    ]);
    // An existing event may be corrected after it took place.
    expect(problemsOf(validForm({ startDate: "2026-11-26" }), false)).toEqual([]);
    expect(problemsOf(validForm({ startDate: "2029-01-10" }))).toEqual([
      { field: "startDate", problem: "errTooFar" },
    ]);
    expect(problemsOf(validForm({ online: "ja", place: "", regionCode: "" }))).toEqual([]);
    const multiDay = parseProviderEventForm(validForm({ endDate: "2027-04-10" }), context);
    expect(multiDay.ok && multiDay.draft.endsAt.toISOString()).toBe("2027-04-10T14:00:00.000Z");
  });

  it("makes a readable slug from the Dutch title and the month", () => {
    expect(eventSlugBase("Spreekuur MIA\\Vamil: één middag!", new Date("2027-04-08T11:30:00Z"))).toBe(
      "spreekuur-mia-vamil-een-middag-2027-04",
    );
    expect(eventSlugBase("???", new Date("2027-01-01T00:30:00Z"))).toBe("activiteit-2027-01");
  });
});

/** Issue 7: providers keep their own events in the workspace; the public agenda, feed and API show them at once. */
describeEachDatabase("providers keep their own agenda events", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  let signIn: ReturnType<typeof sessionsFor>;
  const rvo = () => signIn("aanbieder.rvo@demo.invalid");
  let made = 0;
  /** An RVO event of the test's own (its own title, so its own address); answers its slug. */
  const ownEvent = async (overrides: Partial<ProviderEventFormValues> = {}) => {
    made += 1;
    return createEvent(
      await rvo(),
      validForm({ titleNl: `Werkbezoek remanufacturing ${made}`, ...overrides }),
    );
  };

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    // The curated example events exist only in demo mode; load them to see they stay out of the editor.
    await loadKnowledgeContent(database().db, { exampleEventsFrom: new Date("2026-01-01T00:00:00Z") });
    app = await createTestApp(database(), {}, { clock: () => NOW });
  });

  // Sessions of the test's own: a session keeps the language a test chose (?lang=en) for the next page.
  beforeEach(() => {
    signIn = sessionsFor(app);
  });

  it("sends visitors to the login and refuses every role but a provider or a hub's adviser", async () => {
    const anonymous = await app.request("/werkruimte/agenda/nieuw");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/inloggen?terug=%2Fwerkruimte%2Fagenda%2Fnieuw");
    const { session } = await signIn("beheer@demo.invalid");
    expect((await session.get("/werkruimte/agenda")).status).toBe(403);
    const { session: coordinator } = await signIn("coordinator@demo.invalid");
    expect((await coordinator.get("/werkruimte/agenda/nieuw")).status).toBe(403);
  });

  it("links the provider's workspace to its events, and starts with none", async () => {
    // The Versnellingshuis: a provider no test in this suite adds an event for.
    const { session } = await signIn("aanbieder.versnellingshuis@demo.invalid");
    expect(await (await session.get("/werkruimte")).text()).toContain('href="/werkruimte/agenda"');
    const html = await (await session.get("/werkruimte/agenda")).text();
    expect(html).toContain("U heeft geen komende activiteiten op de agenda.");
    expect(html).toContain('href="/werkruimte/agenda/nieuw"');
  });

  it("answers a wrong form with an error summary and keeps what was typed", async () => {
    const providerEvents = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from knowledge_events where origin = 'provider'`,
        )
      )[0]!.n;
    const before = await providerEvents();
    const { session } = await rvo();
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const response = await session.post(
      "/werkruimte/agenda/nieuw",
      { ...validForm({ titleEn: "", registrationUrl: "rvo.nl aanmelden" }) },
      { csrf },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="cl-error-summary"');
    expect(html).toContain(
      '<a class="utrecht-link utrecht-link--html-a" href="#titleEn">Vul de Engelse titel in.</a>',
    );
    expect(html).toContain(
      'href="#registrationUrl">Vul een webadres in dat begint met https:// of http://.</a>',
    );
    expect(html).toContain('value="Spreekuur MIA\\Vamil voor de maakindustrie"');
    expect(html).toContain('aria-invalid="true"');
    expect(await providerEvents()).toBe(before);
  });

  it("saves a new event, records it in the audit log and shows it on the agenda, in the feed and in the API", async () => {
    const { session } = await rvo();
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const response = await session.post("/werkruimte/agenda/nieuw", { ...validForm() }, { csrf });
    expect(response.status).toBe(303);
    const slug = "spreekuur-mia-vamil-voor-de-maakindustrie-2027-04";
    expect(response.headers.get("location")).toBe(`/werkruimte/agenda?opgeslagen#${slug}`);

    const [stored] = await rows<{
      provider_id: string;
      starts_at: string;
      is_example: boolean;
      version: number;
    }>(
      sql`select provider_id, starts_at::text, is_example, version from knowledge_events where slug = ${slug}`,
    );
    expect(stored).toMatchObject({ provider_id: "rvo", is_example: false, version: 1 });
    expect(new Date(stored!.starts_at).toISOString()).toBe("2027-04-08T11:30:00.000Z");
    const [audit] = await rows<{ action: string; actor_label: string }>(
      sql`select action, actor_label from audit_log where subject_type = 'event' and subject_id = ${slug}`,
    );
    expect(audit).toEqual({ action: "event.create", actor_label: "aanbieder@provider-rvo" });

    const listing = await (await session.get("/werkruimte/agenda?opgeslagen")).text();
    expect(listing).toContain("De activiteit is opgeslagen en staat op de openbare agenda.");
    expect(listing).toContain(`href="/werkruimte/agenda/${slug}"`);

    const agenda = await (await app.request("/agenda?regio=ES04")).text();
    expect(agenda).toContain(`id="${slug}"`);
    expect(agenda).toContain("Spreekuur MIA\\Vamil voor de maakindustrie");
    const english = await (await app.request("/agenda?lang=en&regio=ES04")).text();
    expect(english).toContain("MIA\\Vamil office hours for manufacturers");

    const api = (await (await app.request("/api/v1/events?region=ES04&per_page=100")).json()) as {
      contents: { id: string; is_example: boolean; cancelled: boolean; organiser: string }[];
    };
    expect(api.contents.find((event) => event.id === slug)).toMatchObject({
      is_example: false,
      cancelled: false,
      organiser: "RVO",
    });

    const feed = ICAL.Component.fromString(await (await app.request("/agenda.ics?regio=ES04")).text());
    const event = feed
      .getAllSubcomponents("vevent")
      .find((item) => item.getFirstPropertyValue("uid") === `${slug}@agenda.circulair-loket`);
    expect(event?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event?.getFirstPropertyValue("summary")).toBe("Spreekuur MIA\\Vamil voor de maakindustrie");
  });

  it("lets no other provider see or change the event, and keeps curated events out of the editor", async () => {
    const slug = await ownEvent();
    const { session } = await signIn("aanbieder.versnellingshuis@demo.invalid");
    expect((await session.get(`/werkruimte/agenda/${slug}`)).status).toBe(403);
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const refused = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...validForm({ titleNl: "Overgenomen" }), version: "1" },
      { csrf },
    );
    expect(refused.status).toBe(403);
    const [denied] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'event.update' and outcome = 'denied' and subject_id = ${slug}`,
    );
    expect(denied!.n).toBe(2);
    // Its own list shows nothing of RVO's.
    expect(await (await session.get("/werkruimte/agenda")).text()).not.toContain(slug);
    const { session: own } = await rvo();
    const [curated] = await rows<{ slug: string }>(
      sql`select slug from knowledge_events where origin = 'curated' limit 1`,
    );
    expect((await own.get(`/werkruimte/agenda/${curated!.slug}`)).status).toBe(404);
    expect((await own.get("/werkruimte/agenda/Geen%20slug")).status).toBe(404);
  });

  it("refuses a save from an outdated form with 409, keeps the input and changes nothing", async () => {
    const slug = await ownEvent();
    const { session } = await rvo();
    const editor = await (await session.get(`/werkruimte/agenda/${slug}`)).text();
    expect(editor).toContain('name="version" value="1"');
    expect(editor).toContain('value="2027-04-08"');
    expect(editor).toContain('value="13:30"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(editor)![1]!;
    const first = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...validForm({ place: "Het Rozendaal, Enschede" }), version: "1" },
      { csrf },
    );
    expect(first.status).toBe(303);
    const stale = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...validForm({ place: "Wilminktheater, Enschede" }), version: "1" },
      { csrf },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Iemand anders heeft deze activiteit opgeslagen");
    expect(html).toContain('value="Wilminktheater, Enschede"');
    expect(html).toContain('name="version" value="2"');
    const [row] = await rows<{ place: string; version: number }>(
      sql`select place, version from knowledge_events where slug = ${slug}`,
    );
    expect(row).toEqual({ place: "Het Rozendaal, Enschede", version: 2 });
  });

  it("calls an event off: it stays listed as cancelled, in the feed as STATUS:CANCELLED and out of the monitor", async () => {
    // An event that was changed once (version 2) before it is called off.
    const title = { titleNl: "Werkbezoek remanufacturing dat niet doorgaat" };
    const slug = await ownEvent(title);
    const { session } = await rvo();
    const changed = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...validForm({ ...title, place: "Het Rozendaal, Enschede" }), version: "1" },
      { csrf: await session.csrfTokenFrom(`/werkruimte/agenda/${slug}`) },
    );
    expect(changed.status).toBe(303);
    const csrf = await session.csrfTokenFrom(`/werkruimte/agenda/${slug}`);
    const response = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...validForm({ ...title, cancelled: "ja" }), version: "2" },
      { csrf },
    );
    expect(response.status).toBe(303);
    const agenda = await (await app.request("/agenda?regio=ES04")).text();
    const card = agenda.slice(agenda.indexOf(`id="${slug}"`));
    expect(card.slice(0, 600)).toContain("Gaat niet door");
    const feed = ICAL.Component.fromString(await (await app.request("/agenda.ics?regio=ES04")).text());
    const event = feed
      .getAllSubcomponents("vevent")
      .find((item) => item.getFirstPropertyValue("uid") === `${slug}@agenda.circulair-loket`);
    expect(event?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event?.getFirstPropertyValue("sequence")).toBe(2);
    const api = (await (await app.request(`/api/v1/events?region=ES04&per_page=100`)).json()) as {
      contents: { id: string; cancelled: boolean }[];
    };
    expect(api.contents.find((item) => item.id === slug)?.cancelled).toBe(true);
    const list = await (await session.get("/werkruimte/agenda")).text();
    expect(list).toContain("Gaat niet door");
    const [audit] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'event.update' and outcome = 'allowed' and subject_id = ${slug}`,
    );
    expect(audit!.n).toBe(2);
  });

  it("gives a second event with the same title and month its own address", async () => {
    const title = { titleNl: "Spreekuur hergebruik van restmetaal" };
    const slug = await ownEvent(title);
    expect(slug).toBe("spreekuur-hergebruik-van-restmetaal-2027-04");
    const { session } = await rvo();
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const response = await session.post(
      "/werkruimte/agenda/nieuw",
      { ...validForm({ ...title, startDate: "2027-04-22", online: "ja", place: "", regionCode: "" }) },
      { csrf },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/werkruimte/agenda?opgeslagen#${slug}-2`);
    const english = await (await session.get("/werkruimte/agenda?lang=en")).text();
    expect(english).toContain("My events on the agenda");
    expect(english).toContain("Online");
  });
});

/**
 * ADR 0072: a hub's advisers keep the events of their own loket, in the hub's region and under the hub's name; no
 * other hub or provider may change them, every save is audited, and a real hub's event counts toward the region's
 * star, while a demo hub's event never does, in demo mode too (ADRs 0079, 0081).
 */
describeEachDatabase("hubs keep the events of their own loket", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
  let signIn: ReturnType<typeof sessionsFor>;
  const twente = () => signIn("adviseur.es04@demo.invalid");
  const hubForm = (overrides: Partial<ProviderEventFormValues> = {}) =>
    validForm({
      titleNl: "Spreekuur circulair ondernemen in Twente",
      titleEn: "Circular business office hours in Twente",
      organiser: "Iemand anders",
      instrumentRefId: "",
      ...overrides,
    });
  const coverageOf = async (code: string, on = app) =>
    (
      (await (await on.request("/api/v1/monitoring/coverage")).json()) as {
        regions: { code: string; stars: number; missing_for_next_star: string[] }[];
      }
    ).regions.find((region) => region.code === code)!;
  /** Adds Twente's event and returns its slug. */
  const addTwenteEvent = async () => {
    const { session } = await twente();
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const response = await session.post("/werkruimte/agenda/nieuw", { ...hubForm() }, { csrf });
    expect(response.status).toBe(303);
    // The event this call saved, by the address the save redirects to: another test's Twente event has the same
    // title, so "the newest slug" would be a guess.
    const slug = /^\/werkruimte\/agenda\?opgeslagen#(.+)$/.exec(response.headers.get("location")!)![1]!;
    const [row] = await rows<{ slug: string }>(
      sql`select slug from knowledge_events where organisation_id = 'hub-twente' and slug = ${slug}`,
    );
    return row!.slug;
  };

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), {}, { clock: () => NOW });
  });

  // Sessions of the test's own: a session keeps the language a test chose (?lang=en) for the next page.
  beforeEach(() => {
    signIn = sessionsFor(app);
  });

  it("offers only the hub's own region and shows the hub as organiser", async () => {
    const { session } = await twente();
    expect(await (await session.get("/werkruimte")).text()).toContain('href="/werkruimte/agenda"');
    const form = await (await session.get("/werkruimte/agenda/nieuw")).text();
    expect(form).toContain('<option value="ES04"');
    expect(form).not.toContain('<option value="ES23"');
    expect(form).toContain("Circulair Loket Twente (demo)");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const elsewhere = await session.post(
      "/werkruimte/agenda/nieuw",
      { ...hubForm({ regionCode: "ES23" }) },
      { csrf },
    );
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("Kies een regio uit de lijst.");
    const national = await session.post(
      "/werkruimte/agenda/nieuw",
      { ...hubForm({ regionCode: "" }) },
      { csrf },
    );
    expect(national.status).toBe(400);
  });

  it("saves the hub's event under the hub's name in its region, audited; a demo hub's event counts toward no star", async () => {
    const demoApp = await createTestApp(database(), { DEMO: "1" }, { clock: () => NOW });
    const before = await coverageOf("ES04");
    const beforeInDemo = await coverageOf("ES04", demoApp);
    expect(before.missing_for_next_star).toContain("event");
    expect(beforeInDemo.missing_for_next_star).toContain("event");
    const slug = await addTwenteEvent();
    const [stored] = await rows<{
      origin: string;
      organiser: string;
      region_code: string;
      provider_id: string | null;
      is_example: boolean;
    }>(
      sql`select origin, organiser, region_code, provider_id, is_example from knowledge_events where slug = ${slug}`,
    );
    expect(stored).toEqual({
      origin: "hub",
      organiser: "Circulair Loket Twente (demo)",
      region_code: "ES04",
      provider_id: null,
      is_example: false,
    });
    const [audit] = await rows<{ action: string; actor_label: string }>(
      sql`select action, actor_label from audit_log where subject_type = 'event' and subject_id = ${slug}`,
    );
    expect(audit).toEqual({ action: "event.create", actor_label: "adviseur@hub-twente" });
    const agenda = await (await app.request("/agenda?regio=ES04")).text();
    expect(agenda).toContain("Spreekuur circulair ondernemen in Twente");
    expect(agenda).toContain("Circulair Loket Twente (demo)");
    // Twente's hub is a demo hub: its event is on the agenda, but counts toward nothing, with DEMO=0 or DEMO=1.
    for (const [after, was] of [
      [await coverageOf("ES04"), before],
      [await coverageOf("ES04", demoApp), beforeInDemo],
    ] as const) {
      expect(after.missing_for_next_star).toContain("event");
      expect(after.stars).toBe(was.stars);
    }
  });

  it("a real hub's own event counts toward its region's star", async () => {
    const code = "ES03";
    await addAccount(database().db, {
      email: "adviseur@echte-hub-drenthe.test",
      role: "adviseur",
      organisation: {
        id: "test-echte-hub-drenthe",
        kind: "hub",
        name: "Echte hub Drenthe",
        regionCodes: [code],
      },
    });
    const before = await coverageOf(code);
    expect(before.missing_for_next_star).toContain("event");
    const { session } = await signIn("adviseur@echte-hub-drenthe.test");
    const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
    const response = await session.post(
      "/werkruimte/agenda/nieuw",
      { ...hubForm({ regionCode: code, place: "Provinciehuis, Westerbrink 1, Assen" }) },
      { csrf },
    );
    expect(response.status).toBe(303);
    const after = await coverageOf(code);
    expect(after.missing_for_next_star).not.toContain("event");
    expect(after.stars).toBeGreaterThanOrEqual(before.stars);
  });

  it("lets the hub's adviser cancel it, and refuses another hub and a provider, audited", async () => {
    const slug = await addTwenteEvent();
    for (const email of ["adviseur.es23@demo.invalid", "aanbieder.rvo@demo.invalid"]) {
      const { session } = await signIn(email);
      expect((await session.get(`/werkruimte/agenda/${slug}`)).status).toBe(403);
      const csrf = await session.csrfTokenFrom("/werkruimte/agenda/nieuw");
      const refused = await session.post(
        `/werkruimte/agenda/${slug}`,
        { ...hubForm({ titleNl: "Overgenomen" }), version: "1" },
        { csrf },
      );
      expect(refused.status).toBe(403);
      expect(await (await session.get("/werkruimte/agenda")).text()).not.toContain(slug);
    }
    const [denied] = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'hub_event.update' and outcome = 'denied' and subject_id = ${slug}`,
    );
    expect(denied!.n).toBe(4);
    const { session } = await twente();
    const csrf = await session.csrfTokenFrom(`/werkruimte/agenda/${slug}`);
    const cancelled = await session.post(
      `/werkruimte/agenda/${slug}`,
      { ...hubForm({ cancelled: "ja" }), version: "1" },
      { csrf },
    );
    expect(cancelled.status).toBe(303);
    const [row] = await rows<{ cancelled: boolean; title: { nl: string } }>(
      sql`select cancelled, title from knowledge_events where slug = ${slug}`,
    );
    expect(row).toEqual({
      cancelled: true,
      title: expect.objectContaining({ nl: "Spreekuur circulair ondernemen in Twente" }),
    });
    const [allowed] = await rows<{
      actor_label: string;
      detail: { organisationId: string; cancelled: boolean };
    }>(
      sql`select actor_label, detail from audit_log where action = 'event.update' and outcome = 'allowed' and subject_id = ${slug}`,
    );
    expect(allowed).toEqual({
      actor_label: "adviseur@hub-twente",
      detail: expect.objectContaining({ organisationId: "hub-twente", cancelled: true }),
    });
  });
});
