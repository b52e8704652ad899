import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { appInChromium } from "./support/app-in-chromium.js";
import { BUDGET_BYTES, BUDGET_PAGES } from "./support/budget-pages.js";

describe("page budgets: ≤ 60 KB gzip HTML + CSS, no required JavaScript", () => {
  const fixture = appInChromium();

  for (const { path, forms } of BUDGET_PAGES) {
    it(`${path}: gzipped HTML + stylesheet within the budget`, async () => {
      const response = await fetch(`${fixture.server.baseUrl}${path}`);
      expect([200, 404]).toContain(response.status);
      const html = await response.text();
      const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
        (match) => match[1]!,
      );
      expect(stylesheets.length).toBeGreaterThan(0);
      let bytes = gzipSync(html).length;
      for (const href of stylesheets)
        bytes += gzipSync(await (await fetch(`${fixture.server.baseUrl}${href}`)).text()).length;
      console.log(`budget ${path}: ${(bytes / 1024).toFixed(1)} KB gzip (HTML + CSS)`);
      expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    });

    it(`${path}: works without JavaScript (main heading${forms ? " and forms" : ""} present)`, async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${fixture.server.baseUrl}${path}`);
      const heading = page.locator("main h1");
      expect(await heading.count()).toBe(1);
      expect((await heading.textContent())?.trim()).not.toBe("");
      expect(await heading.isVisible()).toBe(true);
      const pageForms = page.locator("main form");
      expect(await pageForms.count()).toBeGreaterThanOrEqual(forms);
      for (let i = 0; i < (await pageForms.count()); i++) {
        const form = pageForms.nth(i);
        // A plain form needs a real submit button; nothing may depend on a script to send it.
        expect(
          await form.locator('button:not([type="button"]), input[type="submit"]').count(),
        ).toBeGreaterThan(0);
      }
      await context.close();
    });
  }
});
