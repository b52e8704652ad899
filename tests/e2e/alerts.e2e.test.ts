import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import { ALERT_MATCH_QUEUE } from "../../src/modules/alerts/index.js";
import { silentLogger } from "../support/app.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { appInChromium } from "./support/app-in-chromium.js";
import { expectNoAxeViolations } from "./support/browser.js";

const STEP_TIMEOUT = 900_000;
const SCHEME = "rvo-circulaire-ketenprojecten";
const SCHEME_PAGE = "/aanbod/subsidie-circulaire-ketenprojecten";
const EMAIL = "hanna.e2e@voorbeeld-bakkerij.nl";

/**
 * Issue 17 item 5 in Chromium (ADR 0092): sign up on an instrument page, confirm through the stored mail, the
 * provider opens the scheme in its workspace, the alert job runs, the alert mail is in the outbox, and one click
 * unsubscribes. Every new page passes axe in Dutch and English.
 */
describe("alerts by e-mail in Chromium", () => {
  const fixture = appInChromium({ prepare: (database) => seedDemoData(database.db, DEMO_PASSWORD) });
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(fixture.database.db, query);
  const url = (path: string) => `${fixture.server.baseUrl}${path}`;
  /** The path of a link in a stored mail (the mail's links are on the configured public address). */
  const pathIn = (body: string, pattern: RegExp) => pattern.exec(body)![0];

  async function runAlertJob() {
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
    const background = await createBackgroundJobs({ env, database: fixture.database, logger: silentLogger });
    const worker = createJobWorker({
      db: fixture.database.db,
      handlers: background.handlers,
      logger: silentLogger,
    });
    await enqueueJob(fixture.database.db, ALERT_MATCH_QUEUE, {});
    await worker.drain();
  }
  const started = Date.now();
  const step = (name: string) => console.log(`${Math.round((Date.now() - started) / 1000)} s: ${name}`);
  async function axeInEnglish(page: Page, path: string) {
    const response = await page.goto(url(`${path}${path.includes("?") ? "&" : "?"}lang=en`));
    expect(response?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
  }

  it(
    "signs up on an instrument page, confirms by mail, hears when the provider opens the scheme, and unsubscribes",
    async () => {
      // The job's first run learns the catalogue as it is.
      await runAlertJob();
      const context = await fixture.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      step("instrument page");
      await page.goto(url(SCHEME_PAGE));
      await expectNoAxeViolations(page);
      await Promise.all([
        page.waitForURL((address) => address.pathname === "/meldingen/aanmelden"),
        page.click('a[href^="/meldingen/aanmelden?instrument="]'),
      ]);
      expect(await page.textContent("main")).toContain("Regeling: Subsidie Circulaire ketenprojecten");
      await expectNoAxeViolations(page);
      const subscribePath = new URL(page.url()).pathname + new URL(page.url()).search;

      // Without an address: the summary links to the field.
      await page.click("main form button[type=submit]");
      expect(await page.textContent(".cl-error-summary")).toContain("Vul uw e-mailadres in");
      await expectNoAxeViolations(page);
      expect(await page.isChecked("#soort-0")).toBe(true);
      step("form error shown");
      await page.fill("#email", EMAIL);
      await Promise.all([
        page.waitForURL((address) => address.pathname === "/meldingen/aangemeld"),
        page.click("main form button[type=submit]"),
      ]);
      expect(await page.textContent("main")).toContain("Kijk in uw e-mail");
      await expectNoAxeViolations(page);

      const [confirmation] = await rows<{ body: string }>(
        sql`select body from outbox_messages where to_address = ${EMAIL} and kind = 'alert.confirm'`,
      );
      const confirmPath = pathIn(confirmation!.body, /\/meldingen\/bevestigen\/[\w-]{43}/);
      step("confirmation mail read");
      await axeInEnglish(page, confirmPath);
      await page.goto(url(confirmPath));
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      expect(await page.textContent("h1")).toBe("Uw aanmelding is bevestigd");
      await expectNoAxeViolations(page);

      step("confirmed");
      // The provider opens the scheme in its workspace.
      const provider = await (await fixture.browser.newContext()).newPage();
      await provider.goto(url("/inloggen"));
      await provider.fill("#email", "aanbieder.rvo@demo.invalid");
      await provider.fill("#password", DEMO_PASSWORD);
      await Promise.all([
        provider.waitForURL((address) => address.pathname === "/werkruimte"),
        provider.click('form[action="/inloggen"] button[type=submit]'),
      ]);
      await provider.goto(url("/werkruimte/aanbod"));
      await provider.selectOption(`#${SCHEME}-status`, "open");
      await provider.fill(`#${SCHEME}-opensOn`, "");
      await provider.fill(`#${SCHEME}-closesOn`, "2027-06-30");
      await Promise.all([
        provider.waitForURL(
          (address) => address.pathname === "/werkruimte/aanbod" && address.search === "?opgeslagen",
        ),
        provider.click(`form[action="/werkruimte/aanbod/${SCHEME}"] button`),
      ]);

      step("provider saved");
      await runAlertJob();
      const digests = await rows<{ body: string; html: string; headers: Record<string, string> }>(
        sql`select body, html, headers from outbox_messages where to_address = ${EMAIL} and kind = 'alert.digest'`,
      );
      expect(digests).toHaveLength(1);
      expect(digests[0]!.body).toContain("Nu open: Subsidie Circulaire ketenprojecten");
      expect(digests[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const unsubscribePath = pathIn(digests[0]!.body, /\/meldingen\/afmelden\/[\w-]{43}/);
      expect(digests[0]!.headers["List-Unsubscribe"]).toContain(unsubscribePath);

      // The alert mail's HTML part passes axe too.
      const mailPage = await context.newPage();
      await mailPage.setContent(digests[0]!.html);
      await expectNoAxeViolations(mailPage);

      step("digest read");
      await axeInEnglish(page, unsubscribePath);
      await page.goto(url(unsubscribePath));
      await expectNoAxeViolations(page);
      expect(await page.textContent("main")).toContain(EMAIL);
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      expect(await page.textContent("h1")).toBe("U bent afgemeld");
      await expectNoAxeViolations(page);
      expect(await rows(sql`select id from alert_subscribers where email = ${EMAIL}`)).toHaveLength(0);

      step("unsubscribed");
      // The remaining new pages in English.
      await axeInEnglish(page, subscribePath);
      await axeInEnglish(page, "/meldingen/aangemeld");
      await context.close();
    },
    STEP_TIMEOUT,
  );
});
