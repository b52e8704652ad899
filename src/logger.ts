import pino, { type Logger } from "pino";
import type { Env } from "./config/env.js";

const REDACT = {
  paths: ["*.email", "*.phone", "*.password", "*.kvk", "req.headers.cookie", "req.headers.authorization"],
  censor: "[redacted]",
};

/**
 * JSON logs on stdout. Request logs carry ids and route patterns only: never personal data. In development the same
 * entries are printed as short human lines instead (see `humanLines`); production and tests keep JSON.
 */
export function createLogger(env: Pick<Env, "logLevel"> & Partial<Pick<Env, "nodeEnv">>): Logger {
  const options = { level: env.logLevel, base: { service: "circulair-loket" }, redact: REDACT };
  return env.nodeEnv === "development" ? pino(options, humanLines()) : pino(options);
}

const LEVEL_LABELS: Record<number, string> = { 40: "warning: ", 50: "error: ", 60: "fatal: " };
const NOT_SHOWN = new Set(["level", "time", "service", "msg", "pid", "hostname", "requestId"]);

/**
 * A pino destination that turns each JSON entry into one line for a person at a terminal: the time, the message and
 * the remaining fields, e.g. `15:04:05  GET /aanbod/:slug 200 (12.5 ms)`. Synchronous and dependency-free; the
 * entries are the same as in production (redaction included), only their layout differs.
 */
export function humanLines(out: { write(text: string): unknown } = process.stdout) {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
      const label = LEVEL_LABELS[Number(entry.level)] ?? "";
      out.write(`${time}  ${label}${describe(entry)}\n`);
    },
  };
}

function describe(entry: Record<string, unknown>): string {
  if (entry.msg === "request" && entry.method)
    return `${entry.method} ${entry.route} ${entry.status} (${entry.ms} ms)`;
  const details = Object.entries(entry)
    .filter(([key]) => !NOT_SHOWN.has(key))
    .map(([key, value]) => {
      if (key === "err" && value && typeof value === "object" && "message" in value)
        return `${(value as { message: unknown }).message}`;
      return `${key}: ${typeof value === "object" ? JSON.stringify(value) : value}`;
    });
  return details.length > 0 ? `${entry.msg ?? ""} (${details.join(", ")})` : `${entry.msg ?? ""}`;
}
