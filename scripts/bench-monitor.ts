/**
 * Prints the server time of every monitor page and API on a database filled by seed:monitor. Usage:
 *   npm run bench:monitor -- --database-url postgres://postgres@127.0.0.1:5432/circulair_monitor_bench
 * Each path is requested first on an app built just for it (cold: none of the app's in-memory caches hold anything
 * yet, as after a start), then RUNS more times on that app; the cold time, the median, the 95th percentile and the
 * slowest of those runs are printed. The page cache is off (PAGE_CACHE_SECONDS=0), so every request is rendered.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { createApp } from "../src/app.js";
import { loadEnv } from "../src/config/env.js";
import { openDatabase, queryRows } from "../src/db/client.js";
import { createAuthService, SESSION_COOKIE, seedDemoAccounts, users } from "../src/modules/auth/index.js";

const { values } = parseArgs({
  options: { "database-url": { type: "string" }, runs: { type: "string", default: "20" } },
});
const url = values["database-url"];
if (!url) {
  console.error("Give the benchmark database: --database-url postgres://…/circulair_monitor_bench");
  process.exit(1);
}
const runs = Number(values.runs);
const database = await openDatabase({ kind: "postgres", url });
const [size] = await queryRows<{ events: number; referrals: number; demand: number }>(
  database.db,
  sql`select (select count(*)::int from journey_events) as events, (select count(*)::int from referrals) as referrals,
        (select count(*)::int from demand_records) as demand`,
);
const env = loadEnv({
  NODE_ENV: "production",
  SECRET_KEY: "benchmark-only-secret-0123456789abcdef",
  PUBLIC_BASE_URL: "http://localhost:3000",
  DATABASE_URL: url,
  // Measure the handlers: the page cache would answer repeated public requests from memory.
  PAGE_CACHE_SECONDS: "0",
});
const logger = pino({ level: "silent" });
// The app's own monitor sources (catalogue, referrals module, curated examples and events), as in production.
const freshApp = () => createApp({ env, database, logger });
// The national demo coordinator with a session of its own: its requests go through the session look-up and the guard.
await seedDemoAccounts(database.db, "benchmark-only-password");
const [coordinator] = await database.db
  .select({ id: users.id })
  .from(users)
  .where(eq(users.email, "coordinator@demo.invalid"));
const { token } = await createAuthService(database.db, env).startSession(coordinator!.id);
const asCoordinator = { headers: { cookie: `${SESSION_COOKIE}=${token}` } };

// Two national goals (a process and an outcome indicator), one broken down over Utrecht (PV26) and a region, so the
// goals and report pages compute progress and roll-ups; made once per benchmark database.
const [goal] = await queryRows<{ id: number }>(
  database.db,
  sql`select id from monitoring_goals where scope_level = 'national' order by id limit 1`,
);
const goalId =
  goal?.id ??
  (
    await queryRows<{ id: number }>(
      database.db,
      sql`with national as (
            insert into monitoring_goals (indicator, scope_level, baseline, target, starts_on, deadline)
            values ('intake_requests', 'national', 0, 50000, '2026-01-01', '2027-12-31'),
                   ('co2e_kg_avoided', 'national', 0, 1000000, '2026-01-01', '2027-12-31')
            returning id, indicator)
          insert into monitoring_goals (indicator, scope_level, scope_code, parent_id, baseline, target, starts_on, deadline)
          select indicator, level, code, id, 0, 1000, '2026-01-01', '2027-12-31'
          from national, (values ('province', 'PV26'), ('region', 'ES12')) as parts(level, code)
          where indicator = 'intake_requests'
          returning parent_id as id`,
    )
  )[0]!.id;

const paths = [
  "/monitor",
  "/monitor/dekking",
  "/monitor/regio/ES04",
  "/monitor/regio/ES04/cel?stap=invoering&fase=peloton",
  "/monitor/klantreis",
  "/monitor/klantreis?regio=ES04",
  "/monitor/klantreis (coordinator)",
  "/monitor/klantreis.csv",
  "/monitor/effect",
  "/monitor/effect (coordinator)",
  "/monitor/doelen",
  "/monitor/gaten",
  "/monitor/gaten (coordinator)",
  "/regio/ES04",
  "/monitor/doelen (coordinator)",
  "/monitor/doelen.csv",
  `/monitor/doelen/${goalId}`,
  "/monitor/rapport?periode=2026-K4&gebied=NL (coordinator)",
  "/monitor/rapport?periode=2026-K4&gebied=PV26 (coordinator)",
  "/monitor/rapport?periode=2026&gebied=ES04&formaat=csv (coordinator)",
  "/monitor/belemmeringen (coordinator)",
  "/monitor/sterren.csv",
  "/belemmering-melden",
  "/api/v1/monitoring/coverage",
  "/api/v1/monitoring/coverage/ES04?journey_step=invoering&phase=starter",
];

console.log(
  `Monitor benchmark on PostgreSQL: ${size!.events.toLocaleString("en")} journey events, ${size!.referrals.toLocaleString("en")} referrals, ${size!.demand.toLocaleString("en")} demand records; ${runs} runs per path after the cold one; load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}`,
);
console.log("path".padEnd(72), "cold ms", "median ms", "p95 ms", "max ms", "status");
let worst = 0;
for (const label of paths) {
  const path = label.replace(/ \(coordinator\)$/, "");
  const app = await freshApp();
  const init = label.endsWith("(coordinator)") ? asCoordinator : {};
  const time = async () => {
    const start = performance.now();
    const response = await app.request(`http://localhost${path}`, init);
    await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status };
  };
  const cold = await time();
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) timings.push((await time()).ms);
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)]!;
  const p95 = timings[Math.ceil(timings.length * 0.95) - 1]!;
  const max = timings[timings.length - 1]!;
  worst = Math.max(worst, cold.ms, max);
  console.log(
    label.padEnd(72),
    cold.ms.toFixed(1).padStart(7),
    median.toFixed(1).padStart(9),
    p95.toFixed(1).padStart(6),
    max.toFixed(1).padStart(6),
    cold.status,
  );
}
console.log(
  `Slowest request, cold or warm: ${worst.toFixed(1)} ms (floor: 300 ms); load average now ${loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}`,
);
await database.close();
