import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { saveListing, sessionsFor, submitIntake } from "../../../tests/factories/index.js";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";

const MIA = "rvo-mia-vamil-circulair";
const MIA_PAGE = "/aanbod/mia-vamil-circulair";
/** A metal company in Enschede that wants money for recycling: the route recommends MIA\Vamil while it is open. */
const PROFILE = {
  municipality: "GM0153",
  sbi: "C",
  employees: 25,
  themes: ["recycling", "productieproces"],
  help: ["financiering"],
};

/**
 * ADR 0044: referrals read instruments from the catalogue, and a provider's listing change is written to the
 * catalogue instrument itself, so every public view shows it at once. The tests change one instrument's listing,
 * so each starts on a fresh database and makes the listing's earlier versions itself (ADR 0090).
 */
describeEachDatabase(
  "provider listings write to the catalogue",
  (database) => {
    const now = new Date("2026-11-27T09:00:00Z");
    let app: Awaited<ReturnType<typeof createTestApp>>;
    let caseId = 0;
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
    const routeRefIds = async () => {
      const response = await app.request("/api/v1/route", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(PROFILE),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { recommendations: { ref_id: string }[] }).recommendations.map(
        (item) => item.ref_id,
      );
    };
    const service = async (refId: string) =>
      (await (await app.request(`/api/v1/services/${refId}`)).json()) as {
        status: string;
        status_detail: string;
        money: { window_open: string | null; window_close: string | null };
      };
    const openServiceRefs = async () =>
      (
        (await (await app.request("/api/v1/services?status=open&per_page=100")).json()) as {
          contents: { ref_id: string }[];
        }
      ).contents.map((item) => item.ref_id);
    const catalogueRow = async (refId: string) =>
      (
        await rows<{ status: string; conditions: { nl: string }; window_close: string | null }>(
          sql`select status, conditions, window_close::text from catalogue_instruments where ref_id = ${refId}`,
        )
      )[0]!;
    let signIn: ReturnType<typeof sessionsFor>;
    /** RVO closes MIA\Vamil (version 1), as in the test that checks closing. */
    const closeMia = async () => {
      const saved = await saveListing(await signIn("aanbieder.rvo@demo.invalid"), MIA, {
        version: 0,
        status: "gesloten",
        opensOn: "2026-01-05",
        closesOn: "2026-11-20",
        terms: "Tot € 1 mln & 45% <script>x</script>",
      });
      expect(saved.status).toBe(303);
    };
    /** RVO reopens it (version 2), as in the test that checks reopening. */
    const reopenMia = async () => {
      const saved = await saveListing(await signIn("aanbieder.rvo@demo.invalid"), MIA, {
        version: 1,
        status: "doorlopend",
        terms: "Tot € 1 mln & 45%",
      });
      expect(saved.status).toBe(303);
    };
    const referralCount = async () =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from referrals`))[0]!.n;

    beforeEach(async () => {
      await seedDemoData(database().db, "demo-wachtwoord");
      app = await createTestApp(database(), {}, { clock: () => now });
      signIn = sessionsFor(app);
      await submitIntake(app);
      caseId = (await rows<{ id: number }>(sql`select id from cases`))[0]!.id;
    });

    it("the dossier offers only instruments the catalogue shows as open or doorlopend", async () => {
      const { session } = await signIn("adviseur.es04@demo.invalid");
      const html = await (await session.get(`/werkruimte/dossiers/${caseId}`)).text();
      expect(html).toContain(`value="${MIA}"`);
      expect(html).toContain('value="vh-maatwerkondersteuning"');
      // Closed (gesloten) and discontinued (historisch) instruments of the curated catalogue are not offered.
      expect(html).not.toContain('value="rvo-circulaire-ketenprojecten"');
      expect(html).not.toContain('value="mit-kennisvoucher"');
    });

    it("refuses a referral to an instrument that does not exist or is closed, with a clear message", async () => {
      const { session, csrf } = await signIn("adviseur.es04@demo.invalid");
      const message = "Graag contact over deze regeling & de voorwaarden.";
      const unknown = await session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId: "bestaat-niet", message },
        { csrf },
      );
      expect(unknown.status).toBe(400);
      const unknownHtml = await unknown.text();
      expect(unknownHtml).toContain("Dit instrument staat niet in het aanbod.");
      expect(unknownHtml).toContain("de voorwaarden");
      const closed = await session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId: "rvo-circulaire-ketenprojecten", message },
        { csrf },
      );
      expect(closed.status).toBe(400);
      expect(await closed.text()).toContain(
        "U kunt niet verwijzen naar Subsidie Circulaire ketenprojecten: het instrument is nu gesloten.",
      );
      expect(await referralCount()).toBe(0);
    });

    it("the provider's form shows the catalogue as it is now", async () => {
      const { session } = await signIn("aanbieder.rvo@demo.invalid");
      const html = await (await session.get("/werkruimte/aanbod")).text();
      expect(html).toContain(`action="/werkruimte/aanbod/${MIA}"`);
      expect(html).toContain(`href="${MIA_PAGE}"`);
      expect(html).toMatch(/<option value="doorlopend" selected="">/);
      expect(html).toContain("Het bedrijfsmiddel staat op de Milieulijst");
      // Only RVO's own instruments.
      expect(html).not.toContain("/werkruimte/aanbod/vh-maatwerkondersteuning");
    });

    it("an aanbieder closes a listing: the instrument page, the services API and the route show it at once", async () => {
      expect(await routeRefIds()).toContain(MIA); // also fills the route's instrument cache
      expect((await service(MIA)).status_detail).toBe("doorlopend");
      expect(await openServiceRefs()).toContain(MIA);

      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const saved = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        {
          version: "0",
          status: "gesloten",
          opensOn: "2026-01-05",
          closesOn: "2026-11-20",
          terms: "Tot € 1 mln & 45% <script>x</script>",
        },
        { csrf },
      );
      expect(saved.status).toBe(303);
      expect(saved.headers.get("location")).toBe("/werkruimte/aanbod?opgeslagen");
      expect(await (await session.get("/werkruimte/aanbod?opgeslagen")).text()).toContain(
        "De wijziging is opgeslagen",
      );

      const page = await (await app.request(MIA_PAGE)).text();
      expect(page).toContain("Gesloten");
      expect(page).toContain("Tot € 1 mln &amp; 45% &lt;script&gt;x&lt;/script&gt;");
      expect(page).not.toContain("<script>x</script>");
      expect(await service(MIA)).toMatchObject({
        status: "inactive",
        status_detail: "gesloten",
        money: { window_open: "2026-01-05", window_close: "2026-11-20" },
      });
      expect(await openServiceRefs()).not.toContain(MIA);
      expect(await routeRefIds()).not.toContain(MIA);

      // One transaction wrote the version, the catalogue row and the audit entry.
      expect(
        await rows(sql`select instrument_ref_id, version, status, provider_id from listing_versions`),
      ).toEqual([{ instrument_ref_id: MIA, version: 1, status: "gesloten", provider_id: "rvo" }]);
      expect(
        await rows(
          sql`select status, last_verified::text, window_open::text from catalogue_instruments where ref_id = ${MIA}`,
        ),
      ).toEqual([{ status: "gesloten", last_verified: "2026-11-27", window_open: "2026-01-05" }]);
      expect(
        await rows(
          sql`select actor_label, subject_id, detail from audit_log where action = 'listing.update' and outcome = 'allowed'`,
        ),
      ).toEqual([
        {
          actor_label: expect.stringContaining("aanbieder"),
          subject_id: MIA,
          detail: { version: 1, from: "doorlopend", to: "gesloten" },
        },
      ]);

      // The adviser can no longer choose it, nor post it by hand.
      const adviseur = await signIn("adviseur.es04@demo.invalid");
      expect(await (await adviseur.session.get(`/werkruimte/dossiers/${caseId}`)).text()).not.toContain(
        `value="${MIA}"`,
      );
      const refused = await adviseur.session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId: MIA, message: "Graag contact over MIA/Vamil." },
        { csrf: adviseur.csrf },
      );
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("het instrument is nu gesloten");
      expect(await referralCount()).toBe(0);
    });

    it("a stale listing edit gets the conflict page, keeps the input and changes nothing", async () => {
      await closeMia();
      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const before = await catalogueRow(MIA);
      const stale = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        {
          version: "0",
          status: "open",
          opensOn: "",
          closesOn: "2027-03-31",
          terms: "Mijn nieuwe voorwaarden",
        },
        { csrf },
      );
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('class="cl-conflict"');
      expect(html).toContain("Mijn nieuwe voorwaarden");
      expect(html).toContain('value="2027-03-31"');
      expect(html).toMatch(/<option value="open" selected="">/);
      // The newest version number, so saving again is a deliberate choice.
      expect(html).toContain('name="version" value="1"');
      expect(await catalogueRow(MIA)).toEqual(before);
      expect(await rows(sql`select count(*)::int as n from listing_versions`)).toEqual([{ n: 1 }]);
    });

    it("an aanbieder cannot edit another provider's listing (403, audited, nothing changed)", async () => {
      await closeMia();
      const { session, csrf } = await signIn("aanbieder.versnellingshuis@demo.invalid");
      const before = await catalogueRow(MIA);
      const response = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        { version: "1", status: "open", opensOn: "", closesOn: "", terms: "Overgenomen" },
        { csrf },
      );
      expect(response.status).toBe(403);
      expect(
        await rows(
          sql`select subject_type, subject_id from audit_log where action = 'listing.update' and outcome = 'denied'`,
        ),
      ).toEqual([{ subject_type: "listing", subject_id: MIA }]);
      expect(await catalogueRow(MIA)).toEqual(before);
      expect(await rows(sql`select count(*)::int as n from listing_versions`)).toEqual([{ n: 1 }]);
      // Its own page does not list RVO's instruments.
      expect(await (await session.get("/werkruimte/aanbod")).text()).not.toContain(MIA);
    });

    it("refuses an end date before the start date and an unknown status, keeping the input (400)", async () => {
      await closeMia();
      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const response = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        { version: "1", status: "open", opensOn: "2027-02-01", closesOn: "2027-01-01", terms: "Nieuw" },
        { csrf },
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("De einddatum ligt voor de begindatum.");
      expect(html).toContain(`href="#${MIA}-closesOn"`);
      expect(html).toContain('value="2027-02-01"');
      const unknown = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        { version: "1", status: "vol", opensOn: "", closesOn: "", terms: "" },
        { csrf },
      );
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain("Kies een status uit de lijst.");
      expect((await catalogueRow(MIA)).status).toBe("gesloten");
    });

    it("reopening the listing brings the instrument back in the route and the referral list", async () => {
      await closeMia();
      expect(await routeRefIds()).not.toContain(MIA);
      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const response = await session.post(
        `/werkruimte/aanbod/${MIA}`,
        { version: "1", status: "doorlopend", opensOn: "", closesOn: "", terms: "Tot € 1 mln & 45%" },
        { csrf },
      );
      expect(response.status).toBe(303);
      expect(await catalogueRow(MIA)).toEqual({
        status: "doorlopend",
        conditions: { nl: "Tot € 1 mln & 45%", en: "Tot € 1 mln & 45%" },
        window_close: null,
      });
      expect(await routeRefIds()).toContain(MIA);
      expect(await openServiceRefs()).toContain(MIA);
      const adviseur = await signIn("adviseur.es04@demo.invalid");
      const referred = await adviseur.session.post(
        `/werkruimte/dossiers/${caseId}/verwijzingen`,
        { refId: MIA, message: "Graag contact over MIA/Vamil." },
        { csrf: adviseur.csrf },
      );
      expect(referred.status).toBe(303);
      expect(await rows(sql`select instrument_ref_id, provider_id from referrals`)).toEqual([
        { instrument_ref_id: MIA, provider_id: "rvo" },
      ]);
    });

    it("two saves of the same version at once: the row lock lets exactly one win, the other gets the conflict", async () => {
      await closeMia();
      await reopenMia();
      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const form = (status: string) => ({ version: "2", status, opensOn: "", closesOn: "", terms: "" });
      const answers = await Promise.all([
        session.post(`/werkruimte/aanbod/${MIA}`, form("verwacht"), { csrf }),
        session.post(`/werkruimte/aanbod/${MIA}`, form("gesloten"), { csrf }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
      const [version] = await rows<{ version: number; status: string }>(
        sql`select version, status from listing_versions order by version desc limit 1`,
      );
      expect(version!.version).toBe(3);
      expect((await catalogueRow(MIA)).status).toBe(version!.status);
    });

    it("the form preselects a recurring scheme's status as the public page shows it; saving another field keeps it", async () => {
      // MIT Haalbaarheidsproject: recorded gesloten, opens every April, so on 27 November 2026 the public page shows
      // verwacht (April 2027). The form must offer that status, and saving only new terms must not change it.
      const MIT = "mit-haalbaarheidsproject";
      const MIT_PAGE = "/aanbod/mit-haalbaarheidsproject";
      const publicBefore = await (await app.request(MIT_PAGE)).text();
      expect(publicBefore).toContain("Opent naar verwachting in april 2027.");
      expect((await service(MIT)).status_detail).toBe("verwacht");
      const noteBefore = (
        await rows<{ status_note: unknown }>(
          sql`select status_note from catalogue_instruments where ref_id = ${MIT}`,
        )
      )[0]!.status_note;

      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const html = await (await session.get("/werkruimte/aanbod")).text();
      const form = html.slice(html.indexOf(`action="/werkruimte/aanbod/${MIT}"`));
      const select = form.slice(0, form.indexOf("</select>"));
      const selected = select.match(/<option value="([a-z]+)" selected="">/)?.[1];
      expect(selected).toBe("verwacht");
      expect(select.match(/selected/g)).toHaveLength(1);
      // Send back what the form holds, as a browser would, with only the terms changed.
      const value = (field: string) => form.match(new RegExp(`name="${field}" value="([^"]*)"`))?.[1] ?? "";
      const saved = await session.post(
        `/werkruimte/aanbod/${MIT}`,
        {
          version: value("version"),
          status: selected!,
          opensOn: value("opensOn"),
          closesOn: value("closesOn"),
          terms: "Nieuwe voorwaarden voor de ronde van 2027.",
        },
        { csrf },
      );
      expect(saved.status).toBe(303);

      const publicAfter = await (await app.request(MIT_PAGE)).text();
      expect(publicAfter).toContain("Opent naar verwachting in april 2027.");
      expect(publicAfter).toContain("Nieuwe voorwaarden voor de ronde van 2027.");
      expect((await service(MIT)).status_detail).toBe("verwacht");
      // The status is recorded as the provider saw it; the curated note on it stays, as the public status did not change.
      expect(
        await rows(sql`select status, status_note from catalogue_instruments where ref_id = ${MIT}`),
      ).toEqual([{ status: "verwacht", status_note: noteBefore }]);
      expect(noteBefore).toMatchObject({ nl: expect.stringContaining("elk jaar in april") });
      const after = await (await session.get("/werkruimte/aanbod")).text();
      const formAfter = after.slice(after.indexOf(`action="/werkruimte/aanbod/${MIT}"`));
      expect(formAfter.slice(0, formAfter.indexOf("</select>"))).toMatch(
        /<option value="verwacht" selected="">/,
      );
    });

    it("a provider sees its listings not checked for 12 months and confirms one with one click, audited", async () => {
      const WBSO = "rvo-wbso";
      const { session, csrf } = await signIn("aanbieder.rvo@demo.invalid");
      const before = await (await session.get("/werkruimte/aanbod")).text();
      // RVO has several stale listings: the plural form, in proper Dutch.
      expect(before).toMatch(/\d+ van uw instrumenten zijn langer dan 12 maanden niet bijgewerkt\./);
      expect(before).not.toContain("van uw aanbod is");
      expect(before).toContain(`action="/werkruimte/aanbod/${WBSO}/actueel"`);
      // One sentence per listing on how current it is: the stale one says only since when it was not updated.
      const card = (html: string) => {
        const start = html.indexOf(`id="${WBSO}-titel"`);
        return html.slice(start, html.indexOf("</section>", start));
      };
      expect(card(before)).toMatch(/Niet bijgewerkt sinds \d+ \w+ \d{4}\./);
      expect(card(before)).not.toContain("Nog niet bijgewerkt");
      expect(card(before)).not.toContain("Laatst gecontroleerd");
      const publicBefore = await (await app.request("/aanbod/wbso")).text();
      expect(publicBefore).toContain("controleer de actuele stand bij de aanbieder");

      const confirmed = await session.post(`/werkruimte/aanbod/${WBSO}/actueel`, {}, { csrf });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get("location")).toBe("/werkruimte/aanbod?bevestigd");
      const [row] = await rows<{ last_verified: string; status: string }>(
        sql`select last_verified::text, status from catalogue_instruments where ref_id = ${WBSO}`,
      );
      expect(row).toEqual({ last_verified: "2026-11-27", status: "doorlopend" });
      const [entry] = await rows<{ action: string; detail: { to: string } }>(
        sql`select action, detail from audit_log where subject_id = ${WBSO} order by id desc limit 1`,
      );
      expect(entry).toMatchObject({ action: "listing.confirm", detail: { to: "2026-11-27" } });
      expect((await service(WBSO)) as unknown).toMatchObject({ assured_date: "2026-11-27" });
      const after = await (await session.get("/werkruimte/aanbod")).text();
      expect(after).not.toContain(`action="/werkruimte/aanbod/${WBSO}/actueel"`);
      expect(card(after)).toContain("Laatst gecontroleerd op 27 november 2026.");
      expect(card(after)).not.toContain("Niet bijgewerkt sinds");

      // Without the CSRF token: refused, nothing changes. Someone who is not the provider: refused.
      const forged = await session.post(`/werkruimte/aanbod/rvo-mia-vamil-circulair/actueel`, {});
      expect(forged.status).toBe(403);
      const adviser = await signIn("adviseur.es04@demo.invalid");
      const refused = await adviser.session.post(
        `/werkruimte/aanbod/${WBSO}/actueel`,
        {},
        { csrf: adviser.csrf },
      );
      expect(refused.status).toBe(403);
    });
  },
  { databasePerTest: (prepared) => seedDemoData(prepared.db, "demo-wachtwoord") },
);
