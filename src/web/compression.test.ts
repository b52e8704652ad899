import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { addCoordinator } from "../../tests/factories/index.js";
import { createTestApp } from "../../tests/support/app.js";
import { describeEachDatabase } from "../../tests/support/database.js";
import { loginAs } from "../../tests/support/workspace.js";

/** The page's text with its per-request CSP nonce blanked, so two requests for one page compare equal. */
const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

describeEachDatabase("compressed public pages", (database) => {
  it("sends /monitor brotli- or gzip-compressed as the browser accepts, with the same page inside", async () => {
    const app = await createTestApp(database());
    const plain = await app.request("/monitor");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    const page = withoutNonce(await plain.text());
    expect(page.length).toBeGreaterThan(10_000);

    const br = await app.request("/monitor", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toContain("Accept-Encoding");
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(page.length / 3);
    expect(withoutNonce(brotliDecompressSync(brBytes).toString("utf8"))).toBe(page);

    const gz = await app.request("/monitor", { headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(withoutNonce(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8"))).toBe(page);

    // Refused explicitly (q=0): plain bytes.
    const refused = await app.request("/monitor", { headers: { "Accept-Encoding": "br;q=0, gzip;q=0" } });
    expect(refused.headers.get("content-encoding")).toBeNull();
  });

  it("never compresses a page that carries the visitor's CSRF token, nor a signed-in user's page", async () => {
    const app = await createTestApp(database());
    const login = await app.request("/inloggen", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(login.status).toBe(200);
    const loginPage = await login.text();
    expect(loginPage).toContain('name="_csrf"');
    expect(login.headers.get("content-encoding")).toBeNull();

    const email = await addCoordinator(database().db, {
      email: "compressie@example.test",
      id: "compressie-coordinator",
      name: "Compressie",
    });
    const { session } = await loginAs(app, email);
    const cookie = [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const own = await app.request("/monitor", { headers: { cookie, "Accept-Encoding": "br, gzip" } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-encoding")).toBeNull();
    expect(await own.text()).toContain("<html");
  });
});

describe("compressPublicPages without a database", () => {
  it("leaves a small page alone: compressing under 1 KB saves no packet", async () => {
    const { Hono } = await import("hono");
    const { compressPublicPages } = await import("./compression.js");
    const app = new Hono();
    app.use(compressPublicPages);
    app.get("/small", (c) => c.html("<p>klein</p>"));
    app.get("/large", (c) => c.html(`<p>${"groot ".repeat(500)}</p>`));
    const small = await app.request("/small", { headers: { "Accept-Encoding": "br" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.text()).toBe("<p>klein</p>");
    const large = await app.request("/large", { headers: { "Accept-Encoding": "br" } });
    expect(large.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await large.arrayBuffer())).toString("utf8")).toBe(
      `<p>${"groot ".repeat(500)}</p>`,
    );
  });
});
