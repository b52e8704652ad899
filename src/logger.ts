import pino, { type DestinationStream, type Logger } from "pino";
import type { Env } from "./config/env.js";

const REDACT = {
  paths: ["*.email", "*.phone", "*.password", "*.kvk", "req.headers.cookie", "req.headers.authorization"],
  censor: "[redacted]",
};

/**
 * Fields of a database error that name what failed without any value: the SQLSTATE code, where in PostgreSQL it
 * failed and the schema objects involved. `detail`, `where`, `hint`, `params`, `query` with values, `parameters`
 * and the like are left out: PostgreSQL and PGlite copy parameter values and row contents into them.
 */
const SAFE_DATABASE_FIELDS = [
  "code",
  "severity",
  "routine",
  "constraint",
  "table",
  "column",
  "schema",
] as const;

/** A quoted value in a database message (`invalid input syntax for type integer: "…"`) is replaced by […]. */
const redactQuoted = (text: string) => text.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, "[…]");

const isDatabaseError = (error: Record<string, unknown>) =>
  typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && "severity" in error;

/**
 * The message of an error without any value a person typed (ADR 0075). Drizzle's "Failed query: <sql>\nparams: …"
 * keeps its SQL (written by us, with $1 placeholders) and loses the parameter list; a database error's quoted values
 * are replaced. Other errors are the application's own messages.
 */
export function safeErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return "non-error thrown";
  const message = error.message.replace(/\nparams: [\s\S]*$/, "");
  return isDatabaseError(error as unknown as Record<string, unknown>) ? redactQuoted(message) : message;
}

type SafeError = { type: string; message: string; stack?: string; cause?: SafeError } & Record<
  string,
  unknown
>;

/**
 * pino's serializer for `err`: a whitelist, not pino's standard one (which copies every own property, and so
 * Drizzle's `params` and PostgreSQL's `detail`). The stack keeps its frames under the safe message.
 */
export function serializeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-error thrown" };
  const fields = error as unknown as Record<string, unknown>;
  const type = error.constructor?.name ?? "Error";
  const message = safeErrorMessage(error);
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const safe: SafeError = { type, message, stack: [`${type}: ${message}`, ...frames].join("\n") };
  for (const field of SAFE_DATABASE_FIELDS)
    if (typeof fields[field] === "string") safe[field] = fields[field];
  if (typeof fields.status === "number") safe.status = fields.status;
  if (error.cause !== undefined && depth < 3) safe.cause = serializeError(error.cause, depth + 1);
  return safe;
}

/**
 * JSON logs on stdout (or `destination`, for tests). Request logs carry ids and route patterns only: never personal
 * data; errors go through serializeError, so a failed query never repeats its parameters. In development the same
 * entries are printed as short human lines instead (see `humanLines`); production and tests keep JSON.
 */
export function createLogger(
  env: Pick<Env, "logLevel"> & Partial<Pick<Env, "nodeEnv">>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: env.logLevel,
    base: { service: "circulair-loket" },
    serializers: { err: serializeError, error: serializeError },
    redact: REDACT,
  };
  if (destination) return pino(options, destination);
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
