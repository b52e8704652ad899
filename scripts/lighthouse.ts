/**
 * npm run lighthouse [-- --base-url http://localhost:3000 --runs 3 --page /monitor --save-json folder]
 *
 * Runs Lighthouse 12.2.3 (mobile, its default simulated slow 4G and mid-range phone) in Debian's Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) against /, /route, /aanbod and /monitor, and prints the performance,
 * accessibility, best-practices and SEO scores of each page (the run with the median performance score of --runs),
 * with every audit that cost points. Without --base-url
 * it builds dist/ if needed and starts the compiled service (NODE_ENV=production, demo data) on a fresh embedded
 * database in a temporary folder, and stops it afterwards. Exits 1 when a page misses a target: performance 95,
 * the other three 100. A run whose trace Lighthouse could not read (with Chromium 156 an occasional NO_NAVSTART,
 * which scored performance and best practices 0) is measured again, up to three attempts, and listed; a category
 * whose score stays unknown prints "error" with the reason. --save-json keeps every report for a closer look, and
 * --page (repeatable) measures only the given pages.
 */

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { loadTestSettings } from "../src/config/env.js";
import { freePort, type ServiceProcess, startServiceProcess } from "../src/ops/service-process.js";

const ALL_PAGES = ["/", "/route?gemeente=Enschede&sector=C", "/aanbod", "/monitor"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};

const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    runs: { type: "string", default: "3" },
    page: { type: "string", multiple: true },
    "save-json": { type: "string" },
  },
});
const PAGES = values.page?.length ? values.page : ALL_PAGES;
const jsonFolder = values["save-json"];
if (jsonFolder) mkdirSync(jsonFolder, { recursive: true });
// Lighthouse's own advice against run-to-run variance: several runs, the median one counts.
const runs = Math.max(1, Number(values.runs));
const root = fileURLToPath(new URL("../", import.meta.url));

let service: ServiceProcess | undefined;
let dataFolder: string | undefined;
let baseUrl = values["base-url"];
if (!baseUrl) {
  const built = spawnSync(process.execPath, ["scripts/start.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
  dataFolder = mkdtempSync(join(tmpdir(), "cl-lighthouse-"));
  const port = await freePort();
  console.log("Starting the compiled service on a fresh embedded database (about 20 s)…");
  service = await startServiceProcess({
    compiled: true,
    port,
    readyTimeoutMs: 180_000,
    env: {
      NODE_ENV: "production",
      DATA_DIR: join(dataFolder, "pglite"),
      DEMO: "1",
      SECRET_KEY: randomBytes(24).toString("hex"),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
  });
  baseUrl = service.baseUrl;
}

// Steady state, not the first request after a start: each page is fetched a few times before it is measured.
for (const path of PAGES)
  for (let round = 0; round < 3; round++) await (await fetch(`${baseUrl}${path}`)).text();

const chrome = await chromeLauncher.launch({
  chromePath: loadTestSettings().chromiumPath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let missed = false;
try {
  const rows: string[][] = [];
  const lost: string[] = [];
  const failed: string[] = [];
  const unweightedFailures = new Set<string>();
  let measured = 0;
  const audit = async (path: string, counts = true) => {
    const result = await lighthouse(`${baseUrl}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    if (jsonFolder && counts) {
      const name = `${++measured}-${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}.json`;
      writeFileSync(join(jsonFolder, name), JSON.stringify(result.lhr));
    }
    return result.lhr;
  };
  /** A category's score out of 100, or null when Lighthouse could not compute it (one of its audits failed). */
  const score = (report: Awaited<ReturnType<typeof audit>>, name: (typeof CATEGORIES)[number]) => {
    const value = report.categories[name]?.score;
    return value === null || value === undefined ? null : Math.round(value * 100);
  };
  await audit(PAGES[0]!, false); // a freshly started browser is slow on its first page: that run does not count
  for (const path of PAGES) {
    const reports = [];
    for (let run = 0; run < runs; run++) {
      let report = await audit(path);
      // A run whose trace Lighthouse could not read (NO_NAVSTART, NO_FCP…) measured nothing: its categories would
      // read 0. Lighthouse's own advice is to run again; each failed attempt is listed, and after three the
      // failure stands (the page then prints "error").
      for (let attempt = 1; report.runtimeError && attempt < 3; attempt++) {
        failed.push(
          `${path} run ${run + 1}, attempt ${attempt}: ${report.runtimeError.code} (measured again)`,
        );
        report = await audit(path);
      }
      reports.push(report);
      if (report.runtimeError) failed.push(`${path} run ${run + 1}: ${report.runtimeError.message}`);
      // An audit that failed in a category with weight makes that category's score unknown; failures of audits
      // without weight (diagnostics) change no score and are only counted.
      const weighted = new Set(
        CATEGORIES.flatMap((name) =>
          (report.categories[name]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id),
        ),
      );
      for (const found of Object.values(report.audits)) {
        if (found.scoreDisplayMode !== "error" || report.runtimeError) continue;
        if (weighted.has(found.id))
          failed.push(
            `${path} run ${run + 1}: audit "${found.id}" failed: ${found.errorMessage ?? "no reason"}`,
          );
        else unweightedFailures.add(found.id);
      }
    }
    reports.sort((a, b) => (score(a, "performance") ?? -1) - (score(b, "performance") ?? -1));
    const median = reports[Math.floor(reports.length / 2)]!;
    const { categories, audits } = median;
    rows.push([path, ...CATEGORIES.map((name) => String(score(median, name) ?? "error"))]);
    for (const name of CATEGORIES) {
      if ((score(median, name) ?? -1) < TARGETS[name]) missed = true;
      for (const ref of categories[name]?.auditRefs ?? []) {
        const found = audits[ref.id];
        if (ref.weight > 0 && found && found.score !== null && found.score < 1)
          lost.push(`${path} ${name}: ${found.title}${found.displayValue ? ` (${found.displayValue})` : ""}`);
      }
    }
  }
  const header = ["page", "performance", "accessibility", "best-practices", "seo"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  console.log(`\nLighthouse 12.2.3, mobile, ${baseUrl}, median of ${runs} runs\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  if (lost.length > 0)
    console.log(`\nAudits that cost points:\n${lost.map((text) => `- ${text}`).join("\n")}`);
  if (failed.length > 0)
    console.log(`\nRuns or audits that failed:\n${failed.map((text) => `- ${text}`).join("\n")}`);
  if (unweightedFailures.size > 0)
    console.log(
      `\nDiagnostics without weight that failed (no score depends on them): ${[...unweightedFailures].join(", ")}`,
    );
  console.log(
    missed
      ? "\nTargets (performance ≥ 95, the rest 100): NOT met"
      : "\nTargets (performance ≥ 95, the rest 100): met",
  );
} finally {
  chrome.kill();
  await service?.stop();
  if (dataFolder) rmSync(dataFolder, { recursive: true, force: true });
}
process.exit(missed ? 1 : 0);
