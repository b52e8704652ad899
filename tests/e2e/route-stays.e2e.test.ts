import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { type Database, type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { ALERT_DIGEST_QUEUE, ALERT_MATCH_QUEUE } from "../../src/modules/alerts/index.js";
import { silentLogger } from "../support/app.js";
import { openTestDatabase, postgresAvailable } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";
import { expectNoAxeViolations, launchBrowser } from "./support/browser.js";
import { signedIn, startPublicServer } from "./support/public-server.js";

const STEP_TIMEOUT = 300_000;
/** A bakery in Zwolle (sector 10: food production). */
const ROUTE = "/route?gemeente=GM0193&sector=10";
/** A closed RVO scheme; the demo account aanbieder.rvo@demo.invalid belongs to its provider. */
const SCHEME = "rvo-circulaire-ketenprojecten";
const SCHEME_PAGE = "/aanbod/subsidie-circulaire-ketenprojecten";
const PROVIDER = "aanbieder.rvo@demo.invalid";
const VISITOR = "bakkerij.blijft@voorbeeld-zwolle.nl";
const DAY = 86_400_000;

const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * Issue 17, "Done when", as one journey in Chromium on each engine: a bakery saves its route as Mijn route, ticks a
 * measure off with what it achieved, signs up for an alert on a closed scheme (confirmed through the stored mail),
 * the scheme's provider opens it in the workspace form, the alert job sends the digest (absolute links on
 * PUBLIC_BASE_URL, List-Unsubscribe header), and the visitor unsubscribes from the mail's link without logging in;
 * nothing is sent to the address after that. axe finds nothing on any page visited.
 *
 * The alert job runs as its own handlers (match, then digest), each in a transaction on the suite's database handle,
 * exactly as the worker would call them; the worker's polling is not part of what this journey is about.
 */
