import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadTestSettings } from "../../src/config/env.js";
import { openDatabase } from "../../src/db/client.js";
import { freePort } from "../../src/ops/service-process.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of a process's children, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections on the loopback port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `npm start` as a newcomer runs it: npm runs the start script, which builds dist/ when needed and then replaces its
 * shell with node. A signal to npm (a container's SIGTERM, Ctrl-C's SIGINT) must stop that node process too; before
 * this test, npm ended and left the server serving on the port.
 */
describe("npm start runs the compiled service and stops it on SIGTERM and SIGINT [PGlite]", () => {
  let folder: string;

  beforeAll(async () => {
    // What `npm start` does first, done here so that the tests below time only the start: build dist/ if stale.
    const built = spawnSync(process.execPath, ["scripts/start.mjs"], { cwd: root, encoding: "utf8" });
    expect(built.status, built.stdout + built.stderr).toBe(0);
    // An existing embedded database, as on every start after the first: a copy of the migrated test template.
    folder = mkdtempSync(join(tmpdir(), "cl-start-signals-"));
    const template = readFileSync(inject("pgliteTemplatePath"));
    const database = await openDatabase({
      kind: "pglite",
      dataDir: join(folder, "pglite"),
      loadDataDir: new Blob([template]),
    });
    await database.close();
  }, 600_000);
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} to npm stops the node process it started; npm exits and nothing serves on the port`, async () => {
      const port = await freePort();
      const npm: ChildProcess = spawn("npm", ["start"], {
        cwd: root,
        env: {
          PATH: loadTestSettings().path,
          HOME: folder,
          npm_config_update_notifier: "false",
          NODE_ENV: "production",
          SECRET_KEY: "start-signals-test-secret-0123456789abcdef",
          PUBLIC_BASE_URL: "http://localhost:3000",
          DATA_DIR: join(folder, "pglite"),
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_LEVEL: "info",
          SHUTDOWN_GRACE_SECONDS: "5",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      npm.stdout?.on("data", (chunk) => {
        output += chunk;
      });
      npm.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
      try {
        const deadline = Date.now() + 180_000;
        while (
          !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => r.ok,
            () => false,
          ))
        ) {
          expect(npm.exitCode, output).toBeNull();
          expect(Date.now() < deadline, `not ready in time:\n${output}`).toBe(true);
          await sleep(200);
        }
        // npm's one child is node running the compiled server (the shell exec'd into it), not tsx.
        const [server, ...others] = childrenOf(npm.pid!);
        expect(others).toEqual([]);
        expect(commandLine(server!)).toMatch(/^\S*node --max-semi-space-size=32 dist\/server\.js$/);

        npm.kill(signal);
        const code = await exited;
        expect(output).toContain(`"signal":"${signal}"`);
        expect(output).toContain('"msg":"stopped"');
        expect(code).toBe(0);
        expect(isRunning(server!)).toBe(false);
        expect(await accepts(port)).toBe(false);
      } finally {
        if (npm.exitCode === null) npm.kill("SIGKILL");
      }
    }, 240_000);
  }
});
