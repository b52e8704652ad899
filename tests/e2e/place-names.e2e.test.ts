import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/**
 * The home form with place names (issue 16, item 6; ADR 0077), in Chromium with JavaScript on and off: a name of
 * two municipalities offers the choice, a typo gets "Bedoelde u …?", a place name leads to its municipality and the
 * route says so. axe runs on the pages with the choice and the suggestion (it needs JavaScript to run).
 */
describe("place names in the home form, in Chromium", () => {
  const fixture = appInChromium();

  for (const javaScript of [true, false]) {
    const mode = javaScript ? "with JavaScript" : "without JavaScript";
    const expectAccessible = javaScript ? expectNoAxeViolations : async () => {};

    const submit = (page: Page) =>
      Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
    /** Fills the home form as a person would and sends it. */
    async function ask(page: Page, municipality: string) {
      await page.goto(`${fixture.server.baseUrl}/`);
      await page.fill("#gemeente", municipality);
      await page.selectOption("#sector", "C");
      await submit(page);
    }
    const choiceLabels = (page: Page) => page.locator(".cl-place-choice label").allTextContents();
    const gemeente = (page: Page) => new URL(page.url()).searchParams.get("gemeente");

    it(`Hengelo offers two municipalities; the choice leads to the route in Bronckhorst (${mode})`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await ask(page, "Hengelo");
      expect(await page.textContent(".cl-error-summary")).toContain(
        "Er zijn 2 gemeenten met een plaats die “Hengelo” heet.",
      );
      expect(await page.textContent(".cl-place-choice legend")).toBe("Welke Hengelo bedoelt u?");
      expect(await choiceLabels(page)).toEqual([
        "Hengelo (Overijssel)",
        "Hengelo, gemeente Bronckhorst (Gelderland)",
      ]);
      expect(await page.inputValue("#gemeente")).toBe("Hengelo");
      if (javaScript)
        // The enhancement moves focus to the error summary, so it is read first.
        expect(await page.evaluate(() => document.activeElement?.className)).toContain("cl-error-summary");
      await expectAccessible(page);
      // Keyboard only: select the second option with the space bar, send with Enter on the button.
      await page.focus("input[name=gemeente-keuze][value=GM1876]");
      await page.keyboard.press("Space");
      expect(await page.isChecked("input[name=gemeente-keuze][value=GM1876]")).toBe(true);
      await page.focus("main form button[type=submit]");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(new URL(page.url()).pathname).toBe("/route");
      expect(gemeente(page)).toBe("GM1876");
      expect(await page.textContent("main")).toContain("Hengelo ligt in de gemeente Bronckhorst.");
      await expectAccessible(page);
      await context.close();
    });

    it(`Bergen offers Bergen (Noord-Holland) and Bergen (Limburg) (${mode})`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await ask(page, "Bergen");
      expect((await choiceLabels(page)).sort()).toEqual(["Bergen (Limburg)", "Bergen (Noord-Holland)"]);
      await page.check('label:text-is("Bergen (Limburg)")');
      await submit(page);
      expect(gemeente(page)).toBe("GM0893");
      await context.close();
    });

    it(`a typo gets “Bedoelde u Enschede?” (${mode})`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await ask(page, "Enschde");
      expect(await page.textContent(".cl-error-summary")).toContain("Bedoelde u Enschede?");
      expect(await page.textContent(".cl-place-choice legend")).toBe("Bedoelde u Enschede?");
      expect(await choiceLabels(page)).toEqual(["Enschede (Overijssel)"]);
      await expectAccessible(page);
      await page.check('label:text-is("Enschede (Overijssel)")');
      await submit(page);
      expect(gemeente(page)).toBe("GM0153");
      await context.close();
    });

    it(`Den Bosch, Súdwest Fryslân and Scheveningen lead straight to the route (${mode})`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      for (const [typed, code] of [
        ["Den Bosch", "GM0796"],
        ["Súdwest Fryslân", "GM1900"],
        ["sudwest fryslan", "GM1900"],
        ["Súdwest-Fryslân", "GM1900"],
        ["Scheveningen", "GM0518"],
      ] as const) {
        await ask(page, typed);
        expect(new URL(page.url()).pathname, typed).toBe("/route");
        expect(gemeente(page), typed).toBe(code);
      }
      expect(await page.textContent("main")).toContain("Scheveningen ligt in de gemeente Den Haag.");
      await context.close();
    });
  }

  it("the choice and the suggestion in English have no axe violations", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.server.baseUrl}/route?gemeente=Hengelo&sector=C&lang=en`);
    expect(await page.textContent(".cl-place-choice legend")).toBe("Which Hengelo do you mean?");
    await expectNoAxeViolations(page);
    await page.goto(`${fixture.server.baseUrl}/route?gemeente=Enschde&sector=C&lang=en`);
    expect(await page.textContent(".cl-place-choice legend")).toBe("Did you mean Enschede?");
    await expectNoAxeViolations(page);
    await page.close();
  });

  it("the choice reflows at 320 CSS px: the long labels wrap, the page does not scroll sideways", async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const path of ["/route?gemeente=Alteveer&sector=C", "/regio?gemeente=Hengelo"]) {
      await page.goto(`${fixture.server.baseUrl}${path}`);
      expect(await page.locator(".cl-place-choice input[type=radio]").count(), path).toBeGreaterThan(1);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
    }
    await context.close();
  });
});
