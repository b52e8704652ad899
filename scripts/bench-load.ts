/**
 * npm run bench:load [-- --duration 20 --per-path 3 --connections 50 --base-url http://…]
 *
 * Starts the service as a child process on its own PostgreSQL database (NODE_ENV=production), waits for /readyz,
 * measures every path of the mix alone and then the whole mix, prints requests per second, p50/p95/p99 and errors,
 * and stops the service and drops the database. BENCH_DATABASE_URL names the PostgreSQL server (default
 * postgres://postgres@127.0.0.1:5432/postgres). With --base-url it measures a service that is already running.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { loadTestSettings } from "../src/config/env.js";
import { PHASES } from "../src/modules/vocabulary/index.js";
import {
  cpuSeconds,
  createScratchDatabase,
  type ServiceProcess,
  startServiceProcess,
} from "../src/ops/service-process.js";
import { visitorAddress } from "./support/visitors.js";

type MixEntry = {
  name: string;
  method: "GET" | "POST";
  /** One path, or {slug} for every curated instrument in turn. */
  path: string;
  /** Paths visitors actually vary (queries, facets, municipalities); each request takes the next. */
  variants?: string[];
  body?: unknown;
  weight: number;
};

const SEARCH_WORDS = [
  "subsidie",
  "textiel",
  "haalbaarheid",
  "voucher",
  "grondstoffen",
  "keten",
  "advies",
  "kunststof",
];
/** Municipalities in every province and sector sections/divisions: a route page is per company profile. */
const ROUTE_PLACES = [
  "GM0153",
  "GM0363",
  "GM0599",
  "GM0344",
  "GM0855",
  "GM0193",
  "GM0014",
  "GM0080",
  "GM0034",
];
const ROUTE_SECTORS = ["C", "F", "G", "I", "25", "13", "22", "10"];

/**
 * The realistic mix, in one place: the paths a public service gets most, with the variation real visitors bring
 * (many searches, facets, profiles and instruments — not one URL over and over, which the page cache would flatter).
 * `weight` is how often the path occurs in the mix.
 */
export const LOAD_MIX: MixEntry[] = [
  { name: "home", method: "GET", path: "/", variants: ["/", "/?lang=en"], weight: 4 },
  { name: "regions", method: "GET", path: "/regio", weight: 1 },
  {
    name: "region page",
    method: "GET",
    path: "/regio/ES04",
    variants: Array.from({ length: 30 }, (_, i) => `/regio/ES${String(i + 1).padStart(2, "0")}`),
    weight: 2,
  },
  { name: "accessibility", method: "GET", path: "/toegankelijkheid", weight: 1 },
  {
    name: "search with facets",
    method: "GET",
    path: "/aanbod?q=subsidie&fase=peloton",
    variants: SEARCH_WORDS.flatMap((word) => PHASES.map((phase) => `/aanbod?q=${word}&fase=${phase}`)),
    weight: 4,
  },
  { name: "instrument page", method: "GET", path: "/aanbod/{slug}", weight: 3 },
  {
    name: "route",
    method: "GET",
    path: "/route?gemeente=GM0153&sector=C",
    variants: ROUTE_PLACES.flatMap((place) =>
      ROUTE_SECTORS.map((sector) => `/route?gemeente=${place}&sector=${sector}`),
    ),
    weight: 3,
  },
  { name: "API root", method: "GET", path: "/api/v1", weight: 1 },
  {
    name: "API services",
    method: "GET",
    path: "/api/v1/services?municipality=GM0153",
    variants: ROUTE_PLACES.map((place) => `/api/v1/services?municipality=${place}`),
    weight: 2,
  },
  {
    name: "API route",
    method: "POST",
    path: "/api/v1/route",
    body: { municipality: "GM0153", sbi: "25" },
    weight: 1,
  },
  { name: "OpenAPI document", method: "GET", path: "/api/openapi.json", weight: 1 },
];

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    "per-path": { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    "warm-up": { type: "string", default: "3" },
    "base-url": { type: "string" },
  },
});

type Figures = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** What the errors were: HTTP statuses ≥ 400, connection errors, timeouts. */
  errorKinds: Record<string, number>;
  /** CPU time the service process used per request (Linux /proc), when the script started the service. */
  cpuMsPerRequest?: number;
};

