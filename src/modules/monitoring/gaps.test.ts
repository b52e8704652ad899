import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { submitIntake } from "../../../tests/factories/index.js";
import { silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createAuditLog } from "../audit/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { createDemandLog } from "./demand.js";
import { createGapRegister } from "./gap-register.js";
import { createGapsService } from "./gaps.service.js";
import { toRegionGeos } from "./monitoring.service.js";
import { curatedFileSources } from "./monitoring.sources.js";
import type { CoverageInstrument } from "./monitoring.types.js";

const now = new Date("2026-12-01T10:00:00Z");
const clock = () => now;

/** The monitor's supply in these tests: small and known, so a gap is a gap by construction. */
const instrument = (refId: string, overrides: Partial<CoverageInstrument>): CoverageInstrument => ({
  id: refId,
  refId,
  slug: refId,
  name: { nl: refId, en: refId },
  kind: "advice",
  journeySteps: ["informeren"],
  phases: ["starter"],
  coverageLevel: "national",
  coverageCodes: [],
  status: "open",
  ...overrides,
});
const SUPPLY: CoverageInstrument[] = [
  // Informeren is served, but only for manufacturing (C): for construction (F) it is a gap.
  instrument("advies-industrie", { sbiSections: ["C"] }),
  // Two advice instruments at inspireren: an overlap.
  instrument("inspiratie-een", { journeySteps: ["inspireren"] }),
  instrument("inspiratie-twee", { journeySteps: ["inspireren"] }),
  // The instrument the provider declines: closed, so it is no supply, but it names the step of the decline.
  instrument("rvo-mia-vamil-circulair", {
    kind: "tax_scheme",
    journeySteps: ["invoering"],
    phases: ["peloton"],
    status: "gesloten",
  }),
];

/**
 * Every test starts from a fresh copy of the seeded database and records the demand (and register entries) it needs
 * through the pages, so it passes alone and in any order (ADR 0090): the tests compare whole lists of demand.
 */
