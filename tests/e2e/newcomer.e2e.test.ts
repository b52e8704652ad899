import { describe, expect, it } from "vitest";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/**
 * Issue 17: the compare view (item 1) and what a newcomer expects of the public site (item 6), in a real browser:
 * axe in both languages, reflow at 320 px, comparing without JavaScript, and select fields that look like selects.
 */
const COMPARE = "/aanbod/vergelijk?id=rvo-circulaire-ketenprojecten&id=mit-haalbaarheidsproject&id=rvo-wbso";
const PAGES = [
  COMPARE,
  `${COMPARE}&id=circo-track`,
  "/aanbod/vergelijk?id=rvo-wbso",
  "/circulair-ondernemen",
  "/over-circulair-loket",
];

describe("compare view and newcomer pages in Chromium", () => {
  const fixture = appInChromium({ prepare: (database) => loadKnowledgeContent(database.db) });
  const url = (path: string, lang: string) =>
    `${fixture.server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

  for (const lang of ["nl", "en"] as const)
    for (const path of PAGES)
      it(`${path} in ${lang}: no axe violations, and no sideways scrolling at 320 px`, async () => {
        for (const width of [1280, 320]) {
          const context = await fixture.browser.newContext({ viewport: { width, height: 800 } });
          const page = await context.newPage();
          const response = await page.goto(url(path, lang));
          expect(response?.status()).toBe(200);
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          await expectNoAxeViolations(page);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          expect(scrollWidth, `${path} at ${width}px`).toBeLessThanOrEqual(innerWidth);
          await context.close();
        }
      });

  it("without JavaScript, ticking Vergelijk on two results opens them side by side; a table wide, stacked on a phone", async () => {
    const context = await fixture.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/aanbod?q=subsidie`);
    const boxes = page.locator('input[type=checkbox][name="id"]');
    const first = await boxes.nth(0).getAttribute("value");
    const second = await boxes.nth(1).getAttribute("value");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.click("text=Vergelijk de gekozen regelingen");
    expect(new URL(page.url()).pathname).toBe("/aanbod/vergelijk");
    expect(new URL(page.url()).searchParams.getAll("id")).toEqual([first, second]);
    // Wide: the table with a row header per fact is shown, the stacked list is not.
    expect(await page.locator("[data-compare=table]").isVisible()).toBe(true);
    expect(await page.locator("[data-compare=stack]").isVisible()).toBe(false);
    expect(await page.locator('[data-compare=table] th[scope="row"]').count()).toBe(7);
    expect(await page.locator('[data-compare=table] th[scope="col"]').count()).toBe(2);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.locator("[data-compare=table]").isVisible()).toBe(false);
    expect(await page.locator("[data-compare=stack] > li").count()).toBe(2);
    expect(await page.locator("[data-compare=stack]").isVisible()).toBe(true);
    await context.close();
  });

  it("select fields show an arrow: the NLDS select draws its background image", async () => {
    const page = await fixture.browser.newPage();
    for (const [path, selector] of [
      ["/", "#sector"],
      ["/aanbod", "#sort"],
      ["/agenda", "select"],
    ] as const) {
      await page.goto(`${fixture.server.baseUrl}${path}`);
      const style = await page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const computed = getComputedStyle(element);
          return { image: computed.backgroundImage, appearance: computed.appearance };
        });
      expect(style.appearance, path).toBe("none");
      expect(style.image, path).toMatch(/^url\("data:image\/svg\+xml/);
    }
    await page.close();
  });
});
