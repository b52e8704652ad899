import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addAccount } from "../../../tests/factories/index.js";
import { browserSession, silentLogger } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { createApp } from "../../app.js";
import { loadEnv } from "../../config/env.js";
import { type DatabaseHandle, queryRows } from "../../db/client.js";
import type { Area } from "../auth/index.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { CONTACT_CONSENT, createBarriersService, validateBarrier } from "./barriers.service.js";

const form = {
  description:
    "De omgevingsdienst ziet onze houtreststromen als afval, zodat wij ze niet mogen hergebruiken.",
  theme: "afval_en_grondstoffen",
  rule: "",
  municipality: "Enschede",
  contactName: "",
  contactEmail: "",
  consent: false,
};
const find = (name: string) => (name === "Enschede" ? { code: "GM0153" } : undefined);

describe("validateBarrier", () => {
  it("accepts a complete anonymous report", () => {
    expect(validateBarrier(form, find)).toEqual([]);
  });
  it("names every wrong field", () => {
    expect(
      validateBarrier(
        { ...form, description: "kort", theme: "", municipality: "Atlantis", contactEmail: "geen-mail" },
        find,
      ).map((problem) => `${problem.field}:${problem.code}`),
    ).toEqual([
      "beschrijving:tooShort",
      "onderwerp:chooseTheme",
      "gemeente:unknownMunicipality",
      "email:invalidEmail",
      "toestemming:consentNeeded",
    ]);
  });
  it("contact details need an e-mail address and consent", () => {
    expect(validateBarrier({ ...form, contactName: "An" }, find).map((p) => p.code)).toEqual([
      "contactNeeded",
      "consentNeeded",
    ]);
  });
});

/** Coordinators of Overijssel (a province) and of Rotterdam Den Haag (a region), who sign in like anyone else. */
async function barrierCoordinators(handle: DatabaseHandle) {
  await addAccount(handle.db, {
    email: "coordinator.pv23@test.invalid",
    role: "coordinator",
    organisation: {
      id: "coordinator-pv23",
      kind: "coordinator",
      name: "Overijssel",
      scope: "province",
      regionCodes: ["ES04", "ES05"],
    },
  });
  await addAccount(handle.db, {
    email: "coordinator.es23@test.invalid",
    role: "coordinator",
    organisation: {
      id: "coordinator-es23",
      kind: "coordinator",
      name: "Rotterdam Den Haag",
      scope: "region",
      regionCodes: ["ES23"],
    },
  });
}

