import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

const STEP_TIMEOUT = 180_000;
/** Where the screenshots of /monitor/gaten go (not in the repository). */
const SHOTS = process.env.SCREENSHOT_DIR ?? process.env.TMPDIR ?? "/tmp";

/**
 * The gaps register in Chromium (ADR 0094): the province's coordinator turns demand without usable offer into a
 * register entry with RVO aan zet; RVO's user logs in and updates it in the workspace. Every page passes axe in Dutch
 * and English and does not scroll sideways at 390 px.
 */
describe("gaps with an owner in Chromium", () => {
  const fixture = appInChromium({
    prepare: async (database) => {
      await seedDemoData(database.db, DEMO_PASSWORD);
      // Six intakes in Twente marked "geen passend aanbod" for manufacturing at the step of implementing measures.
      const today = new Date().toISOString().slice(0, 10);
      for (let index = 0; index < 6; index++)
        await database.db.execute(
          sql`insert into demand_records (region_code, sector, step, phase, help, source, day)
              values ('ES04', 'C', 'invoering', 'peloton', 'financiering', 'intake_no_offer', ${today})`,
        );
    },
  });

  async function signIn(browser: Browser, email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/inloggen`);
    await page.fill("#email", email);
    await page.fill("#password", DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/werkruimte"),
      page.click('form[action="/inloggen"] button[type=submit]'),
    ]);
    return page;
  }

  async function checkBothLanguages(page: Page, path: string) {
    for (const lang of ["nl", "en"]) {
      const response = await page.goto(
        `${fixture.server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
      );
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
  }

  it(
    "the coordinator assigns the gap to RVO; RVO's user updates it in the workspace",
    async () => {
      const coordinator = await signIn(fixture.browser, "coordinator.overijssel@demo.invalid");
      await checkBothLanguages(coordinator, "/monitor/gaten");
      await coordinator.goto(`${fixture.server.baseUrl}/monitor/gaten?lang=nl`);
      // Exact for the province's coordinator: six.
      const row = coordinator
        .locator("tr", { hasText: "Maatregelen invoeren" })
        .filter({ hasText: "Alle sectoren" });
      await expect(row.locator("td").nth(3).textContent()).resolves.toBe("6");
      const assign = row.getByRole("link", { name: /Organisatie aan zet zetten/ });
      expect(await assign.count(), await row.innerHTML()).toBe(1);
      await assign.click({ timeout: 20_000 });
      await coordinator.waitForURL((url) => url.pathname === "/monitor/gaten/nieuw");
      await expectNoAxeViolations(coordinator);
      // Without a deadline the form says what is wrong and keeps the input.
      await coordinator.selectOption("#organisation", "provider-rvo");
      await coordinator.selectOption("#decision", "opschalen");
      await coordinator.fill("#note", "RVO bekijkt of de regeling ruimer kan.");
      await coordinator.click('form[action="/monitor/gaten"] button[type=submit]');
      await expect(coordinator.locator(".cl-error-summary a[href='#deadline']").count()).resolves.toBe(1);
      await expect(coordinator.inputValue("#note")).resolves.toBe("RVO bekijkt of de regeling ruimer kan.");
      await expectNoAxeViolations(coordinator);
      await coordinator.fill("#deadline", "2027-03-31");
      await Promise.all([
        coordinator.waitForURL((url) => url.pathname === "/monitor/gaten"),
        coordinator.click('form[action="/monitor/gaten"] button[type=submit]'),
      ]);
      const register = await coordinator.locator("section[aria-labelledby=register]").textContent();
      expect(register).toContain("Rijksdienst voor Ondernemend Nederland");
      expect(register).toContain("2027-03-31");

      const owner = await signIn(fixture.browser, "aanbieder.rvo@demo.invalid");
      await checkBothLanguages(owner, "/werkruimte/gaten");
      await owner.goto(`${fixture.server.baseUrl}/werkruimte/gaten?lang=nl`);
      await Promise.all([
        owner.waitForURL((url) => /^\/werkruimte\/gaten\/\d+$/.test(url.pathname)),
        owner.click('a[href^="/werkruimte/gaten/"]'),
      ]);
      await expectNoAxeViolations(owner);
      await expect(owner.locator("#organisation").count()).resolves.toBe(0);
      await owner.selectOption("#status", "in_behandeling");
      await owner.fill("#note", "Gesprek met het ministerie op 15 januari.");
      await Promise.all([
        owner.waitForURL((url) => url.pathname === "/werkruimte/gaten"),
        owner.click('form[action^="/werkruimte/gaten/"] button[type=submit]'),
      ]);
      const list = await owner.locator("main").textContent();
      expect(list).toContain("Opgeslagen.");
      expect(list).toContain("In behandeling");
      expect(list).toContain("Gesprek met het ministerie op 15 januari.");

      // The coordinator sees the owner's update.
      await coordinator.goto(`${fixture.server.baseUrl}/monitor/gaten`);
      expect(await coordinator.locator("section[aria-labelledby=register]").textContent()).toContain(
        "In behandeling",
      );
      for (const width of [1280, 390]) {
        await coordinator.setViewportSize({ width, height: 900 });
        await coordinator.goto(`${fixture.server.baseUrl}/monitor/gaten`);
        const { scrollWidth, innerWidth } = await coordinator.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `/monitor/gaten at ${width}px`).toBeLessThanOrEqual(innerWidth);
        await expectNoAxeViolations(coordinator);
        await coordinator.screenshot({ path: `${SHOTS}/monitor-gaten-${width}.png`, fullPage: true });
      }
      // A visitor sees the same gap with the count suppressed, at 320 px too.
      const visitor = await fixture.browser.newPage({ viewport: { width: 320, height: 800 } });
      await checkBothLanguages(visitor, "/monitor/gaten");
      await checkBothLanguages(visitor, "/regio/ES04");
    },
    STEP_TIMEOUT,
  );
});
