import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import type { AppEnv } from "./context.js";
import { csrfProtection } from "./middleware/csrf.js";
import { language } from "./middleware/language.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { createPageCache, pageCacheControl } from "./page-cache.js";

const SECRET = "page-cache-test-secret-0123456789abcdef";

/** The shell's pipeline in front of the cache, and handlers that count how often they really ran. */
function pipeline(ttlSeconds = 5, maxBytes?: number) {
  let clock = 1_000_000;
  const cache = createPageCache({ ttlSeconds, maxBytes, now: () => clock });
  const runs: Record<string, number> = {};
  const count = (name: string) => {
    runs[name] = (runs[name] ?? 0) + 1;
    return runs[name];
  };
  const app = new Hono<AppEnv>();
  app.use(securityHeaders(() => false));
  app.use(language);
  app.use(csrfProtection(SECRET, () => false, "cl_session"));
  app.use(async (c, next) => {
    if (c.req.header("x-test-user")) c.set("principal", { userId: "u1" } as never);
    await next();
  });
  app.use(pageCacheControl);
  app.use(cache.middleware);
  app.get("/page", (c) =>
    c.html(
      `<html lang="${c.get("lang")}"><script nonce="${c.get("secureHeadersNonce")}" src="/a.js"></script>run ${count("page")}</html>`,
    ),
  );
  app.get("/form", (c) =>
    c.html(`<form method="post"><input name="_csrf" value="${c.get("csrfToken")()}"></form>${count("form")}`),
  );
  app.get("/missing", (c) => c.html(`gone ${count("missing")}`, 404));
  app.get("/api/thing", (c) => {
    c.header("Cache-Control", "public, max-age=60");
    c.header("ETag", '"v1"');
    return c.json({ run: count("api") });
  });
  app.get("/slow", async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return c.html(`slow ${count("slow")}`);
  });
  app.post("/change", (c) => c.text("changed"));
  return {
    app,
    cache,
    runs,
    later: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("page cache", () => {
  let subject: ReturnType<typeof pipeline>;
  beforeEach(() => {
    subject = pipeline();
  });

  it("serves a public page from memory with this request's own CSP nonce", async () => {
    const first = await subject.app.request("/page");
    const second = await subject.app.request("/page");
    expect(subject.runs.page).toBe(1);
    const [firstBody, secondBody] = [await first.text(), await second.text()];
    expect(secondBody).toContain("run 1");
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(secondBody).toContain(`nonce="${nonceOf(second)}"`);
    expect(secondBody).not.toContain(nonceOf(first));
    expect(firstBody.replace(nonceOf(first)!, "N")).toBe(secondBody.replace(nonceOf(second)!, "N"));
    expect(second.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("keeps the languages apart and expires after the time-to-live", async () => {
    await subject.app.request("/page");
    expect(await (await subject.app.request("/page?lang=en")).text()).toContain('lang="en"');
    expect(subject.runs.page).toBe(2);
    subject.later(6);
    await subject.app.request("/page");
    expect(subject.runs.page).toBe(3);
  });

  it("never stores a signed-in user's page, a page with a CSRF token, or an error page", async () => {
    for (let i = 0; i < 2; i++) {
      const signedIn = await subject.app.request("/page", { headers: { "x-test-user": "1" } });
      expect(signedIn.headers.get("cache-control")).toBe("no-store");
      await subject.app.request("/form");
      await subject.app.request("/missing");
    }
    expect(subject.runs).toEqual({ page: 2, form: 2, missing: 2 });
  });

  it("does not serve a page to a request that carries other cookies (a session, a flash message)", async () => {
    await subject.app.request("/page");
    await subject.app.request("/page", { headers: { cookie: "cl_session=abc" } });
    expect(subject.runs.page).toBe(2);
  });

  it("empties itself on every unsafe request that reaches the modules", async () => {
    await subject.app.request("/page");
    const form = await subject.app.request("/form");
    const cookie = /cl_csrf=[^;]+/.exec(form.headers.get("set-cookie") ?? "")![0];
    const token = /value="([^"]+)"/.exec(await form.text())![1]!;
    // A POST the CSRF check refuses never reaches the cache and changes nothing.
    expect((await subject.app.request("/change", { method: "POST" })).status).toBeGreaterThanOrEqual(400);
    await subject.app.request("/page");
    expect(subject.runs.page).toBe(1);
    const accepted = await subject.app.request("/change", {
      method: "POST",
      headers: { cookie, "x-csrf-token": token },
    });
    expect(accepted.status).toBe(200);
    await subject.app.request("/page");
    expect(subject.runs.page).toBe(2);
  });

  it("keeps public JSON with its ETag and answers 304 when the client has it", async () => {
    const first = await subject.app.request("/api/thing");
    expect(await first.json()).toEqual({ run: 1 });
    const again = await subject.app.request("/api/thing", { headers: { "if-none-match": '"v1"' } });
    expect(again.status).toBe(304);
    const third = await subject.app.request("/api/thing");
    expect(third.headers.get("etag")).toBe('"v1"');
    expect(third.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await third.json()).toEqual({ run: 1 });
  });

  it("renders a page once when many ask for it at the same moment", async () => {
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async () => (await subject.app.request("/slow")).text()),
    );
    expect(subject.runs.slow).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(["slow 1"]));
  });

  it("does not keep a page rendered while a change was made", async () => {
    const slow = subject.app.request("/slow");
    await new Promise((resolve) => setTimeout(resolve, 10));
    const form = await subject.app.request("/form");
    const cookie = /cl_csrf=[^;]+/.exec(form.headers.get("set-cookie") ?? "")![0];
    const token = /value="([^"]+)"/.exec(await form.text())![1]!;
    await subject.app.request("/change", { method: "POST", headers: { cookie, "x-csrf-token": token } });
    await slow;
    await subject.app.request("/slow");
    expect(subject.runs.slow).toBe(2);
  });

  it("stays within its memory bound, letting the least recently used pages go first", async () => {
    // About 160 bytes a page: some twenty fit in 3,200 bytes, thirty do not.
    const small = pipeline(5, 3_200);
    for (let n = 0; n < 30; n++) await small.app.request(`/page?n=${n}`);
    expect(small.runs.page).toBe(30);
    await small.app.request("/page?n=29");
    expect(small.runs.page).toBe(30);
    await small.app.request("/page?n=0");
    expect(small.runs.page).toBe(31);
  });

  it("is off with a time-to-live of 0", async () => {
    const off = pipeline(0);
    await off.app.request("/page");
    await off.app.request("/page");
    expect(off.runs.page).toBe(2);
  });
});
