import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createDossier, referDossier } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { formatDate } from "../../i18n/index.js";

/**
 * After the entrepreneur withdraws consent (ADR 0085) the adviser's dossier says so in words: closed, consent
 * withdrawn on that day, personal data removed (no placeholder values shown as data), and nothing left that would
 * refer or contact the person; the server refuses a referral with a clear message.
 */
describeEachDatabase("the adviser's dossier after consent is withdrawn", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database());
  });

  it("is closed, says consent was withdrawn and data removed, offers no referral, and refuses one", async () => {
    const { caseId, ownPath, fields } = await createDossier(app, database().db, {
      contactName: "Priya Intrekker",
      kvk: "87654321",
    });
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const pickUp = await adviser.session.post(
      `/werkruimte/dossiers/${caseId}/oppakken`,
      { version: "1" },
      { csrf: adviser.csrf },
    );
    expect(pickUp.status).toBe(303);
    await referDossier(adviser, caseId);

    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(`${ownPath}/intrekken`);
    expect((await visitor.post(`${ownPath}/intrekken`, { bevestig: "ja" }, { csrf })).status).toBe(200);

    // The dossier is closed, and its history keeps the withdrawal as an event.
    const [record] = await rows<{ status: string; closed: boolean; anonymised: boolean }>(
      sql`select status, closed_at is not null as closed, anonymised_at is not null as anonymised
          from cases where id = ${caseId}`,
    );
    expect(record).toEqual({ status: "afgesloten", closed: true, anonymised: true });
    const [withdrawal] = await rows<{ created_at: string | Date }>(
      sql`select created_at from case_notes where case_id = ${caseId} and kind = 'event'
          and body = 'toestemming_ingetrokken'`,
    );
    expect(withdrawal).toBeDefined();
    const withdrawnOn = formatDate(new Date(withdrawal!.created_at), "nl");

    const page = await adviser.session.get(`/werkruimte/dossiers/${caseId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`De ondernemer heeft op ${withdrawnOn} de toestemming ingetrokken.`);
    expect(html).toContain("Daarom zijn de persoonsgegevens verwijderd en is het dossier afgesloten.");
    expect(html).toContain(`Ingetrokken op ${withdrawnOn}.`);
    expect(html).not.toContain("voor: intake, advies en verwijzing");
    // The status reads closed, not "in behandeling".
    expect(html).toContain('<span class="cl-tag">afgesloten</span>');
    expect(html).not.toContain('<span class="cl-tag">in behandeling</span>');
    // No placeholder values shown as data: they read "verwijderd".
    for (const placeholder of ["00000000", "geanonimiseerd", fields.contactName, fields.email, "87654321"])
      expect(html).not.toContain(placeholder);
    expect(html).toContain("<dd>verwijderd</dd>");
    // Nothing that would refer, change or contact: no referral form and no other form on the dossier.
    for (const action of ["verwijzingen", "oppakken", "notities", "maatregelen", "geen-aanbod"])
      expect(html).not.toContain(`action="/werkruimte/dossiers/${caseId}/${action}"`);
    expect(html).not.toContain(`action="/werkruimte/dossiers/${caseId}"`);
    expect(html).not.toContain("Verwijs naar een instrument");

    // A referral posted anyway (an old tab) is refused in words, and nothing is sent.
    const [before] = await rows<{ n: number }>(
      sql`select count(*)::int as n from referrals where case_id = ${caseId}`,
    );
    const refused = await adviser.session.post(
      `/werkruimte/dossiers/${caseId}/verwijzingen`,
      { refId: "circo-track", message: "Graag contact over hergebruik van restmetaal." },
      { csrf: adviser.csrf },
    );
    expect(refused.status).toBe(409);
    const refusal = await refused.text();
    expect(refusal).toContain("Dit kan niet meer. De persoonsgegevens van dit dossier zijn verwijderd.");
    expect(refusal).toContain('role="alert"');
    const [after] = await rows<{ n: number }>(
      sql`select count(*)::int as n from referrals where case_id = ${caseId}`,
    );
    expect(after!.n).toBe(before!.n);
  });
});
