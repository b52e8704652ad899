import { beforeAll, expect, it } from "vitest";
import { browserSession, createTestApp } from "../../tests/support/app.js";
import { describeEachDatabase } from "../../tests/support/database.js";

describeEachDatabase("web shell", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
    // A route that fails, to see what a visitor gets on an unexpected error.
    app.get("/test-failure", () => {
      throw new Error("secret internal detail");
    });
    app.get("/api/v1/test-failure", () => {
      throw new Error("secret internal detail");
    });
    // A minimal form, to exercise the real CSRF middleware end to end.
    app.get("/test-form", (c) =>
      c.html(`<form method="post"><input name="_csrf" value="${c.get("csrfToken")()}"></form>`),
    );
    app.post("/test-form", async (c) => c.text(`received ${(await c.req.parseBody()).a}`));
  });

  it("serves Dutch by default and English with ?lang=en, remembered in a cookie", async () => {
    const session = browserSession(app);
    expect(await (await session.get("/")).text()).toContain('<html lang="nl">');
    const english = await session.get("/?lang=en");
    expect(await english.text()).toContain('<html lang="en">');
    expect(session.cookies.get("cl_lang")).toBe("en");
    expect(await (await session.get("/regio")).text()).toContain('<html lang="en">');
  });

  it("sets the security headers with a fresh CSP nonce on every page", async () => {
    const first = await app.request("/");
    const second = await app.request("/");
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // HSTS only over https (tests/security/headers.test.ts): this request is plain http.
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect((await app.request("https://loket.example/")).headers.get("strict-transport-security")).toMatch(
      /max-age=\d{7,}/,
    );
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-request-id")).toBeTruthy();
  });

  it("refuses an unsafe request without a valid CSRF token and lets the real token through", async () => {
    const noCookie = await app.request("/test-form", {
      method: "POST",
      body: new URLSearchParams({ a: "b" }),
    });
    expect(noCookie.status).toBe(403);
    expect(await noCookie.text()).toContain("Formulier verlopen");
    const session = browserSession(app);
    const token = await session.csrfTokenFrom("/test-form");
    expect((await session.post("/test-form", { a: "b" })).status).toBe(403);
    expect((await session.post("/test-form", { a: "b" }, { csrf: `${token.slice(0, -2)}xx` })).status).toBe(
      403,
    );
    const accepted = await session.post("/test-form", { a: "b" }, { csrf: token });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe("received b");
    // A token belongs to its cookie: another visitor's token is refused.
    const other = browserSession(app);
    await other.get("/test-form");
    expect((await other.post("/test-form", { a: "b" }, { csrf: token })).status).toBe(403);
  });

  it("answers an unknown path with the 404 page in the visitor's language", async () => {
    const dutch = await app.request("/bestaat-niet");
    expect(dutch.status).toBe(404);
    expect(await dutch.text()).toContain("Pagina niet gevonden");
    const english = await app.request("/does-not-exist?lang=en");
    expect(english.status).toBe(404);
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Page not found");
  });

  it("shows a friendly 500 page with a reference, never the error itself", async () => {
    for (const [lang, title] of [
      ["nl", "Er ging iets mis"],
      ["en", "Something went wrong"],
    ] as const) {
      const response = await app.request(`/test-failure?lang=${lang}`);
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).toContain(title);
      expect(html).toContain(response.headers.get("x-request-id")!);
      expect(html).not.toContain("secret internal detail");
      expect(html).not.toMatch(/at .*\.ts:\d+/);
    }
    const api = await app.request("/api/v1/test-failure");
    expect(api.status).toBe(500);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(await api.text()).not.toContain("secret internal detail");
  });

  it("reports health and readiness", async () => {
    expect((await app.request("/healthz")).status).toBe(200);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("serves the hashed stylesheet with a long cache lifetime", async () => {
    const html = await (await app.request("/")).text();
    const href = /href="(\/assets\/app-[0-9a-f]+\.css)"/.exec(html)![1]!;
    const css = await app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect(await css.text()).toContain(".utrecht-button");
  });

  it("links an SVG favicon on every page and answers /favicon.ico with a redirect to it, not a 404", async () => {
    expect(await (await app.request("/")).text()).toContain(
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>',
    );
    const svg = await app.request("/favicon.svg");
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(svg.headers.get("cache-control")).toContain("public");
    expect(svg.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await svg.text()).toMatch(/^<svg /);
    const ico = await app.request("/favicon.ico");
    expect(ico.status).toBe(301);
    expect(ico.headers.get("location")).toBe("/favicon.svg");
  });
});