for (const kind of ["PGlite", "PostgreSQL"] as const)
  describe.skipIf(kind === "PostgreSQL" && !postgresAvailable())(`the route stays [${kind}]`, () => {
    let database: DatabaseHandle;
    let browser: Browser;
    let baseUrl = "";
    let close = async () => {};
    let runAlertJob = async () => {};
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await seedDemoData(database.db, DEMO_PASSWORD);
      const server = await startPublicServer(database);
      baseUrl = server.baseUrl;
      close = server.close;
      const env = loadEnv({ NODE_ENV: "test", DEMO: "0", PUBLIC_BASE_URL: baseUrl });
      const background = await createBackgroundJobs({ env, database, logger: silentLogger });
      runAlertJob = async () => {
        for (const queue of [ALERT_MATCH_QUEUE, ALERT_DIGEST_QUEUE])
          await database.db.transaction(async (tx) =>
            background.handlers[queue]!({}, { tx: tx as unknown as Database, attempt: 1 }),
          );
      };
      // The job's first run only learns the catalogue as it is (ADR 0092).
      await runAlertJob();
      browser = await launchBrowser();
    }, STEP_TIMEOUT);

    afterAll(async () => {
      await browser?.close();
      await close();
      await database?.close();
    });

    /** Waits for the page a click or a redirect led to and checks it with axe. */
    async function checkedAfter(page: Page, action: Promise<unknown>) {
      await Promise.all([page.waitForEvent("load"), action]);
      await expectNoAxeViolations(page);
    }
    async function visit(page: Page, path: string) {
      const response = await page.goto(path.startsWith("http") ? path : `${baseUrl}${path}`);
      await expectNoAxeViolations(page);
      return response;
    }
    const mailsTo = (email: string, mailKind: string) =>
      rows<{ subject: string; body: string; html: string; headers: Record<string, string> | null }>(
        sql`select subject, body, html, headers from outbox_messages
            where to_address = ${email} and kind = ${mailKind} order by id`,
      );

    it(
      "saves the route, records a measure's effect, follows a closed scheme, hears when its provider opens it and unsubscribes in one click",
      async () => {
        const visitor = await (await browser.newContext()).newPage();

        // 1. The route, saved as Mijn route.
        expect((await visit(visitor, ROUTE))?.status()).toBe(200);
        await checkedAfter(visitor, visitor.click('a[href^="/mijn-route/bewaren?"]'));
        expect(await visitor.textContent("main")).toContain("Wat wij bewaren");
        await checkedAfter(visitor, visitor.click('form[action="/mijn-route"] button[type=submit]'));
        const routePath = new URL(visitor.url()).pathname;
        expect(routePath).toMatch(/^\/mijn-route\/[\w-]{43}$/);
        expect(await visitor.textContent("main")).toContain("Uw route is bewaard");

        // 2. A measure done, with what it achieved, shown back on the page.
        const measure = visitor.locator("li[id^=maatregel-]").first();
        const measureId = (await measure.getAttribute("id"))!;
        const code = measureId.replace("maatregel-", "");
        await visitor.selectOption(`#maatregel-${code}-status`, "gedaan");
        await visitor.fill(`#m-${code}-materiaal`, "2.400");
        await visitor.fill(`#m-${code}-euro`, "1.250");
        await visitor.selectOption(`#m-${code}-euro-basis`, "gemeten");
        await visitor.fill(`#m-${code}-co2`, "310,5");
        await checkedAfter(visitor, visitor.click(`#${measureId} button[type=submit]`));
        expect(visitor.url()).toContain("?gewijzigd");
        const done = (await visitor.textContent(`#${measureId}`))!;
        expect(done).toContain("Status: Gedaan");
        expect(done).toContain("2.400 (geschat)");
        expect(done).toContain("1.250 (gemeten)");
        expect(done).toContain("310,5 (geschat)");

        // 3. "Houd me op de hoogte" for a scheme that is closed now, confirmed through the stored mail.
        await visit(visitor, SCHEME_PAGE);
        expect(await visitor.textContent("main")).toContain("Houd me op de hoogte");
        await checkedAfter(visitor, visitor.click(`a[href="/meldingen/aanmelden?instrument=${SCHEME}"]`));
        expect(await visitor.textContent("main")).toContain("Als deze regeling opengaat");
        await visitor.fill("#email", VISITOR);
        await checkedAfter(visitor, visitor.click('form[action="/meldingen/aanmelden"] button[type=submit]'));
        expect(await visitor.textContent("h1")).toBe("Kijk in uw e-mail");
        const [confirmation] = await mailsTo(VISITOR, "alert.confirm");
        const confirmUrl = /https?:\/\/\S+\/meldingen\/bevestigen\/[\w-]{43}/.exec(confirmation!.body)![0];
        expect(confirmUrl.startsWith(`${baseUrl}/`)).toBe(true);
        await visit(visitor, confirmUrl);
        await checkedAfter(visitor, visitor.click("main form button[type=submit]"));
        expect(await visitor.textContent("h1")).toBe("Uw aanmelding is bevestigd");

        // The job runs before anything changed: nothing to tell.
        await runAlertJob();
        expect(await mailsTo(VISITOR, "alert.digest")).toHaveLength(0);

        // 4. The scheme's provider opens it through the workspace form.
        const provider = await signedIn(browser, baseUrl, PROVIDER);
        await visit(provider, "/werkruimte/aanbod");
        await provider.selectOption(`#${SCHEME}-status`, "open");
        await provider.fill(`#${SCHEME}-closesOn`, dayFromNow(120));
        await checkedAfter(
          provider,
          provider.click(`form[action="/werkruimte/aanbod/${SCHEME}"] button[type=submit]`),
        );
        expect(new URL(provider.url()).search).toBe("?opgeslagen");

        // 5. The alert job: one digest, absolute links on PUBLIC_BASE_URL, the one-click unsubscribe headers.
        await runAlertJob();
        const [digest, ...more] = await mailsTo(VISITOR, "alert.digest");
        expect(more).toHaveLength(0);
        expect(digest!.body).toContain("Nu open: Subsidie Circulaire ketenprojecten");
        expect(digest!.body).toContain(`${baseUrl}${SCHEME_PAGE}`);
        const unsubscribeUrl = /https?:\/\/\S+\/meldingen\/afmelden\/[\w-]{43}/.exec(digest!.body)![0];
        expect(unsubscribeUrl.startsWith(`${baseUrl}/meldingen/afmelden/`)).toBe(true);
        expect(digest!.headers).toEqual({
          "List-Unsubscribe": `<${unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        });
        const hrefs = [...digest!.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs) expect(href.startsWith(`${baseUrl}/`), href).toBe(true);
        const inbox = await (await browser.newContext()).newPage();
        await inbox.setContent(digest!.html);
        const mailLink = await inbox.getAttribute(`a[href="${unsubscribeUrl}"]`, "href");
        expect(mailLink).toBe(unsubscribeUrl);
        await inbox.context().close();

        // 6. The unsubscribe link from the mail, in a browser that never logged in: one button, then done.
        const reader = await (await browser.newContext()).newPage();
        expect((await visit(reader, unsubscribeUrl))?.status()).toBe(200);
        expect(await reader.textContent("main")).toContain(VISITOR);
        await checkedAfter(reader, reader.click("main form button[type=submit]"));
        expect(await reader.textContent("h1")).toBe("U bent afgemeld");
        // A second open says so too.
        await visit(reader, unsubscribeUrl);
        expect(await reader.textContent("main")).toContain("u bent al afgemeld");
        expect(await rows(sql`select id from alert_subscribers where email = ${VISITOR}`)).toHaveLength(0);

        // No further mail: the deadline now falls within 14 days, which would have been told at once.
        await visit(provider, "/werkruimte/aanbod");
        await provider.fill(`#${SCHEME}-closesOn`, dayFromNow(10));
        await checkedAfter(
          provider,
          provider.click(`form[action="/werkruimte/aanbod/${SCHEME}"] button[type=submit]`),
        );
        await runAlertJob();
        expect(await mailsTo(VISITOR, "alert.digest")).toHaveLength(1);

        // Mijn route kept what the visitor recorded.
        await visit(visitor, routePath);
        expect(await visitor.textContent(`#${measureId}`)).toContain("1.250 (gemeten)");
        await visitor.context().close();
        await reader.context().close();
        await provider.context().close();
      },
      STEP_TIMEOUT,
    );
  });
