import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

/** Each journey step logs in and loads several pages; on a busy 2-core CI machine that can take well over a minute. */
const JOURNEY_STEP_TIMEOUT = 180_000;

/** The closed loop in Chromium: entrepreneur → adviseur Twente → aanbieder RVO → adviseur; Rotterdam sees nothing. */
describe("regional loket journey in Chromium", () => {
  const contexts: Record<string, BrowserContext> = {};

  const fixture = appInChromium({ prepare: (database) => seedDemoData(database.db, DEMO_PASSWORD) });

  /** A browser context logged in through the real form. */
  async function signIn(email: string) {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/inloggen`);
    await page.fill("#email", email);
    await page.fill("#password", DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/werkruimte"),
      page.click('form[action="/inloggen"] button[type=submit]'),
    ]);
    await page.close();
    return context;
  }
  /**
   * A page of a logged-in user: in a context kept per user for the page checks, or with `own` in a new one, for a test
   * that must not find a language (or a logout) another test left in the kept one.
   */
  async function as(email: string, { own = false } = {}): Promise<Page> {
    if (own) return (await signIn(email)).newPage();
    contexts[email] ??= await signIn(email);
    return contexts[email].newPage();
  }

  /** A workspace page as the given user, in one language: it answers 200 in that language, without axe violations. */
  async function checkWorkspacePage(email: string, target: string, lang: "nl" | "en") {
    const page = await as(email);
    const response = await page.goto(
      `${fixture.server.baseUrl}${target}${target.includes("?") ? "&" : "?"}lang=${lang}`,
    );
    expect(response?.status(), target).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    await expectNoAxeViolations(page);
    await page.close();
  }

  it(
    "the closed loop: an intake from the region page, referred by adviseur.es04, helped by RVO, unseen by adviseur.es23; RVO closes WBSO",
    async () => {
      let dossierPath = "";
      let referralPath = "";
      // One journey, one test: each step continues the one before, and the test stands alone (ADR 0090).
      // 1. an entrepreneur asks the Twente loket for a conversation from the region page
      {
        const page = await fixture.browser.newPage();
        await page.goto(`${fixture.server.baseUrl}/regio/ES04`);
        await page.click('a[href="/intake?regio=ES04"]');
        await expectNoAxeViolations(page);
        // The intake asks for the municipality; "Hengelo" lies in two, so the form will offer the choice.
        await page.fill("#gemeente", "Hengelo");
        await page.fill("#contactName", "Fatima de Vries");
        await page.fill("#email", "fatima@voorbeeld-bedrijf.nl");
        await page.fill("#companyName", `Metaal & Zonen <b>BV</b>`);
        await page.fill("#kvk", "1234");
        await page.fill("#question", "Wij willen ons restmetaal hergebruiken. Welke subsidie past?");
        await page.click('form[action="/intake"] button[type=submit]');
        // Two Hengelos, a wrong KVK number and no consent: the summary names all three, the input stays.
        expect(await page.textContent(".cl-error-summary")).toContain("8 cijfers");
        expect(await page.textContent(".cl-error-summary")).toContain("“Hengelo”");
        expect(await page.inputValue("#companyName")).toBe("Metaal & Zonen <b>BV</b>");
        await expectNoAxeViolations(page);
        await page.check('label:text-is("Hengelo (Overijssel)")');
        await page.fill("#kvk", "12345678");
        await page.check("#consent");
        await page.click('form[action="/intake"] button[type=submit]');
        expect(await page.textContent("h1")).toBe("Uw aanvraag");
        expect(await page.textContent("main")).toContain("Uw aanvraag is verstuurd");
        expect(await page.textContent("main")).toContain("Wat gebeurt er nu?");
        await expectNoAxeViolations(page);
        await page.close();
      }
      // 2. adviseur.es04 finds it in the queue, takes the dossier and refers it to an RVO instrument
      {
        const page = await as("adviseur.es04@demo.invalid", { own: true });
        await page.goto(`${fixture.server.baseUrl}/werkruimte`);
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/werkruimte/dossiers/")),
          page.click("text=Metaal & Zonen <b>BV</b>"),
        ]);
        dossierPath = new URL(page.url()).pathname;
        expect(dossierPath).toMatch(/^\/werkruimte\/dossiers\/\d+$/);
        await page.click(`form[action="${dossierPath}/oppakken"] button`);
        // The dossier speaks words: region and sector by name, and the picker says how each referral travels.
        const profile = await page.textContent("#bedrijf + dl");
        expect(profile).toContain("Twente");
        expect(profile).not.toContain("ES04");
        expect(await page.textContent("#refId")).toContain("via het account van de aanbieder");
        await expectNoAxeViolations(page);
        // Support outside the region only on request, with a warning; no JavaScript needed (a plain link).
        await Promise.all([
          page.waitForURL((url) => url.searchParams.get("buiten_regio") === "1"),
          page.click("text=Toon ook aanbod buiten de regio"),
        ]);
        expect(await page.textContent("main")).toContain(
          "Let op: de lijst toont nu ook aanbod buiten de regio",
        );
        expect(await page.textContent("#refId")).toContain("buiten de regio");
        await expectNoAxeViolations(page);
        // Long instrument names and delivery routes in the picker still reflow at 320 CSS px (WCAG 1.4.10).
        const viewport = page.viewportSize();
        await page.setViewportSize({ width: 320, height: 640 });
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        if (viewport) await page.setViewportSize(viewport);
        await page.selectOption("#refId", "rvo-mia-vamil-circulair");
        await page.fill("#message", "Investering in een machine voor hergebruik van restmetaal.");
        await Promise.all([
          page.waitForURL((url) => url.pathname.startsWith("/werkruimte/verwijzingen/")),
          page.click(`form[action="${dossierPath}/verwijzingen"] button`),
        ]);
        referralPath = new URL(page.url()).pathname;
        expect(referralPath).toMatch(/^\/werkruimte\/verwijzingen\/\d+$/);
        expect(await page.textContent("main")).toContain("verstuurd");
        await page.close();
      }
      // 3. aanbieder.rvo accepts the referral and records that the company was helped
      {
        const page = await as("aanbieder.rvo@demo.invalid", { own: true });
        await page.goto(`${fixture.server.baseUrl}/werkruimte`);
        await page.click(`a[href="${referralPath}"]`);
        for (const status of ["geaccepteerd", "in_uitvoering", "afgerond_geholpen"]) {
          await page.selectOption("#to", status);
          await page.click(`form[action="${referralPath}/status"] button`);
        }
        expect(await page.textContent("main")).toContain("afgerond – geholpen");
        expect(await page.textContent("main")).toContain("De verwijzing is afgerond");
        await page.close();
      }
      // 4. the adviseur sees the loop closed in the dossier
      {
        const page = await as("adviseur.es04@demo.invalid", { own: true });
        await page.goto(`${fixture.server.baseUrl}${dossierPath}`);
        const text = await page.textContent("#verwijzingen + *");
        expect(text).toContain("afgerond – geholpen");
        expect(text).toContain("geholpen");
        await page.close();
      }
      // 5. adviseur.es23 sees none of it
      {
        const page = await as("adviseur.es23@demo.invalid", { own: true });
        for (const filter of ["nieuw", "mijn", "wachten", "verlopen"]) {
          await page.goto(`${fixture.server.baseUrl}/werkruimte?filter=${filter}`);
          expect(await page.textContent("main")).not.toContain("Metaal");
        }
        expect((await page.goto(`${fixture.server.baseUrl}${dossierPath}`))?.status()).toBe(403);
        expect((await page.goto(`${fixture.server.baseUrl}${referralPath}`))?.status()).toBe(403);
        await page.close();
      }
      // 6. aanbieder.rvo closes the WBSO listing; the public page and the adviser's referral list follow at once
      {
        const page = await as("aanbieder.rvo@demo.invalid", { own: true });
        await page.goto(`${fixture.server.baseUrl}/werkruimte/aanbod`);
        const form = 'form[action="/werkruimte/aanbod/rvo-wbso"]';
        expect(await page.inputValue("#rvo-wbso-status")).toBe("doorlopend");
        await page.selectOption("#rvo-wbso-status", "gesloten");
        await page.fill("#rvo-wbso-opensOn", "2026-02-01");
        await page.fill("#rvo-wbso-closesOn", "2026-01-01");
        await Promise.all([
          page.waitForURL((url) => url.pathname === "/werkruimte/aanbod/rvo-wbso"),
          page.click(`${form} button`),
        ]);
        // An end before the start: the summary links to the field, the input stays.
        expect(await page.textContent(".cl-error-summary")).toContain("De einddatum ligt voor de begindatum");
        expect(await page.inputValue("#rvo-wbso-opensOn")).toBe("2026-02-01");
        await expectNoAxeViolations(page);
        await page.fill("#rvo-wbso-closesOn", "2026-11-20");
        await Promise.all([
          page.waitForURL((url) => url.pathname === "/werkruimte/aanbod" && url.search === "?opgeslagen"),
          page.click(`${form} button`),
        ]);
        expect(await page.textContent("main")).toContain("De wijziging is opgeslagen");
        await Promise.all([
          page.waitForURL((url) => url.pathname === "/aanbod/wbso"),
          page.click('a[href="/aanbod/wbso"]'),
        ]);
        expect(await page.textContent("main")).toContain("Gesloten");
        await page.close();

        const adviser = await as("adviseur.es04@demo.invalid", { own: true });
        await adviser.goto(`${fixture.server.baseUrl}${dossierPath}`);
        const offered = await adviser.$$eval("#refId option", (options) =>
          options.map((option) => (option as HTMLOptionElement).value),
        );
        expect(offered).toContain("rvo-mia-vamil-circulair");
        expect(offered).not.toContain("rvo-wbso");
        await adviser.close();
      }
      // The journey's own dossier and referral pages, as the adviser and the provider see them, in both languages.
      for (const lang of ["nl", "en"] as const)
        for (const [email, target] of [
          ["adviseur.es04@demo.invalid", dossierPath],
          ["adviseur.es04@demo.invalid", referralPath],
          ["aanbieder.rvo@demo.invalid", referralPath],
        ] as const)
          await checkWorkspacePage(email, target, lang);
    },
    6 * JOURNEY_STEP_TIMEOUT,
  );

  it(
    "aanbieder.rvo puts an event on the agenda; the public agenda shows it at once",
    async () => {
      const page = await as("aanbieder.rvo@demo.invalid", { own: true });
      await page.goto(`${fixture.server.baseUrl}/werkruimte`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/werkruimte/agenda"),
        page.click('a[href="/werkruimte/agenda"]'),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/werkruimte/agenda/nieuw"),
        page.click('a[href="/werkruimte/agenda/nieuw"]'),
      ]);
      // A date a month ahead, in the form's own yyyy-mm-dd.
      const date = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      await page.fill("#titleNl", "Spreekuur circulair ondernemen");
      await page.fill("#startDate", date);
      await page.fill("#startTime", "14:00");
      await page.fill("#endTime", "13:00");
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/werkruimte/agenda/nieuw"),
        page.click('form[action="/werkruimte/agenda/nieuw"] button[type=submit]'),
      ]);
      // Every missing or wrong field is in the summary; what was typed stays.
      const summary = await page.textContent(".cl-error-summary");
      expect(summary).toContain("Vul de Engelse titel in.");
      expect(summary).toContain("De activiteit moet eindigen na het begin.");
      expect(summary).toContain("Vul een plaats in, of kies dat de activiteit online is.");
      expect(await page.inputValue("#titleNl")).toBe("Spreekuur circulair ondernemen");
      await expectNoAxeViolations(page);
      await page.fill("#titleEn", "Circular business office hours");
      await page.fill("#descriptionNl", "Stel uw vragen over circulair ondernemen aan een adviseur.");
      await page.fill("#descriptionEn", "Ask an adviser your questions about circular business.");
      await page.fill("#endTime", "16:00");
      await page.fill("#place", "Stadskantoor, Enschede");
      await page.selectOption("#regionCode", "ES04");
      await page.selectOption("#instrumentRefId", "rvo-mia-vamil-circulair");
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/werkruimte/agenda" && url.search === "?opgeslagen"),
        page.click('form[action="/werkruimte/agenda/nieuw"] button[type=submit]'),
      ]);
      expect(await page.textContent("main")).toContain("De activiteit is opgeslagen");
      const eventSlug = (await page.getAttribute('main table a[href^="/werkruimte/agenda/"]', "href"))!
        .split("/")
        .pop()!;
      await page.close();

      const visitor = await fixture.browser.newPage();
      await visitor.goto(`${fixture.server.baseUrl}/agenda?regio=ES04`);
      const card = visitor.locator(`li[id="${eventSlug}"]`);
      expect(await card.textContent()).toContain("Spreekuur circulair ondernemen");
      expect(await card.textContent()).not.toContain("Voorbeeld");
      await visitor.close();
      // The event's own page in the workspace, in both languages.
      for (const lang of ["nl", "en"] as const)
        await checkWorkspacePage("aanbieder.rvo@demo.invalid", `/werkruimte/agenda/${eventSlug}`, lang);
    },
    JOURNEY_STEP_TIMEOUT,
  );

  // The dossier, referral and event pages are checked by the tests that make them (above).
  const workspacePages: [string, string][] = [
    ["adviseur.es04@demo.invalid", "/werkruimte"],
    ["adviseur.es04@demo.invalid", "/werkruimte?filter=mijn"],
    ["adviseur.es04@demo.invalid", "/werkruimte/outbox"],
    ["aanbieder.rvo@demo.invalid", "/werkruimte"],
    ["aanbieder.rvo@demo.invalid", "/werkruimte/aanbod"],
    ["aanbieder.rvo@demo.invalid", "/werkruimte/agenda"],
    ["aanbieder.rvo@demo.invalid", "/werkruimte/agenda/nieuw"],
    ["coordinator@demo.invalid", "/werkruimte"],
    ["beheer@demo.invalid", "/werkruimte"],
    ["beheer@demo.invalid", "/werkruimte/outbox"],
    ["beheer@demo.invalid", "/beheer/betrokkenen"],
    ["beheer@demo.invalid", "/beheer/audit"],
  ];
  for (const lang of ["nl", "en"] as const) {
    for (const [email, path] of workspacePages)
      it(`${email}: workspace page ${path} in ${lang} has no axe violations`, () =>
        checkWorkspacePage(email, path, lang));
    for (const path of [
      "/inloggen",
      "/wachtwoord-vergeten",
      "/wachtwoord-herstellen?token=ongeldig",
      "/intake",
      "/intake?regio=ES23",
    ])
      it(`${path} in ${lang} has no axe violations`, async () => {
        const page = await fixture.browser.newPage();
        const response = await page.goto(
          `${fixture.server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`,
        );
        expect(response?.status()).toBe(200);
        await expectNoAxeViolations(page);
        await page.close();
      });
  }

  it("logging out ends the session", async () => {
    // A session of its own: the other tests keep theirs.
    const page = await as("coordinator@demo.invalid", { own: true });
    await page.goto(`${fixture.server.baseUrl}/werkruimte`);
    await page.click('form[action="/uitloggen"] button');
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await page.goto(`${fixture.server.baseUrl}/werkruimte`);
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await page.close();
  });
});
