import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { createTestApp } from "../support/app.js";
import { openTestDatabase } from "../support/database.js";

/**
 * Item 6 of issue 13: Strict-Transport-Security only on a request that came over https — directly, or through a
 * proxy the service trusts (TRUST_PROXY=1) that says so in X-Forwarded-Proto. No database work is involved, so one
 * engine is enough.
 */
describe("HSTS only on a secure request", () => {
  let database: DatabaseHandle;
  let direct: Awaited<ReturnType<typeof createTestApp>>;
  let proxied: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    database = await openTestDatabase("PGlite");
    direct = await createTestApp(database, { PAGE_CACHE_SECONDS: "30" });
    proxied = await createTestApp(database, { TRUST_PROXY: "1", PAGE_CACHE_SECONDS: "30" });
  });
  afterAll(async () => {
    await database?.close();
  });

  const hsts = async (app: typeof direct, url: string, headers: Record<string, string> = {}) =>
    (await app.request(url, { headers })).headers.get("strict-transport-security");

  it("sends HSTS over https, directly or behind a trusted proxy that says https", async () => {
    expect(await hsts(direct, "https://loket.example/")).toBe("max-age=31536000; includeSubDomains");
    expect(await hsts(proxied, "http://loket.example/", { "x-forwarded-proto": "https" })).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("sends no HSTS over plain http, nor when an untrusted client only claims https", async () => {
    expect(await hsts(direct, "http://loket.example/")).toBeNull();
    expect(await hsts(direct, "http://loket.example/", { "x-forwarded-proto": "https" })).toBeNull();
    expect(await hsts(proxied, "http://loket.example/", { "x-forwarded-proto": "http" })).toBeNull();
    expect(await hsts(proxied, "http://loket.example/aanbod")).toBeNull();
  });

  it("a page served from the page cache gets the HSTS decision of its own request", async () => {
    for (const app of [direct, proxied]) {
      expect(await hsts(app, "https://loket.example/regio")).not.toBeNull();
      expect(await hsts(app, "http://loket.example/regio")).toBeNull();
      expect(await hsts(app, "https://loket.example/regio")).not.toBeNull();
    }
  });
});
