import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

describe("monitor and barrier form in Chromium", () => {
  const fixture = appInChromium();

  const pages = [
    "/monitor",
    "/monitor/dekking",
    "/monitor/regio/ES04",
    "/monitor/klantreis",
    "/monitor/effect",
    "/monitor/doelen",
    "/belemmering-melden",
  ];
  for (const javaScript of [true, false]) {
    for (const lang of ["nl", "en"] as const) {
      for (const path of pages) {
        it(`${path} in ${lang} ${javaScript ? "with JavaScript has no axe violations" : "renders without JavaScript"}`, async () => {
          const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
          const page = await context.newPage();
          const response = await page.goto(`${fixture.server.baseUrl}${path}?lang=${lang}`);
          expect(response?.status()).toBe(200);
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          if (javaScript) await expectNoAxeViolations(page);
          else expect(await page.locator("h1").count()).toBe(1);
          await context.close();
        });
      }
    }
  }

  it("the map has a title per region and a table with the same figures", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.server.baseUrl}/monitor`);
    expect(await page.locator("svg[role=img] path title").count()).toBe(30);
    expect(await page.locator("table tbody tr").count()).toBe(30);
    await page.close();
  });

  for (const javaScript of [true, false]) {
    it(`a barrier report shows errors, then is sent, ${javaScript ? "with" : "without"} JavaScript`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(`${fixture.server.baseUrl}/belemmering-melden`);
      await page.fill("#beschrijving", "Te kort");
      await page.click("button[type=submit]");
      expect(await page.locator(".cl-error-summary").count()).toBe(1);
      expect(await page.inputValue("#beschrijving")).toBe("Te kort");
      // axe runs in the page, so only where JavaScript runs; without it the same server HTML is served.
      if (javaScript) await expectNoAxeViolations(page);
      await page.fill(
        "#beschrijving",
        "Wij mogen restmateriaal van een klant niet terugnemen omdat het als afval geldt.",
      );
      await page.check("#onderwerp-afval_en_grondstoffen");
      await page.fill("#gemeente", "Enschede");
      await page.click("button[type=submit]");
      expect(new URL(page.url()).pathname).toBe("/belemmering-melden/bedankt");
      expect(await page.textContent("h1")).toBe("Bedankt voor uw melding");
      await context.close();
    });
  }

  it("the barrier register answers a visitor 403, refused by the guard", async () => {
    const page = await fixture.browser.newPage();
    const response = await page.goto(`${fixture.server.baseUrl}/monitor/belemmeringen`);
    expect(response?.status()).toBe(403);
    await page.close();
  });
});
