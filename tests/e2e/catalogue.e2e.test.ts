import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

describe("catalogue in Chromium", () => {
  const fixture = appInChromium();

  const pages = [
    "/aanbod",
    "/aanbod?q=subsidie&thema=ketensamenwerking",
    "/aanbod?q=xyzzyqwv",
    "/aanbod?gemeente=Atlantis",
    "/aanbod/subsidie-circulaire-ketenprojecten",
    "/aanbod/versnellingshuis-maatwerkondersteuning",
    "/api/profile",
    "/api/docs",
  ];
  for (const lang of ["nl", "en"] as const) {
    for (const path of pages) {
      it(`${path} in ${lang} has no axe violations`, async () => {
        const page = await fixture.browser.newPage();
        const response = await page.goto(
          `${fixture.server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
        );
        expect(response?.status()).toBe(path.includes("Atlantis") ? 400 : 200);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await expectNoAxeViolations(page);
        await page.close();
      });
    }
  }

  for (const javaScriptEnabled of [false, true]) {
    it(`searching, choosing a facet and opening an instrument works ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${fixture.server.baseUrl}/aanbod`);
      await page.fill("#q", "ketensamenwerkingssubsidie");
      await page.click("form[role=search] button[type=submit]");
      expect(new URL(page.url()).searchParams.get("q")).toBe("ketensamenwerkingssubsidie");
      expect(await page.textContent("#results-title")).toMatch(/instrumenten gevonden/);
      // Between two rounds the scheme is expected again, not closed (ADR 0079).
      await page.click('a[data-facet="status:verwacht"]');
      expect(new URL(page.url()).searchParams.getAll("status")).toEqual(["verwacht"]);
      expect(await page.locator(".cl-facet__link--selected").count()).toBe(1);
      await page.click('a[href="/aanbod/subsidie-circulaire-ketenprojecten"]');
      expect(new URL(page.url()).pathname).toBe("/aanbod/subsidie-circulaire-ketenprojecten");
      expect(await page.textContent("h1")).toBe("Subsidie Circulaire ketenprojecten");
      await context.close();
    });
  }

  it("with JavaScript a new sort order applies at once", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.server.baseUrl}/aanbod?q=subsidie`);
    await Promise.all([page.waitForURL(/sort=closing/), page.selectOption("#sort", "closing")]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("subsidie");
    await page.close();
  });
});
