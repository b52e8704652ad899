import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createMonitoringRepository } from "../../src/modules/monitoring/index.js";
import { openTestDatabase } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { expectNoAxeViolations, launchBrowser } from "./support/browser.js";
import { signedIn, startPublicServer } from "./support/public-server.js";

const STEP_TIMEOUT = 180_000;
const REPORT = "/monitor/rapport?periode=2026-K4&gebied=PV21";

/** The document scrolls sideways when it is wider than the window. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Issue 18 items 5 and 7 in Chromium (ADR 0095): the goals page with a national goal broken down for Fryslân, and the
 * coordinator's quarterly report for that province. Zero axe violations in Dutch and English, no sideways scrolling at
 * 320 px, and the report's print stylesheet hides the tools and starts each section on a new page. Screenshots at
 * 1,280 and 390 px go to SCREENSHOT_DIR when it is set.
 */
describe("goals and the coordinator's report, in Chromium", () => {
  let database: DatabaseHandle;
  let browser: Browser;
  let baseUrl = "";
  let close = async () => {};
  let goalId = 0;

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    await seedDemoData(database.db, DEMO_PASSWORD);
    const repository = createMonitoringRepository(database.db);
    const national = await repository.createGoal({
      indicator: "intake_requests",
      scopeLevel: "national",
      scopeCode: null,
      baseline: 40,
      target: 400,
      startsOn: "2026-01-01",
      deadline: "2027-12-31",
    });
    goalId = national.id;
    for (const [scopeLevel, scopeCode, target] of [
      ["province", "PV21", 30],
      ["region", "ES02", 25],
    ] as const)
      await repository.createGoal({
        indicator: "intake_requests",
        scopeLevel,
        scopeCode,
        parentId: goalId,
        baseline: 2,
        target,
        startsOn: "2026-01-01",
        deadline: "2027-12-31",
      });
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

  const shoot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  };

  it(
    "the goals page and the goal's province breakdown: axe-clean in nl and en, no sideways scroll at 320 px",
    async () => {
      const page = await signedIn(browser, baseUrl, "coordinator@demo.invalid");
      for (const lang of ["nl", "en"] as const) {
        for (const width of [1280, 390, 320]) {
          await page.setViewportSize({ width, height: 900 });
          for (const path of ["/monitor/doelen", `/monitor/doelen/${goalId}`]) {
            const response = await page.goto(`${baseUrl}${path}?lang=${lang}`);
            expect(response?.status(), path).toBe(200);
            expect(await sidewaysScroll(page), `${path} ${lang} at ${width}px`).toBeLessThanOrEqual(0);
            if (width !== 390) await expectNoAxeViolations(page);
            if (width !== 320)
              await shoot(page, `${path === "/monitor/doelen" ? "doelen" : "doel"}-${width}-${lang}`);
          }
        }
        // The national goal's page shows the province's part and its region's part, each with its target.
        await page.goto(`${baseUrl}/monitor/doelen/${goalId}?lang=${lang}`);
        const main = (await page.textContent("main")) ?? "";
        expect(main).toContain(lang === "nl" ? "provincie Fryslân" : "province Fryslân");
        const provinceRow = page.locator("tr", { hasText: "Fryslân" }).first();
        expect(await provinceRow.textContent()).toContain("30");
      }
      await page.context().close();
    },
    STEP_TIMEOUT,
  );

  it(
    "the quarterly report for Fryslân: axe-clean in nl and en, reflows at 320 px, prints without its tools",
    async () => {
      const page = await signedIn(browser, baseUrl, "coordinator@demo.invalid");
      for (const lang of ["nl", "en"] as const) {
        for (const width of [1280, 390, 320]) {
          await page.setViewportSize({ width, height: 900 });
          const response = await page.goto(`${baseUrl}${REPORT}&lang=${lang}`);
          expect(response?.status()).toBe(200);
          expect(await page.textContent("h1")).toContain(
            lang === "nl"
              ? "Rapportage provincie Fryslân, kwartaal 4 van 2026"
              : "Report province Fryslân, quarter 4 of 2026",
          );
          expect(await sidewaysScroll(page), `report ${lang} at ${width}px`).toBeLessThanOrEqual(0);
          if (width !== 390) await expectNoAxeViolations(page);
          if (width !== 320) await shoot(page, `rapport-${width}-${lang}`);
        }
      }
      // The print stylesheet: the tools (form, CSV link) and the monitor's navigation are hidden, every section starts
      // on a new page and the tables are not cut off by their scroll box.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${baseUrl}${REPORT}`);
      const screen = await page.evaluate(() => ({
        tools: getComputedStyle(document.querySelector(".cl-report-tools")!).display,
        sections: document.querySelectorAll(".cl-report-section").length,
      }));
      expect(screen.tools).not.toBe("none");
      expect(screen.sections).toBeGreaterThanOrEqual(6);
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => ({
        tools: getComputedStyle(document.querySelector(".cl-report-tools")!).display,
        nav: [...document.querySelectorAll(".cl-monitor-nav")].map(
          (element) => getComputedStyle(element).display,
        ),
        breaks: [...document.querySelectorAll(".cl-report-section")].map(
          (element) => getComputedStyle(element).breakBefore,
        ),
        scroll: [...document.querySelectorAll(".cl-report .cl-table-scroll")].map(
          (element) => getComputedStyle(element).overflowX,
        ),
      }));
      expect(printed.tools).toBe("none");
      expect(printed.nav.every((display) => display === "none")).toBe(true);
      expect(new Set(printed.breaks)).toEqual(new Set(["page"]));
      expect(printed.scroll.length).toBeGreaterThan(0);
      expect(new Set(printed.scroll)).toEqual(new Set(["visible"]));
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      if (process.env.SCREENSHOT_DIR)
        await page.pdf({ path: `${process.env.SCREENSHOT_DIR}/rapport-PV21-2026-K4.pdf`, format: "A4" });
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
