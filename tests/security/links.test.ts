import { execFile } from "node:child_process";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker } from "../../src/jobs/index.js";
import { createScanResultsRepository } from "../../src/modules/route/index.js";
import { submitIntake } from "../factories/index.js";
import { browserSession, createTestApp, silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 1 of issue 13 (High): every absolute link the service writes comes from PUBLIC_BASE_URL. The requests go over
 * real HTTP, so the Host header reaches the app the way a proxy or an attacker would send it.
 */
const execFileAsync = promisify(execFile);
const PUBLIC = "https://loket.example";
const SETTINGS = { PUBLIC_BASE_URL: PUBLIC, TRUST_PROXY: "1", PAGE_CACHE_SECONDS: "30" };

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTP request with exactly the headers given, Host included (fetch would not let a test set Host). */
function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

describeEachDatabase("links come from PUBLIC_BASE_URL, never from the request", (database) => {
  /** An instance listening on a free port; `origin` is where its links must point. */
  type Instance = Awaited<ReturnType<typeof startInstance>>;
  const startInstance = async (settings: Record<string, string>, origin: string) => {
    const app = await createTestApp(database(), settings);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0", ...settings });
    return {
      app,
      origin,
      port: (server.address() as AddressInfo).port,
      close: () => new Promise((resolve) => server.close(resolve)),
      /** Runs the queued jobs as this instance's worker would. */
      async drainJobs() {
        const background = await createBackgroundJobs({ env, database: database(), logger: silentLogger });
        await createJobWorker({
          db: database().db,
          handlers: background.handlers,
          logger: silentLogger,
        }).drain();
      },
    };
  };
  // Behind a proxy with PUBLIC_BASE_URL set, and a development instance without it (links on http://localhost:PORT).
  let live: Instance;
  let development: Instance;
  let port: number;

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    live = await startInstance(SETTINGS, PUBLIC);
    development = await startInstance({ PORT: "4321", TRUST_PROXY: "1" }, "http://localhost:4321");
    port = live.port;
  });
  afterAll(async () => {
    await Promise.all([live?.close(), development?.close()]);
  });
  const lastMailId = async () =>
    (
      await queryRows<{ id: number }>(
        database().db,
        sql`select coalesce(max(id), 0)::int as id from outbox_messages`,
      )
    )[0]!.id;

  it("the password-reset mail links to PUBLIC_BASE_URL whatever Host and X-Forwarded-Host say", async () => {
    for (const instance of [live, development]) {
      const visitor = browserSession(instance.app);
      const csrf = await visitor.csrfTokenFrom("/wachtwoord-vergeten");
      const cookie = [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const body = new URLSearchParams({ email: "adviseur.es04@demo.invalid", _csrf: csrf }).toString();
      const form = { cookie, "content-type": "application/x-www-form-urlencoded" };
      const hostile: Record<string, string>[] = [
        { host: "evil.example" },
        {
          host: `127.0.0.1:${instance.port}`,
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
        {
          host: "evil.example",
          forwarded: "host=evil.example;proto=https",
          "x-forwarded-for": "203.0.113.9",
        },
      ];
      const since = await lastMailId();
      for (const headers of hostile) {
        const response = await rawRequest(instance.port, "/wachtwoord-vergeten", {
          method: "POST",
          headers: { ...form, ...headers },
          body,
        });
        expect(response.status).toBe(200);
      }
      await instance.drainJobs();
      const mails = await queryRows<{ body: string }>(
        database().db,
        sql`select body from outbox_messages where kind = 'password_reset' and id > ${since}`,
      );
      expect(mails).toHaveLength(3);
      for (const mail of mails) {
        expect(mail.body).toContain(`${instance.origin}/wachtwoord-herstellen?token=`);
        expect(mail.body).not.toContain("evil.example");
        // Every link in the mail is absolute and on the configured origin.
        for (const link of mail.body.match(/\b[a-z]+:\/\/\S+/g) ?? [])
          expect(link.startsWith(`${instance.origin}/`)).toBe(true);
      }
    }
  });

  it("a Host header cannot poison the page cache: the API and feeds carry PUBLIC_BASE_URL only", async () => {
    const paths = [
      "/api/v1/services?per_page=5",
      "/api/v1",
      "/api/v1/taxonomies",
      "/api/v1/taxonomy_terms?per_page=5",
      "/api/v1/export/hsds.json",
      "/agenda.ics",
    ];
    for (const path of paths) {
      // The poisoned request first, then a visitor's: neither may carry the hostile host.
      const poisoned = await rawRequest(port, path, { headers: { host: "poison.test" } });
      const visitor = await rawRequest(port, path, { headers: { host: `127.0.0.1:${port}` } });
      const forwarded = await rawRequest(port, path, {
        headers: { host: `127.0.0.1:${port}`, "x-forwarded-host": "poison.test" },
      });
      for (const response of [poisoned, visitor, forwarded]) {
        expect(response.status, path).toBe(200);
        expect(response.body, path).not.toContain("poison.test");
        expect(response.body, path).not.toContain("127.0.0.1");
      }
    }
    const services = JSON.parse(
      (await rawRequest(port, paths[0]!, { headers: { host: "poison.test" } })).body,
    );
    expect(services.contents.length).toBeGreaterThan(0);
    for (const service of services.contents)
      expect(service.page_url).toBe(`${PUBLIC}/aanbod/${service.slug}`);
    const root = JSON.parse((await rawRequest(port, "/api/v1", { headers: { host: "poison.test" } })).body);
    expect(root.profile).toBe(`${PUBLIC}/api/profile`);
    const terms = JSON.parse((await rawRequest(port, paths[3]!, { headers: { host: "poison.test" } })).body);
    for (const term of terms.contents) expect(term.term_uri.startsWith(`${PUBLIC}/api/profile#`)).toBe(true);
  });

  it("a saved scan result's share link is on PUBLIC_BASE_URL", async () => {
    const id = await createScanResultsRepository(database().db).save({
      sizeClass: "klein",
      municipality: "GM0153",
      sbi: "13",
      stage: "ideeen",
      motivations: ["kosten_besparen"],
      themes: ["recycling"],
      help: ["advies"],
    });
    const page = await rawRequest(port, `/scan/resultaat/${id}`, {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`${PUBLIC}/scan/resultaat/${id}`);
    expect(page.body).not.toContain("evil.example");
  });

  it("the intake mails carry absolute links on the configured origin", async () => {
    for (const instance of [live, development]) {
      const since = await lastMailId();
      const confirmation = await submitIntake(instance.app, { email: "links-test@voorbeeld-bedrijf.nl" });
      const mails = await queryRows<{ body: string; kind: string }>(
        database().db,
        sql`select body, kind from outbox_messages where id > ${since} order by id`,
      );
      expect(mails.length).toBeGreaterThanOrEqual(2);
      // The entrepreneur's own page (ADR 0085), without the "sent" notice the redirect adds.
      const ownPage = confirmation.replace(/\?.*$/, "");
      expect(mails.map((mail) => mail.body).join("\n")).toContain(`${instance.origin}${ownPage}`);
      for (const mail of mails) {
        const links = mail.body.match(/\S*\/(?:mijn-aanvraag|werkruimte)\/\S+/g) ?? [];
        expect(links.length, mail.kind).toBeGreaterThan(0);
        for (const link of links) expect(link.startsWith(`${instance.origin}/`), link).toBe(true);
      }
    }
  });
});

describe("no code builds a link from the request", () => {
  // The scan builds a type-checked program of src (5–20 s); a child process keeps this worker free meanwhile.
  it("reads no URL's origin, host or href, no Host or X-Forwarded-Host header, and resolves nothing against the request URL", {
    timeout: 240_000,
  }, async () => {
    const script = join(import.meta.dirname, "support/request-origin-scan.ts");
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", script], {
      maxBuffer: 1 << 20,
    });
    const findings: unknown = JSON.parse(stdout);
    expect(findings).toEqual([]);
  });
});
