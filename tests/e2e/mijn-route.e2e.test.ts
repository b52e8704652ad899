import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

const STEP_TIMEOUT = 180_000;
const SHOTS = process.env.TMPDIR ?? "/tmp";

/**
 * Mijn route in Chromium (ADR 0091): saved from the route page without JavaScript, a measure ticked off with its
 * effect, the phase and next step moving on, the link asked for by e-mail and the confirmation mail opened from the
 * outbox; axe finds nothing on the new pages in Dutch and English, and they reflow at 320 px.
 */
describe("Mijn route in Chromium", () => {
  const fixture = appInChromium();

  /** Saves the Zwolle metal workshop's route through the save page (no JavaScript) and returns its path. */
  async function saveRoute(): Promise<string> {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/mijn-route/bewaren?gemeente=GM0153&sector=25`);
    await Promise.all([
      page.waitForURL(
        (url) => url.pathname.startsWith("/mijn-route/") && url.pathname !== "/mijn-route/bewaren",
      ),
      page.click('form[action="/mijn-route"] button[type=submit]'),
    ]);
    const path = new URL(page.url()).pathname;
    await context.close();
    return path;
  }

  async function checked(path: string, width = 1024): Promise<Page> {
    const context = await fixture.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const response = await page.goto(`${fixture.server.baseUrl}${path}`);
    expect(response?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(innerWidth);
    return page;
  }

  it(
    "saves the route, ticks a measure off with its effect, moves the phase on and confirms the address from the outbox",
    async () => {
      const context = await fixture.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${fixture.server.baseUrl}/route?gemeente=GM0153&sector=25`);
      // The route page links to the save page (no form token on the cacheable route); that page saves.
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/mijn-route/bewaren"),
        page.click('a[href^="/mijn-route/bewaren?"]'),
      ]);
      await Promise.all([
        page.waitForURL(
          (url) => url.pathname.startsWith("/mijn-route/") && url.pathname !== "/mijn-route/bewaren",
        ),
        page.click('form[action="/mijn-route"] button[type=submit]'),
      ]);
      const routePath = new URL(page.url()).pathname;
      expect(routePath).toMatch(/^\/mijn-route\/[A-Za-z0-9_-]{43}$/);
      expect(await page.textContent("main")).toContain("Uw route is bewaard");
      expect(await page.textContent("#fase")).toBe("Uw fase: Starter");
      expect(await page.textContent("#volgende-stap")).toBe("Uw volgende stap: informeren");

      // The first measure: done, with what it achieved.
      const measure = page.locator("li[id^=maatregel-]").first();
      const measureId = (await measure.getAttribute("id"))!;
      const code = measureId.replace("maatregel-", "");
      await page.selectOption(`#maatregel-${code}-status`, "gedaan");
      await page.fill(`#m-${code}-materiaal`, "1.500");
      await page.fill(`#m-${code}-co2`, "320,5");
      await page.selectOption(`#m-${code}-co2-basis`, "gemeten");
      await Promise.all([page.waitForURL(/\?gewijzigd/), page.click(`#${measureId} button[type=submit]`)]);
      const done = (await page.textContent(`#${measureId}`))!;
      expect(done).toContain("Status: Gedaan");
      expect(done).toContain("1.500 (geschat)");
      expect(done).toContain("320,5 (gemeten)");

      // Steps done: the next step and the phase move on.
      for (const step of ["informeren", "inspireren"]) {
        await page.selectOption(`#stap-${step}-status`, "gedaan");
        await Promise.all([
          page.waitForURL((url) => url.hash === `#stap-${step}`),
          page.click(`#stap-${step} button[type=submit]`),
        ]);
      }
      expect(await page.textContent("#fase")).toBe("Uw fase: Peloton");
      expect(await page.textContent("#volgende-stap")).toBe("Uw volgende stap: kansen vinden");
      await page.screenshot({ path: `${SHOTS}/mijn-route-nl.png`, fullPage: true });

      // "Stuur mij deze link": the confirmation mail in the outbox, opened in the browser.
      await page.fill("#email", "bakkerij.e2e@voorbeeld-zwolle.nl");
      await Promise.all([
        page.waitForURL(/\?e-mail/),
        page.click('form[action$="/e-mail"] button[type=submit]'),
      ]);
      expect(await page.textContent("main")).toContain("Wij hebben u een e-mail gestuurd");
      const [mail] = await queryRows<{ html: string; body: string }>(
        fixture.database.db,
        sql`select html, body from outbox_messages where kind = 'mijn_route_bevestigen' order by id desc limit 1`,
      );
      const link = /(https?:\/\/[^\s]+\/mijn-route\/bevestigen\/[A-Za-z0-9_-]{43})/.exec(mail!.body)![1]!;
      const mailPage = await context.newPage();
      await mailPage.setContent(mail!.html);
      expect(await mailPage.textContent("body")).toContain("Bevestig mijn e-mailadres");
      await mailPage.close();
      await page.goto(`${fixture.server.baseUrl}${new URL(link).pathname}`);
      await Promise.all([page.waitForLoadState(), page.click("main form button[type=submit]")]);
      expect(await page.textContent("h1")).toBe("Uw e-mailadres is bevestigd");
      const [sent] = await queryRows<{ body: string }>(
        fixture.database.db,
        sql`select body from outbox_messages where kind = 'mijn_route_link' order by id desc limit 1`,
      );
      expect(sent!.body).toContain(routePath);
      await context.close();
    },
    STEP_TIMEOUT,
  );

  it(
    "passes axe in Dutch and English and reflows at 320 px, with the save link on the route page and the save page",
    async () => {
      // This test saves a route of its own, so it passes alone and in any order.
      const routePath = await saveRoute();
      for (const path of [
        routePath,
        `${routePath}?lang=en`,
        "/route?gemeente=GM0153&sector=25",
        "/mijn-route/bewaren?gemeente=GM0153&sector=25",
        "/mijn-route/bewaren?gemeente=GM0153&sector=25&lang=en",
        `/mijn-route/bevestigen/${"C".repeat(43)}`,
        `/mijn-route/bevestigen/${"C".repeat(43)}?lang=en`,
      ])
        for (const width of [1024, 320]) {
          const page = await checked(path, width);
          if (path === `${routePath}?lang=en` && width === 320)
            await page.screenshot({ path: `${SHOTS}/mijn-route-en-320.png`, fullPage: true });
          await page.context().close();
        }
      // Print: no forms, no navigation.
      const page = await checked(routePath);
      await page.emulateMedia({ media: "print" });
      const visibleForms = await page.evaluate(
        () => [...document.querySelectorAll("form")].filter((form) => form.offsetParent !== null).length,
      );
      expect(visibleForms).toBe(0);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
