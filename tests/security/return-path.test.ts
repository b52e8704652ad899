import { beforeAll, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { browserSession, createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 6 of issue 13: the return path after an action (`terug=`) is a path on this service, or the safe default —
 * never another site, never a 500. What a browser makes of a Location header is what counts: it drops tabs and line
 * breaks and reads `\` as `/`, so the test resolves every answer the way a browser does.
 */
const ORIGIN = "https://loket.example";
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\nSet-Cookie: cl_session=planted",
  "/\\evil.example",
  "/\\/evil.example",
  "//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "/\u0000/evil.example",
  "\t//evil.example",
  " /werkruimte",
];

/** Where a browser on this site goes with this Location (or link), as an origin and path. */
const browserTarget = (location: string) => {
  const url = new URL(location, `${ORIGIN}/inloggen`);
  return { origin: url.origin, path: url.pathname };
};

describeEachDatabase("the return path after login", (database) => {
  let now = new Date("2026-12-01T09:00:00Z");
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database(), { PUBLIC_BASE_URL: ORIGIN }, { clock: () => now });
  });

  const loginWith = async (terug: string) => {
    // Past the login limits of the previous attempt: this test is about the redirect, not the rate limit.
    now = new Date(now.getTime() + 20 * 60_000);
    const session = browserSession(app);
    const csrf = await session.csrfTokenFrom(`/inloggen?terug=${encodeURIComponent(terug)}`);
    return session.post(
      "/inloggen",
      { email: "adviseur.es04@demo.invalid", password: "demo-wachtwoord", terug },
      { csrf },
    );
  };

  it("a hostile terug= on the login form falls back to the workspace: the form never carries it", async () => {
    for (const terug of HOSTILE) {
      const html = await (await app.request(`/inloggen?terug=${encodeURIComponent(terug)}`)).text();
      const back = /name="terug" value="([^"]*)"/.exec(html)![1]!;
      expect(back, JSON.stringify(terug)).toBe("/werkruimte");
    }
  });

  it("after login, a hostile terug= sends the user to the workspace on this site, never elsewhere and never a 500", async () => {
    for (const terug of HOSTILE) {
      const response = await loginWith(terug);
      expect(response.status, JSON.stringify(terug)).toBe(303);
      const location = response.headers.get("location")!;
      expect(browserTarget(location), JSON.stringify(terug)).toEqual({ origin: ORIGIN, path: "/werkruimte" });
    }
  });

  it("a path on this site is kept, with its query and fragment", async () => {
    for (const terug of [
      "/werkruimte/dossiers/1?tab=notities#notities",
      "/werkruimte?filter=mijn",
      "/monitor",
    ]) {
      const response = await loginWith(terug);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(terug);
    }
  });

  it("a page asked for as //other-host/… links to the other language on this site, not to that host", async () => {
    const response = await app.request("http://localhost//evil.example/pad?x=1");
    expect(response.status).toBe(404);
    const html = await response.text();
    const links = [...html.matchAll(/href="([^"]*lang=en[^"]*)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(browserTarget(link.replaceAll("&amp;", "&")).origin).toBe(ORIGIN);
  });
});
