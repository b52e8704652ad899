import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { openTestDatabase } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { expectNoAxeViolations, launchBrowser } from "./support/browser.js";
import { signedIn as signedInAs, startPublicServer } from "./support/public-server.js";

const STEP_TIMEOUT = 180_000;
const REPORTER = "melder@keramiek.test";
const BODY_ADDRESS = "antwoord@odtwente.test";
const ANSWER =
  "Restklei die u direct weer in uw eigen productie gebruikt, is een bijproduct en geen afval. U hebt daarvoor geen vergunning nodig.";
const SUMMARY = "Een keramiekbedrijf mocht restklei uit de eigen productie niet opnieuw gebruiken.";

/**
 * Issue 18 item 6 in Chromium (ADR 0096): a reporter leaves an address with consent; the Overijssel coordinator
 * forwards the report to the omgevingsdienst with an address; the answer comes through the single-purpose link; the
 * coordinator publishes an anonymised summary; the reporter's mail with the answer is in the outbox and the answer is
 * on /belemmeringen. Zero axe violations on every page, in Dutch and English.
 */
describe("the barrier loop closes, in Chromium", () => {
  let database: DatabaseHandle;
  let browser: Browser;
  let baseUrl = "";
  let close = async () => {};

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    await seedDemoData(database.db, DEMO_PASSWORD);
    const server = await startPublicServer(database);
    baseUrl = server.baseUrl;
    close = server.close;
    browser = await launchBrowser();
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await close();
    await database?.close();
  });

  const signedIn = (email: string) => signedInAs(browser, baseUrl, email);

  it(
    "a barrier report goes from the reporter through the coordinator and the omgevingsdienst's link to a published answer",
    async () => {
      let barrierPath = "";
      let linkUrl = "";
      // One journey, one test: each step continues the one before, and the test stands alone (ADR 0090).
      // 1. the reporter sees per-field errors, then reports with an address and consent
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${baseUrl}/belemmering-melden`);
        await page.fill("#beschrijving", "Te kort");
        await page.fill("#email", "melder@");
        await page.click('form[action="/belemmering-melden"] button');
        const summary = (await page.textContent(".cl-error-summary")) ?? "";
        expect(summary).toContain("De beschrijving is te kort");
        expect(summary).toContain("Dit is geen geldig e-mailadres");
        expect(await page.inputValue("#email")).toBe("melder@");
        await expectNoAxeViolations(page);
        await page.fill(
          "#beschrijving",
          "Wij mogen onze restklei niet opnieuw gebruiken omdat de omgevingsdienst het als afval ziet.",
        );
        await page.check("#onderwerp-afval_en_grondstoffen");
        await page.fill("#gemeente", "Enschede");
        await page.fill("#naam", "Fatima de Vries");
        await page.fill("#email", REPORTER);
        await page.check("#toestemming");
        await Promise.all([
          page.waitForURL((url) => url.pathname === "/belemmering-melden/bedankt"),
          page.click('form[action="/belemmering-melden"] button'),
        ]);
        await context.close();
      }
      // 2. the coordinator forwards it to the omgevingsdienst with an answer link
      {
        const page = await signedIn("coordinator.overijssel@demo.invalid");
        await page.goto(`${baseUrl}/monitor/belemmeringen`);
        await expectNoAxeViolations(page);
        const open = page.locator("a", { hasText: "Doorsturen, antwoord en publicatie" }).first();
        barrierPath = (await open.getAttribute("href")) ?? "";
        await page.goto(`${baseUrl}${barrierPath}`);
        await expectNoAxeViolations(page);
        // Without a kind and with a bad date: per-field errors.
        await page.fill("#termijn", "2020-01-01");
        await page.click(`form[action="${barrierPath}/doorsturen"] button`);
        const summary = (await page.textContent(".cl-error-summary")) ?? "";
        expect(summary).toContain("Kies de soort instantie");
        expect(summary).toContain("Kies een datum na vandaag");
        await expectNoAxeViolations(page);
        const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        await page.selectOption("#soort", "omgevingsdienst");
        await page.fill("#naam", "Omgevingsdienst Twente");
        await page.fill("#email", BODY_ADDRESS);
        await page.fill("#termijn", due);
        await page.click(`form[action="${barrierPath}/doorsturen"] button`);
        expect(await page.textContent("[role=status]")).toContain("antwoordlink");
        await page.goto(`${baseUrl}${barrierPath}?lang=en`);
        await expectNoAxeViolations(page);
        await page.context().close();

        const beheer = await signedIn("beheer@demo.invalid");
        await beheer.goto(`${baseUrl}/werkruimte/outbox`);
        const mail = beheer.locator("article", { hasText: BODY_ADDRESS }).first();
        const body = (await mail.locator(".cl-outbox-body").textContent()) ?? "";
        expect(body).not.toContain("Fatima");
        const links = body.match(/https?:\/\/\S+/g) ?? [];
        expect(links).toHaveLength(1);
        linkUrl = links[0]!;
        expect(linkUrl.startsWith(`${baseUrl}/belemmering/antwoord/`)).toBe(true);
        await beheer.context().close();
      }
      // 3. the omgevingsdienst answers through the link, once
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        const response = await page.goto(linkUrl);
        expect(response?.status()).toBe(200);
        expect(await page.textContent("main")).toContain("restklei");
        expect(await page.textContent("main")).not.toContain("Fatima");
        await expectNoAxeViolations(page);
        await page.click(`form[action="${new URL(linkUrl).pathname}"] button`);
        expect(await page.textContent(".cl-error-summary")).toContain("Schrijf het antwoord");
        await expectNoAxeViolations(page);
        await page.goto(`${linkUrl}?lang=en`);
        await expectNoAxeViolations(page);
        await page.fill("#antwoord", ANSWER);
        await page.click(`form[action="${new URL(linkUrl).pathname}"] button`);
        expect(await page.textContent("h1")).toBe("Thank you for your answer");
        const again = await page.goto(linkUrl);
        expect(again?.status()).toBe(410);
        await expectNoAxeViolations(page);
        await context.close();
      }
      // 4. the coordinator publishes a summary; the reporter's mail holds the answer and the public page shows it
      {
        const page = await signedIn("coordinator.overijssel@demo.invalid");
        await page.goto(`${baseUrl}${barrierPath}`);
        expect(await page.inputValue("#publiek-antwoord")).toBe(ANSWER);
        await page.fill("#samenvatting", SUMMARY);
        await page.click(`form[action="${barrierPath}/publiceren"] button`);
        expect(await page.textContent("[role=status]")).toContain("Gepubliceerd");
        await expectNoAxeViolations(page);
        await page.context().close();

        const beheer = await signedIn("beheer@demo.invalid");
        await beheer.goto(`${baseUrl}/werkruimte/outbox`);
        const mail = beheer.locator("article", { hasText: REPORTER }).first();
        const body = (await mail.locator(".cl-outbox-body").textContent()) ?? "";
        expect(body).toContain("Beste Fatima de Vries,");
        expect(body).toContain(ANSWER);
        const id = barrierPath.split("/").pop();
        expect(body).toContain(`${baseUrl}/belemmeringen/${id}`);
        await beheer.context().close();

        const context = await browser.newContext();
        const visitor = await context.newPage();
        for (const lang of ["nl", "en"]) {
          await visitor.setViewportSize({ width: 1280, height: 900 });
          await visitor.goto(`${baseUrl}/belemmeringen?q=restklei&lang=${lang}`);
          const main = (await visitor.textContent("main")) ?? "";
          expect(main).toContain(SUMMARY);
          expect(main).toContain(ANSWER);
          expect(main).not.toContain("Fatima");
          await expectNoAxeViolations(visitor);
          if (process.env.SCREENSHOT_DIR)
            await visitor.screenshot({
              path: `${process.env.SCREENSHOT_DIR}/belemmeringen-1280-${lang}.png`,
              fullPage: true,
            });
          await visitor.setViewportSize({ width: 390, height: 844 });
          await visitor.goto(`${baseUrl}/belemmeringen?lang=${lang}`);
          if (process.env.SCREENSHOT_DIR)
            await visitor.screenshot({
              path: `${process.env.SCREENSHOT_DIR}/belemmeringen-390-${lang}.png`,
              fullPage: true,
            });
          await visitor.setViewportSize({ width: 320, height: 640 });
          for (const path of ["/belemmeringen", `/belemmeringen/${id}`]) {
            await visitor.goto(`${baseUrl}${path}?lang=${lang}`);
            await expectNoAxeViolations(visitor);
            const { scrollWidth, innerWidth } = await visitor.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            expect(scrollWidth, `${path} ${lang}`).toBeLessThanOrEqual(innerWidth);
          }
        }
        // The monitor's public tab leads here instead of to the coordinators' register.
        await visitor.goto(`${baseUrl}/monitor`);
        expect(await visitor.locator('.cl-monitor-nav a[href="/belemmeringen"]').count()).toBe(1);
        await context.close();
      }
    },
    4 * STEP_TIMEOUT,
  );
});
