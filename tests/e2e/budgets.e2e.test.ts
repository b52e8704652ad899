import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { openTestDatabase } from "../support/database.js";
import { launchBrowser } from "./support/browser.js";
import { BUDGET_BYTES, BUDGET_PAGES } from "./support/budget-pages.js";
import { startServer } from "./support/server.js";

describe("page budgets: ≤ 60 KB gzip HTML + CSS, no required JavaScript", () => {
  let browser: Browser;
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    server = await startServer(database);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  for (const { path, forms } of BUDGET_PAGES) {
    it(`${path}: gzipped HTML + stylesheet within the budget`, async () => {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect([200, 404]).toContain(response.status);
      const html = await response.text();
      const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
        (match) => match[1]!,
      );
      expect(stylesheets.length).toBeGreaterThan(0);
      let bytes = gzipSync(html).length;
      for (const href of stylesheets)
        bytes += gzipSync(await (await fetch(`${server.baseUrl}${href}`)).text()).length;
      console.log(`budget ${path}: ${(bytes / 1024).toFixed(1)} KB gzip (HTML + CSS)`);
      expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    });

    it(`${path}: works without JavaScript (main heading${forms ? " and forms" : ""} present)`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}${path}`);
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
