// Catalogue benchmark: handler time (app.request in process, rendering included) for 30 Dutch queries with and
// without facets at 10k instruments, on PGlite and PostgreSQL, then search pages per second over loopback HTTP.
// The page cache is off, so every request searches and renders (a cached page would say nothing about the search).
// npm run bench:catalogue -- [--instruments 10000] [--pglite-dir DIR] [--seconds 10] [--skip-pglite] [--skip-postgres]
//   [--database-url URL]  use (and fill once, when empty) this PostgreSQL database instead of a scratch one
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadEnv, loadTestSettings } from "../src/config/env.js";
import { type DatabaseHandle, openDatabase, queryRows } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedDatabase } from "../src/db/seed.js";
import { generateSyntheticCatalogue, importCatalogue } from "../src/modules/catalogue/index.js";
import { createRegionsRepository, loadGeography } from "../src/modules/regions/index.js";
import { scriptArgs } from "./support/database-args.js";
import { visitorAddress } from "./support/visitors.js";

const QUERIES = [
  "subsidie",
  "subsidies ketensamenwerking",
  "textielrecycling",
  "reststromen",
  "haalbaarheidsstudie",
  "voucher",
  "circulair ontwerp",
  "hergebruik kunststof",
  "biobased bouwmaterialen",
  "verpakkingen",
  "reparatie elektronica",
  "voedselverspilling",
  "houtrecycling",
  "beton hergebruik",
  "grondstoffenpaspoort",
  "retourlogistiek",
  "refurbishment machines",
  "deelplatform",
  "modulair bouwen",
  "circulair inkopen",
  "product als dienst",
  "afvalscheiding",
  "metaalrecycling",
  "meubels",
  "kringlooplandbouw",
  "advies op maat",
  "netwerk ondernemers Gelderland",
  "masterclass",
  "subsidei circulair",
  "innovatievouchers",
];

const { values } = scriptArgs({
  instruments: { type: "string" },
  "pglite-dir": { type: "string" },
  seconds: { type: "string" },
  "skip-postgres": { type: "boolean" },
  "skip-pglite": { type: "boolean" },
});
const count = Number(values.instruments ?? 10_000);
const seconds = Number(values.seconds ?? 10);
const pgliteDir = values["pglite-dir"] ?? `/tmp/cl-bench-pglite-${count}`;
const logger = pino({ level: "silent" });
const env = loadEnv({
  NODE_ENV: "production",
  SECRET_KEY: "bench-only-secret-0123456789-0123456789",
  PUBLIC_BASE_URL: "http://localhost:3000",
  CATALOGUE_SYNTHETIC: "1",
  LOG_LEVEL: "silent",
  DEMO: "0",
  PAGE_CACHE_SECONDS: "0",
  // Search is rate limited per client (300/min); the benchmark plays many visitors behind a load balancer.
  TRUST_PROXY: "1",
});

const asVisitor = () => ({ headers: { "x-forwarded-for": visitorAddress() } });

async function fill(database: DatabaseHandle) {
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: false });
  const geography = await loadGeography(createRegionsRepository(database.db));
  const started = performance.now();
  const report = await importCatalogue(database.db, generateSyntheticCatalogue(count, geography));
  console.log(
    `  filled: ${report.instruments.created} synthetic instruments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function handlerTimes(database: DatabaseHandle) {
  const app = await createApp({ env, database, logger });
  const modes: [string, (q: string) => string][] = [
    ["page /aanbod with facets", (q) => `/aanbod?q=${encodeURIComponent(q)}`],
    [
      "page /aanbod with facets + filter",
      (q) => `/aanbod?q=${encodeURIComponent(q)}&fase=peloton&gemeente=GM0153`,
    ],
    ["API /api/v1/services, no facets", (q) => `/api/v1/services?q=${encodeURIComponent(q)}&per_page=20`],
  ];
  for (const [name, url] of modes) {
    for (const q of QUERIES) await app.request(url(q), asVisitor()); // warm-up: caches, plans, JIT
    const times: number[] = [];
    const started = performance.now();
    for (let round = 0; round < 5; round++)
      for (const q of QUERIES) {
        const t0 = performance.now();
        const response = await app.request(url(q), asVisitor());
        await response.text();
        times.push(performance.now() - t0);
        if (response.status !== 200) throw new Error(`${url(q)} answered ${response.status}`);
      }
    const elapsed = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(36)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms  ${(times.length / elapsed).toFixed(0)} req/s (sequential, ${times.length} requests)`,
    );
  }
}

async function httpThroughput(serverEnv: Record<string, string>) {
  const port = 3119;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      ...serverEnv,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SECRET_KEY: "bench-only-secret-0123456789-0123456789",
      PUBLIC_BASE_URL: `http://localhost:${port}`,
      CATALOGUE_SYNTHETIC: "1",
      LOG_LEVEL: "warn",
      DEMO: "0",
      PAGE_CACHE_SECONDS: "0",
      TRUST_PROXY: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
      } catch {}
      if (attempt > 600) throw new Error("server did not start");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const requests = QUERIES.map((q) => ({
      method: "GET" as const,
      path: `/aanbod?q=${encodeURIComponent(q)}`,
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        headers: { ...request.headers, "x-forwarded-for": visitorAddress() },
      }),
    }));
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 8, duration: 2, requests }); // warm-up
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 16,
      duration: seconds,
      requests,
    });
    console.log(
      `  HTTP /aanbod (30 queries, facets, 16 connections, ${seconds} s): ${result.requests.average.toFixed(0)} pages/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

console.log(
  `Catalogue benchmark at ${count} synthetic instruments + the curated catalogue (node ${process.version})`,
);

if (!values["skip-pglite"]) {
  console.log(`\nPGlite (${pgliteDir})`);
  const fresh = !existsSync(pgliteDir);
  const database = await openDatabase({ kind: "pglite", dataDir: pgliteDir });
  if (fresh) await fill(database);
  else await migrateDatabase(database);
  await handlerTimes(database);
  await database.close();
  await httpThroughput({ DATA_DIR: pgliteDir });
}

async function benchPostgres(url: string, fillFirst: boolean) {
  const database = await openDatabase({ kind: "postgres", url });
  if (fillFirst) {
    await fill(database);
    await database.db.execute(sql`analyze`);
  } else await migrateDatabase(database);
  await handlerTimes(database);
  await database.close();
  await httpThroughput({ DATABASE_URL: url });
}

if (!values["skip-postgres"] && values["database-url"]) {
  const url = values["database-url"];
  console.log(`\nPostgreSQL (${new URL(url).host}, database ${new URL(url).pathname.slice(1)}, kept)`);
  const probe = await openDatabase({ kind: "postgres", url });
  await migrateDatabase(probe);
  const [row] = await queryRows<{ n: number }>(
    probe.db,
    sql`select count(*)::int as n from catalogue_instruments where synthetic`,
  );
  await probe.close();
  await benchPostgres(url, (row?.n ?? 0) === 0);
} else if (!values["skip-postgres"]) {
  const serverUrl = loadTestSettings().benchDatabaseUrl;
  const name = `cl_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\nPostgreSQL skipped: ${serverUrl} is not reachable (${(error as Error).message})`);
    process.exit(0);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  console.log(`\nPostgreSQL (${url.host}, database ${name})`);
  await admin.query(`create database "${name}"`);
  try {
    await benchPostgres(url.toString(), true);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
