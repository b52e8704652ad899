import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../../src/config/env.js";
import { seedDemoData } from "../../src/db/seed.js";
import { referralDeliveryFor } from "../../src/modules/auth/index.js";
import { postgresAvailable } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

const STEP_TIMEOUT = 180_000;
const INVITEE = "team@circo.example";
const INVITEE_PASSWORD = "circulaire tafels worden rond";

/** Zero axe violations, and no sideways scrolling at 320 CSS px (WCAG 1.4.10). */
async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} at 320px`).toBeLessThanOrEqual(innerWidth);
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * Issue 15, "Done when" (first part), in Chromium: a beheerder invites a new provider user for an organisation that
 * had no account (CIRCO); the invitee follows the mailed link, sets a password, signs in and sees the provider
 * workspace; from then on referrals to CIRCO go to its accounts. Every new page has zero axe violations.
 */
for (const kind of ["PGlite", "PostgreSQL"] as const)
  describe.skipIf(kind === "PostgreSQL" && !postgresAvailable())(
    `beheer: invite a provider user in Chromium [${
      kind === "PostgreSQL" && !postgresAvailable()
        ? "PostgreSQL — skipped: TEST_DATABASE_URL is not set"
        : kind
    }]`,
    () => {
      const fixture = appInChromium({
        kind,
        prepare: (database) => seedDemoData(database.db, DEMO_PASSWORD),
      });
      it(
        "the beheerder finds CIRCO without an account and invites a person for it, who sets a password and signs in",
        async () => {
          expect(await referralDeliveryFor(fixture.database.db, "circo")).toEqual({
            route: "warme_overdracht",
            organisationId: "provider-circo",
          });
          const page = await fixture.browser.newPage();
          const base = fixture.server.baseUrl;
          await page.goto(`${base}/inloggen`);
          await page.fill("#email", "beheer@demo.invalid");
          await page.fill("#password", DEMO_PASSWORD);
          await Promise.all([
            page.waitForURL((url) => url.pathname === "/werkruimte"),
            page.click('form[action="/inloggen"] button[type=submit]'),
          ]);
          await Promise.all([
            page.waitForURL((url) => url.pathname === "/beheer"),
            page.click('a[href="/beheer"]'),
          ]);
          await checkPage(page);
          await page.click('a[href="/beheer/organisaties"]');
          await checkPage(page);
          await page.selectOption("#soort", "provider");
          await Promise.all([
            page.waitForURL((url) => url.search === "?soort=provider"),
            page.click('form[action="/beheer/organisaties"] button'),
          ]);
          const circoRow = await page.textContent('tr:has(a[href="/beheer/organisaties/provider-circo"])');
          expect(circoRow).toContain("warme overdracht");
          await page.click('a[href="/beheer/organisaties/provider-circo"]');
          expect(await page.textContent("h1")).toBe("Organisatie: CIRCO");
          await checkPage(page);
          await page.goto(`${base}/beheer/organisaties/nieuw`);
          await checkPage(page);
          await page.goto(`${base}/beheer/organisaties/nieuw?soort=coordinatie`);
          await checkPage(page);

          await page.goto(`${base}/beheer/gebruikers`);
          await checkPage(page);
          await page.goto(`${base}/beheer/organisaties/provider-circo`);
          await page.click('a[href="/beheer/gebruikers/uitnodigen?organisatie=provider-circo"]');
          await checkPage(page);
          // Nothing filled in: the summary names each field and the page still passes axe.
          await page.click('form[action="/beheer/gebruikers/uitnodigen"] button');
          expect(await page.textContent(".cl-error-summary")).toContain("Vul een geldig e-mailadres in.");
          await checkPage(page);
          await page.fill("#email", INVITEE);
          await page.fill("#displayName", "Chris Circo");
          await page.selectOption("#role", "aanbieder");
          // Chosen already: the form was opened from CIRCO's own page.
          expect(await page.inputValue("#organisationId")).toBe("provider-circo");
          await Promise.all([
            page.waitForURL((url) => url.pathname === "/beheer/gebruikers"),
            page.click('form[action="/beheer/gebruikers/uitnodigen"] button'),
          ]);
          expect(await page.textContent("main")).toContain("De uitnodiging is verstuurd.");
          expect(await page.textContent("main")).toContain(INVITEE);
          await checkPage(page);

          // The mail in the outbox: plain text, with an absolute link on the configured public address.
          await page.goto(`${base}/werkruimte/outbox`);
          const mail = await page.textContent(`article:has-text("${INVITEE}")`);
          const link = /(https?:\/\/\S+\/uitnodiging\/[\w-]+)/.exec(mail ?? "")?.[1];
          expect(link, mail ?? "no mail").toBeDefined();
          const publicBaseUrl = loadEnv({ NODE_ENV: "test", DEMO: "0" }).publicBaseUrl;
          expect(link!.startsWith(`${publicBaseUrl}/uitnodiging/`)).toBe(true);
          // One test for the whole invitation (ADR 0090): the invitee's steps need the link the beheerder sent.
          const invitePath = new URL(link!).pathname;
          await page.context().close();

          // The invitee follows the link, sets a password, signs in and sees the provider workspace.
          {
            const context = await fixture.browser.newContext();
            const page = await context.newPage();
            const base = fixture.server.baseUrl;
            // The link's address is the public one; here the same path on the test server.
            await page.goto(`${base}${invitePath}`);
            expect(await page.textContent("h1")).toBe("Uw account maken");
            expect(await page.textContent("main")).toContain("aanbieder voor CIRCO");
            await checkPage(page);
            await page.fill("#password", "kort");
            await page.click(`form[action="${invitePath}"] button`);
            expect(await page.textContent(".cl-error-summary")).toContain("minstens 12 tekens");
            await checkPage(page);
            await page.fill("#password", INVITEE_PASSWORD);
            await Promise.all([
              page.waitForURL((url) => url.pathname === "/inloggen"),
              page.click(`form[action="${invitePath}"] button`),
            ]);
            expect(await page.textContent("main")).toContain("Uw account is klaar");
            await page.fill("#email", INVITEE);
            await page.fill("#password", INVITEE_PASSWORD);
            await Promise.all([
              page.waitForURL((url) => url.pathname === "/werkruimte"),
              page.click('form[action="/inloggen"] button[type=submit]'),
            ]);
            const workspace = await page.textContent("main");
            expect(workspace).toContain("Chris Circo");
            expect(workspace).toContain("CIRCO");
            expect(await page.locator('a[href="/werkruimte/aanbod"]').count()).toBeGreaterThan(0);
            await checkPage(page);
            expect(await referralDeliveryFor(fixture.database.db, "circo")).toEqual({
              route: "account",
              organisationId: "provider-circo",
            });
            // The link works once: now it explains that it was used (410).
            const again = await context.newPage();
            const response = await again.goto(`${base}${invitePath}`);
            expect(response?.status()).toBe(410);
            expect(await again.textContent("main")).toContain("al gebruikt");
            await checkPage(again);
            await context.close();
          }
        },
        STEP_TIMEOUT,
      );
    },
  );
