import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { submitIntake } from "../factories/index.js";
import { createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { loginAs } from "../support/workspace.js";

/**
 * Item 6 of issue 13: a measure names a referral of its own dossier only. Another dossier's referral (in another
 * region), an unknown id and an id beyond PostgreSQL's integer range are form errors (400, the error summary, the
 * typed input kept), never a link across dossiers, a redirect or a 500.
 */
describeEachDatabase("a measure links only to its own dossier's referrals", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let ownCase = 0;
  let ownReferral = 0;
  let foreignReferral = 0;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database());
    await submitIntake(app, { regio: "ES04", email: "twente@maatregel.test" });
    await submitIntake(app, {
      regio: "ES23",
      gemeente: "Rotterdam",
      email: "rotterdam@maatregel.test",
    });
    const cases = await rows<{ id: number; region_code: string }>(
      sql`select id, region_code from cases where contact_email like '%@maatregel.test' order by id`,
    );
    ownCase = cases.find((row) => row.region_code === "ES04")!.id;
    const foreignCase = cases.find((row) => row.region_code === "ES23")!.id;
    const insertReferral = async (caseId: number) =>
      (
        await rows<{ id: number }>(
          sql`insert into referrals (case_id, instrument_ref_id, provider_id, message, status, created_at, updated_at)
              values (${caseId}, 'test-instrument', 'rvo', 'Verwijzing voor de test', 'verstuurd', now(), now()) returning id`,
        )
      )[0]!.id;
    ownReferral = await insertReferral(ownCase);
    foreignReferral = await insertReferral(foreignCase);
  });

  const measure = (referralId: string) => ({
    description: `Restklei hergebruikt (${referralId || "geen"})`,
    materialKg: "120",
    euro: "",
    co2eKg: "",
    basis: "geschat",
    referralId,
  });

  it.each([
    ["another region's referral", () => String(foreignReferral)],
    ["an unknown referral", () => "999999"],
    ["an id beyond the integer range", () => "99999999999"],
    ["not a number", () => "12abc"],
  ])("refuses %s with 400, the error summary and the input kept", async (_name, referralId) => {
    const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
    const form = measure(referralId());
    const response = await session.post(`/werkruimte/dossiers/${ownCase}/maatregelen`, form, { csrf });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#referralId"');
    expect(html).toContain("Kies een verwijzing uit dit dossier");
    expect(html).toContain(`value="${form.description}"`);
    expect(html).toContain('value="120"');
    const [linked] = await rows<{ n: number }>(
      sql`select count(*)::int as n from measures where description = ${form.description}`,
    );
    expect(linked!.n).toBe(0);
  });

  it("links a measure to the dossier's own referral, and one without a referral", async () => {
    const { session, csrf } = await loginAs(app, "adviseur.es04@demo.invalid");
    const page = await (await session.get(`/werkruimte/dossiers/${ownCase}`)).text();
    expect(page).toContain(`<option value="${ownReferral}"`);
    expect(page).not.toContain(`<option value="${foreignReferral}"`);
    for (const referralId of [String(ownReferral), ""]) {
      const response = await session.post(
        `/werkruimte/dossiers/${ownCase}/maatregelen`,
        measure(referralId),
        { csrf },
      );
      expect(response.status).toBe(303);
    }
    const stored = await rows<{ referral_id: number | null }>(
      sql`select referral_id from measures where case_id = ${ownCase} order by id`,
    );
    expect(stored.map((row) => row.referral_id)).toEqual([ownReferral, null]);
  });
});
