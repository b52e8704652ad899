import pino, { type Logger } from "pino";
import type { Env } from "./config/env.js";

/** JSON logs on stdout. Request logs carry ids and route patterns only: never personal data. */
export function createLogger(env: Pick<Env, "logLevel">): Logger {
  return pino({
    level: env.logLevel,
    base: { service: "circulair-loket" },
    redact: {
      paths: ["*.email", "*.phone", "*.password", "*.kvk", "req.headers.cookie", "req.headers.authorization"],
      censor: "[redacted]",
    },
  });
}
