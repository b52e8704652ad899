import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { ABUSE_LIMIT } from "../../src/web/abuse-limits.js";
import { createTestApp } from "../support/app.js";
import { openTestDatabase } from "../support/database.js";

/**
 * The security review as tests: the headers of every kind of response, frozen in a snapshot (a change must be
 * looked at and the snapshot updated on purpose), problem+json and error pages that never leak internals, and the
 * rate limit on search paths.
 */
const SECRET_INTERNAL =
  "password=hunter2 at /srv/app/src/secret.ts:12 postgres://admin:pw@db-internal:5432/prod";

const SECRET_KEY = "r".repeat(40);

describe("security review", () => {
  let database: DatabaseHandle;
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let stylesheetPath: string;
  let scriptPath: string;

  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    app = await createTestApp(database, {
      NODE_ENV: "production",
      SECRET_KEY,
      PUBLIC_BASE_URL: "https://circulair-loket.example",
    });
    // Test-only routes: an unexpected failure in a page and in the API, carrying internals in the message.
    app.get("/test-crash", () => {
      throw new Error(SECRET_INTERNAL);
    });
    app.get("/api/v1/test-crash", () => {
      throw Object.assign(new Error(SECRET_INTERNAL), { code: "42P01", detail: SECRET_INTERNAL });
    });
    const home = await (await app.request("/")).text();
    stylesheetPath = /href="(\/assets\/app-[^"]+\.css)"/.exec(home)![1]!;
    scriptPath = /src="(\/assets\/app-[^"]+\.js)"/.exec(home)![1]!;
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The headers that matter, with per-request values (nonce, ids, cookie secrets, dates) replaced. */
  function normalisedHeaders(response: Response) {
    const skip = new Set(["date", "content-length", "x-request-id", "etag"]);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (skip.has(name) || name === "set-cookie") return;
      headers[name] = value.replace(/'nonce-[^']+'/g, "'nonce-…'");
    });
    const cookies = response.headers
      .getSetCookie()
      .map((cookie) => cookie.replace(/^([^=]+)=[^;]*/, "$1=…"))
      .sort();
    if (cookies.length) headers["set-cookie"] = cookies.join(" | ");
    return headers;
  }

  const PAGE_TYPES: [string, () => string][] = [
    ["HTML page", () => "/"],
    ["HTML page with a posting form (sets the CSRF cookie)", () => "/inloggen"],
    ["404 page", () => "/bestaat-niet"],
    ["500 page", () => "/test-crash"],
    ["API JSON", () => "/api/v1"],
    ["problem+json (404)", () => "/api/v1/bestaat-niet"],
    ["problem+json (500)", () => "/api/v1/test-crash"],
    ["CSS asset", () => stylesheetPath],
    ["JS asset", () => scriptPath],
    ["/healthz", () => "/healthz"],
  ];

  for (const [kind, path] of PAGE_TYPES) {
    it(`headers of a ${kind} match the reviewed snapshot`, async () => {
      // As production receives them: over https (HSTS is sent only on a secure request, tests/security/headers).
      const response = await app.request(`https://circulair-loket.example${path()}`);
      const headers = normalisedHeaders(response);
      // Always true, whatever the snapshot says:
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["strict-transport-security"]).toMatch(/max-age=31536000/);
      expect(headers["x-powered-by"]).toBeUndefined();
      expect({ status: response.status, headers }).toMatchSnapshot();
    });
  }

  it("never shows internals in an error page or problem+json", async () => {
    for (const path of ["/test-crash", "/api/v1/test-crash", "/api/v1/bestaat-niet?x=<script>"]) {
      const response = await app.request(path);
      const body = await response.text();
      expect(body).not.toContain("hunter2");
      expect(body).not.toContain("db-internal");
      expect(body).not.toContain("secret.ts");
      expect(body).not.toMatch(/\n\s+at |42P01|<script>/);
      if (path.startsWith("/api/")) {
        expect(response.headers.get("content-type")).toContain("application/problem+json");
        const problem = JSON.parse(body);
        expect(Object.keys(problem).sort()).toEqual(
          ["detail", "instance", "request_id", "status", "title", "type"].sort(),
        );
      }
    }
  });

  it(`limits the municipality search to ${ABUSE_LIMIT.limit} requests a minute per client, then 429 with Retry-After`, async () => {
    const path = "/regio?gemeente=Utrecht";
    const first = await app.request(path);
    expect(first.status).toBe(303);
    expect(first.headers.get("ratelimit-limit")).toBe(String(ABUSE_LIMIT.limit));
    const second = await app.request(path);
    expect(Number(second.headers.get("ratelimit-remaining"))).toBeLessThan(
      Number(first.headers.get("ratelimit-remaining")),
    );
    // Use up the allowance without 300 round trips (which can straddle a window on a busy machine): this client's
    // counter for the current and the next window is set to the limit, as if it had made that many requests.
    const key = `/regio:${createHmac("sha256", SECRET_KEY).update("client:unknown").digest("base64url").slice(0, 22)}`;
    const windowMs = ABUSE_LIMIT.windowSeconds * 1000;
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    for (const start of [windowStart, windowStart + windowMs])
      await database.db.execute(
        sql`insert into rate_limit_counters (key, window_start, count) values (${key}, ${new Date(start)}, ${ABUSE_LIMIT.limit})
            on conflict (key, window_start) do update set count = ${ABUSE_LIMIT.limit}`,
      );
    // This instance counts in memory and learns the shared count at its next write (ADR 0004: within half a second).
    let refused = await app.request(path);
    for (let attempt = 0; attempt < 30 && refused.status !== 429; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refused = await app.request(path);
    }
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('<html lang="nl">');
    // Pages that do no expensive work are not limited.
    expect((await app.request("/regio/ES04")).status).toBe(200);
  });
});
