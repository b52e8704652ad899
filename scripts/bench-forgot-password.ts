/**
 * tsx scripts/bench-forgot-password.ts [-- --pglite] [--runs N] — wall-clock p50/p95 of POST /wachtwoord-vergeten
 * for a known and an unknown address, interleaved, through app.request (in process). Issue 13 asked that both do
 * the same work, so their timing says nothing about which addresses have an account. Runs on a scratch PostgreSQL
 * database (BENCH_DATABASE_URL names the server; dropped afterwards), or on PGlite with --pglite. Prints its figures;
 * it is not a test (tests/security/forgot-password.test.ts holds the work equal).
 */
import { parseArgs } from "node:util";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadEnv, loadTestSettings } from "../src/config/env.js";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedDemoData } from "../src/db/seed.js";
import { createScratchDatabase } from "../src/ops/service-process.js";
import { visitorAddress } from "./support/visitors.js";

const { values: args } = parseArgs({
  options: { pglite: { type: "boolean", default: false }, runs: { type: "string", default: "100" } },
});
const RUNS = Number(args.runs);
const WARM_UP = 20;

const scratch = args.pglite
  ? undefined
  : await createScratchDatabase(loadTestSettings().benchDatabaseUrl, "cl_bench_reset");
const database = await openDatabase(scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite" });
try {
  await migrateDatabase(database);
  await seedDemoData(database.db, "demo-wachtwoord");
  const app = await createApp({
    // Each request comes as another visitor behind a (simulated) proxy: the per-client reset limit is not measured.
    env: loadEnv({ NODE_ENV: "test", DEMO: "0", TRUST_PROXY: "1" }),
    database,
    logger: pino({ level: "silent" }),
  });
  const page = await app.request("/wachtwoord-vergeten");
  const cookie = page.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;

  const times: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
  const ask = async (email: string) => {
    const started = performance.now();
    const response = await app.request("/wachtwoord-vergeten", {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": visitorAddress(),
      },
      body: new URLSearchParams({ email, _csrf: csrf }).toString(),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    return performance.now() - started;
  };
  // Interleaved, so a slow moment of the machine falls on both kinds alike.
  for (let run = 0; run < RUNS + WARM_UP; run++) {
    const known = await ask(`adviseur.es${String((run % 3) + 1).padStart(2, "0")}@demo.invalid`);
    const unknown = await ask(`niemand-${run}@voorbeeld.nl`);
    if (run >= WARM_UP) {
      times.known.push(known);
      times.unknown.push(unknown);
    }
  }
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
  console.log(
    `POST /wachtwoord-vergeten on ${database.kind}, ${RUNS} requests each (after ${WARM_UP} warm-up)`,
  );
  for (const kind of ["known", "unknown"] as const)
    console.log(
      `${`${kind} address`.padEnd(16)} p50 ${percentile(times[kind], 50).toFixed(2)} ms  p95 ${percentile(times[kind], 95).toFixed(2)} ms`,
    );
} finally {
  await database.close();
  await scratch?.drop();
}