function withCpu(figures: Figures, before: number | undefined, after: number | undefined): Figures {
  if (before === undefined || after === undefined || figures.requests === 0) return figures;
  return { ...figures, cpuMsPerRequest: ((after - before) * 1000) / figures.requests };
}

async function main() {
  let service: ServiceProcess | undefined;
  let dropDatabase: (() => Promise<unknown>) | undefined;
  const cleanUp = async () => {
    await service?.stop();
    await dropDatabase?.();
  };
  process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));
  try {
    let baseUrl = args["base-url"];
    if (!baseUrl) {
      const database = await createScratchDatabase(loadTestSettings().benchDatabaseUrl, "cl_bench");
      dropDatabase = database.drop;
      const started = performance.now();
      service = await startServiceProcess({
        env: {
          NODE_ENV: "production",
          DATABASE_URL: database.url,
          SECRET_KEY: randomBytes(32).toString("hex"),
          PUBLIC_BASE_URL: "http://localhost:3000",
          DEMO: "1",
          LOG_LEVEL: "info",
          // Search, route and export are rate limited per client (300/min). The benchmark plays many visitors
          // behind a load balancer: each request carries another X-Forwarded-For address (see run()).
          TRUST_PROXY: "1",
        },
        captureOutput: false,
        readyTimeoutMs: 120_000,
      });
      baseUrl = service.baseUrl;
      console.log(
        `service ready on ${baseUrl} (PostgreSQL database ${database.name}, NODE_ENV=production) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const mix = await resolveMix(baseUrl);
    const connections = Number(args.connections);
    // Warm up (JIT, connection pool, caches) before anything is measured.
    await run(baseUrl, mix, Number(args["warm-up"]), connections);
    console.log(
      `load average before measuring: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")} (2 cores, shared)`,
    );
    console.log(`\n${connections} connections; each path alone for ${args["per-path"]} s, then the mix\n`);
    console.log(header());
    const pid = service?.child.pid;
    for (const entry of mix) {
      const cpuBefore = cpuSeconds(pid);
      const figures = await run(baseUrl, [entry], Number(args["per-path"]), connections);
      const label = `${entry.method} ${entry.path}${entry.variants && entry.variants.length > 1 ? ` +${entry.variants.length - 1} variants` : ""}`;
      console.log(row(label, withCpu(figures, cpuBefore, cpuSeconds(pid))));
    }
    const weighted = mix.flatMap((entry) => Array.from({ length: entry.weight }, () => entry));
    // Interleave so every connection walks the whole mix rather than a block of one path.
    const cpuBefore = cpuSeconds(pid);
    const figures = withCpu(
      await run(baseUrl, shuffle(weighted), Number(args.duration), connections),
      cpuBefore,
      cpuSeconds(pid),
    );
    console.log(row(`MIX (${mix.length} paths, ${args.duration} s)`, figures));
    if (figures.cpuMsPerRequest !== undefined)
      console.log(
        `\nService CPU per request in the mix: ${figures.cpuMsPerRequest.toFixed(3)} ms → one fully available core ` +
          `could serve about ${Math.round(1000 / figures.cpuMsPerRequest)} req/s of this mix (the load generator ` +
          "needs the other core). On a shared machine this figure depends less on the neighbours than req/s, but " +
          "cache and core contention still inflate it.",
      );
    console.log(await pageCacheFigures(baseUrl));
    const pages = mix.filter((entry) => !entry.path.startsWith("/api")).length;
    console.log(
      `load average after: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")}\nFloors: ≥ 1000 req/s for the mix, 0 errors, p99 ≤ 100 ms at 50 connections → ${
        figures.rps >= 1000 && figures.errors === 0 && figures.p99 <= 100 ? "MET" : "NOT MET"
      } (${pages} of ${mix.length} paths in the mix are server-rendered pages)`,
    );
  } finally {
    await cleanUp();
  }
}