// Each test gets a fresh copy with the two coordinators (ADR 0090): the tests list and count the whole register.
describeEachDatabase(
  "barrier register",
  (database) => {
    let app: Awaited<ReturnType<typeof createApp>>;
    beforeEach(async () => {
      app = await createApp({
        env: loadEnv({ NODE_ENV: "test", DEMO: "0" }),
        database: database(),
        logger: silentLogger,
      });
    });

    it("from a route, the form has the municipality filled in by name; an unknown code fills in nothing", async () => {
      const html = await (await app.request("/belemmering-melden?gemeente=GM0153")).text();
      expect(html).toMatch(/<input[^>]*name="gemeente"[^>]*value="Enschede"/);
      const unknown = await (await app.request("/belemmering-melden?gemeente=GM9999")).text();
      expect(unknown).not.toMatch(/<input[^>]*name="gemeente"[^>]*value="[^"]/);
    });

    it("the public form re-shows errors with a summary and keeps the input, then stores a report with consent", async () => {
      const session = browserSession(app);
      const csrf = await session.csrfTokenFrom("/belemmering-melden");
      const bad = await session.post(
        "/belemmering-melden",
        { beschrijving: "Te kort", onderwerp: "", gemeente: "Enschede" },
        { csrf },
      );
      expect(bad.status).toBe(400);
      const html = await bad.text();
      expect(html).toContain("Er is een probleem");
      expect(html).toContain('href="#beschrijving"');
      expect(html).toContain("Te kort");
      const good = await session.post(
        "/belemmering-melden",
        {
          beschrijving: form.description,
          onderwerp: "afval_en_grondstoffen",
          gemeente: "Enschede",
          naam: "An de Vries",
          email: "an@example.nl",
          toestemming: "ja",
        },
        { csrf },
      );
      expect(good.status).toBe(303);
      // The thank-you page names the reference and says the answer comes by mail (an address was left with consent).
      const location = good.headers.get("location")!;
      expect(location).toMatch(/^\/belemmering-melden\/bedankt\?kenmerk=B-\d{4}-\d{5}&mail=ja$/);
      const thanks = await (await app.request(location)).text();
      expect(thanks).toContain(
        `Het kenmerk van uw melding is ${new URLSearchParams(location.split("?")[1]).get("kenmerk")}.`,
      );
      expect(thanks).toContain("U krijgt een e-mail zodra de verantwoordelijke instantie heeft geantwoord.");
      // Without an address: no mail promised, the public page named; a made-up reference is not shown.
      const anonymous = await (
        await app.request("/belemmering-melden/bedankt?kenmerk=<script>&mail=nee&lang=en")
      ).text();
      expect(anonymous).toContain("You left no e-mail address");
      expect(anonymous).toContain('href="/belemmeringen?lang=en"');
      expect(anonymous).not.toContain("reference is");
      const [row] = await queryRows<Record<string, string>>(
        database().db,
        sql`select region_code, reporter_kind, consent_version, consent_purpose, contact_email from barriers`,
      );
      expect(row).toEqual({
        region_code: "ES04",
        reporter_kind: "company",
        consent_version: CONTACT_CONSENT.version,
        consent_purpose: CONTACT_CONSENT.purpose,
        contact_email: "an@example.nl",
      });
    });

    it("refuses a post without a valid form token", async () => {
      const response = await browserSession(app).post(
        "/belemmering-melden",
        { beschrijving: "x" },
        { csrf: "nep" },
      );
      expect(response.status).toBe(403);
    });

    it("coordinators see and handle only reports in their scope; others get 403", async () => {
      expect((await app.request("/monitor/belemmeringen")).status).toBe(403);
      const geography = await loadGeography(createRegionsRepository(database().db));
      const service = createBarriersService({ db: database().db, geography });
      // A company's report from Enschede (Twente, in Overijssel) and an adviser's from Rotterdam.
      await service.report({ ...form, municipality: "Enschede" }, "company");
      const advisorReport = await service.report({ ...form, municipality: "Rotterdam" }, "advisor");
      const twente: Area = { level: "province", code: "PV23" };
      const southHolland: Area = { level: "region", code: "ES23" };
      expect((await service.list(twente)).map((row) => row.regionCode)).toEqual(["ES04"]);
      expect((await service.list(southHolland)).map((row) => row.id)).toEqual([advisorReport]);
      const change = {
        category: "vergunningen" as const,
        responsibleBody: "DCMR",
        status: "doorgestuurd" as const,
        note: "",
      };
      // Overijssel's coordinator may not handle a report from Rotterdam: refused (403) and the refusal recorded.
      const overijssel = await loginAs(app, "coordinator.pv23@test.invalid");
      const outside = await overijssel.session.post(
        `/monitor/belemmeringen/${advisorReport}`,
        { categorie: "vergunningen", status: "doorgestuurd", instantie: "DCMR", notitie: "" },
        { csrf: overijssel.csrf },
      );
      expect(outside.status).toBe(403);
      const refusals = await queryRows<{ subject_id: string }>(
        database().db,
        sql`select subject_id from audit_log where action = 'barrier.update' and outcome = 'denied'`,
      );
      expect(refusals).toEqual([{ subject_id: String(advisorReport) }]);
      expect(await service.update(advisorReport, change)).toBe(true);

      const { session } = await loginAs(app, "coordinator.es23@test.invalid");
      const csrf = await session.csrfTokenFrom("/monitor/belemmeringen");
      const updated = await session.post(
        `/monitor/belemmeringen/${advisorReport}`,
        {
          categorie: "vergunningen",
          status: "opgelost",
          instantie: "DCMR Milieudienst Rijnmond",
          notitie: "",
        },
        { csrf },
      );
      expect(updated.status).toBe(303);
      const csv = await session.get(
        `/monitor/belemmeringen/jaaroverzicht.csv?jaar=${new Date().getUTCFullYear()}`,
      );
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const text = await csv.text();
      expect(text).toContain("Vergunningen en toezicht,opgelost,1,DCMR Milieudienst Rijnmond");
      expect(text).not.toContain("Houtreststromen");
    });

    it("a signed-in adviser's report is marked as an adviser's, as the policy says", async () => {
      await addAccount(database().db, {
        email: "adviseur.es05@test.invalid",
        role: "adviseur",
        organisation: { id: "hub-es05", kind: "hub", name: "Loket West-Overijssel", regionCodes: ["ES05"] },
      });
      const { session, csrf } = await loginAs(app, "adviseur.es05@test.invalid");
      const sent = await session.post(
        "/belemmering-melden",
        { beschrijving: form.description, onderwerp: "vergunningen", gemeente: "Zwolle" },
        { csrf },
      );
      expect(sent.status).toBe(303);
      const [row] = await queryRows<{ reporter_kind: string }>(
        database().db,
        sql`select reporter_kind from barriers where municipality_code = 'GM0193'`,
      );
      expect(row?.reporter_kind).toBe("advisor");
    });

    it("limits reports per client", async () => {
      // A client of its own (an address behind a trusted proxy), so the other tests' reports, in any order, neither
      // count toward this client's limit nor get refused because of it.
      const behindProxy = await createApp({
        env: loadEnv({ NODE_ENV: "test", DEMO: "0", TRUST_PROXY: "1" }),
        database: database(),
        logger: silentLogger,
      });
      const session = browserSession({
        request: (input: string, init: RequestInit = {}) =>
          behindProxy.request(input, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": "192.0.2.77" },
          }),
      });
      const csrf = await session.csrfTokenFrom("/belemmering-melden");
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await session.post("/belemmering-melden", { beschrijving: "" }, { csrf })).status);
      expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
      expect(statuses[10]).toBe(429);
    });
  },
  { databasePerTest: barrierCoordinators },
);