describeEachDatabase(
  "unmet demand, the gap view and the gaps register (ADR 0094)",
  (database) => {
    let app: Awaited<ReturnType<typeof createApp>>;
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
    const demand = (source: string) =>
      rows<{
        region_code: string;
        sector: string | null;
        step: string;
        phase: string | null;
        help: string | null;
      }>(
        sql`select region_code, sector, step, phase, help from demand_records where source = ${source} order by id`,
      );
    const routeByApi = () =>
      app.request("/api/v1/route", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ municipality: "GM0153", sbi: "Q", help: ["advies"] }),
      });
    /** An intake in Twente for manufacturing (C); answers the case id. */
    const intake = async () => {
      await submitIntake(app, { sector: "C" });
      return (await rows<{ id: number }>(sql`select id from cases order by id desc limit 1`))[0]!.id;
    };
    const markNoOffer = async (caseId: number) => {
      const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
      const marked = await session.post(
        `/werkruimte/dossiers/${caseId}/geen-aanbod`,
        { geenAanbodStap: "invoering", geenAanbodFase: "peloton", geenAanbodHulp: "financiering" },
        { csrf },
      );
      expect(marked.status).toBe(303);
    };
    /** The adviser refers the case to MIA\Vamil and RVO declines it with the given reason. */
    const referAndDecline = async (caseId: number, reason: string) => {
      const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
      const provider = await loginAs(app, "aanbieder.rvo@demo.invalid");
      const response = await adviser.session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId: "rvo-mia-vamil-circulair", message: "Bedrijf wil investeren in hergebruik van restmetaal." },
        { csrf: adviser.csrf },
      );
      expect(response.status).toBe(303);
      const referralId = Number(
        /\/werkruimte\/verwijzingen\/(\d+)/.exec(response.headers.get("location")!)![1],
      );
      return (
        await provider.session.post(
          `/werkruimte/verwijzingen/${referralId}/status`,
          { version: "1", to: "afgewezen", reason },
          { csrf: provider.csrf },
        )
      ).status;
    };
    /**
     * The demand of the first four tests: a route for F and the API's route for Q at informeren (Twente), and an
     * intake marked 'geen passend aanbod' and declined for lack of capacity at invoering.
     */
    const recordDemand = async () => {
      expect((await app.request("/route?gemeente=GM0153&sector=F")).status).toBe(200);
      expect((await routeByApi()).status).toBe(200);
      const caseId = await intake();
      await markNoOffer(caseId);
      expect(await referAndDecline(caseId, "geen_capaciteit")).toBe(303);
    };
    const REGISTER_FIELDS = {
      region: "ES04",
      step: "invoering",
      sector: "",
      organisation: "provider-rvo",
      decision: "opschalen",
      deadline: "2026-11-30",
      note: "RVO kijkt of de regeling in 2027 ruimer kan.",
    };
    /** The demand above, and Overijssel's coordinator puts the gap at invoering in the register for RVO: its id. */
    const registerGap = async () => {
      await recordDemand();
      const { session, csrf } = await loginAs(app, "coordinator.overijssel@demo.invalid");
      expect((await session.post("/monitor/gaten", REGISTER_FIELDS, { csrf })).status).toBe(303);
      return (await rows<{ id: number }>(sql`select id from gap_entries`))[0]!.id;
    };
    /** The registered gap, done by its owner (RVO). */
    const finishedGap = async () => {
      const entryId = await registerGap();
      const owner = await loginAs(app, "aanbieder.rvo@demo.invalid");
      const done = await owner.session.post(
        `/werkruimte/gaten/${entryId}`,
        { version: "1", status: "afgerond", note: "Regeling verruimd." },
        { csrf: owner.csrf },
      );
      expect(done.status).toBe(303);
      return entryId;
    };

    beforeEach(async () => {
      const env = loadEnv({ NODE_ENV: "test", DEMO: "0", PAGE_CACHE_SECONDS: "0" });
      app = await createApp({
        env,
        database: database(),
        logger: silentLogger,
        clock,
        // The route ranks nothing: every route is one without usable offer.
        listMatchableInstruments: async () => [],
        monitoringSources: { ...curatedFileSources(), instruments: async () => SUPPLY },
      });
    });

    it("a route without usable offer is demand, once per visitor and day; robots and the API's repeat do not count again", async () => {
      expect((await app.request("/route?gemeente=GM0153&sector=F")).status).toBe(200);
      expect((await app.request("/route?gemeente=GM0153&sector=F")).status).toBe(200);
      expect(
        (await app.request("/route?gemeente=GM0153&sector=F", { headers: { "user-agent": "Googlebot/2.1" } }))
          .status,
      ).toBe(200);
      expect(await demand("route")).toEqual([
        { region_code: "ES04", sector: "F", step: "informeren", phase: "starter", help: null },
      ]);
      // The API's route for another sector counts too, and the same request again does not.
      const post = routeByApi;
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      expect((await demand("route")).map((row) => `${row.sector}:${row.help}`)).toEqual([
        "F:null",
        "Q:advies",
      ]);
      // No visitor is kept: the dedupe key is a keyed hash, and the rollup clears it after its day.
      const [key] = await rows<{ dedupe_key: string }>(sql`select dedupe_key from demand_records limit 1`);
      expect(key!.dedupe_key).not.toMatch(/unknown|127\.0\.0\.1/);
    });

    it("a search for a place and a step with nothing usable is demand; a search without a step is not", async () => {
      expect((await app.request("/aanbod?q=qqxzzywv&gemeente=Enschede")).status).toBe(200);
      expect(await demand("search")).toEqual([]);
      expect(
        (await app.request("/aanbod?q=qqxzzywv&gemeente=Enschede&stap=verankering&fase=koploper")).status,
      ).toBe(200);
      expect(
        (await app.request("/aanbod?q=qqxzzywv&gemeente=Enschede&stap=verankering&fase=koploper")).status,
      ).toBe(200);
      expect(await demand("search")).toEqual([
        { region_code: "ES04", sector: null, step: "verankering", phase: "koploper", help: null },
      ]);
    });

    it("an adviser marks the intake 'geen passend aanbod': demand with the case's region and sector, audited", async () => {
      const caseId = await intake();
      const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
      const page = await (await session.get(`/werkruimte/dossiers/${caseId}`)).text();
      expect(page).toContain(`action="/werkruimte/dossiers/${caseId}/geen-aanbod"`);
      const wrong = await session.post(
        `/werkruimte/dossiers/${caseId}/geen-aanbod`,
        { geenAanbodStap: "", geenAanbodFase: "reus" },
        { csrf },
      );
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      expect(html).toContain('href="#geenAanbodStap"');
      expect(html).toContain("Kies de stap waarbij de ondernemer hulp zoekt.");
      expect(html).toContain("Kies een fase uit de lijst.");
      expect(await demand("intake_no_offer")).toEqual([]);
      const marked = await session.post(
        `/werkruimte/dossiers/${caseId}/geen-aanbod`,
        { geenAanbodStap: "invoering", geenAanbodFase: "peloton", geenAanbodHulp: "financiering" },
        { csrf },
      );
      expect(marked.status).toBe(303);
      expect(await demand("intake_no_offer")).toEqual([
        { region_code: "ES04", sector: "C", step: "invoering", phase: "peloton", help: "financiering" },
      ]);
      expect(
        await rows(
          sql`select subject_id from audit_log where action = 'case.mark_no_offer' and outcome = 'allowed'`,
        ),
      ).toEqual([{ subject_id: String(caseId) }]);
      // Another region's adviser may not (403, recorded).
      const other = await loginAs(app, "adviseur.es23@demo.invalid");
      expect(
        (
          await other.session.post(
            `/werkruimte/dossiers/${caseId}/geen-aanbod`,
            { geenAanbodStap: "invoering" },
            { csrf: other.csrf },
          )
        ).status,
      ).toBe(403);
    });

    it("a provider's decline for lack of capacity is demand at the instrument's step; another reason is not", async () => {
      const caseId = await intake();
      expect(await referAndDecline(caseId, "onvolledig")).toBe(303);
      expect(await demand("decline_capacity")).toEqual([]);
      expect(await referAndDecline(caseId, "geen_capaciteit")).toBe(303);
      expect(await demand("decline_capacity")).toEqual([
        { region_code: "ES04", sector: "C", step: "invoering", phase: "peloton", help: null },
      ]);
    });

    it("the gap view joins supply and demand: a gap has its demand count, per sector too, and overlaps show", async () => {
      await recordDemand();
      const regions = toRegionGeos(await loadGeography(createRegionsRepository(database().db)));
      const service = createGapsService({
        instruments: async () => SUPPLY,
        regions,
        demand: createDemandLog({ db: database().db, secretKey: "x".repeat(32), clock }),
        register: createGapRegister({ db: database().db, audit: createAuditLog(clock), clock }),
        clock,
      });
      const view = await service.forArea({ level: "province", code: "PV23" });
      const cell = (step: string, sector: string) =>
        view.cells.find((row) => row.regionCode === "ES04" && row.step === step && row.sector === sector);
      // Intake and decline at invoering, where nothing is usable: a gap of 2, over all sectors and for C.
      expect(cell("invoering", "")).toMatchObject({ demand: 2, supply: 0, gap: true });
      expect(cell("invoering", "C")).toMatchObject({ demand: 2, supply: 0, gap: true });
      // The route at informeren for F: the one instrument there is for C only.
      expect(cell("informeren", "")).toMatchObject({ demand: 2, supply: 1, gap: false });
      expect(cell("informeren", "F")).toMatchObject({ demand: 1, supply: 0, gap: true });
      expect(cell("informeren", "Q")).toMatchObject({ demand: 1, supply: 0, gap: true });
      expect(view.overlaps).toContainEqual({
        regionCode: "ES04",
        step: "inspireren",
        kind: "advice",
        refIds: ["inspiratie-een", "inspiratie-twee"],
      });

      // The page: the public sees the gap with its count suppressed; the province's coordinator sees it exactly.
      const publicPage = await (await app.request("/monitor/gaten")).text();
      expect(publicPage).toMatch(
        /<td class="utrecht-table__cell">Twente<\/td><td class="utrecht-table__cell">Maatregelen invoeren<\/td><td class="utrecht-table__cell">Alle sectoren<\/td><td class="utrecht-table__cell">&lt;5<\/td><td class="utrecht-table__cell">0<\/td>/,
      );
      expect(publicPage).not.toContain("/monitor/gaten/nieuw");
      // The period in words, not as ISO dates.
      expect(publicPage).toMatch(/Vraag van \d{1,2} [a-z]+ \d{4} tot en met \d{1,2} [a-z]+ \d{4}\./);
      const { session } = await loginAs(app, "coordinator.overijssel@demo.invalid");
      const exact = await (await session.get("/monitor/gaten")).text();
      expect(exact).toMatch(
        /<td class="utrecht-table__cell">Twente<\/td><td class="utrecht-table__cell">Maatregelen invoeren<\/td><td class="utrecht-table__cell">Alle sectoren<\/td><td class="utrecht-table__cell">2<\/td><td class="utrecht-table__cell">0<\/td>/,
      );
      expect(exact).toContain('href="/monitor/gaten/nieuw?regio=ES04&amp;stap=invoering&amp;sector="');
      // The coverage page sets the same gaps against its supply.
      const coverage = await (await app.request("/monitor/dekking")).text();
      expect(coverage).toContain('id="vraag-zonder-aanbod"');
      expect(coverage).toContain("Maatregelen invoeren");
    });

    it("a coordinator puts the gap in the register (validated, audited); one entry per cell; only within their area", async () => {
      await recordDemand();
      const { session, csrf } = await loginAs(app, "coordinator.overijssel@demo.invalid");
      const form = await (await session.get("/monitor/gaten/nieuw?regio=ES04&stap=invoering&sector=")).text();
      expect(form).toContain('<option value="provider-rvo"');
      // Sectors in words, without their SBI letter; none that no company's gap is about (households, embassies).
      expect(form).toMatch(/<option value="F"[^>]*>Bouw en installatie<\/option>/);
      expect(form).not.toContain('<option value="T"');
      expect(form).not.toContain('<option value="U"');
      const fields = REGISTER_FIELDS;
      const wrong = await session.post(
        "/monitor/gaten",
        { ...fields, organisation: "", decision: "toveren", deadline: "morgen" },
        { csrf },
      );
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      for (const field of ["organisation", "decision", "deadline"])
        expect(html).toContain(`href="#${field}"`);
      expect(html).toContain("RVO kijkt of de regeling in 2027 ruimer kan.");
      // Rotterdam-Den Haag lies outside Overijssel.
      expect((await session.post("/monitor/gaten", { ...fields, region: "ES23" }, { csrf })).status).toBe(
        400,
      );
      const made = await session.post("/monitor/gaten", fields, { csrf });
      expect(made.status).toBe(303);
      expect((await session.post("/monitor/gaten", fields, { csrf })).status).toBe(400);
      const [entry] = await rows<{ id: number; organisation_id: string; status: string; version: number }>(
        sql`select id, organisation_id, status, version from gap_entries`,
      );
      expect(entry).toMatchObject({ organisation_id: "provider-rvo", status: "open", version: 1 });
      const entryId = entry!.id;
      expect(
        await rows(sql`select action, subject_type, subject_id from audit_log where action = 'gap.assign'`),
      ).toEqual([{ action: "gap.assign", subject_type: "gap", subject_id: String(entryId) }]);
      // The gap now names who is aan zet, and the deadline that passed shows as overdue.
      const page = await (await session.get("/monitor/gaten")).text();
      expect(page).toContain("Rijksdienst voor Ondernemend Nederland");
      expect(page).toContain("Te laat");
      // A provider may not put gaps in the register at all (403, recorded).
      const provider = await loginAs(app, "aanbieder.rvo@demo.invalid");
      expect((await provider.session.post("/monitor/gaten", fields, { csrf: provider.csrf })).status).toBe(
        403,
      );
    });

    it("the owner's user sees and updates the entry in the workspace; a stale version is refused; another organisation gets 403", async () => {
      const entryId = await registerGap();
      const owner = await loginAs(app, "aanbieder.rvo@demo.invalid");
      const list = await (await owner.session.get("/werkruimte/gaten")).text();
      expect(list).toContain(`href="/werkruimte/gaten/${entryId}"`);
      expect(list).toContain("Te laat");
      const form = await (await owner.session.get(`/werkruimte/gaten/${entryId}`)).text();
      expect(form).toContain('name="status"');
      expect(form).not.toContain('name="organisation"');
      const saved = await owner.session.post(
        `/werkruimte/gaten/${entryId}`,
        {
          version: "1",
          status: "in_behandeling",
          note: "Gesprek met het ministerie gepland.",
          organisation: "provider-versnellingshuis",
        },
        { csrf: owner.csrf },
      );
      expect(saved.status).toBe(303);
      const [entry] = await rows<{ status: string; note: string; organisation_id: string; version: number }>(
        sql`select status, note, organisation_id, version from gap_entries where id = ${entryId}`,
      );
      // The owner changes status and note only: the organisation stays as the coordinator set it.
      expect(entry).toEqual({
        status: "in_behandeling",
        note: "Gesprek met het ministerie gepland.",
        organisation_id: "provider-rvo",
        version: 2,
      });
      const stale = await owner.session.post(
        `/werkruimte/gaten/${entryId}`,
        { version: "1", status: "afgerond", note: "Klaar." },
        { csrf: owner.csrf },
      );
      expect(stale.status).toBe(409);
      expect(await stale.text()).toContain("Iemand anders heeft dit gat net gewijzigd");
      expect(
        await rows(sql`select detail from audit_log where action = 'gap.update' and outcome = 'allowed'`),
      ).toEqual([{ detail: { status: { from: "open", to: "in_behandeling" }, note: "changed" } }]);

      const stranger = await loginAs(app, "aanbieder.versnellingshuis@demo.invalid");
      expect((await stranger.session.get(`/werkruimte/gaten/${entryId}`)).status).toBe(403);
      expect(
        (
          await stranger.session.post(
            `/werkruimte/gaten/${entryId}`,
            { version: "2", status: "afgerond", note: "" },
            { csrf: stranger.csrf },
          )
        ).status,
      ).toBe(403);
      expect(await (await stranger.session.get("/werkruimte/gaten")).text()).not.toContain(
        `/werkruimte/gaten/${entryId}`,
      );
      expect(
        await rows(
          sql`select count(*)::int as n from audit_log where action = 'gap.update' and outcome = 'denied'`,
        ),
      ).toEqual([{ n: 1 }]);

      // Done, it is no longer overdue.
      expect(
        (
          await owner.session.post(
            `/werkruimte/gaten/${entryId}`,
            { version: "2", status: "afgerond", note: "Regeling verruimd." },
            { csrf: owner.csrf },
          )
        ).status,
      ).toBe(303);
      expect(await (await owner.session.get("/werkruimte/gaten")).text()).not.toContain("Te laat");
    });

    it("the region page lists its open gaps with who is aan zet, and links to the barrier form", async () => {
      await finishedGap();
      const html = await (await app.request("/regio/ES04")).text();
      expect(html).toContain('href="/belemmering-melden"');
      // The register entry is done; the sector gap at informeren for F has nobody yet.
      expect(html).toContain("Twente, Informeren, Bouw");
      expect(html).toContain("nog geen organisatie aan zet");
      expect(html).not.toContain("Rijksdienst voor Ondernemend Nederland is aan zet");
      const english = await (await app.request("/regio/ES04?lang=en")).text();
      expect(english).toContain("Report a barrier");
    });

    it("the region page gives an open gap's deadline in words, not as a date code", async () => {
      await registerGap();
      const html = await (await app.request("/regio/ES04")).text();
      expect(html).toContain("Rijksdienst voor Ondernemend Nederland is aan zet");
      expect(html).toContain("uiterlijk 30 november 2026)");
      expect(html).not.toContain("2026-11-30");
      const english = await (await app.request("/regio/ES04?lang=en")).text();
      expect(english).toContain("by 30 November 2026)");
    });

    it("the report reads gaps with owners and status for an area and a period", async () => {
      const entryId = await finishedGap();
      const regions = toRegionGeos(await loadGeography(createRegionsRepository(database().db)));
      const service = createGapsService({
        instruments: async () => SUPPLY,
        regions,
        demand: createDemandLog({ db: database().db, secretKey: "x".repeat(32), clock }),
        register: createGapRegister({ db: database().db, audit: createAuditLog(clock), clock }),
        clock,
      });
      const quarter = await service.forArea(
        { level: "province", code: "PV23" },
        { from: "2026-10-01", to: "2026-12-31" },
      );
      expect(quarter.entries).toMatchObject([
        { regionCode: "ES04", organisationName: expect.any(String), status: "afgerond" },
      ]);
      expect(quarter.cells.find((cell) => cell.step === "invoering" && cell.sector === "")?.entry?.id).toBe(
        entryId,
      );
      const before = await service.forArea(
        { level: "province", code: "PV23" },
        { from: "2026-01-01", to: "2026-03-31" },
      );
      expect(before.cells).toEqual([]);
      const elsewhere = await service.forArea({ level: "region", code: "ES23" });
      expect(elsewhere.entries).toEqual([]);
    });
  },
  { databasePerTest: ({ db }) => seedDemoData(db, "demo-wachtwoord") },
);
