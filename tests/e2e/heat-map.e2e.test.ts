import { describe, expect, it } from "vitest";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { createMonitoringRepository } from "../../src/modules/monitoring/index.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/**
 * The coverage heat map and the public region page (ADR 0089) in Chromium: zero axe violations and no sideways
 * scrolling of the document at 1,280 and 320 px, in Dutch and English; at 1,280 px all six steps of the heat map
 * are in view without scrolling its box.
 */
const PAGES = ["/monitor/dekking", "/monitor/dekking?stap=invoering", "/regio/ES04", "/monitor/doelen"];

describe("heat map and region page in Chromium", () => {
  const fixture = appInChromium({
    prepare: async (database) => {
      await loadKnowledgeContent(database.db);
      // A goal, so the goals page shows its progress bar.
      await createMonitoringRepository(database.db).createGoal({
        indicator: "coverage_gaps",
        scopeLevel: "national",
        scopeCode: null,
        baseline: 10,
        target: 0,
        startsOn: "2026-01-01",
        deadline: "2027-12-31",
      });
    },
  });

  for (const width of [1280, 320]) {
    it(`at ${width} px: no axe violations and no sideways scrolling, nl and en`, async () => {
      const context = await fixture.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const lang of ["nl", "en"] as const) {
        for (const path of PAGES) {
          const separator = path.includes("?") ? "&" : "?";
          const response = await page.goto(`${fixture.server.baseUrl}${path}${separator}lang=${lang}`);
          expect(response?.status(), path).toBe(200);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          expect(scrollWidth, `${path} (${lang}) at ${width}px`).toBeLessThanOrEqual(innerWidth);
          await expectNoAxeViolations(page);
        }
      }
      await context.close();
    });
  }

  it("at 1,280 px the whole heat map is in view: all six steps, no scrolling inside its box", async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/monitor/dekking`);
    const box = await page.evaluate(() => {
      const table = document.querySelector("table.cl-heatmap")!;
      const scroller = table.parentElement!;
      const last = document.querySelector("#stap-ketensamenwerking")!.getBoundingClientRect();
      return {
        tableWidth: table.scrollWidth,
        boxWidth: scroller.clientWidth,
        lastStepRight: last.right,
        cells: table.querySelectorAll("td.cl-heat").length,
      };
    });
    expect(box.cells).toBe(540);
    expect(box.tableWidth).toBeLessThanOrEqual(box.boxWidth);
    expect(box.lastStepRight).toBeLessThanOrEqual(1280);
    // A shaded cell shows its number in a colour set by the scale, never colour alone.
    const cell = page.locator("td.cl-heat").first();
    expect(await cell.textContent()).toMatch(/^\d+/);
    expect(await cell.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    await context.close();
  });
});
