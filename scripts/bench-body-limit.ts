/**
 * npm run bench:body-limit — what an oversized body costs the service (issue 13, ADR 0075). Starts the real server
 * (`node --import tsx src/server.ts`, embedded PGlite in a scratch directory) as a child process, then sends it
 * oversized form and API bodies over a real socket: with a Content-Length, and streamed without one. For each it
 * prints the answer's status, the time until the answer and the service's resident memory (VmRSS from /proc) before
 * and after. It is not a test (tests/security/input-limits.test.ts checks the 413s); it prints figures.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServiceProcess } from "../src/ops/service-process.js";

const MB = 1024 * 1024;

/** The child's resident memory in MB, from /proc (Linux). */
const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
};

/** Sends `bytes` of body; answers status and the time until the response headers came. */
function send(baseUrl: string, path: string, type: string, bytes: number, declareLength: boolean) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { "content-type": type };
    if (declareLength) headers["content-length"] = String(bytes);
    const req = request(`${baseUrl}${path}`, { method: "POST", headers }, (response) => {
      const ms = performance.now() - started;
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ms }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size)))
          return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const dataDir = await mkdtemp(join(tmpdir(), "cl-bench-body-"));
const service = await startServiceProcess({
  env: {
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    SECRET_KEY: randomBytes(32).toString("hex"),
    PUBLIC_BASE_URL: "http://localhost:3000",
    DEMO: "0",
    LOG_LEVEL: "warn",
  },
  captureOutput: false,
  readyTimeoutMs: 300_000, // a fresh PGlite directory is migrated and loaded first
});
try {
  const pid = service.child.pid!;
  // Warm up: one page and one small post, so the first measurement is not the server's first request.
  await fetch(`${service.baseUrl}/intake`);
  await send(service.baseUrl, "/intake", "application/x-www-form-urlencoded", 1024, true);
  const cases = [
    ["5 MB form, Content-Length", "/intake", "application/x-www-form-urlencoded", 5 * MB, true],
    ["5 MB form, streamed", "/intake", "application/x-www-form-urlencoded", 5 * MB, false],
    ["50 MB form, Content-Length", "/belemmering-melden", "application/x-www-form-urlencoded", 50 * MB, true],
    ["5 MB JSON, Content-Length", "/api/v1/route", "application/json", 5 * MB, true],
  ] as const;
  console.log("case | status | ms to answer | RSS before (MB) | RSS after (MB)");
  for (const [name, path, type, bytes, declare] of cases) {
    const before = rssMb(pid);
    const { status, ms } = await send(service.baseUrl, path, type, bytes, declare);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = rssMb(pid);
    console.log(`${name} | ${status} | ${ms.toFixed(1)} | ${before.toFixed(1)} | ${after.toFixed(1)}`);
  }
} finally {
  await service.stop();
  await rm(dataDir, { recursive: true, force: true });
}
