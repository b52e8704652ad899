import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { DatabaseHandle } from "./db/client.js";
import { createAuditLog } from "./modules/audit/index.js";
import { authRoutes, createAuthService, createGuard } from "./modules/auth/index.js";
import { queueMail } from "./modules/referrals/index.js";
import { createRegionsRepository, loadGeography, regionsRoutes } from "./modules/regions/index.js";
import { siteRoutes } from "./modules/site/index.js";
import { apiRoutes } from "./web/api/api.routes.js";
import { assetRoutes } from "./web/assets/assets.routes.js";
import { buildStylesheet } from "./web/assets/stylesheet.js";
import type { AppEnv } from "./web/context.js";
import { errorHandler, notFoundHandler } from "./web/error-handler.js";
import { healthRoutes } from "./web/health.routes.js";
import { csrfProtection } from "./web/middleware/csrf.js";
import { language } from "./web/middleware/language.js";
import { requestLogging } from "./web/middleware/request-logging.js";
import { securityHeaders } from "./web/middleware/security-headers.js";
import { createRateLimiter } from "./web/rate-limit.js";

export type AppDeps = {
  env: Env;
  database: DatabaseHandle;
  logger: Logger;
  /** The time, replaceable in tests. */
  clock?: () => Date;
};

/** The composition root: the request pipeline from top to bottom, then every module mounted. */
export async function createApp({ env, database, logger, clock = () => new Date() }: AppDeps) {
  const stylesheet = buildStylesheet();
  const geography = await loadGeography(createRegionsRepository(database.db));
  const isSecureRequest = (url: string, forwardedProto?: string) =>
    url.startsWith("https:") || (env.trustProxy && forwardedProto === "https");

  const db = database.db;
  const audit = createAuditLog(clock);
  const limiter = createRateLimiter(db, clock);
  const auth = createAuthService(db, env, clock);
  const guard = createGuard({
    db,
    auth,
    audit,
    secretKey: env.secretKey,
    trustProxy: env.trustProxy,
    isSecureRequest,
  });

  const app = new Hono<AppEnv>();
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLogging(logger));
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set("stylesheetHref", `/assets/${stylesheet.fileName}`);
    await next();
  });
  app.route("/", assetRoutes(stylesheet));
  app.route("/", healthRoutes(database));
  app.use(language);
  app.use(csrfProtection(env.secretKey, isSecureRequest));
  app.use(guard.sessions);

  app.route(
    "/",
    authRoutes({
      auth,
      guard,
      limiter,
      sendMail: async (mail) => void (await queueMail(db, mail, clock())),
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      publicBaseUrl: env.publicBaseUrl,
      demo: env.demo,
    }),
  );
  app.route("/", siteRoutes({ geography }));
  app.route("/", regionsRoutes({ geography }));
  app.route("/", apiRoutes([]));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
