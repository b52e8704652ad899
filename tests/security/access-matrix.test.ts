import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { DEMO_USERS } from "../../src/modules/auth/index.js";
import { addAccount, submitIntake } from "../factories/index.js";
import { browserSession, createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { loginAs } from "../support/workspace.js";

type Route = {
  method: "GET" | "POST";
  path: string;
  allowed: string[];
  /** What is posted (the CSRF token is added); default nothing. */
  form?: Record<string, string>;
  /** How a refusal is answered: 403 (or 404), or 400 where a form explains it at the field. */
  refused?: number[];
};
/** A monitor or barrier route, and whether a visitor without a session may open it. */
type MonitorRoute = Route & { public: boolean };

const RVO_EVENT = "spreekuur-rvo-2027-02";
/** An agenda event kept by the Twente hub for its own loket (ADR 0072). */
const TWENTE_EVENT = "spreekuur-loket-twente-2027-02";
/** A coordinator of one region (Twente), beside the demo's national and provincial (Overijssel) coordinators. */
const TWENTE_COORDINATOR = "coordinator.es04@test.invalid";
const PEOPLE = [
  ...DEMO_USERS.map(({ email, role }) => ({ email, role })),
  { email: TWENTE_COORDINATOR, role: "coordinator" },
];

/**
 * Every workspace, beheer, monitor and barrier route, tried by every role on a dossier of Twente (ES04) referred to
 * RVO and on barrier reports from Twente and Rotterdam (ES23). Whoever the policy does not allow gets 403 and leaves
 * a refusal in the audit log; visitors without a session go to the login from the workspace, may open the public
 * monitor pages, and are refused (403, recorded) the coordinators' pages.
 */
describeEachDatabase("access matrix", (database) => {
  let now = new Date("2026-11-27T09:00:00Z");
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let routes: Route[] = [];
  /** The provider's single-purpose link to a referral (ADR 0086): open, and closed after its outcome. */
  let linkToken = "";
  let closedLinkToken = "";
  let expiredLinkToken = "";
  let monitorRoutes: MonitorRoute[] = [];
  /** The entrepreneur's own page of the Twente dossier (ADR 0085). */
  let ownCasePath = "";
  const sessions = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(
      database(),
      { SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "48" },
      { clock: () => now },
    );
    ownCasePath = (await submitIntake(app)).replace(/\?.*$/, "");
    // A dossier in the national queue: Drenthe (ES03) has no hub that takes intakes (ADR 0081).
    await submitIntake(app, { regio: "ES03", gemeente: "GM1680", companyName: "Landelijk BV" });
    await addAccount(database().db, {
      email: TWENTE_COORDINATOR,
      role: "coordinator",
      organisation: {
        id: "coordinator-es04",
        kind: "coordinator",
        name: "Twente",
        scope: "region",
        regionCodes: ["ES04"],
      },
    });
    // Two barrier reports through the public form: one from Enschede (Twente), one from Rotterdam.
    const reporter = browserSession(app);
    const reportToken = await reporter.csrfTokenFrom("/belemmering-melden");
    for (const gemeente of ["Enschede", "Rotterdam"]) {
      const reported = await reporter.post(
        "/belemmering-melden",
        {
          beschrijving: "Restmateriaal geldt als afval, dus wij mogen het niet terugnemen.",
          onderwerp: "overig",
          gemeente,
        },
        { csrf: reportToken },
      );
      expect(reported.status).toBe(303);
    }
    const barrierIn = async (region: string) =>
      (await rows<{ id: number }>(sql`select id from barriers where region_code = ${region}`))[0]!.id;
    const [twenteBarrier, rotterdamBarrier] = [await barrierIn("ES04"), await barrierIn("ES23")];
    // Twente's report forwarded to RVO, which has workspace accounts: RVO's users read and answer it there (ADR 0096).
    const [toRvo] = await rows<{ id: number }>(
      sql`insert into barrier_forwardings (barrier_id, body_kind, body_name, organisation_id, due_at, created_at)
          values (${twenteBarrier}, 'anders', 'RVO', 'provider-rvo', '2027-01-31T23:59:59Z'::timestamptz, now())
          returning id`,
    );
    // An agenda event kept by RVO, as a provider would have saved it in the workspace.
    await rows(sql`insert into knowledge_events (slug, title, description, starts_at, ends_at, online, organiser,
        is_example, origin, provider_id)
      values (${RVO_EVENT}, '{"nl":"Spreekuur","en":"Office hours"}', '{"nl":"Vragen","en":"Questions"}',
        '2027-02-02T12:00:00Z', '2027-02-02T14:00:00Z', true, 'RVO', false, 'provider', 'rvo')`);
    await rows(sql`insert into knowledge_events (slug, title, description, starts_at, ends_at, online, region_code,
        organiser, is_example, origin, organisation_id)
      values (${TWENTE_EVENT}, '{"nl":"Spreekuur","en":"Office hours"}', '{"nl":"Vragen","en":"Questions"}',
        '2027-02-03T12:00:00Z', '2027-02-03T14:00:00Z', true, 'ES04', 'Circulair Loket Twente (demo)', false, 'hub',
        'hub-twente')`);
    const [record] = await rows<{ id: number }>(sql`select id from cases where region_code = 'ES04'`);
    const [nationalRecord] = await rows<{ id: number }>(sql`select id from cases where region_code = 'ES03'`);
    const adviseur = await loginAs(app, "adviseur.es04@demo.invalid");
    const referred = await adviseur.session.post(
      `/werkruimte/dossiers/${record!.id}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: "Graag contact over MIA/Vamil." },
      { csrf: adviseur.csrf },
    );
    const referralId = /(\d+)$/.exec(referred.headers.get("location")!)![1];
    // A warm handover (Het Groene Brein: no accounts, no referral address) gives the adviser a task (ADR 0086).
    await adviseur.session.post(
      `/werkruimte/dossiers/${record!.id}/verwijzingen`,
      { refId: "groene-brein-kenniskaarten", message: "Graag kennis over circulaire materialen." },
      { csrf: adviseur.csrf },
    );
    const [task] = await rows<{ id: number }>(sql`select id from referral_tasks order by id limit 1`);
    // CIRCO gets referrals at a referral address: three referrals, three links (open, closed, expired).
    const circo = await rows<{ id: string }>(
      sql`update organisations set referral_email = 'verwijzingen@circo.test' where provider_id = 'circo' returning id`,
    );
    if (!circo.length)
      await rows(sql`insert into organisations (id, kind, name, provider_id, referral_email)
                     values ('provider-circo', 'provider', 'CIRCO', 'circo', 'verwijzingen@circo.test')`);
    for (let index = 0; index < 3; index++)
      await adviseur.session.post(
        `/werkruimte/dossiers/${record!.id}/verwijzingen`,
        { refId: "circo-track", message: "Graag een gesprek over circulair ontwerp." },
        { csrf: adviseur.csrf },
      );
    const links = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = 'verwijzingen@circo.test' order by id`,
    );
    const tokens = links.map((mail) => /\/verwijzing\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1]!);
    expect(tokens).toHaveLength(3);
    [linkToken, closedLinkToken, expiredLinkToken] = tokens as [string, string, string];
    const [, closedReferral, expiredReferral] = await rows<{ id: number }>(
      sql`select id from referrals where provider_id = 'circo' order by id`,
    );
    await rows(
      sql`update referrals set status = 'afgewezen', reason_code = 'geen_capaciteit' where id = ${closedReferral!.id}`,
    );
    await rows(
      sql`update referral_links set expires_at = '2026-01-01T00:00:00Z' where referral_id = ${expiredReferral!.id}`,
    );
    // A mail to the Twente adviser: its HTML part is theirs and the beheerder's to read.
    const [adviserMail] = await rows<{ id: number }>(
      sql`select id from outbox_messages where to_address = 'adviseur.es04@demo.invalid' order by id limit 1`,
    );
    const caseId = record!.id;
    const nationalCaseId = nationalRecord!.id;
    const coordinatorSession = await loginAs(app, "coordinator@demo.invalid");
    const nationalReferred = await coordinatorSession.session.post(
      `/werkruimte/dossiers/${nationalCaseId}/verwijzingen`,
      {
        refId: "rvo-mia-vamil-circulair",
        message: "Graag contact over MIA/Vamil, via de landelijke wachtrij.",
      },
      { csrf: coordinatorSession.csrf },
    );
    expect(nationalReferred.status).toBe(303);
    const nationalReferralId = /(\d+)$/.exec(nationalReferred.headers.get("location")!)![1];
    // Beheer (ADR 0084): an open invitation and an account of its own to try the user forms on.
    await addAccount(database().db, {
      email: "medewerker.circo@test.invalid",
      role: "aanbieder",
      organisation: { id: "provider-circo", kind: "provider", name: "CIRCO", providerId: "circo" },
    });
    const [staff] = await rows<{ id: number }>(
      sql`select id from users where email = 'medewerker.circo@test.invalid'`,
    );
    const [invitation] = await rows<{ id: number }>(
      sql`insert into invitations (token_hash, email, display_name, role, organisation_id, created_at, expires_at)
          values ('matrix-open', 'nieuw@pianoo.example', 'Nieuw', 'aanbieder', 'provider-pianoo', ${now}, ${new Date(now.getTime() + 86_400_000)})
          returning id`,
    );
    for (const [index, user] of PEOPLE.entries()) {
      // Login throttling allows ten attempts per client per 15 minutes; move the clock on like a real day would.
      if (index % 5 === 4) now = new Date(now.getTime() + 16 * 60_000);
      sessions.set(
        user.email,
        user.email === "adviseur.es04@demo.invalid" ? adviseur : await loginAs(app, user.email),
      );
    }
    const everyone = PEOPLE.map((user) => user.email);
    const twente = ["adviseur.es04@demo.invalid"];
    const referralSides = ["adviseur.es04@demo.invalid", "aanbieder.rvo@demo.invalid"];
    const providers = ["aanbieder.rvo@demo.invalid", "aanbieder.versnellingshuis@demo.invalid"];
    const beheer = ["beheer@demo.invalid"];
    // Providers keep their own events; a hub's advisers those of their own loket (ADR 0072).
    const eventKeepers = [
      ...providers,
      ...DEMO_USERS.filter((user) => user.role === "adviseur").map((user) => user.email),
    ];
    // The national queue: only the national coordinator works it; the provider sees its own referral from it.
    const nationalQueue = ["coordinator@demo.invalid"];
    const nationalReferralSides = ["coordinator@demo.invalid", "aanbieder.rvo@demo.invalid"];
    // A gap in Twente's register with RVO aan zet (ADR 0094): its area's coordinators and RVO's users keep it.
    const [gap] = await rows<{ id: number }>(
      sql`insert into gap_entries (region_code, step, sector, organisation_id, decision, deadline, created_at, updated_at)
          values ('ES04', 'invoering', '', 'provider-rvo', 'opschalen', '2027-03-31', now(), now()) returning id`,
    );
    const gapKeepers = [
      "coordinator@demo.invalid",
      "coordinator.overijssel@demo.invalid",
      TWENTE_COORDINATOR,
      "aanbieder.rvo@demo.invalid",
    ];
    const gapChange = { version: "1", status: "in_behandeling", note: "Gesprek gepland." };
    routes = [
      { method: "GET", path: "/werkruimte", allowed: everyone },
      { method: "GET", path: "/werkruimte/outbox", allowed: everyone },
      {
        method: "GET",
        path: `/werkruimte/outbox/${adviserMail!.id}/html`,
        allowed: ["adviseur.es04@demo.invalid", "beheer@demo.invalid"],
      },
      { method: "GET", path: `/werkruimte/dossiers/${caseId}`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/oppakken`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/notities`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/verwijzingen`, allowed: twente },
      { method: "POST", path: `/werkruimte/dossiers/${caseId}/maatregelen`, allowed: twente },
      {
        method: "POST",
        path: `/werkruimte/dossiers/${caseId}/geen-aanbod`,
        form: { geenAanbodStap: "invoering" },
        allowed: twente,
      },
      { method: "GET", path: "/werkruimte/gaten", allowed: everyone },
      { method: "GET", path: "/werkruimte/belemmeringen", allowed: everyone },
      {
        method: "GET",
        path: `/werkruimte/belemmeringen/${toRvo!.id}`,
        allowed: ["aanbieder.rvo@demo.invalid"],
      },
      // An empty answer (400 at the field) keeps the forwarding open for every user's turn.
      {
        method: "POST",
        path: `/werkruimte/belemmeringen/${toRvo!.id}`,
        form: { antwoord: "" },
        allowed: ["aanbieder.rvo@demo.invalid"],
      },
      { method: "GET", path: `/werkruimte/gaten/${gap!.id}`, allowed: gapKeepers },
      { method: "POST", path: `/werkruimte/gaten/${gap!.id}`, form: gapChange, allowed: gapKeepers },
      { method: "GET", path: `/werkruimte/verwijzingen/${referralId}`, allowed: referralSides },
      { method: "POST", path: `/werkruimte/verwijzingen/${referralId}/status`, allowed: referralSides },
      { method: "POST", path: `/werkruimte/taken/${task!.id}`, allowed: twente },
      { method: "GET", path: `/werkruimte/dossiers/${nationalCaseId}`, allowed: nationalQueue },
      { method: "POST", path: `/werkruimte/dossiers/${nationalCaseId}`, allowed: nationalQueue },
      { method: "POST", path: `/werkruimte/dossiers/${nationalCaseId}/oppakken`, allowed: nationalQueue },
      { method: "POST", path: `/werkruimte/dossiers/${nationalCaseId}/notities`, allowed: nationalQueue },
      { method: "POST", path: `/werkruimte/dossiers/${nationalCaseId}/verwijzingen`, allowed: nationalQueue },
      { method: "POST", path: `/werkruimte/dossiers/${nationalCaseId}/maatregelen`, allowed: nationalQueue },
      {
        method: "POST",
        path: `/werkruimte/dossiers/${nationalCaseId}/geen-aanbod`,
        form: { geenAanbodStap: "informeren" },
        allowed: nationalQueue,
      },
      {
        method: "GET",
        path: `/werkruimte/verwijzingen/${nationalReferralId}`,
        allowed: nationalReferralSides,
      },
      {
        method: "POST",
        path: `/werkruimte/verwijzingen/${nationalReferralId}/status`,
        allowed: nationalReferralSides,
      },
      { method: "GET", path: "/werkruimte/aanbod", allowed: providers },
      {
        method: "POST",
        path: "/werkruimte/aanbod/rvo-mia-vamil-circulair",
        allowed: ["aanbieder.rvo@demo.invalid"],
      },
      { method: "GET", path: "/werkruimte/agenda", allowed: eventKeepers },
      { method: "GET", path: "/werkruimte/agenda/nieuw", allowed: eventKeepers },
      { method: "POST", path: "/werkruimte/agenda/nieuw", allowed: eventKeepers },
      { method: "GET", path: `/werkruimte/agenda/${RVO_EVENT}`, allowed: ["aanbieder.rvo@demo.invalid"] },
      { method: "POST", path: `/werkruimte/agenda/${RVO_EVENT}`, allowed: ["aanbieder.rvo@demo.invalid"] },
      { method: "GET", path: `/werkruimte/agenda/${TWENTE_EVENT}`, allowed: twente },
      { method: "POST", path: `/werkruimte/agenda/${TWENTE_EVENT}`, allowed: twente },
      { method: "GET", path: "/beheer/betrokkenen", allowed: beheer },
      { method: "POST", path: "/beheer/betrokkenen/export", allowed: beheer },
      { method: "POST", path: "/beheer/betrokkenen/wissen", allowed: beheer },
      { method: "GET", path: "/beheer/audit", allowed: beheer },
      { method: "GET", path: "/beheer", allowed: beheer },
      { method: "GET", path: "/beheer/organisaties", allowed: beheer },
      { method: "GET", path: "/beheer/organisaties?soort=hub", allowed: beheer },
      { method: "GET", path: "/beheer/organisaties/nieuw", allowed: beheer },
      { method: "POST", path: "/beheer/organisaties/nieuw", allowed: beheer },
      { method: "GET", path: "/beheer/organisaties/provider-rvo", allowed: beheer },
      { method: "POST", path: "/beheer/organisaties/provider-rvo", allowed: beheer },
      { method: "GET", path: "/beheer/gebruikers", allowed: beheer },
      { method: "GET", path: "/beheer/gebruikers/uitnodigen", allowed: beheer },
      { method: "POST", path: "/beheer/gebruikers/uitnodigen", allowed: beheer },
      { method: "POST", path: `/beheer/uitnodigingen/${invitation!.id}/opnieuw`, allowed: beheer },
      { method: "POST", path: `/beheer/uitnodigingen/${invitation!.id}/intrekken`, allowed: beheer },
      { method: "POST", path: `/beheer/gebruikers/${staff!.id}/deactiveren`, allowed: beheer },
      { method: "POST", path: `/beheer/gebruikers/${staff!.id}/activeren`, allowed: beheer },
    ];

    const coordinators = [
      "coordinator@demo.invalid",
      "coordinator.overijssel@demo.invalid",
      TWENTE_COORDINATOR,
    ];
    const overijssel = ["coordinator@demo.invalid", "coordinator.overijssel@demo.invalid"];
    const national = ["coordinator@demo.invalid"];
    const goal = (gebied: string) => ({
      indicator: "intake_requests",
      gebied,
      beginwaarde: "0",
      streefwaarde: "10",
      datum: "2027-12-31",
    });
    const [{ id: nationalGoal }] = (await rows<{ id: number }>(
      sql`insert into monitoring_goals (indicator, scope_level, baseline, target, starts_on, deadline)
          values ('intake_requests', 'national', 0, 10, '2026-01-01', '2027-12-31') returning id`,
    )) as [{ id: number }];
    const handled = { categorie: "vergunningen", status: "in_behandeling", instantie: "", notitie: "" };
    const open = (path: string): MonitorRoute => ({ method: "GET", path, allowed: everyone, public: true });
    monitorRoutes = [
      open("/monitor"),
      open("/monitor/sterren.csv"),
      open("/monitor/dekking"),
      open("/monitor/dekking.csv"),
      open("/monitor/regio/ES04"),
      open("/monitor/regio/ES04/cel?stap=invoering&fase=starter"),
      open("/monitor/klantreis?regio=ES04"),
      open("/monitor/klantreis.csv?regio=ES04"),
      open("/monitor/effect"),
      open("/monitor/effect.csv"),
      open("/monitor/doelen"),
      open("/monitor/doelen.csv"),
      open("/belemmering-melden"),
      open("/monitor/gaten"),
      { method: "GET", path: "/monitor/gaten/nieuw?regio=ES04", allowed: coordinators, public: false },
      {
        method: "POST",
        path: "/monitor/gaten",
        form: {
          region: "ES04",
          step: "verankering",
          sector: "",
          organisation: "provider-rvo",
          decision: "aanvullen",
          deadline: "2027-06-30",
          note: "",
        },
        allowed: coordinators,
        public: false,
      },
      { method: "GET", path: `/monitor/gaten/${gap!.id}`, allowed: gapKeepers, public: false },
      {
        method: "POST",
        path: `/monitor/gaten/${gap!.id}`,
        form: { ...gapChange, organisation: "provider-rvo", decision: "opschalen", deadline: "2027-03-31" },
        allowed: gapKeepers,
        public: false,
      },
      // Goals are set and changed for the country by the national coordinator; a province coordinator breaks one
      // down within their province (ADR 0095).
      { method: "POST", path: "/monitor/doelen", form: goal("national"), allowed: national, public: false },
      open(`/monitor/doelen/${nationalGoal}`),
      {
        method: "POST",
        path: `/monitor/doelen/${nationalGoal}`,
        form: { beginwaarde: "0", streefwaarde: "12", datum: "2027-12-31", versie: "1" },
        allowed: national,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/doelen/${nationalGoal}/verdeling`,
        form: { doel_PV23: "4" },
        allowed: ["coordinator.overijssel@demo.invalid"],
        public: false,
      },
      // The coordinator's report: their own area by default, another area only within their own.
      { method: "GET", path: "/monitor/rapport", allowed: coordinators, public: false },
      {
        method: "GET",
        path: "/monitor/rapport?periode=2026-K4&gebied=PV23",
        allowed: overijssel,
        public: false,
      },
      {
        method: "GET",
        path: "/monitor/rapport?periode=2026&gebied=NL&formaat=csv",
        allowed: national,
        public: false,
      },
      { method: "GET", path: "/monitor/belemmeringen", allowed: coordinators, public: false },
      {
        method: "GET",
        path: "/monitor/belemmeringen/jaaroverzicht.csv?jaar=2026",
        allowed: coordinators,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${twenteBarrier}`,
        form: handled,
        allowed: coordinators,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${rotterdamBarrier}`,
        form: handled,
        allowed: national,
        public: false,
      },
      open("/belemmeringen"),
      // The barrier loop (ADR 0096): forward, record an answer and publish, each for the barrier's area only.
      {
        method: "GET",
        path: `/monitor/belemmeringen/${twenteBarrier}`,
        allowed: coordinators,
        public: false,
      },
      { method: "GET", path: `/monitor/belemmeringen/${rotterdamBarrier}`, allowed: national, public: false },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${twenteBarrier}/doorsturen`,
        form: { soort: "omgevingsdienst", naam: "Omgevingsdienst Twente", termijn: "2027-01-31" },
        allowed: coordinators,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${rotterdamBarrier}/doorsturen`,
        form: { soort: "gemeente", naam: "Gemeente Rotterdam", termijn: "2027-01-31" },
        allowed: national,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${twenteBarrier}/antwoord`,
        form: { doorsturing: "0", antwoord: "Per brief ontvangen." },
        allowed: coordinators,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${rotterdamBarrier}/antwoord`,
        form: { doorsturing: "0", antwoord: "Per brief ontvangen." },
        allowed: national,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${twenteBarrier}/publiceren`,
        form: { samenvatting: "Samenvatting.", "publiek-antwoord": "Antwoord.", versie: "1" },
        allowed: coordinators,
        public: false,
      },
      {
        method: "POST",
        path: `/monitor/belemmeringen/${rotterdamBarrier}/publiceren`,
        form: { samenvatting: "Samenvatting.", "publiek-antwoord": "Antwoord.", versie: "1" },
        allowed: national,
        public: false,
      },
    ];
  });

  const deniedCount = async (email: string) =>
    (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id
            where a.outcome = 'denied' and u.email = ${email}`,
      )
    )[0]!.n;

  it("covers every role and every workspace, monitor and barrier route", () => {
    expect(sessions.size).toBe(DEMO_USERS.length + 1);
    expect(new Set(PEOPLE.map((user) => user.role))).toEqual(
      new Set(["adviseur", "aanbieder", "coordinator", "beheerder"]),
    );
    expect(routes).toHaveLength(55);
    expect(monitorRoutes).toHaveLength(38);
  });

  for (const user of PEOPLE)
    it(`${user.email} (${user.role}) is refused, and audited, wherever the policy does not allow it`, async () => {
      const { session, csrf } = sessions.get(user.email)!;
      for (const route of [...routes, ...monitorRoutes]) {
        const before = await deniedCount(user.email);
        const response =
          route.method === "GET"
            ? await session.get(route.path)
            : await session.post(route.path, route.form ?? {}, { csrf });
        const label = `${user.email} ${route.method} ${route.path} ${route.form?.gebied ?? ""} → ${response.status}`;
        if (route.allowed.includes(user.email)) {
          expect([200, 303, 400, 409], label).toContain(response.status);
          expect(await deniedCount(user.email), label).toBe(before);
        } else {
          expect(route.refused ?? [403, 404], label).toContain(response.status);
          expect(await deniedCount(user.email), label).toBe(before + 1);
        }
      }
    });

  it("opens /mijn-aanvraag/* to whoever holds the link, with or without a session; a wrong link is 404, recorded", async () => {
    const wrongPath = "/mijn-aanvraag/AAAAAAAAAAAAAAAAAAAAAAAA";
    const ownRoutes = (path: string): Route[] => [
      { method: "GET", path, allowed: [] },
      { method: "GET", path: `${path}/gegevens.json`, allowed: [] },
      { method: "GET", path: `${path}/intrekken`, allowed: [] },
      {
        method: "POST",
        path: `${path}/bericht`,
        form: { tekst: "Een vraag over mijn aanvraag." },
        allowed: [],
      },
      { method: "POST", path: `${path}/aanvulling`, form: { tekst: "Ons nieuwe nummer." }, allowed: [] },
      // Without the confirmation box: the form answers 400 and nothing is erased.
      { method: "POST", path: `${path}/intrekken`, form: {}, allowed: [] },
    ];
    const refusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where outcome = 'denied' and action like 'own_case.%'`,
        )
      )[0]!.n;
    const visitor = browserSession(app);
    const holders = [
      { label: "visitor", session: visitor, csrf: await visitor.csrfTokenFrom("/mijn-aanvraag") },
      ...PEOPLE.map((user) => ({ label: user.email, ...sessions.get(user.email)! })),
    ];
    for (const { label, session, csrf } of holders) {
      for (const [path, held] of [
        [ownCasePath, true],
        [wrongPath, false],
      ] as const)
        for (const route of ownRoutes(path)) {
          const before = await refusals();
          const response =
            route.method === "GET"
              ? await session.get(route.path)
              : await session.post(route.path, route.form ?? {}, { csrf });
          const what = `${label} ${route.method} ${route.path} → ${response.status}`;
          if (held) {
            // 429: eleven holders from one test address pass the page's message limit (20 an hour), not refused.
            expect([200, 303, 400, 429], what).toContain(response.status);
            expect(await refusals(), what).toBe(before);
          } else {
            expect(response.status, what).toBe(404);
            expect(await refusals(), what).toBe(before + 1);
          }
        }
    }
    // Nobody's tries erased the case.
    expect((await app.request(ownCasePath)).status).toBe(200);
  });

  it("opens /mijn-route/* to whoever holds the link; a wrong link is 404, recorded; the dossier shows it to case readers only", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/mijn-route/bewaren?gemeente=GM0153&sector=25");
    const saved = await visitor.post("/mijn-route", { gemeente: "GM0153", sector: "25" }, { csrf });
    expect(saved.status).toBe(303);
    const routePath = saved.headers.get("location")!.replace(/\?.*$/, "");
    const wrongPath = `/mijn-route/${"B".repeat(43)}`;
    const routeRoutes = (path: string): Route[] => [
      { method: "GET", path, allowed: [] },
      // An old version: the change is refused as a conflict (409), not as a missing right.
      {
        method: "POST",
        path: `${path}/stap/informeren`,
        form: { status: "bezig", versie: "0" },
        allowed: [],
      },
      { method: "POST", path: `${path}/maatregel/x`, form: { status: "bezig", versie: "0" }, allowed: [] },
      { method: "POST", path: `${path}/e-mail`, form: { email: "geen-adres" }, allowed: [] },
    ];
    const refusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where outcome = 'denied' and action like 'mijn_route.%'`,
        )
      )[0]!.n;
    const holders = [
      { label: "visitor", session: visitor, csrf },
      ...PEOPLE.map((user) => ({ label: user.email, ...sessions.get(user.email)! })),
    ];
    for (const { label, session, csrf: token } of holders)
      for (const [path, held] of [
        [routePath, true],
        [wrongPath, false],
      ] as const)
        for (const route of routeRoutes(path)) {
          const before = await refusals();
          const response =
            route.method === "GET"
              ? await session.get(route.path)
              : await session.post(route.path, route.form ?? {}, { csrf: token });
          const what = `${label} ${route.method} ${route.path} → ${response.status}`;
          if (held) {
            // 404 only for the measure code that is not in this route's package; 409 for the old version; 429: the
            // holders share one test address and pass the e-mail form's limit (10 an hour), not refused.
            expect([200, 400, 404, 409, 429], what).toContain(response.status);
            expect(await refusals(), what).toBe(before);
          } else if (response.status === 429 && route.path.endsWith("/e-mail")) {
            // The e-mail form's limit answers before any look-up, for every link alike: it tells nothing.
            expect(await refusals(), what).toBe(before);
          } else {
            expect(response.status, what).toBe(404);
            expect(await refusals(), what).toBe(before + 1);
          }
        }
    // The intake carries the route with consent; the dossier shows it to whoever may read the dossier, no one else.
    const intakeToken = await visitor.csrfTokenFrom(`/intake?regio=ES04`);
    const token = routePath.split("/").pop()!;
    const { intakeFields } = await import("../factories/index.js");
    expect(
      (
        await visitor.post(
          "/intake",
          intakeFields({ companyName: "Route Matrix BV", mijnroute: token, routeDelen: "ja" }),
          { csrf: intakeToken },
        )
      ).status,
    ).toBe(303);
    const [withRoute] = await rows<{ id: number }>(
      sql`select id from cases where company_name = 'Route Matrix BV'`,
    );
    let readers = 0;
    for (const user of PEOPLE) {
      const response = await sessions.get(user.email)!.session.get(`/werkruimte/dossiers/${withRoute!.id}`);
      const html = await response.text();
      const what = `${user.email} → ${response.status}`;
      if (response.status === 200) {
        readers++;
        expect(html, what).toContain("Mijn route van de ondernemer");
      } else expect(html, what).not.toContain("Mijn route van de ondernemer");
    }
    expect(readers).toBeGreaterThan(0);
    expect(readers).toBeLessThan(PEOPLE.length);
  });

  it("shows exact funnel figures only to a coordinator whose area holds the region", async () => {
    const exact = {
      ES04: ["coordinator@demo.invalid", "coordinator.overijssel@demo.invalid", TWENTE_COORDINATOR],
      ES23: ["coordinator@demo.invalid"],
    };
    for (const user of PEOPLE)
      for (const [region, allowed] of Object.entries(exact)) {
        const html = await (
          await sessions.get(user.email)!.session.get(`/monitor/klantreis?regio=${region}`)
        ).text();
        expect(html.includes("&lt;5 betekent"), `${user.email} ${region}`).toBe(
          !allowed.includes(user.email),
        );
      }
  });

  it("lets visitors open the public monitor pages and refuses them, recorded, the coordinators' pages", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/belemmering-melden");
    const anonymousRefusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where outcome = 'denied' and actor_label = 'anoniem'`,
        )
      )[0]!.n;
    for (const route of monitorRoutes) {
      const before = await anonymousRefusals();
      const response =
        route.method === "GET"
          ? await visitor.get(route.path)
          : await visitor.post(route.path, route.form ?? {}, { csrf });
      const label = `${route.method} ${route.path} → ${response.status}`;
      expect(response.status, label).toBe(route.public ? 200 : 403);
      expect(await anonymousRefusals(), label).toBe(before + (route.public ? 0 : 1));
    }
  });

  it("sends visitors without a session to the login page from every workspace route", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/inloggen");
    for (const route of routes) {
      const response =
        route.method === "GET" ? await visitor.get(route.path) : await visitor.post(route.path, {}, { csrf });
      expect(response.status, route.path).toBe(303);
      expect(response.headers.get("location"), route.path).toMatch(/^\/inloggen\?terug=/);
    }
  });

  it("answers a tampered invitation link 404 and a used, expired or withdrawn one 410, each audited", async () => {
    const hash = (token: string) => createHash("sha256").update(token).digest("hex");
    const token = (name: string) => `${name}-${"x".repeat(43 - name.length - 1)}`;
    const day = 86_400_000;
    const links = [
      {
        token: token("gebruikt"),
        status: 410,
        set: { accepted: new Date(now.getTime() - day), withdrawn: null },
      },
      { token: token("verlopen"), status: 410, set: { accepted: null, withdrawn: null }, expired: true },
      { token: token("ingetrokken"), status: 410, set: { accepted: null, withdrawn: now } },
    ];
    for (const [index, link] of links.entries())
      await rows(sql`insert into invitations (token_hash, email, display_name, role, organisation_id, created_at,
            expires_at, accepted_at, withdrawn_at)
          values (${hash(link.token)}, ${`link${index}@pianoo.example`}, 'Link', 'aanbieder', 'provider-pianoo',
            ${new Date(now.getTime() - 10 * day)}, ${new Date(now.getTime() + (link.expired ? -day : day))},
            ${link.set.accepted}, ${link.set.withdrawn})`);
    // Tampered: one character changed, or not a token at all.
    const tampered = [
      { token: `${links[0]!.token.slice(0, -1)}y`, status: 404 },
      { token: "abc", status: 404 },
    ];
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/inloggen");
    const refusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'invitation.open' and outcome = 'denied'`,
        )
      )[0]!.n;
    for (const link of [...links, ...tampered]) {
      for (const method of ["GET", "POST"] as const) {
        const before = await refusals();
        const path = `/uitnodiging/${link.token}`;
        const response =
          method === "GET"
            ? await visitor.get(path)
            : await visitor.post(path, { password: "een lang genoeg wachtwoord" }, { csrf });
        expect(response.status, `${method} ${path}`).toBe(link.status);
        expect(await refusals(), `${method} ${path}`).toBe(before + 1);
      }
    }
    const [made] = await rows<{ n: number }>(
      sql`select count(*)::int as n from users where email like 'link%@pianoo.example'`,
    );
    expect(made!.n).toBe(0);
  });

  it("opens a provider's referral link for whoever holds it, and refuses a used, expired or tampered one, audited", async () => {
    // The token is the capability (ADR 0086): every role and a visitor without a session get the same page.
    const holders = [browserSession(app), ...PEOPLE.map((user) => sessions.get(user.email)!.session)];
    for (const holder of holders) {
      const response = await holder.get(`/verwijzing/${linkToken}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-robots-tag")).toContain("noindex");
    }
    const refusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log
              where action = 'referral_link.use' and outcome = 'denied' and actor_user_id is null`,
        )
      )[0]!.n;
    const tampered = `${linkToken.slice(0, 40)}${linkToken.endsWith("xyz") ? "abc" : "xyz"}`;
    for (const [path, status] of [
      [`/verwijzing/${closedLinkToken}`, 410],
      [`/verwijzing/${expiredLinkToken}`, 410],
      [`/verwijzing/${tampered}`, 404],
      ["/verwijzing/niet-een-token", 404],
    ] as const)
      for (const holder of [browserSession(app), sessions.get("aanbieder.rvo@demo.invalid")!.session]) {
        const before = await refusals();
        expect((await holder.get(path)).status, path).toBe(status);
        expect(await refusals(), path).toBe(before + 1);
      }
  });

  it("opens a barrier's answer link for whoever holds it, and refuses a tampered or used one (404/410), audited", async () => {
    // The token is the capability (ADR 0096), as for a provider's referral link: no session or role is asked.
    const reporter = browserSession(app);
    const csrf = await reporter.csrfTokenFrom("/belemmering-melden");
    await reporter.post(
      "/belemmering-melden",
      {
        beschrijving: "Een restproduct mag niet worden verkocht als grondstof.",
        onderwerp: "overig",
        gemeente: "Enschede",
      },
      { csrf },
    );
    const [barrier] = await rows<{ id: number }>(
      sql`select id from barriers where description like 'Een restproduct%' order by id desc limit 1`,
    );
    const coordinator = sessions.get(TWENTE_COORDINATOR)!;
    const forwarded = await coordinator.session.post(
      `/monitor/belemmeringen/${barrier!.id}/doorsturen`,
      { soort: "omgevingsdienst", naam: "ODT", email: "antwoord@odt.test", termijn: "2027-01-31" },
      { csrf: coordinator.csrf },
    );
    expect(forwarded.status).toBe(303);
    const [mail] = await rows<{ body: string }>(
      sql`select body from outbox_messages where to_address = 'antwoord@odt.test' order by id desc limit 1`,
    );
    const token = /\/belemmering\/antwoord\/([A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
    const holders = [browserSession(app), ...PEOPLE.map((user) => sessions.get(user.email)!.session)];
    for (const holder of holders) {
      const response = await holder.get(`/belemmering/antwoord/${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-robots-tag")).toContain("noindex");
    }
    const refusals = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = 'barrier_link.use' and outcome = 'denied'`,
        )
      )[0]!.n;
    const body = browserSession(app);
    const answerCsrf = await body.csrfTokenFrom(`/belemmering/antwoord/${token}`);
    expect(
      (await body.post(`/belemmering/antwoord/${token}`, { antwoord: "Dat mag wel." }, { csrf: answerCsrf }))
        .status,
    ).toBe(200);
    const tampered = `${token.slice(0, 40)}${token.endsWith("xyz") ? "abc" : "xyz"}`;
    for (const [path, status] of [
      [`/belemmering/antwoord/${token}`, 410],
      [`/belemmering/antwoord/${tampered}`, 404],
      ["/belemmering/antwoord/niet-een-token", 404],
    ] as const)
      for (const holder of [browserSession(app), sessions.get("adviseur.es04@demo.invalid")!.session]) {
        const before = await refusals();
        expect((await holder.get(path)).status, path).toBe(status);
        expect(await refusals(), path).toBe(before + 1);
      }
  });

  it("answers 404 for dossiers and referrals that do not exist", async () => {
    const { session } = sessions.get("adviseur.es04@demo.invalid")!;
    expect((await session.get("/werkruimte/dossiers/999999")).status).toBe(404);
    expect((await session.get("/werkruimte/verwijzingen/999999")).status).toBe(404);
    expect((await session.get("/werkruimte/dossiers/abc")).status).toBe(404);
  });

  it("refuses every form without a valid CSRF token, and nothing changes", async () => {
    const forms = [
      ...[...routes, ...monitorRoutes]
        .filter((route) => route.method === "POST")
        .map((route) => ({ path: route.path, user: route.allowed[0]! })),
      { path: "/uitloggen", user: "coordinator@demo.invalid" },
    ];
    const count = async () =>
      (
        await rows<{ n: number }>(
          sql`select (select count(*) from case_notes) + (select count(*) from referrals) + (select count(*) from measures)
                + (select count(*) from listing_versions) + (select sum(version) from knowledge_events where origin in ('provider', 'hub')) + (select count(*) from sessions) + (select sum(version) from cases)
                + (select count(*) from monitoring_goals) + (select count(*) from barriers where status <> 'nieuw')
                + (select count(*) from barrier_forwardings) + (select sum(version) from barriers)
                + (select sum(version) from organisations) + (select count(*) from organisations)
                + (select sum(version) from invitations) + (select count(*) from invitations)
                + (select sum(version) from users) as n`,
        )
      )[0]!.n;
    const before = await count();
    for (const form of forms) {
      const { session } = sessions.get(form.user)!;
      for (const token of [undefined, "vals-token"]) {
        const response = await session.post(
          form.path,
          { version: "1", note: "x", status: "wachten" },
          { csrf: token },
        );
        expect(response.status, `${form.path} ${token}`).toBe(403);
        expect(await response.text()).toContain("Formulier verlopen");
      }
    }
    const visitor = browserSession(app);
    await visitor.get("/intake?regio=ES04");
    for (const path of ["/intake", "/inloggen", "/wachtwoord-vergeten", "/wachtwoord-herstellen"])
      expect(
        (await visitor.post(path, { email: "beheer@demo.invalid", password: "demo-wachtwoord" })).status,
        path,
      ).toBe(403);
    expect(await count()).toBe(before);
  });
});
