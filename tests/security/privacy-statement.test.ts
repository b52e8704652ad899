import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { submitIntake } from "../factories/index.js";
import { createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { loginAs } from "../support/workspace.js";

/**
 * Item 7 of issue 13: /privacy says who sees what, the consent text at intake names what a provider sees, and the
 * product shows a provider exactly that: company name, KVK number, region, contact name and e-mail and the adviser's
 * message; never the phone number, the question or the notes.
 */
const PERSON = {
  contactName: "Ilse Verwijsbaar",
  email: "ilse@verwijsbaar-bedrijf.nl",
  phone: "06 5555 1234",
  companyName: "Verwijsbaar Hout BV",
  kvk: "87654321",
  question: "Wij zoeken een afnemer voor zaagsel uit onze werkplaats.",
};
const NOTE = "Belt liever na vier uur.";
const MESSAGE = "Bedrijf wil investeren in een machine voor hergebruik van zaagsel.";

describeEachDatabase("who sees what: the privacy statement and the provider's view", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let referralPath = "";

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database());
    await submitIntake(app, PERSON);
    const [created] = await queryRows<{ id: number }>(
      database().db,
      sql`select id from cases where contact_email = ${PERSON.email}`,
    );
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    await adviser.session.post(
      `/werkruimte/dossiers/${created!.id}/notities`,
      { note: NOTE },
      { csrf: adviser.csrf },
    );
    const referred = await adviser.session.post(
      `/werkruimte/dossiers/${created!.id}/verwijzingen`,
      { refId: "rvo-mia-vamil-circulair", message: MESSAGE },
      { csrf: adviser.csrf },
    );
    expect(referred.status).toBe(303);
    referralPath = referred.headers.get("location")!;
  });

  it("/privacy names, in Dutch and English, what advisers, providers, coordinators and administrators see", async () => {
    const nl = (await (await app.request("/privacy?lang=nl")).text()).replace(/\s+/g, " ");
    expect(nl).toContain("Wie ziet wat");
    expect(nl).toContain(
      "ziet bij die verwijzing alleen: uw bedrijfsnaam, KVK-nummer, regio, naam en e-mailadres, en het bericht van de adviseur",
    );
    expect(nl).toContain("niet uw telefoonnummer, niet uw vraag");
    expect(nl).toContain("zien verder alleen cijfers");
    // Intakes from a region without a desk go to the national queue (ADR 0081): the statement says who handles them.
    expect(nl).toContain("behandelt uw aanvraag als er in uw regio geen loket is dat aanvragen aanneemt");
    expect(nl).not.toContain("alleen met het regionale loket");
    const en = (await (await app.request("/privacy?lang=en")).text()).replace(/\s+/g, " ");
    expect(en).toContain("Who sees what");
    expect(en).toContain("company name, KVK number, region, name and e-mail address, and the");
    expect(en).toContain("does not see your phone number, your question or the notes");
    expect(en).toContain("see figures");
  });

  it("/privacy names the addresses kept for Mijn route and for alerts, with the retention period from RETENTION_MONTHS", async () => {
    // Another retention period than the default: the statement follows the configuration, not a fixed "24".
    const configured = await createTestApp(database(), { RETENTION_MONTHS: "18" });
    const nl = (await (await configured.request("/privacy?lang=nl")).text()).replace(/\s+/g, " ");
    expect(nl).not.toContain("24 maanden");
    expect(nl).toContain("Na het afsluiten van uw dossier maken we uw gegevens na 18 maanden onherkenbaar.");
    expect(nl).toContain("Als u de link van Mijn route per e-mail vraagt");
    expect(nl).toContain("Bevestigt u niet binnen 7 dagen, dan wissen wij uw adres.");
    expect(nl).toContain(
      "Na de bevestiging sturen wij de link één keer en wissen wij uw adres na 18 maanden.",
    );
    expect(nl).toContain("Als u meldingen aanvraagt (Houd me op de hoogte)");
    expect(nl).toContain("zolang u meldingen wilt krijgen");
    expect(nl).toContain("In elke e-mail staat een link om u met één klik af te melden.");
    expect(nl).toContain(
      "30 dagen nadat wij u het antwoord hebben gestuurd, en anders 18 maanden nadat de melding",
    );
    const en = (await (await configured.request("/privacy?lang=en")).text()).replace(/\s+/g, " ");
    expect(en).not.toContain("24 months");
    expect(en).toContain("After your case is closed, we make your data unrecognisable after 18 months.");
    expect(en).toContain("When you ask for the link of Mijn route by e-mail");
    expect(en).toContain(
      "After the confirmation we send the link once and erase your address after 18 months.",
    );
    expect(en).toContain("When you sign up for alerts (Keep me informed)");
    expect(en).toContain("Every e-mail has a link to unsubscribe in one click.");
    // The default (24) where nothing is configured.
    expect(await (await app.request("/privacy?lang=nl")).text()).toContain("24 maanden onherkenbaar");
  });

  it("the consent text at intake names the same fields, in Dutch and English", async () => {
    const nl = await (await app.request("/intake?regio=ES04&lang=nl")).text();
    expect(nl).toContain(
      "ziet de aanbieder van die ondersteuning mijn bedrijfsnaam, KVK-nummer, regio, naam en e-mailadres en het bericht van de adviseur; niet mijn telefoonnummer en niet mijn vraag",
    );
    const en = await (await app.request("/intake?regio=ES04&lang=en")).text();
    expect(en).toContain(
      "the provider of that support sees my company name, KVK number, region, name and e-mail address and the adviser&#39;s message; not my phone number and not my question",
    );
    const [consent] = await queryRows<{ text_version: string }>(
      database().db,
      sql`select c.text_version from consents c join cases k on k.id = c.case_id where k.contact_email = ${PERSON.email}`,
    );
    expect(consent!.text_version).toBe("intake-toestemming-2026-12-v2");
  });

  it("the provider of the referred instrument sees exactly those fields, not the phone, the question or the notes", async () => {
    const provider = await loginAs(app, "aanbieder.rvo@demo.invalid");
    const response = await provider.session.get(referralPath);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The region by name (issue 15 item 6), not its code.
    for (const shown of [
      PERSON.companyName,
      PERSON.kvk,
      "regio Twente",
      PERSON.contactName,
      PERSON.email,
      MESSAGE,
    ])
      expect(html).toContain(shown);
    for (const hidden of [PERSON.phone, PERSON.phone.replaceAll(" ", ""), PERSON.question, NOTE])
      expect(html).not.toContain(hidden);
    // Another provider sees nothing of it.
    const other = await loginAs(app, "aanbieder.versnellingshuis@demo.invalid");
    expect([403, 404]).toContain((await other.session.get(referralPath)).status);
  });

  it("the hub's adviser sees the whole dossier, phone and question included", async () => {
    const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
    const [created] = await queryRows<{ id: number }>(
      database().db,
      sql`select id from cases where contact_email = ${PERSON.email}`,
    );
    const html = await (await adviser.session.get(`/werkruimte/dossiers/${created!.id}`)).text();
    for (const shown of [PERSON.phone, PERSON.question, NOTE, PERSON.kvk]) expect(html).toContain(shown);
  });
});
