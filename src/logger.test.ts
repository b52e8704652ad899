import pino from "pino";
import { describe, expect, it } from "vitest";
import { humanLines } from "./logger.js";

describe("development log lines", () => {
  it("prints one human line per entry: time, message, fields; requests as method, route, status and duration", () => {
    const written: string[] = [];
    const logger = pino(
      { base: { service: "circulair-loket" } },
      humanLines({ write: (text) => written.push(text) }),
    );
    logger.info("Embedded database is being created (first start only, about 10–20 s)…");
    logger.info({ requestId: "r1", method: "GET", route: "/aanbod/:slug", status: 200, ms: 12.5 }, "request");
    logger.info({ port: 3000, database: "pglite" }, "Circulair Loket listening on http://localhost:3000");
    logger.warn({ err: new Error("no connection") }, "could not schedule jobs");
    expect(written).toHaveLength(4);
    for (const line of written) expect(line).toMatch(/^\d\d:\d\d:\d\d {2}\S.*\n$/);
    expect(written[0]).toContain("Embedded database is being created (first start only, about 10–20 s)…");
    expect(written[1]).toContain("  GET /aanbod/:slug 200 (12.5 ms)");
    expect(written[2]).toContain(
      "Circulair Loket listening on http://localhost:3000 (port: 3000, database: pglite)",
    );
    expect(written[3]).toContain("warning: could not schedule jobs (no connection)");
    expect(written.join("")).not.toContain("{");
  });
});
