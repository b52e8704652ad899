import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/** The browser steps load several pages on a loaded 2-core machine. */
const STEP_TIMEOUT = 120_000;

/**
 * ADR 0081 in Chromium, on production-like data (DEMO=0, no hubs): a region with a real loket, a region with the
 * honest fallback, and an intake from a region without a hub that goes to the national queue; with and without
 * JavaScript, zero axe violations on every page.
 */
describe("regional lokets and the national queue in Chromium", () => {
  const fixture = appInChromium();

  /**
   * axe runs inside the page, so it needs JavaScript: without it, the same server-rendered address is checked in a
   * page that has JavaScript (the HTML is the same; only our optional enhancement script differs).
   */
  async function checkAxe(page: Page, javaScriptEnabled: boolean) {
    if (javaScriptEnabled) return expectNoAxeViolations(page);
    const checker = await fixture.browser.newPage();
    await checker.goto(page.url());
    await expectNoAxeViolations(checker);
    await checker.close();
  }

  for (const javaScriptEnabled of [false, true]) {
    const how = javaScriptEnabled ? "with" : "without";

    it(
      `/regio/ES23 shows Zuid-Holland's Circulair Loket with its website (${how} JavaScript)`,
      async () => {
        const context = await fixture.browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await page.goto(`${fixture.server.baseUrl}/regio/ES23`);
        const loket = (await page.textContent("#loket + p + .cl-loket"))!;
        expect(loket).toContain("Circulair Loket (Zuid-Holland)");
        expect(loket).toContain("Loket");
        expect(await page.getAttribute(".cl-loket dd a", "href")).toBe(
          "https://rotterdamcirculair.nl/circulairloket/",
        );
        expect(await page.textContent("main")).not.toContain("(demo)");
        await checkAxe(page, javaScriptEnabled);
        await context.close();
      },
      STEP_TIMEOUT,
    );

    it(
      `a region without a loket says so, names the Versnellingshuis, and its intake goes to the national queue (${how} JavaScript)`,
      async () => {
        const context = await fixture.browser.newContext({ javaScriptEnabled });
        const page = await context.newPage();
        await page.goto(`${fixture.server.baseUrl}/regio/ES26`);
        const main = (await page.textContent("main"))!;
        expect(main).toContain("kennen wij geen regionaal loket");
        expect(main).toContain("Versnellingshuis Nederland Circulair!");
        expect(await page.getAttribute('.cl-loket a[href^="https://"]', "href")).toBe(
          "https://versnellingshuisce.nl",
        );
        expect(main).toContain("Uw aanvraag gaat daarom naar de Landelijke coördinatie Circulair Loket");
        await checkAxe(page, javaScriptEnabled);

        await Promise.all([
          page.waitForURL((url) => url.pathname === "/intake"),
          page.click('a[href="/intake?regio=ES26"]'),
        ]);
        expect(await page.textContent("main")).toContain("Een landelijk coördinator van Circulair Loket");
        await checkAxe(page, javaScriptEnabled);
        await page.fill("#gemeente", "Eindhoven");
        await page.fill("#contactName", "Sanne Jansen");
        await page.fill("#email", `sanne.${how}@voorbeeld-bedrijf.nl`);
        await page.fill("#companyName", `Kunststof Eindhoven BV (${how})`);
        await page.fill("#kvk", "87654321");
        await page.fill("#question", "Wij willen plastic snijafval terugnemen en opnieuw gebruiken.");
        await page.check("#consent");
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/mijn-aanvraag/")),
          page.click('form[action="/intake"] button[type=submit]'),
        ]);
        const confirmation = (await page.textContent("main"))!;
        expect(confirmation).toContain("Uw aanvraag is verstuurd");
        expect(confirmation).toContain("Uw aanvraag is bij Landelijke coördinatie Circulair Loket");
        expect(confirmation).toContain("Een landelijk coördinator van Circulair Loket neemt uiterlijk op");
        expect(confirmation).not.toContain("Een adviseur van");
        expect(confirmation).toContain("Versnellingshuis Nederland Circulair!");
        await checkAxe(page, javaScriptEnabled);
        await context.close();
      },
      STEP_TIMEOUT,
    );
  }
});
