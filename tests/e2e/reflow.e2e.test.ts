import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { loadKnowledgeContent } from "../../src/modules/knowledge/index.js";
import { appInChromium } from "./support/app-in-chromium.js";

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px wide no public page scrolls sideways. Data tables may scroll inside their own
 * box; the document may not. Knowledge content and the demo hubs are loaded, so the long Dutch compounds of the
 * agenda and sector pages and the intake form are on the pages.
 */
const PAGES = [
  "/",
  "/regio",
  "/regio/ES04",
  // Lokets with long web and e-mail addresses, and the national fallback (ADR 0081).
  "/regio/ES23",
  "/regio/ES06",
  "/regio/ES26",
  "/toegankelijkheid",
  "/privacy",
  "/aanbod",
  "/aanbod?q=subsidies&fase=peloton&gemeente=GM0153",
  "/aanbod/circo-track",
  "/voorbeelden",
  "/voorbeelden/mud-jeans-lease-a-jeans",
  "/agenda",
  "/sectoren",
  "/sectoren/bouw",
  "/sectoren?q=verpakking",
  "/routekaarten",
  "/routekaarten/routekaart-bouw",
  "/route?gemeente=GM0153&sector=25",
  "/scan",
  "/scan?stap=2",
  "/monitor",
  "/monitor/dekking",
  "/aanbod/mit-haalbaarheidsproject",
  "/aanbod?q=mit",
  "/monitor/regio/ES04",
  "/monitor/klantreis",
  "/belemmering-melden",
  "/inloggen",
  "/intake?regio=ES04",
  "/intake?regio=ES26",
  // "Stuur mij mijn link opnieuw" (ADR 0085); the case page itself is measured in own-case.e2e.test.ts.
  "/mijn-aanvraag",
  "/api/docs",
  "/bestaat-niet",
];

describe("reflow at 320 CSS px in Chromium", () => {
  const fixture = appInChromium({
    prepare: async (database) => {
      await loadKnowledgeContent(database.db);
      await seedDemoData(database.db, "reflow-test-wachtwoord");
    },
  });

  it("no public page is wider than a 320px viewport, in Dutch or English", async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const measured: string[] = [];
    const tooWide: string[] = [];
    for (const lang of ["nl", "en"] as const) {
      for (const path of PAGES) {
        const separator = path.includes("?") ? "&" : "?";
        const response = await page.goto(`${fixture.server.baseUrl}${path}${separator}lang=${lang}`);
        expect([200, 404], `${path} (${lang})`).toContain(response?.status());
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        const line = `${path} (${lang}): ${scrollWidth}px in ${innerWidth}px`;
        measured.push(line);
        if (scrollWidth > innerWidth) tooWide.push(line);
      }
    }
    await context.close();
    expect(
      tooWide,
      `pages that scroll sideways at 320px:\n${tooWide.join("\n")}\n\nall pages:\n${measured.join("\n")}`,
    ).toEqual([]);
  });
});
