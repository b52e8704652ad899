/**
 * npm run bench:restart [-- --runs 5 --data-dir ./data/pglite --source]
 *
 * How fast the compiled service (`npm start`: node dist/server.js, built first if stale) is back after a restart on
 * an existing embedded database: starts it --runs times on the data directory, and prints per run the time from
 * spawning node to the "listening" log line, the resident memory (RSS) then, and the peak RSS while loading
 * (VmHWM), and the CPU time it used until then (user + system, all threads: on a shared machine a steadier figure than
 * the wall time, which grows with the load average). The first run creates the database if the directory does not exist yet and is not counted. With
 * --source it measures `node --import tsx src/server.ts` instead, for comparison. Floor: median ≤ 2 s.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cpuSeconds, freePort, serviceArguments } from "../src/ops/service-process.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "data-dir": { type: "string", default: "data/pglite" },
    source: { type: "boolean", default: false },
  },
});
const root = fileURLToPath(new URL("../", import.meta.url));
const dataDir = resolve(root, values["data-dir"]);
const runs = Number(values.runs);
const compiled = !values.source;
const FLOOR_MS = 2_000;

if (compiled) {
  const built = spawnSync(process.execPath, ["scripts/start.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Resident and peak resident memory of a Linux process in MB, from /proc. */
function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kilobytes("VmRSS") / 1024, peak: kilobytes("VmHWM") / 1024 };
}

/** Starts the service once; resolves at its "listening" line with the time taken and its memory, then stops it. */
async function startOnce() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, serviceArguments(compiled), {
    cwd: root,
    env: {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DEMO: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      SECRET_KEY: randomBytes(24).toString("hex"),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const measured = await new Promise<{ ms: number; rss: number; peak: number; cpuMs: number }>(
    (done, fail) => {
      let output = "";
      child.stdout!.on("data", (chunk) => {
        output += chunk;
        if (output.includes("listening on")) {
          const ms = performance.now() - started;
          done({ ms, ...memory(child.pid!), cpuMs: (cpuSeconds(child.pid) ?? Number.NaN) * 1000 });
          output = "";
        }
      });
      child.once("exit", (code) => fail(new Error(`service exited (${code}) before listening`)));
    },
  );
  child.kill("SIGTERM");
  await exited;
  return measured;
}

const fresh = !existsSync(dataDir);
console.log(
  `${compiled ? "compiled (node dist/server.js)" : "source (node --import tsx src/server.ts)"} on ${dataDir}` +
    `${fresh ? " — creating it first" : ""}; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}`,
);
const warmUp = await startOnce();
console.log(`warm-up start: ${Math.round(warmUp.ms)} ms (not counted)`);
const results: { ms: number; rss: number; peak: number; cpuMs: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const result = await startOnce();
  results.push(result);
  console.log(
    `run ${run}: ${Math.round(result.ms)} ms to listening (CPU ${Math.round(result.cpuMs)} ms), RSS ${result.rss.toFixed(0)} MB, peak RSS ${result.peak.toFixed(0)} MB`,
  );
}
const sorted = results.map((result) => result.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const peak = Math.max(...results.map((result) => result.peak));
const cpu = results.map((result) => result.cpuMs).sort((a, b) => a - b);
console.log(
  `median ${Math.round(median)} ms (min ${Math.round(sorted[0]!)}, max ${Math.round(sorted.at(-1)!)}), ` +
    `median CPU ${Math.round(cpu[Math.floor(cpu.length / 2)]!)} ms, ` +
    `highest peak RSS ${peak.toFixed(0)} MB; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}`,
);
console.log(`floor ≤ ${FLOOR_MS} ms: ${median <= FLOOR_MS ? "met" : "NOT met"}`);
