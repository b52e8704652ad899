import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createDossier, referDossier, submitIntake } from "../../../tests/factories/index.js";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { organisations } from "../auth/index.js";
import { createScanResultsRepository } from "../route/index.js";

/** The option values of one labelled group of the picker, in order. */
function group(html: string, label: string): string[] {
  const found = new RegExp(`<optgroup label="${label}">([\\s\\S]*?)</optgroup>`).exec(html);
  return found ? [...found[1]!.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]!) : [];
}
/** The visible text of one option. */
function optionText(html: string, refId: string): string {
  return new RegExp(`<option value="${refId}"[^>]*>([^<]*)</option>`).exec(html)?.[1] ?? "";
}
const REGION_ONLY = [
  "circulaire-economie-limburg-bewustwording",
  "ut-circulair-utrecht",
  "vereniging-circulair-friesland",
];

describeEachDatabase(
  "the adviser's dossier in words, with a picker that fits the company (issue 15 item 6)",
  (database) => {
    const now = new Date("2026-11-27T09:00:00Z");
    let app: Awaited<ReturnType<typeof createTestApp>>;
    let caseId = 0;
    /** A dossier of the test's own for the same company, for a test that changes it (picks it up, refers it). */
    const ownDossier = async () =>
      (
        await createDossier(app, database().db, {
          companyName: "Draaierij Twente BV",
          regio: "ES04",
          gemeente: "GM0153",
          sector: "C",
        })
      ).caseId;
    const dossierOf = async (path: string, id = caseId) => {
      const { session } = await loginAs(app, "adviseur.es04@demo.invalid");
      return (await session.get(`/werkruimte/dossiers/${id}${path}`)).text();
    };

    beforeAll(async () => {
      await seedDemoData(database().db, "demo-wachtwoord");
      // One provider that takes referrals by e-mail only; Kiemt (Circles Oost-Nederland) has neither account nor address.
      await database()
        .db.insert(organisations)
        .values({
          id: "provider-provincie-overijssel",
          kind: "provider",
          name: "Provincie Overijssel",
          providerId: "provincie-overijssel",
          referralEmail: "verwijzingen@overijssel.example",
        })
        // Installations that make every catalogue provider an organisation already have this one (ADR 0084).
        .onConflictDoUpdate({
          target: organisations.id,
          set: { referralEmail: "verwijzingen@overijssel.example" },
        });
      app = await createTestApp(database(), {}, { clock: () => now });
      await submitIntake(app, {
        companyName: "Draaierij Twente BV",
        regio: "ES04",
        gemeente: "GM0153",
        sector: "C",
      });
      const [row] = await queryRows<{ id: number }>(
        database().db,
        sql`select id from cases where company_name = 'Draaierij Twente BV'`,
      );
      caseId = row!.id;
    });

    it("names the region and the sector in words, not their codes", async () => {
      const html = await dossierOf("");
      expect(html).toContain("<dd>Twente</dd>");
      expect(html).toContain("<dd>Overige industrie en maakbedrijven</dd>");
      expect(html).not.toContain("<dd>ES04</dd>");
      expect(html).not.toContain("<dd>C</dd>");
      const english = await dossierOf("?lang=en");
      expect(english).toContain("<dd>Other manufacturing</dd>");
    });

    it("names the sector the entrepreneur chose (a division), not the broad section it rolls up to", async () => {
      const { caseId: metalCase } = await createDossier(app, database().db, {
        companyName: "Metaalwerk Hengelo BV",
        regio: "ES04",
        gemeente: "GM0164",
        sector: "25",
      });
      const html = await dossierOf("", metalCase);
      expect(html).toContain("<dd>Metaalbewerking</dd>");
      expect(html).not.toContain("<dd>Overige industrie en maakbedrijven</dd>");
      expect(await dossierOf("?lang=en", metalCase)).toContain("<dd>Metalworking</dd>");
      // Monitoring keeps counting by the SBI section.
      const [row] = await queryRows<{ sbi_section: string; sector: string }>(
        database().db,
        sql`select sbi_section, sector from cases where id = ${metalCase}`,
      );
      expect(row).toEqual({ sbi_section: "C", sector: "25" });
    });

    it("offers a Twente company what is usable in Twente: the route's ranking first, the rest by name, others only on request", async () => {
      const html = await dossierOf("");
      const recommended = group(html, "Aanbevolen voor dit bedrijf");
      const fitting = group(html, "Ander aanbod voor deze regio en grootte");
      const offered = [...recommended, ...fitting];
      // Overijssel's own offer and national offer are there; Limburg's, Utrecht's and Friesland's are not.
      expect(offered).toContain("overijssel-mkb-basisinfrastructuur");
      expect(offered).toContain("rvo-mia-vamil-circulair");
      for (const refId of REGION_ONLY) expect(offered).not.toContain(refId);
      expect(html).not.toContain("Buiten de regio of niet voor deze grootte");
      // Only what a company can use today: WBSO is doorlopend, a closed or expected scheme is never offered.
      const statuses = await queryRows<{ ref_id: string; status: string }>(
        database().db,
        sql`select ref_id, status from catalogue_instruments where ref_id in (${sql.join(
          offered.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      expect(statuses.every((row) => row.status === "open" || row.status === "doorlopend")).toBe(true);

      // First the public route's own ranking for this company, as far as it can be referred to today.
      const route = (await (
        await app.request("/api/v1/route", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ municipality: "GM0153", sbi: "C" }),
        })
      ).json()) as { recommendations: { ref_id: string; status: string }[] };
      const usable = route.recommendations
        .filter((item) => item.status !== "verwacht")
        .map((item) => item.ref_id);
      expect(recommended.length).toBeGreaterThan(2);
      expect(recommended).toEqual(usable.filter((refId) => offered.includes(refId)));
      // Then the rest by name.
      const names = fitting.map((refId) => optionText(html, refId).split(" – ")[0]!);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "nl", { sensitivity: "base" })));
      expect(fitting.length).toBeGreaterThan(5);

      // "Toon ook aanbod buiten de regio" is a plain link; the list then warns and marks why each one does not fit.
      expect(html).toContain(`href="/werkruimte/dossiers/${caseId}?buiten_regio=1#verwijzingen"`);
      const wide = await dossierOf("?buiten_regio=1");
      const outside = group(wide, "Buiten de regio of niet voor deze grootte");
      for (const refId of REGION_ONLY) expect(outside).toContain(refId);
      expect(optionText(wide, "ut-circulair-utrecht")).toContain("buiten de regio");
      expect(wide).toContain("Let op: de lijst toont nu ook aanbod buiten de regio van dit bedrijf");
      expect(group(wide, "Aanbevolen voor dit bedrijf")).toEqual(recommended);
    });

    it("shows before sending how each referral reaches its provider", async () => {
      const html = await dossierOf("");
      expect(optionText(html, "rvo-mia-vamil-circulair")).toMatch(/ – via het account van de aanbieder$/);
      expect(optionText(html, "overijssel-mkb-basisinfrastructuur")).toMatch(
        / – per e-mail met een persoonlijke link$/,
      );
      expect(optionText(html, "circles-oost-nederland")).toMatch(
        / – warme overdracht: u neemt zelf contact op$/,
      );
      const english = await dossierOf("?lang=en");
      expect(optionText(english, "rvo-mia-vamil-circulair")).toMatch(
        / – through the provider&#39;s account$|through the provider's account$/,
      );
      expect(optionText(english, "circles-oost-nederland")).toContain(
        "warm handover: you contact the provider yourself",
      );
    });

    it("a company whose scan says it is large is not offered what is only for smaller companies", async () => {
      const scanId = await createScanResultsRepository(database().db).save({
        sizeClass: "groot",
        municipality: "GM0153",
        sbi: "C",
        stage: "invoeren",
        motivations: ["kosten_besparen"],
        themes: [],
        help: ["financiering"],
      });
      await submitIntake(app, { companyName: "Grote Gieterij BV", resultaat: scanId });
      const [row] = await queryRows<{ id: number; scan_result_id: string }>(
        database().db,
        sql`select id, scan_result_id from cases where company_name = 'Grote Gieterij BV'`,
      );
      expect(row!.scan_result_id).toBe(scanId);
      const html = await dossierOf("", row!.id);
      const offered = [
        ...group(html, "Aanbevolen voor dit bedrijf"),
        ...group(html, "Ander aanbod voor deze regio en grootte"),
      ];
      // Circles Oost-Nederland is for micro, small and medium companies only.
      expect(offered).not.toContain("circles-oost-nederland");
      expect(offered).toContain("overijssel-mkb-basisinfrastructuur");
      const wide = await dossierOf("?buiten_regio=1", row!.id);
      expect(optionText(wide, "circles-oost-nederland")).toContain("niet voor deze grootte");
    });

    it("tells the history in words: instrument names, statuses and people by name", async () => {
      const caseId = await ownDossier();
      const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
      const [record] = await queryRows<{ version: number }>(
        database().db,
        sql`select version from cases where id = ${caseId}`,
      );
      expect(
        (
          await session.post(
            `/werkruimte/dossiers/${caseId}/oppakken`,
            { version: String(record!.version) },
            { csrf },
          )
        ).status,
      ).toBe(303);
      const sent = await session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        {
          refId: "rvo-mia-vamil-circulair",
          message: "Investering in een machine voor hergebruik van restmetaal.",
        },
        { csrf },
      );
      expect(sent.status).toBe(303);
      const [opened] = await queryRows<{ version: number }>(
        database().db,
        sql`select version from cases where id = ${caseId}`,
      );
      expect(
        (
          await session.post(
            `/werkruimte/dossiers/${caseId}`,
            { version: String(opened!.version), status: "wachten", nextSteps: "Offerte afwachten." },
            { csrf },
          )
        ).status,
      ).toBe(303);
      const html = await (await session.get(`/werkruimte/dossiers/${caseId}`)).text();
      const history = /<section aria-labelledby="notities"[\s\S]*?<\/ul>/.exec(html)![0];
      expect(history).toContain("Draaierij Twente BV (ondernemer): intake ontvangen");
      expect(history).toContain("Anna Adviseur (Twente): dossier opgepakt");
      expect(history).toMatch(/Anna Adviseur \(Twente\): Verwezen naar MIA/);
      expect(history).toContain("Anna Adviseur (Twente): Status van het dossier: wachten op ondernemer");
      expect(history).not.toContain("rvo-mia-vamil-circulair");
      expect(history).not.toContain("wachten</li>");
      const english = await (await session.get(`/werkruimte/dossiers/${caseId}?lang=en`)).text();
      expect(english).toMatch(/Anna Adviseur \(Twente\): Referred to MIA/);
    });

    it("the referral page and the provider's inbox name the region; the audit log speaks words and names people", async () => {
      const caseId = await ownDossier();
      const referral = {
        id: await referDossier(await loginAs(app, "adviseur.es04@demo.invalid"), caseId),
      };
      const provider = await loginAs(app, "aanbieder.rvo@demo.invalid");
      const page = await (await provider.session.get(`/werkruimte/verwijzingen/${referral!.id}`)).text();
      expect(page).toContain("(KVK 12345678), regio Twente.");
      const inbox = await (await provider.session.get("/werkruimte")).text();
      expect(inbox).toContain('<td class="utrecht-table__cell">Twente</td>');
      expect(inbox).not.toMatch(/>ES04</);

      const admin = await loginAs(app, "beheer@demo.invalid");
      const audit = await (await admin.session.get("/beheer/audit")).text();
      expect(audit).toContain("verwijzing verstuurd");
      expect(audit).toContain(`verwijzing ${referral!.id}`);
      expect(audit).toContain(`dossier ${caseId}`);
      expect(audit).toContain("Anna Adviseur (Twente) (adviseur, ");
      expect(audit).not.toContain(">referral.create<");
      expect(audit).not.toContain(">adviseur@hub-twente<");
      const english = await (await admin.session.get("/beheer/audit?lang=en")).text();
      expect(english).toContain("referral sent");
      expect(english).toContain("(adviser, ");
    });
  },
);
