import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createDossier, submitIntake } from "../factories/index.js";
import { openTestDatabase } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { expectNoAxeViolations, launchBrowser } from "./support/browser.js";
import { signedIn as signedInAs, startPublicServer } from "./support/public-server.js";

const STEP_TIMEOUT = 180_000;
const REFERRAL_ADDRESS = "verwijzingen@circo.test";

/**
 * Issue 15 item 2 in Chromium (ADR 0086): an adviser refers a company to CIRCO, which has no account but a referral
 * address; the stored mail carries an absolute link on the public address; the provider follows it without an
 * account, accepts, and later records the outcome; the link then stops working. Zero axe violations on every
 * /verwijzing page.
 */
describe("a provider without an account answers a referral through its link, in Chromium", () => {
  let database: DatabaseHandle;
  let browser: Browser;
  let baseUrl = "";
  let close = async () => {};
  let app: Awaited<ReturnType<typeof startPublicServer>>["app"];

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    await seedDemoData(database.db, DEMO_PASSWORD);
    await database.db.execute(
      sql`insert into organisations (id, kind, name, provider_id, referral_email)
          values ('provider-circo-e2e', 'provider', 'CIRCO', 'circo', ${REFERRAL_ADDRESS})
          on conflict (id) do nothing`,
    );
    await database.db.execute(
      sql`update organisations set referral_email = ${REFERRAL_ADDRESS} where provider_id = 'circo'`,
    );
    const server = await startPublicServer(database);
    baseUrl = server.baseUrl;
    close = server.close;
    app = server.app;
    await submitIntake(server.app, { companyName: "Kringloop Keramiek BV" });
    browser = await launchBrowser();
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await close();
    await database?.close();
  });

  const signedIn = (email: string) => signedInAs(browser, baseUrl, email);

  it(
    "the adviser refers to CIRCO; CIRCO follows the mailed link without an account, answers, records the outcome, and the link stops working",
    async () => {
      let linkUrl = "";
      // One journey, one test: each step continues the one before, and the test stands alone (ADR 0090).
      // 1. the adviser refers the company to CIRCO and reads how CIRCO receives it
      {
        const page = await signedIn("adviseur.es04@demo.invalid");
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/werkruimte/dossiers/")),
          page.click("text=Kringloop Keramiek BV"),
        ]);
        const dossierPath = new URL(page.url()).pathname;
        await page.click(`form[action="${dossierPath}/oppakken"] button`);
        await page.selectOption("#refId", "circo-track");
        await page.fill(
          "#message",
          "Wil haar producten circulair ontwerpen; graag een plek in de CIRCO-track.",
        );
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/werkruimte/verwijzingen/")),
          page.click(`form[action="${dossierPath}/verwijzingen"] button`),
        ]);
        expect(await page.textContent("#bezorging + p")).toContain("mail op zijn adres voor verwijzingen");
        await expectNoAxeViolations(page);
        await page.context().close();
      }
      // 2. the stored mail to the referral address holds one absolute link on the public address
      {
        const page = await signedIn("beheer@demo.invalid");
        await page.goto(`${baseUrl}/werkruimte/outbox`);
        const mail = page.locator("article", { hasText: REFERRAL_ADDRESS }).first();
        const body = (await mail.locator(".cl-outbox-body").textContent()) ?? "";
        expect(body).not.toContain("Kringloop");
        const links = body.match(/https?:\/\/\S+/g) ?? [];
        expect(links).toHaveLength(1);
        linkUrl = links[0]!;
        expect(linkUrl.startsWith(`${baseUrl}/verwijzing/`)).toBe(true);
        await page.context().close();
      }
      // 3. the provider follows the link without an account, asks a question and accepts
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        const response = await page.goto(linkUrl);
        expect(response?.status()).toBe(200);
        expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
        expect(await page.textContent("main")).toContain("Kringloop Keramiek BV");
        await expectNoAxeViolations(page);
        // Sending without a choice: the error summary, then the answer.
        await page.click(`form[action="${new URL(linkUrl).pathname}"] button`);
        expect(await page.textContent(".cl-error-summary")).toContain("Kies wat u doet");
        await expectNoAxeViolations(page);
        await page.fill("#question", "Is er al een ontwerp van het eerste product?");
        await page.click('form[action$="/vraag"] button');
        expect(await page.textContent("[role=status]")).toContain("Uw vraag is verstuurd");
        await page.selectOption("#to", "geaccepteerd");
        await page.click(`form[action="${new URL(linkUrl).pathname}"] button`);
        expect(await page.textContent("[role=status]")).toContain("Uw antwoord is opgeslagen");
        expect(await page.textContent("main")).toContain("Is de ondernemer geholpen?");
        await expectNoAxeViolations(page);
        // The same page in English.
        await page.goto(`${linkUrl}?lang=en`);
        expect(await page.textContent("h1")).toContain("Referral:");
        await expectNoAxeViolations(page);
        // WCAG 1.4.10: at 320 CSS px the page does not scroll sideways, in either language.
        await page.setViewportSize({ width: 320, height: 640 });
        for (const lang of ["nl", "en"]) {
          await page.goto(`${linkUrl}?lang=${lang}`);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          expect(scrollWidth, lang).toBeLessThanOrEqual(innerWidth);
        }
        if (process.env.SCREENSHOT_DIR)
          await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/verwijzing-320.png`, fullPage: true });
        await context.close();
      }
      // 4. later the provider records that the company was helped, and the link stops working
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(linkUrl);
        await page.selectOption("#to", "afgerond_geholpen");
        await page.click(`form[action="${new URL(linkUrl).pathname}"] button`);
        expect(await page.textContent("h1")).toBe("Dank u wel");
        await expectNoAxeViolations(page);
        const again = await page.goto(linkUrl);
        expect(again?.status()).toBe(410);
        expect(await page.textContent("h1")).toBe("Deze link werkt niet meer");
        await expectNoAxeViolations(page);
        const tampered = await page.goto(`${linkUrl.slice(0, -3)}abc`);
        expect(tampered?.status()).toBe(404);
        await expectNoAxeViolations(page);
        await context.close();
        // The adviser sees the outcome, by the link, and the provider's question.
        const adviser = await signedIn("adviseur.es04@demo.invalid");
        const [referral] = await queryRows<{ id: number }>(
          database.db,
          sql`select id from referrals where provider_id = 'circo'`,
        );
        await adviser.goto(`${baseUrl}/werkruimte/verwijzingen/${referral!.id}`);
        const text = (await adviser.textContent("main")) ?? "";
        expect(text).toContain("afgerond – geholpen");
        expect(text).toContain("aanbieder (via deze link)");
        expect(text).toContain("Is er al een ontwerp van het eerste product?");
        await adviser.context().close();
      }
    },
    4 * STEP_TIMEOUT,
  );

  it(
    "a referral to a provider with neither an account nor an address is a warm handover with a task",
    async () => {
      // A dossier of its own: the CIRCO test picks up and refers the Kringloop dossier, in either order.
      const { caseId } = await createDossier(app, database.db, { companyName: "Groene Keramiek BV" });
      const page = await signedIn("adviseur.es04@demo.invalid");
      await page.goto(`${baseUrl}/werkruimte/dossiers/${caseId}`);
      await page.selectOption("#refId", "groene-brein-kenniskaarten");
      await page.fill("#message", "Zoekt kennis over circulaire keramiek; graag de kenniskaarten.");
      await Promise.all([
        page.waitForURL((url) => url.pathname.startsWith("/werkruimte/verwijzingen/")),
        page.click(`form[action="/werkruimte/dossiers/${caseId}/verwijzingen"] button`),
      ]);
      const referralPath = new URL(page.url()).pathname;
      expect(await page.textContent("#bezorging + p")).toContain("Warme overdracht");
      await expectNoAxeViolations(page);
      // The task is in the queue under "Taken", and completing it without a choice shows the error summary.
      await page.goto(`${baseUrl}/werkruimte?filter=taken`);
      expect(await page.textContent("main")).toContain("Warme overdracht opvolgen");
      await expectNoAxeViolations(page);
      await page.click(`a[href="${referralPath}#taken"]`);
      await page.click('form[action^="/werkruimte/taken/"] button');
      expect(await page.textContent(".cl-error-summary")).toContain("Kies wat er is gebeurd");
      await expectNoAxeViolations(page);
      await page.selectOption('select[name="resolution"]', "aanbieder_accepteert");
      await page.click('form[action^="/werkruimte/taken/"] button');
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/warme-overdracht.png`, fullPage: true });
      const text = (await page.textContent("main")) ?? "";
      expect(text).toContain("afgerond op");
      expect(text).toContain("geaccepteerd");
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
