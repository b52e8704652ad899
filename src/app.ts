import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { DatabaseHandle } from "./db/client.js";
import { barriersRoutes, createBarriersService } from "./modules/barriers/index.js";
import {
  createMonitoringRepository,
  createMonitoringService,
  curatedFileSources,
  type MonitoringSources,
  monitoringApi,
  monitoringRoutes,
  nobodySignedIn,
  type ResolveViewer,
} from "./modules/monitoring/index.js";
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
  /** The monitor's facts; default: the curated files (temporary until catalogue/referrals/route are merged). */
  monitoringSources?: MonitoringSources;
  /** Who is signed in, for coordinator pages; default nobody (the auth module supplies it at integration). */
  resolveViewer?: ResolveViewer;
};

/** The composition root: the request pipeline from top to bottom, then every module mounted. */
export async function createApp({ env, database, logger, clock, monitoringSources, resolveViewer }: AppDeps) {
  const stylesheet = buildStylesheet();
  const geography = await loadGeography(createRegionsRepository(database.db));
  const isSecureRequest = (url: string, forwardedProto?: string) =>
    url.startsWith("https:") || (env.trustProxy && forwardedProto === "https");
  const monitoring = createMonitoringService({
    sources: monitoringSources ?? curatedFileSources(),
    geography,
    repository: createMonitoringRepository(database.db),
    clock,
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

  app.route("/", siteRoutes({ geography }));
  app.route("/", regionsRoutes({ geography }));
  app.route(
    "/",
    barriersRoutes({
      service: createBarriersService({ db: database.db, geography, clock }),
      geography,
      limiter: createRateLimiter(database.db, clock),
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      resolveViewer: resolveViewer ?? nobodySignedIn,
      clock,
    }),
  );
  app.route(
    "/",
    monitoringRoutes({ service: monitoring, provinces: geography.provinces, resolveViewer, clock }),
  );
  app.route("/", apiRoutes([monitoringApi(monitoring)]));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
