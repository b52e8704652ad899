import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

describe("foundation pages in Chromium", () => {
  const fixture = appInChromium();

  const pages = ["/", "/regio", "/regio/ES04", "/toegankelijkheid", "/privacy"];
  for (const lang of ["nl", "en"] as const) {
    for (const path of pages) {
      it(`${path} in ${lang} has no axe violations`, async () => {
        const page = await fixture.browser.newPage();
        const response = await page.goto(`${fixture.server.baseUrl}${path}?lang=${lang}`);
        expect(response?.status()).toBe(200);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await expectNoAxeViolations(page);
        await page.close();
      });
    }
  }

  it("the 404 page has no axe violations", async () => {
    const page = await fixture.browser.newPage();
    const response = await page.goto(`${fixture.server.baseUrl}/bestaat-niet`);
    expect(response?.status()).toBe(404);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it("a keyboard user reaches the skip link first and lands on the main content", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.server.baseUrl}/regio/ES04?lang=nl`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
    await page.keyboard.press("Enter");
    expect(page.url()).toContain("#main");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("the municipality picker leads from a name to its region, without JavaScript", async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/regio`);
    await page.fill("#gemeente", "Enschede");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/regio/ES04");
    expect(await page.textContent("h1")).toBe("Regio Twente");
    await context.close();
  });

  it("the language choice is remembered across pages", async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/regio?lang=en`);
    await page.goto(`${fixture.server.baseUrl}/privacy`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });
});
