import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/** Logging in and a scan on a busy 2-core machine can take well over the default timeout. */
const SLOW = 120_000;

/**
 * The pages the catalogue change touched (issue 16, ADRs 0072 and 0079), in Chromium with and without JavaScript:
 * a route card with a verwacht scheme, its "bereid u nu voor" advice and the stale notice; the instrument page;
 * search results; the coverage page with the provinces that lack a scheme of their own; the agenda; and the
 * workspace pages where a provider confirms a listing ("Nog actueel") and a hub keeps its own events.
 */
describe("catalogue freshness and hub events in Chromium", () => {
  const fixture = appInChromium({
    prepare: async (database) => {
      await loadKnowledgeContent(database.db);
      await seedDemoData(database.db, DEMO_PASSWORD);
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  const open = async (javaScriptEnabled: boolean) => {
    const context = await fixture.browser.newContext({ javaScriptEnabled });
    contexts.push(context);
    return context.newPage();
  };
  const check = async (page: Page, javaScript: boolean) => {
    if (javaScript) await expectNoAxeViolations(page);
    else expect(await page.locator("h1").count()).toBe(1);
  };
  /** A context logged in through the real form. */
  const signedIn = async (browser: Browser, email: string, javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/inloggen`);
    await page.fill("#email", email);
    await page.fill("#password", DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/werkruimte"),
      page.click('form[action="/inloggen"] button[type=submit]'),
    ]);
    return page;
  };

  for (const javaScript of [true, false]) {
    const how = javaScript ? "with JavaScript, no axe violations" : "without JavaScript";

    it(
      `a scan for money shows the MIT as verwacht with its month, preparation advice and stale notice (${how})`,
      async () => {
        const page = await open(javaScript);
        const carried =
          "grootte=klein&gemeente=GM0153&sector=C&situatie=ideeen&motivatie=nieuwe_omzet&thema=productontwerp";
        await page.goto(`${fixture.server.baseUrl}/scan?stap=7&${carried}`);
        await page.check('input[name="hulp"][value="financiering"]');
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/scan/resultaat/")),
          page.click('form[action="/scan/resultaat"] button[type=submit]'),
        ]);
        const card = page.locator('[data-ref-id="mit-haalbaarheidsproject"]');
        expect(await card.count()).toBe(1);
        const text = await card.textContent();
        expect(text).toMatch(/Verwacht\.\s+Opent naar verwachting in \w+ \d{4}\./);
        expect(text).toContain("Bereid u nu voor");
        expect(text).toMatch(/Gecontroleerd op .+ — controleer de actuele stand bij de aanbieder\./);
        await check(page, javaScript);
      },
      SLOW,
    );

    for (const lang of ["nl", "en"] as const)
      it(`instrument page, search, coverage and agenda in ${lang} (${how})`, async () => {
        const page = await open(javaScript);
        const visit = async (path: string) => {
          const response = await page.goto(
            `${fixture.server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
          );
          expect(response?.status(), path).toBe(200);
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          await check(page, javaScript);
          return page.locator("main").textContent();
        };
        const instrument = await visit("/aanbod/mit-haalbaarheidsproject");
        expect(instrument).toContain(lang === "nl" ? "Bereid u nu voor" : "Prepare now");
        expect(instrument).toContain(lang === "nl" ? "Gecontroleerd op" : "Checked on");
        const search = await visit("/aanbod?q=mit");
        expect(search).toContain(lang === "nl" ? "Verwacht" : "Expected");
        const coverage = await visit("/monitor/dekking");
        expect(coverage).toContain(
          lang === "nl"
            ? "In Noord-Brabant en Zeeland is er nu geen"
            : "In Noord-Brabant and Zeeland there is",
        );
        const agenda = await visit("/agenda");
        expect(agenda).not.toMatch(/avond|ontbijt|evening|breakfast/i);
      });

    it(
      `a provider confirms a listing as still current, and a hub adds an event for its own loket (${how})`,
      async () => {
        const provider = await signedIn(fixture.browser, "aanbieder.rvo@demo.invalid", javaScript);
        await provider.goto(`${fixture.server.baseUrl}/werkruimte/aanbod`);
        await check(provider, javaScript);
        // Not MIT: the instrument-page test reads MIT's "Gecontroleerd op" (stale) line, in any order.
        const confirm = provider
          .locator(
            'form.cl-stale:not([action="/werkruimte/aanbod/mit-haalbaarheidsproject/actueel"]) button',
            {
              hasText: "Nog actueel",
            },
          )
          .first();
        expect(await confirm.count()).toBe(1);
        await Promise.all([
          provider.waitForURL((url) => url.pathname === "/werkruimte/aanbod"),
          confirm.click(),
        ]);
        await check(provider, javaScript);

        const hub = await signedIn(fixture.browser, "adviseur.es04@demo.invalid", javaScript);
        await hub.goto(`${fixture.server.baseUrl}/werkruimte/agenda/nieuw`);
        await check(hub, javaScript);
        expect(await hub.locator("main").textContent()).toContain("Circulair Loket Twente (demo)");
        const title = `Spreekuur loket Twente ${javaScript ? "A" : "B"}`;
        await hub.fill("#titleNl", title);
        await hub.fill("#titleEn", `Twente desk office hours ${javaScript ? "A" : "B"}`);
        await hub.fill("#descriptionNl", "Stel uw vragen over circulair ondernemen aan het loket.");
        await hub.fill("#descriptionEn", "Ask the desk your questions about circular business.");
        await hub.fill("#startDate", "2027-03-10");
        await hub.fill("#startTime", "10:00");
        await hub.fill("#endTime", "12:00");
        await hub.fill("#place", "Stadskantoor Enschede");
        await hub.selectOption("#regionCode", "ES04");
        await Promise.all([
          hub.waitForURL((url) => url.pathname === "/werkruimte/agenda"),
          hub.click('form[action="/werkruimte/agenda/nieuw"] button[type=submit]'),
        ]);
        expect(await hub.locator("main").textContent()).toContain(title);
        await check(hub, javaScript);
        await hub.goto(`${fixture.server.baseUrl}/agenda?regio=ES04`);
        const agenda = await hub.locator("main").textContent();
        expect(agenda).toContain(title);
        expect(agenda).toContain("Circulair Loket Twente (demo)");
      },
      SLOW * 2,
    );
  }
});
