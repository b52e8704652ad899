import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A free loopback TCP port, asked from the kernel (port 0), so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The same server URL pointing at another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database with a unique name on the server; returns its URL and a function that drops it. */
export async function createScratchDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`create database "${name}"`));
  return {
    name,
    url: databaseUrlFor(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)),
  };
}

/** Runs work on one short-lived connection. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Node flags the service runs with, here and in `npm start`: a larger young generation (32 MB semi-spaces instead of
 * 16) means fewer garbage collection pauses for the many short-lived strings of rendered pages (ADR 0054).
 */
export const SERVICE_NODE_FLAGS = ["--max-semi-space-size=32"];

export type ServiceProcess = {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Everything the service wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Sends a signal and resolves with the exit code once the process ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
};

/** The node arguments that run the service: its TypeScript source through tsx, or the build in dist/ (`npm start`). */
export function serviceArguments(compiled = false): string[] {
  return compiled
    ? [...SERVICE_NODE_FLAGS, "dist/server.js"]
    : [...SERVICE_NODE_FLAGS, "--import", "tsx", "src/server.ts"];
}

/**
 * Starts `node --import tsx src/server.ts` (or, with `compiled`, `node dist/server.js`, which must be built) as a child
 * process with exactly the given environment (nothing inherited, so a developer's DATABASE_URL never leaks in) and
 * waits until /readyz answers 200.
 */
export async function startServiceProcess(options: {
  env: Record<string, string>;
  compiled?: boolean;
  port?: number;
  readyTimeoutMs?: number;
  /** Keep the child's output (tests) or drop it (the benchmark: logging still costs the service its work). */
  captureOutput?: boolean;
}): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  // `node --import tsx` rather than the tsx CLI: one process (the CLI would run the server as its own child), so
  // the pid is the server's for signals and CPU accounting — the same command as the Dockerfile.
  const child = spawn(process.execPath, serviceArguments(options.compiled), {
    cwd: root,
    env: { HOST: "127.0.0.1", PORT: String(port), ...options.env },
    stdio: ["ignore", options.captureOutput === false ? "ignore" : "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let done = false;
  exited.then(() => {
    done = true;
  });
  while (true) {
    if (done) throw new Error(`service exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`service not ready in time:\n${output}`);
    }
    const ready = await fetch(`${baseUrl}/readyz`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    port,
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** CPU seconds (user + system) a Linux process has used so far, from /proc; undefined elsewhere. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, USER_HZ = 100 on Linux
  } catch {
    return undefined;
  }
}
