/**
 * npm run bench:route [-- --pglite] — p50/p95 of the route engine and of the handlers (GET /route, POST
 * /api/v1/route, in process through app.request) with 10,000 synthetic instruments. The handlers run on a scratch
 * PostgreSQL database (BENCH_DATABASE_URL names the server; dropped afterwards), or on PGlite with --pglite.
 * Prints its figures; it is not a test.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadEnv, loadTestSettings } from "../src/config/env.js";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedReferenceData } from "../src/db/seed.js";
import type { MatchableInstrument } from "../src/modules/catalogue/index.js";
import { buildRoute, loadRouteReferenceData, type RouteProfile } from "../src/modules/route/index.js";
import {
  JOURNEY_STEPS,
  PHASES,
  R_STRATEGIES,
  SIZE_CLASSES,
  THEMES,
} from "../src/modules/vocabulary/index.js";
import { createScratchDatabase } from "../src/ops/service-process.js";
import { visitorAddress } from "./support/visitors.js";

const { values: args } = parseArgs({ options: { pglite: { type: "boolean", default: false } } });

const COUNT = 10_000;
const ENGINE_RUNS = 2_000;
const HANDLER_RUNS = 1_000;

// A small deterministic generator, so every run measures the same catalogue.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], max: number) => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items))),
];

const KINDS = [
  "subsidy",
  "voucher",
  "advice",
  "network",
  "training",
  "information",
  "event",
  "tool",
  "loket",
  "tax_scheme",
  "finance",
  "procurement",
  "programme",
];
const SECTIONS = "ABCDEFGHIJKLMNOPQRS".split("");
const PROVINCES = Array.from({ length: 12 }, (_, index) => `PV${20 + index}`);
const REGIONS = Array.from({ length: 30 }, (_, index) => `ES${String(index + 1).padStart(2, "0")}`);

/** 10k synthetic instruments in the engine's shape. */
function syntheticInstruments(): MatchableInstrument[] {
  return Array.from({ length: COUNT }, (_, index) => {
    const roll = random();
    const coverage: MatchableInstrument["coverage"] =
      roll < 0.2
        ? { level: "national", codes: ["NL"] }
        : roll < 0.25
          ? { level: "eu", codes: [] }
          : roll < 0.75
            ? { level: "province", codes: some(PROVINCES, 2) }
            : { level: "res_region", codes: some(REGIONS, 2) };
    return {
      id: `synthetic-${index}`,
      refId: `synthetic-${index}`,
      slug: `synthetisch-${index}`,
      name: { nl: `Synthetisch instrument ${index}`, en: `Synthetic instrument ${index}` },
      kind: pick(KINDS),
      journeySteps: some(JOURNEY_STEPS, 3),
      phases: some(PHASES, 3),
      themes: some(THEMES, 3),
      rStrategies: random() < 0.5 ? some(R_STRATEGIES, 4) : [],
      sbiSections: random() < 0.2 ? some(SECTIONS, 3) : [],
      coverage,
      sizeClasses: random() < 0.7 ? [...SIZE_CLASSES] : some(SIZE_CLASSES, 3),
      status: pick(["open", "doorlopend", "doorlopend", "gesloten", "historisch"]),
      windowClose: random() < 0.3 ? `202${Math.floor(random() * 9)}-06-30` : null,
      hasEvidence: random() < 0.4,
      providerName: `Aanbieder ${Math.floor(random() * 300)}`,
    };
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
type Sample = { wall: number; cpu: number };
/** Measures one operation: wall-clock time and this process's CPU time (which other load on the machine inflates less). */
async function measure(operation: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await operation();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}
const report = (label: string, samples: Sample[]) => {
  const wall = samples.map((sample) => sample.wall);
  const cpu = samples.map((sample) => sample.cpu);
  console.log(
    `${label.padEnd(30)} wall p50 ${percentile(wall, 50).toFixed(2)} ms  p95 ${percentile(wall, 95).toFixed(2)} ms` +
      `   cpu p50 ${percentile(cpu, 50).toFixed(2)} ms  p95 ${percentile(cpu, 95).toFixed(2)} ms   (n=${samples.length})`,
  );
};

const instruments = syntheticInstruments();
const reference = loadRouteReferenceData();
const profiles: RouteProfile[] = [
  {
    location: {
      municipalityCode: "GM0153",
      regionCode: "ES04",
      regionName: "Twente",
      provinceCode: "PV23",
      provinceName: "Overijssel",
    },
    sbiSection: "C",
    sbiDivision: "13",
    sizeClass: "klein",
    stage: "ideeen",
    motivations: ["kosten_besparen", "nieuwe_omzet"],
    themes: ["recycling", "productontwerp"],
    help: ["advies", "financiering"],
  },
  {
    location: {
      municipalityCode: "GM0363",
      regionCode: "ES16",
      regionName: "Noord-Holland Zuid",
      provinceCode: "PV27",
      provinceName: "Noord-Holland",
    },
    sbiSection: "I",
    sbiDivision: "56",
    stage: undefined,
    motivations: [],
    themes: [],
    help: [],
  },
];

const engineTimes: Sample[] = [];
for (let run = 0; run < ENGINE_RUNS + 200; run++) {
  const sample = await measure(() =>
    buildRoute({
      profile: profiles[run % profiles.length]!,
      instruments,
      sectorStrategies: reference.sectorStrategies,
      today: "2026-11-27",
      limit: 10,
    }),
  );
  if (run >= 200) engineTimes.push(sample);
}

const scratch = args.pglite
  ? undefined
  : await createScratchDatabase(loadTestSettings().benchDatabaseUrl, "cl_bench_route");
const database = await openDatabase(scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite" });
await migrateDatabase(database);
await seedReferenceData(database.db);
const app = await createApp({
  // Behind a (simulated) proxy, each request comes as another visitor: the per-client abuse limit is not measured.
  // The page cache is off: this measures the handler's own work for every request, not a stored page (ADR 0054).
  env: loadEnv({ NODE_ENV: "test", DEMO: "0", TRUST_PROXY: "1", PAGE_CACHE_SECONDS: "0" }),
  database,
  logger: pino({ level: "silent" }),
  listMatchableInstruments: async () => instruments,
});
const asVisitor = (headers: Record<string, string> = {}) => ({
  ...headers,
  "x-forwarded-for": visitorAddress(),
});

const timeRequests = async (make: () => Promise<Response>, expectedStatus: number) => {
  const samples: Sample[] = [];
  for (let run = 0; run < HANDLER_RUNS + 100; run++) {
    const sample = await measure(async () => {
      const response = await make();
      await response.arrayBuffer();
      if (response.status !== expectedStatus) throw new Error(`status ${response.status}`);
    });
    if (run >= 100) samples.push(sample);
  }
  return samples;
};
const getTimes = await timeRequests(
  () => Promise.resolve(app.request("/route?gemeente=GM0153&sector=13", { headers: asVisitor() })),
  200,
);
// The same page as a visitor gets it with the page cache on (ADR 0054): /route holds no session token (ADR 0091), so
// after the first rendering every request within the time-to-live is served from memory.
const cachedApp = await createApp({
  env: loadEnv({ NODE_ENV: "test", DEMO: "0", TRUST_PROXY: "1", PAGE_CACHE_SECONDS: "300" }),
  database,
  logger: pino({ level: "silent" }),
  listMatchableInstruments: async () => instruments,
});
const cachedTimes = await timeRequests(
  () => Promise.resolve(cachedApp.request("/route?gemeente=GM0153&sector=13", { headers: asVisitor() })),
  200,
);
const cacheHits = Number(
  /page_cache_requests\{result="hit"[^}]*\} (\d+)/.exec(
    await (await cachedApp.request("/metrics")).text(),
  )?.[1] ?? 0,
);
const body = JSON.stringify({
  municipality: "GM0153",
  sbi: "13",
  employees: 25,
  stage: "ideeen",
  motivations: ["kosten_besparen"],
  themes: ["recycling"],
  help: ["advies", "financiering"],
});
const postTimes = await timeRequests(
  () =>
    Promise.resolve(
      app.request("/api/v1/route", {
        method: "POST",
        headers: asVisitor({ "content-type": "application/json" }),
        body,
      }),
    ),
  200,
);
await database.close();
await scratch?.drop();

console.log(
  `Route benchmark with ${COUNT.toLocaleString("en")} synthetic instruments, handlers on ` +
    `${scratch ? "PostgreSQL" : "PGlite"} (Node ${process.version}, ` +
    `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
report("engine (buildRoute)", engineTimes);
report("handler GET /route", getTimes);
report("handler POST /api/v1/route", postTimes);
report("GET /route, page cache on", cachedTimes);
console.log(`page cache: ${cacheHits} of ${HANDLER_RUNS + 100} GET /route requests served from memory`);
console.log("floor: handler p95 <= 10 ms (wall-clock; on a loaded machine compare the cpu figures)");
