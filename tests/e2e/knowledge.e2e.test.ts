import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

describe("knowledge pages in Chromium", () => {
  // The agenda's invented example events exist only in demo mode (ADR 0079): load them as a demo started today would.
  const fixture = appInChromium({
    prepare: (database) => loadKnowledgeContent(database.db, { exampleEventsFrom: new Date() }),
  });

  const pages: [string, number][] = [
    ["/voorbeelden", 200],
    ["/voorbeelden?sector=textiel&strategie=R8", 200],
    ["/voorbeelden?sector=onbekend", 400],
    ["/voorbeelden/mud-jeans-lease-a-jeans", 200],
    ["/agenda", 200],
    ["/agenda?archief=1", 200],
    ["/agenda?maand=maart", 400],
    ["/sectoren", 200],
    ["/sectoren?q=verpakking&strategie=R2", 200],
    ["/sectoren?termijn=ooit", 400],
    ["/sectoren/bouw", 200],
    // A package new with issue 17, one whose sources include a German title, and a route that shows a package.
    ["/sectoren/voedingsmiddelen", 200],
    ["/sectoren/persoonlijke-diensten", 200],
    ["/route?gemeente=GM0153&sector=10", 200],
    ["/routekaarten", 200],
    ["/routekaarten/routekaart-bouw", 200],
  ];
  for (const lang of ["nl", "en"] as const) {
    for (const [path, status] of pages) {
      it(`${path} in ${lang} has no axe violations`, async () => {
        const page = await fixture.browser.newPage();
        const separator = path.includes("?") ? "&" : "?";
        const response = await page.goto(`${fixture.server.baseUrl}${path}${separator}lang=${lang}`);
        expect(response?.status()).toBe(status);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await expectNoAxeViolations(page);
        await page.close();
      });
    }
  }

  it("filters the examples without JavaScript", async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/voorbeelden`);
    await page.selectOption("#sector", "textiel");
    await page.selectOption("#strategie", "R8");
    await page.click("button[type=submit]");
    const url = new URL(page.url());
    expect(url.searchParams.get("sector")).toBe("textiel");
    expect(url.searchParams.get("strategie")).toBe("R8");
    expect(await page.textContent("#resultaten")).toMatch(/^\d+ voorbeelden gevonden$/);
    const sectors = await page.locator(".cl-card dd:nth-of-type(2)").allTextContents();
    expect(sectors.length).toBeGreaterThan(0);
    expect(new Set(sectors)).toEqual(new Set(["Textiel, kleding en schoenen"]));
    await context.close();
  });

  it("filters the agenda by region without JavaScript, every demo event marked as an example", async () => {
    const context = await fixture.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/agenda`);
    await page.selectOption("#regio", "ES04");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).searchParams.get("regio")).toBe("ES04");
    const cards = page.locator("#bijeenkomsten + ul > li");
    const total = await cards.count();
    expect(total).toBeGreaterThan(0);
    expect(await page.locator("#bijeenkomsten + ul .cl-example-badge").count()).toBe(total);
    expect(await page.textContent("#voorbeeld-melding")).toBe("Let op: dit zijn voorbeelden");
    await context.close();
  });

  it("downloads the agenda as an .ics file that a calendar can import", async () => {
    const context = await fixture.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/agenda?regio=PV30`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('a[href^="/agenda.ics"]'),
    ]);
    expect(download.suggestedFilename()).toBe("circulair-loket-agenda.ics");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text).toContain("\r\nBEGIN:VEVENT\r\n");
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    expect(events.length).toBe(await page.locator("#bijeenkomsten + ul > li").count());
    for (const event of events) {
      expect(event.getFirstPropertyValue("uid")).toBeTruthy();
      expect(event.getFirstPropertyValue("dtstamp")).toBeTruthy();
      expect(String(event.getFirstPropertyValue("summary"))).toMatch(/^\[Voorbeeld\] /);
    }
    await context.close();
  });
});
