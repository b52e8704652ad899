import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DestinationStream } from "pino";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createLogger } from "../../src/logger.js";
import { intakeFields } from "../factories/index.js";
import { browserSession } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";

/**
 * Item 3 of issue 13: no personal data in logs. Before, a null byte in the intake made the error line repeat the
 * query's parameters (name, e-mail, phone, KvK number, question, token) three times. The app here logs through the
 * production logger (src/logger.ts) at debug level into a buffer; hostile input with a unique marker goes to every
 * public form, search and API, and the buffer must not hold the marker.
 */
describeEachDatabase("no personal data in logs", (database) => {
  const lines: string[] = [];
  const capture: DestinationStream = { write: (line: string) => void lines.push(line) };
  const logger = createLogger({ logLevel: "debug" }, capture);
  let app: Awaited<ReturnType<typeof createApp>>;
  const marker = `Mrk${randomBytes(6).toString("hex")}`;
  const hostile = [
    `${marker}\u0000nul`,
    `${marker}\u0001\u001b[31mkleur\u007f`,
    `${marker}${"Lang".repeat(4000)}`,
    `${marker}'); drop table cases; --`,
    `${marker}" or 1=1 /*`,
    `${marker}\r\nX-Injected: ja`,
  ];
  const log = () => lines.join("");

  beforeAll(async () => {
    await seedDemoData(database().db, "demo-wachtwoord");
    const env = loadEnv({ NODE_ENV: "test", DEMO: "0", LOG_LEVEL: "debug" });
    app = await createApp({ env, database: database(), logger });
  });
  beforeEach(() => {
    lines.length = 0;
  });

  const post = async (page: string, path: string, form: Record<string, string | string[]>) => {
    const visitor = browserSession(app);
    const csrf = await visitor.csrfTokenFrom(page);
    return (await visitor.post(path, form, { csrf })).status;
  };

  it("the request log is written (the capture works)", async () => {
    await app.request("/agenda");
    expect(log()).toContain('"msg":"request"');
  });

  it("hostile input to every public form leaves no trace in the log and never a 500", async () => {
    const statuses: number[] = [];
    for (const value of hostile) {
      statuses.push(
        await post(
          "/intake?regio=ES04",
          "/intake",
          intakeFields({
            contactName: value,
            email: `${value}@voorbeeld.nl`,
            phone: value,
            companyName: value,
            kvk: value,
            question: value,
          }),
        ),
        await post("/intake?regio=ES04", "/intake", intakeFields({ gemeente: value, regio: value })),
        await post("/belemmering-melden", "/belemmering-melden", {
          beschrijving: value,
          onderwerp: value,
          regel: value,
          gemeente: value,
          naam: value,
          email: value,
          toestemming: "ja",
        }),
        await post("/inloggen", "/inloggen", { email: value, password: value, terug: value }),
        await post("/wachtwoord-vergeten", "/wachtwoord-vergeten", { email: `${value}@voorbeeld.nl` }),
        await post("/scan?stap=7&gemeente=GM0153&sector=C", "/scan/resultaat", {
          gemeente: value,
          sector: value,
          hulp: [value],
        }),
      );
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(log()).not.toContain(marker);
  });

  it("hostile input to every public search, query and API leaves no trace in the log", async () => {
    const statuses: number[] = [];
    for (const value of hostile) {
      const q = encodeURIComponent(value);
      for (const path of [
        `/agenda?q=${q}`,
        `/aanbod?q=${q}`,
        `/regio?gemeente=${q}`,
        `/intake?gemeente=${q}`,
        `/route?gemeente=${q}&sector=${q}`,
        `/scan?gemeente=${q}`,
        `/api/v1/events?q=${q}`,
        `/api/v1/services?q=${q}`,
        `/wachtwoord-herstellen?token=${q}`,
        `/inloggen?terug=${q}`,
      ])
        statuses.push((await app.request(path)).status);
      for (const body of [
        JSON.stringify({ municipality: value, sector: value, help: [value] }),
        `{"municipality": "${value}`,
      ])
        statuses.push(
          (
            await app.request("/api/v1/route", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body,
            })
          ).status,
        );
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(log()).not.toContain(marker);
  });

  it("a failed query is logged with its SQL and error code, never its parameter values", async () => {
    const error = await database()
      .db.execute(
        sql`insert into rate_limit_counters (key, window_start, count) values (${marker}, ${`${marker} geen datum`}, 1)`,
      )
      .then(() => undefined)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    logger.error({ err: error }, "unhandled error");
    const line = log();
    expect(line).toContain("22007"); // invalid_datetime_format: what failed stays visible
    expect(line).toContain("insert into rate_limit_counters");
    expect(line).not.toContain(marker);
  });
});