/** Replaces {slug} with a real instrument and drops paths that do not answer 2xx yet, saying so. */
async function resolveMix(baseUrl: string): Promise<MixEntry[]> {
  const resolved: MixEntry[] = [];
  for (const entry of LOAD_MIX) {
    let path = entry.path;
    let variants = entry.variants;
    if (path.includes("{slug}")) {
      const slugs = await instrumentSlugs(baseUrl);
      if (!slugs.length) {
        console.log(`skipped ${entry.method} ${entry.path}: no instrument found on /aanbod yet`);
        continue;
      }
      variants = slugs.map((slug) => path.replace("{slug}", slug));
      path = variants[0]!;
    }
    const response = await fetch(`${baseUrl}${path}`, requestInit(entry));
    await response.arrayBuffer();
    if (response.status < 200 || response.status >= 300) {
      console.log(`skipped ${entry.method} ${path}: answers ${response.status} (module not merged yet?)`);
      continue;
    }
    resolved.push({ ...entry, path, variants });
  }
  return resolved;
}

/** The service's page cache hits and misses since start (ADR 0054), from /metrics. */
async function pageCacheFigures(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) return "page cache: /metrics not readable here";
  const text = await response.text();
  const count = (result: string) =>
    Number(new RegExp(`page_cache_requests\\{[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
  const [hits, misses] = [count("hit"), count("miss")];
  return `page cache since start: ${hits} hits, ${misses} misses (${((hits / Math.max(1, hits + misses)) * 100).toFixed(1)}% hits)`;
}

/** Every curated instrument's slug, from the search pages a visitor would page through. */
async function instrumentSlugs(baseUrl: string): Promise<string[]> {
  const slugs = new Set<string>();
  for (let page = 1; page <= 5; page++) {
    const response = await fetch(`${baseUrl}/aanbod?pagina=${page}`);
    if (!response.ok) break;
    const before = slugs.size;
    for (const match of (await response.text()).matchAll(/href="\/aanbod\/([a-z0-9][a-z0-9-]*)"/g))
      slugs.add(match[1]!);
    if (slugs.size === before) break;
  }
  return [...slugs];
}

function requestInit(entry: MixEntry): RequestInit {
  return entry.body === undefined
    ? { method: entry.method }
    : {
        method: entry.method,
        body: JSON.stringify(entry.body),
        headers: { "content-type": "application/json" },
      };
}

async function run(
  baseUrl: string,
  entries: MixEntry[],
  seconds: number,
  connections: number,
): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: baseUrl,
      connections,
      duration: seconds,
      requests: entries.map((entry) => ({
        method: entry.method,
        path: entry.path,
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          path: nextVariant(entry),
          headers: { ...request.headers, "x-forwarded-for": visitorAddress() },
        }),
        ...(entry.body === undefined
          ? {}
          : { body: JSON.stringify(entry.body), headers: { "content-type": "application/json" } }),
      })),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 400) {
      errors++;
      errorKinds[`HTTP ${statusCode}`] = (errorKinds[`HTTP ${statusCode}`] ?? 0) + 1;
    }
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: errors + result.errors, // autocannon counts timeouts among its errors
    errorKinds: {
      ...errorKinds,
      ...(result.timeouts ? { timeouts: result.timeouts } : {}),
      ...(result.errors - result.timeouts > 0
        ? { "connection errors": result.errors - result.timeouts }
        : {}),
    },
  };
}

const variantTurns = new Map<MixEntry, number>();
/** The entry's next path variant, round robin, so every variant gets its share. */
function nextVariant(entry: MixEntry): string {
  if (!entry.variants?.length) return entry.path;
  const turn = variantTurns.get(entry) ?? 0;
  variantTurns.set(entry, turn + 1);
  return entry.variants[turn % entry.variants.length]!;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1); // deterministic, so runs are comparable
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const header = () =>
  `${"path".padEnd(48)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"CPU ms/req".padStart(12)}`;
const row = (label: string, f: Figures) =>
  `${label.slice(0, 47).padEnd(48)}${f.rps.toFixed(0).padStart(9)}${f.p50.toFixed(1).padStart(9)}${f.p95.toFixed(1).padStart(9)}${f.p99.toFixed(1).padStart(9)}${String(f.errors).padStart(8)}${(f.cpuMsPerRequest?.toFixed(3) ?? "-").padStart(12)}${
    f.errors
      ? `  (${Object.entries(f.errorKinds)
          .map(([kind, n]) => `${kind}: ${n}`)
          .join(", ")})`
      : ""
  }`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
