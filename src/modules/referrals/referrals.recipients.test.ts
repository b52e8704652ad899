import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { submitIntake } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";

/** Issue 15 item 4: every mail in the recipient's language, staff included (users.language, from the invitation). */
describeEachDatabase("staff mails in the recipient's language", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    await rows(sql`update users set language = 'en' where email = 'aanbieder.rvo@demo.invalid'`);
    app = await createTestApp(database());
  });

  it("sends the provider who reads English an English referral mail, and the Dutch adviser Dutch", async () => {
    const ownPage = await submitIntake(app, { companyName: "Taal Test BV" });
    expect(ownPage).toMatch(/\/mijn-aanvraag\//);
    const [record] = await rows<{ id: number }>(
      sql`select id from cases where company_name = 'Taal Test BV'`,
    );
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const referred = await adviser.session.post(
      `/werkruimte/dossiers/${record!.id}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: "Investering in een machine voor hergebruik." },
      { csrf: adviser.csrf },
    );
    expect(referred.status).toBe(303);
    const [toProvider] = await rows<{ subject: string; body: string }>(
      sql`select subject, body from outbox_messages where to_address = 'aanbieder.rvo@demo.invalid'
          and kind = 'referral_sent' order by id desc limit 1`,
    );
    expect(toProvider!.subject).toMatch(/referral/i);
    expect(toProvider!.subject).not.toMatch(/verwijzing/i);
    const [toAdviser] = await rows<{ subject: string }>(
      sql`select subject from outbox_messages where to_address = 'adviseur.es04@demo.invalid'
          and kind = 'intake_notice' order by id desc limit 1`,
    );
    expect(toAdviser!.subject).toMatch(/aanvraag|intake|vraag/i);
  });

  it("sends the adviser who reads English the entrepreneur's message in English", async () => {
    await rows(sql`update users set language = 'en' where email = 'adviseur.es01@demo.invalid'`);
    const ownPage = await submitIntake(app, {
      regio: "ES01",
      gemeente: "GM0014",
      companyName: "Bericht Test BV",
    });
    const path = new URL(ownPage, "http://localhost").pathname;
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(path);
    const sent = await visitor.post(`${path}/bericht`, { tekst: "Kunt u mij bellen?" }, { csrf });
    expect(sent.status).toBe(303);
    const [mail] = await rows<{ subject: string }>(
      sql`select subject from outbox_messages where to_address = 'adviseur.es01@demo.invalid'
          and kind = 'case_message' order by id desc limit 1`,
    );
    expect(mail!.subject).toMatch(/^New message from the entrepreneur/);
  });
});
