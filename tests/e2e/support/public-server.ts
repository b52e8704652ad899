import { createServer } from "node:net";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import type { DatabaseHandle } from "../../../src/db/client.js";
import { createTestApp } from "../../support/app.js";
import { DEMO_PASSWORD } from "../../support/workspace.js";

/** A free loopback port, so the app's public address (PUBLIC_BASE_URL) is the address it really listens on. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The real app on a free loopback port whose configured public address is that port: the absolute links it writes
 * in mails open in the browser as they would from a mail client.
 */
export async function startPublicServer(database: DatabaseHandle) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await createTestApp(database, { PUBLIC_BASE_URL: baseUrl });
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    app,
    baseUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fresh browser context signed in through the login form; answers its page on /werkruimte. */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${baseUrl}/inloggen`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/werkruimte"),
    page.click('form[action="/inloggen"] button[type=submit]'),
  ]);
  return page;
}
