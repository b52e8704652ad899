import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { openTestDatabase } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { expectNoAxeViolations, launchBrowser } from "./support/browser.js";
import { signedIn, startPublicServer } from "./support/public-server.js";

const STEP_TIMEOUT = 180_000;
const DESCRIPTION =
  "Wij mogen restklei uit onze eigen productie niet opnieuw gebruiken, want het telt als afval.";
const ANSWER = "Restklei die u direct weer in uw eigen productie gebruikt, is een bijproduct en geen afval.";

/**
 * Issue 18 item 6, the competent body with workspace accounts (ADR 0096): RVO's user finds the report forwarded to
 * RVO under /werkruimte/belemmeringen and answers it with the keyboard. Zero axe violations and no sideways
 * scrolling at 1,280 and 320 px, in Dutch and English.
 */
describe("a forwarded barrier answered in the workspace, in Chromium", () => {
  let database: DatabaseHandle;
  let browser: Browser;
  let baseUrl = "";
  let close = async () => {};
  let path = "";

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    await seedDemoData(database.db, DEMO_PASSWORD);
    const [barrier] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into barriers (description, theme, category, municipality_code, region_code, province_code,
            reporter_kind, status)
          values (${DESCRIPTION}, 'afval_en_grondstoffen', 'afval_en_grondstoffen', 'GM0153', 'ES04', 'PV23',
            'company', 'doorgestuurd') returning id`,
    );
    const [forwarding] = await queryRows<{ id: number }>(
      database.db,
      sql`insert into barrier_forwardings (barrier_id, body_kind, body_name, organisation_id, due_at)
          values (${barrier!.id}, 'anders', 'RVO', 'provider-rvo', now() + interval '30 days') returning id`,
    );
    path = `/werkruimte/belemmeringen/${forwarding!.id}`;
    const server = await startPublicServer(database);
    baseUrl = server.baseUrl;
    close = server.close;
    browser = await launchBrowser();
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await close();
    await database?.close();
  });

  it(
    "RVO's user reads the report and answers it; every page axe-clean and without sideways scroll",
    async () => {
      const page = await signedIn(browser, baseUrl, "aanbieder.rvo@demo.invalid");
      for (const lang of ["nl", "en"] as const)
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          for (const target of ["/werkruimte/belemmeringen", path]) {
            expect((await page.goto(`${baseUrl}${target}?lang=${lang}`))?.status(), target).toBe(200);
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - window.innerWidth,
            );
            expect(overflow, `${target} ${lang} at ${width}px`).toBeLessThanOrEqual(0);
            await expectNoAxeViolations(page);
          }
        }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${baseUrl}/werkruimte/belemmeringen`);
      await Promise.all([page.waitForURL((url) => url.pathname === path), page.click(`a[href="${path}"]`)]);
      expect(await page.textContent("main")).toContain(DESCRIPTION);
      // Sent empty: the summary links to the field, which keeps focusable.
      await page.click(`form[action="${path}"] button`);
      expect(await page.textContent(".cl-error-summary")).toBeTruthy();
      await expectNoAxeViolations(page);
      await page.focus("#antwoord");
      await page.keyboard.type(ANSWER);
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/werkruimte/belemmeringen"),
        page.click(`form[action="${path}"] button`),
      ]);
      const main = (await page.textContent("main")) ?? "";
      // The language chosen last (English) stays.
      expect(main).toContain("Your answer has been recorded");
      expect(await page.locator(`a[href="${path}"]`).count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
