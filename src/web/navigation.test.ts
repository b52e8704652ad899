import { beforeAll, expect, it } from "vitest";
import { addAccount } from "../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../tests/support/app.js";
import { describeEachDatabase } from "../../tests/support/database.js";
import { loginAs } from "../../tests/support/workspace.js";

/**
 * Issue 18, item 1: the monitor is for those who steer with it. An entrepreneur's main menu leaves it out (the footer
 * keeps it for the curious), a coordinator's carries it, and the monitor's own tabs show only what the visitor may
 * open. The public barrier form is reachable from every page and from the route.
 */
describeEachDatabase("navigation fits the visitor", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
    await addAccount(database().db, {
      email: "navigatie.coordinator@voorbeeld.nl",
      role: "coordinator",
      organisation: {
        id: "navigatie-nl",
        kind: "coordinator",
        name: "Landelijke coördinatie",
        scope: "national",
      },
    });
  });

  const mainNavigation = (html: string) => /<nav class="cl-nav"[\s\S]*?<\/nav>/.exec(html)![0];
  const footer = (html: string) => /<footer[\s\S]*?<\/footer>/.exec(html)![0];
  const monitorTabs = (html: string) =>
    [.../<nav[^>]*class="cl-monitor-nav"[\s\S]*?<\/nav>/.exec(html)![0].matchAll(/href="([^"]+)"/g)].map(
      (match) => match[1],
    );

  it("an entrepreneur's main menu has no monitor; the footer links to it and to the barrier form", async () => {
    const html = await (await app.request("/")).text();
    expect(mainNavigation(html)).toContain('href="/aanbod"');
    expect(mainNavigation(html)).not.toContain('href="/monitor"');
    expect(footer(html)).toContain('href="/monitor"');
    expect(footer(html)).toContain('href="/belemmering-melden"');
  });

  it("a visitor sees only the monitor tabs they may open: not the barrier register", async () => {
    const html = await (await app.request("/monitor")).text();
    // The gap view is public (ADR 0094); instead of the register a visitor gets the published barriers (ADR 0096).
    expect(monitorTabs(html)).toEqual([
      "/monitor",
      "/monitor/dekking",
      "/monitor/gaten",
      "/monitor/klantreis",
      "/monitor/effect",
      "/monitor/doelen",
      "/belemmeringen",
    ]);
    expect((await app.request("/monitor/belemmeringen")).status).not.toBe(200);
  });

  it("a national coordinator has the monitor in the main menu and every tab, the barrier register included", async () => {
    const { session } = await loginAs(app, "navigatie.coordinator@voorbeeld.nl");
    const html = await (await session.get("/monitor")).text();
    expect(mainNavigation(html)).toContain('href="/monitor"');
    expect(monitorTabs(html)).toContain("/monitor/belemmeringen");
    expect((await session.get("/monitor/belemmeringen")).status).toBe(200);
  });

  it("the route invites a company that runs into a rule to report it", async () => {
    const session = browserSession(app);
    const html = await (await session.get("/route?gemeente=GM0193&sector=C&lang=nl")).text();
    expect(html).toContain("Loopt u ergens tegenaan?");
    expect(html).toContain('href="/belemmering-melden"');
  });
});
