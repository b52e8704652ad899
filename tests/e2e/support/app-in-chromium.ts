import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "../../../src/db/client.js";
import { openTestDatabase, type TestDatabaseKind } from "../../support/database.js";
import { launchBrowser } from "./chromium.js";
import { startServer } from "./server.js";

export type AppInChromium = {
  browser: Browser;
  database: DatabaseHandle;
  server: Awaited<ReturnType<typeof startServer>>;
};

/**
 * The fixture every browser suite shares: a copy of the migrated PGlite template, the real app listening on a free
 * loopback port, and Debian's Chromium; all three closed after the suite. `prepare` adds data before the app starts.
 * The fields are filled in beforeAll, so read them inside tests and hooks.
 */
export function appInChromium(
  options: {
    prepare?: (database: DatabaseHandle) => Promise<unknown>;
    /** The engine (default PGlite); a suite that runs on both passes each in turn. */
    kind?: TestDatabaseKind;
  } = {},
) {
  const fixture = {} as AppInChromium;
  beforeAll(async () => {
    fixture.database = await openTestDatabase(options.kind ?? "PGlite");
    await options.prepare?.(fixture.database);
    fixture.server = await startServer(fixture.database);
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
    await fixture.database?.close();
  });
  return fixture;
}
