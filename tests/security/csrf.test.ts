import { beforeAll, expect, it } from "vitest";
import { seedDemoData } from "../../src/db/seed.js";
import { browserSession, createTestApp } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 6 of issue 13: the CSRF token is bound to the session once there is one. A signed double-submit token alone
 * trusts whoever can set the CSRF cookie (a tossed cookie from a sibling host, a token kept from before login); bound
 * to the session, such a token is refused, and login rotates it. Without a session, forms post as before.
 */
describeEachDatabase("CSRF tokens bound to the session", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    app = await createTestApp(database());
  });

  type Browser = ReturnType<typeof browserSession>;
  const signedIn = async (browser: Browser) =>
    (await (await browser.get("/")).text()).includes('action="/uitloggen"');
  /** Logs in through the form; answers the browser and the token its login form had. */
  const login = async (email: string, browser: Browser = browserSession(app)) => {
    const before = await browser.csrfTokenFrom("/inloggen");
    const response = await browser.post(
      "/inloggen",
      { email, password: "demo-wachtwoord", terug: "/werkruimte" },
      { csrf: before },
    );
    expect(response.status).toBe(303);
    return { browser, before };
  };

  it("refuses a token planted with a tossed CSRF cookie once the victim is signed in", async () => {
    // The attacker's own visit: a CSRF cookie and its token, valid as a pair without a session.
    const attacker = browserSession(app);
    const plantedToken = await attacker.csrfTokenFrom("/inloggen");
    const plantedCookie = attacker.cookies.get("cl_csrf")!;
    const { browser: victim } = await login("adviseur.es04@demo.invalid");
    // The attacker overwrites the victim's CSRF cookie (e.g. from a sibling host) and posts the matching token.
    victim.cookies.set("cl_csrf", plantedCookie);
    const forged = await victim.post("/uitloggen", {}, { csrf: plantedToken });
    expect(forged.status).toBe(403);
    expect(await signedIn(victim)).toBe(true);
    // The victim's own form, rendered for this cookie and session, still works.
    const own = await victim.csrfTokenFrom("/werkruimte");
    expect((await victim.post("/uitloggen", {}, { csrf: own })).status).toBe(303);
  });

  it("login rotates the token: the one from before login is refused after it", async () => {
    const { browser, before } = await login("adviseur.es23@demo.invalid");
    const after = await browser.csrfTokenFrom("/werkruimte");
    expect(after).not.toBe(before);
    expect((await browser.post("/uitloggen", {}, { csrf: before })).status).toBe(403);
    expect(await signedIn(browser)).toBe(true);
    expect((await browser.post("/uitloggen", {}, { csrf: after })).status).toBe(303);
  });

  it("a token of one session is refused in the next session of the same browser", async () => {
    const { browser } = await login("aanbieder.rvo@demo.invalid");
    const first = await browser.csrfTokenFrom("/inloggen");
    // Logging in again (as someone else) with the first session's form: allowed, and a new session starts.
    const again = await browser.post(
      "/inloggen",
      { email: "coordinator@demo.invalid", password: "demo-wachtwoord", terug: "/" },
      { csrf: first },
    );
    expect(again.status).toBe(303);
    expect((await browser.post("/uitloggen", {}, { csrf: first })).status).toBe(403);
    const second = await browser.csrfTokenFrom("/");
    expect(second).not.toBe(first);
    expect((await browser.post("/uitloggen", {}, { csrf: second })).status).toBe(303);
  });

  it("refuses the token of another signed-in user's session, even with that user's CSRF cookie", async () => {
    const { browser: alice } = await login("adviseur.es01@demo.invalid");
    const { browser: bob } = await login("adviseur.es14@demo.invalid");
    const aliceToken = await alice.csrfTokenFrom("/werkruimte");
    bob.cookies.set("cl_csrf", alice.cookies.get("cl_csrf")!);
    expect((await bob.post("/uitloggen", {}, { csrf: aliceToken })).status).toBe(403);
    expect(await signedIn(bob)).toBe(true);
  });

  it("without a session, a form posts with the token from its page, no script needed", async () => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom("/wachtwoord-vergeten");
    const response = await visitor.post("/wachtwoord-vergeten", { email: "niemand@voorbeeld.nl" }, { csrf });
    expect(response.status).toBe(200);
    expect(visitor.cookies.has("cl_session")).toBe(false);
  });

  it("a form from a session that has ended since still posts; the action then runs without a session", async () => {
    const { browser } = await login("beheer@demo.invalid");
    const token = await browser.csrfTokenFrom("/werkruimte");
    const ended = browser.cookies.get("cl_session")!;
    // The session ends elsewhere (logout in another tab); this browser still sends its cookie and the old form.
    const other = browserSession(app);
    other.cookies.set("cl_session", ended);
    other.cookies.set("cl_csrf", browser.cookies.get("cl_csrf")!);
    expect((await other.post("/uitloggen", {}, { csrf: token })).status).toBe(303);
    const late = await browser.post("/uitloggen", {}, { csrf: token });
    expect(late.status).toBe(303);
    expect(late.headers.get("location")).toBe("/inloggen?uitgelogd");
  });
});
