import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

describe("the one-click route and the scan in Chromium", () => {
  const fixture = appInChromium();

  const submit = (page: Page) =>
    Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
  const step = (page: Page) => new URL(page.url()).searchParams.get("stap");

  const journeys = [
    {
      lang: "nl",
      javaScript: true,
      route: "Uw route",
      result: "Uw scanresultaat",
      tellMore: "Vertel iets meer",
    },
    {
      lang: "en",
      javaScript: true,
      route: "Your route",
      result: "Your scan result",
      tellMore: "Tell us a bit more",
    },
    {
      lang: "nl",
      javaScript: false,
      route: "Uw route",
      result: "Uw scanresultaat",
      tellMore: "Vertel iets meer",
    },
  ] as const;

  for (const journey of journeys) {
    it(`home → route → scan forward and back → result (${journey.lang}, ${journey.javaScript ? "with JavaScript, no axe violations" : "without JavaScript"})`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: journey.javaScript });
      const page = await context.newPage();
      // axe runs as a script in the page, so it needs JavaScript; the pages are the same server HTML either way.
      const expectAccessible = journey.javaScript ? expectNoAxeViolations : async () => {};

      await page.goto(`${fixture.server.baseUrl}/?lang=${journey.lang}`);
      expect(await page.getAttribute("html", "lang")).toBe(journey.lang);
      await expectAccessible(page);

      // An empty form: error summary, still accessible.
      await submit(page);
      expect(await page.locator(".cl-error-summary").count()).toBe(1);
      await expectAccessible(page);

      // One click from the home page to the route.
      await page.fill("#gemeente", "Enschede");
      await page.selectOption("#sector", "C");
      await submit(page);
      const routeUrl = new URL(page.url());
      expect(routeUrl.pathname).toBe("/route");
      expect(routeUrl.searchParams.get("gemeente")).toBe("GM0153");
      expect(await page.textContent("h1")).toBe(journey.route);
      expect(await page.locator("[data-ref-id]").count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('[data-ref-id] a[href^="/aanbod/"]').count()).toBeGreaterThanOrEqual(5);
      await expectAccessible(page);

      // Into the scan.
      await Promise.all([page.waitForNavigation(), page.click(`main a:text-is("${journey.tellMore}")`)]);
      expect(step(page)).toBe("1");
      await expectAccessible(page);
      await submit(page); // no answer: the question again with an error
      expect(await page.locator(".cl-error-summary").count()).toBe(1);
      await expectAccessible(page);
      await page.check("input[name=grootte][value=klein]");
      await submit(page);

      expect(step(page)).toBe("2");
      expect(await page.inputValue("#gemeente")).toBe("Enschede");
      await expectAccessible(page);
      await submit(page);

      expect(step(page)).toBe("3");
      expect(await page.inputValue("#sector")).toBe("C");
      await page.selectOption("#sector", "13");
      await expectAccessible(page);
      await submit(page);

      expect(step(page)).toBe("4");
      await page.check("input[name=situatie][value=ideeen]");
      await expectAccessible(page);
      await submit(page);

      expect(step(page)).toBe("5");
      await page.check("input[name=motivatie][value=kosten_besparen]");
      await page.check("input[name=motivatie][value=nieuwe_omzet]");
      await expectAccessible(page);
      await submit(page);

      expect(step(page)).toBe("6");
      await page.check("input[name=thema][value=recycling]");
      await expectAccessible(page);
      await submit(page);

      // Back twice: the answers are still there; forward again keeps them.
      expect(step(page)).toBe("7");
      await expectAccessible(page);
      const back = journey.lang === "en" ? "Back" : "Vorige";
      await Promise.all([page.waitForNavigation(), page.click(`main a:text-is("${back}")`)]);
      expect(step(page)).toBe("6");
      expect(await page.isChecked("input[name=thema][value=recycling]")).toBe(true);
      await Promise.all([page.waitForNavigation(), page.click(`main a:text-is("${back}")`)]);
      expect(step(page)).toBe("5");
      expect(await page.isChecked("input[name=motivatie][value=kosten_besparen]")).toBe(true);
      expect(await page.isChecked("input[name=motivatie][value=nieuwe_omzet]")).toBe(true);
      await submit(page);
      expect(step(page)).toBe("6");
      expect(await page.isChecked("input[name=thema][value=recycling]")).toBe(true);
      await submit(page);

      expect(step(page)).toBe("7");
      await page.check("input[name=hulp][value=advies]");
      await page.check("input[name=hulp][value=partners]");
      await submit(page);

      const resultUrl = new URL(page.url());
      expect(resultUrl.pathname).toMatch(/^\/scan\/resultaat\/[A-Za-z0-9_-]{22}$/);
      expect(await page.textContent("h1")).toBe(journey.result);
      expect(await page.locator("[data-ref-id]").count()).toBeGreaterThanOrEqual(5);
      await expectAccessible(page);

      // The result has its own address: it opens again in a fresh context.
      const other = await fixture.browser.newContext({ javaScriptEnabled: journey.javaScript });
      const again = await other.newPage();
      const response = await again.goto(
        `${fixture.server.baseUrl}${resultUrl.pathname}?lang=${journey.lang}`,
      );
      expect(response?.status()).toBe(200);
      await other.close();
      await context.close();
    }, 300_000);
  }
});
