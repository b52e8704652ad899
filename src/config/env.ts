import { z } from "zod";

/**
 * The one place that reads process.env. Everything else receives a typed `Env`.
 * Start-up stops with a readable list of problems when the environment is wrong.
 */
const booleanFlag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data/pglite"),
  DEMO: booleanFlag,
  SECRET_KEY: z.string().min(32).optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanFlag,
  METRICS_TOKEN: z.union([z.literal(""), z.string().min(16)]).optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  CATALOGUE_ADMIN_TOKEN: z.string().min(24, "use at least 24 characters").optional(),
  CATALOGUE_SYNTHETIC: booleanFlag,
  DEMO_PASSWORD: z.string().min(8).default("demo-wachtwoord"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Circulair Loket <noreply@circulair-loket.invalid>"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
});

export type Env = {
  nodeEnv: "development" | "test" | "production";
  port: number;
  host: string;
  /** Set: use this PostgreSQL server. Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo data (hubs, users, events) is loaded on the embedded database, or on PostgreSQL when DEMO=1. */
  demo: boolean;
  secretKey: string;
  /**
   * The one origin every absolute link is built from (mail, iCal, API `page_url`, feeds, redirects): PUBLIC_BASE_URL,
   * required in production; in development and tests `http://localhost:PORT`. Never the request's Host header.
   */
  publicBaseUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto for Secure cookies and HSTS. */
  trustProxy: boolean;
  /** Set: GET /metrics needs `Authorization: Bearer <token>`. Unset: /metrics is open (block it at the proxy). */
  metricsToken: string | undefined;
  /** On SIGTERM: how long in-flight requests and jobs may take before the process exits anyway. */
  shutdownGraceSeconds: number;
  /** Bearer token for POST /api/v1/admin/import; unset: the endpoint does not exist (404). */
  catalogueAdminToken: string | undefined;
  /** Show synthetic instruments (benchmark and load-test databases only; never set on a real catalogue). */
  catalogueSynthetic: boolean;
  /** The password of every demo account (demo mode only). */
  demoPassword: string;
  /** Set: e-mail goes out over SMTP (nodemailer). Unset: messages are only stored in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** A session ends after this many minutes without a request … */
  sessionIdleMinutes: number;
  /** … and at the latest this many hours after login. */
  sessionAbsoluteHours: number;
  /** Closed dossiers are anonymised this many months after closing. */
  retentionMonths: number;
  /** Public pages are served from this process's memory for this many seconds (0: off). ADR 0054. */
  pageCacheSeconds: number;
};

// Development and test only: production refuses to start without SECRET_KEY.
const DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production-0000";

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Parses and validates an environment (defaults to process.env). */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${problems.join("\n")}`);
  }
  const raw = parsed.data;
  if (raw.NODE_ENV === "production" && !raw.SECRET_KEY) {
    throw new EnvError("Invalid environment:\n  SECRET_KEY: required in production (at least 32 characters)");
  }
  const publicBaseUrl = publicOrigin(raw.PUBLIC_BASE_URL, raw.NODE_ENV, raw.PORT);
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    dataDir: raw.DATA_DIR,
    demo: raw.DATABASE_URL ? raw.DEMO : source.DEMO === undefined ? true : raw.DEMO,
    secretKey: raw.SECRET_KEY ?? DEVELOPMENT_SECRET,
    publicBaseUrl,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    metricsToken: raw.METRICS_TOKEN || undefined,
    shutdownGraceSeconds: raw.SHUTDOWN_GRACE_SECONDS,
    catalogueAdminToken: raw.CATALOGUE_ADMIN_TOKEN || undefined,
    catalogueSynthetic: raw.CATALOGUE_SYNTHETIC,
    demoPassword: raw.DEMO_PASSWORD,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    sessionIdleMinutes: raw.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: raw.SESSION_ABSOLUTE_HOURS,
    retentionMonths: raw.RETENTION_MONTHS,
    pageCacheSeconds: raw.PAGE_CACHE_SECONDS,
  };
}

/**
 * The configured public origin, without a trailing slash. Links are built from it alone, so a hostile Host or
 * X-Forwarded-Host header can never put another address into a mail or a cached page (docs/security.md).
 */
function publicOrigin(configured: string | undefined, nodeEnv: Env["nodeEnv"], port: number): string {
  if (!configured) {
    if (nodeEnv === "production") {
      throw new EnvError(
        "Invalid environment:\n  PUBLIC_BASE_URL: required in production: the public address of the service, " +
          "e.g. https://circulair-loket.nl (links in e-mails and feeds are built from it)",
      );
    }
    return `http://localhost:${port}`;
  }
  const url = new URL(configured);
  const problem =
    url.protocol !== "https:" && url.protocol !== "http:"
      ? "use an http(s) address"
      : url.pathname !== "/" || url.search || url.hash || url.username || url.password
        ? "give only the origin (scheme, host and port), without a path, query or user"
        : nodeEnv === "production" &&
            url.protocol !== "https:" &&
            !["localhost", "127.0.0.1"].includes(url.hostname)
          ? "use https in production"
          : undefined;
  if (problem) throw new EnvError(`Invalid environment:\n  PUBLIC_BASE_URL: ${problem}`);
  return url.origin;
}

/** Settings for test processes and benchmark scripts: the only other sanctioned reader of process.env. */
export function loadTestSettings(source: Record<string, string | undefined> = process.env) {
  return {
    testDatabaseUrl: source.TEST_DATABASE_URL || undefined,
    chromiumPath: source.CHROMIUM_PATH || "/usr/bin/chromium",
    /** Where child processes that run `npm start` look for `npm` and `node` (tests/ops/start-signals.test.ts). */
    path: source.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    /** npm run bench:load: the PostgreSQL server on which the benchmark creates and drops its own database. */
    benchDatabaseUrl: source.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  };
}
