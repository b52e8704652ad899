import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { DatabaseHandle } from "./db/client.js";
import { catalogueApi, catalogueRoutes, createCatalogueService } from "./modules/catalogue/index.js";
import {
  createKnowledgeRepository,
  createKnowledgeService,
  type InstrumentLinkLookup,
  knowledgeApi,
  knowledgeRoutes,
  sectorKnowledgePanels,
} from "./modules/knowledge/index.js";
import { createRegionsRepository, loadGeography, regionsRoutes } from "./modules/regions/index.js";
import {
  createRouteService,
  createScanResultsRepository,
  loadRouteReferenceData,
  type MatchableInstrument,
  routeApi,
  routeRoutes,
} from "./modules/route/index.js";
import { siteRoutes } from "./modules/site/index.js";
import { attachAbuseLimits } from "./web/abuse-limits.js";
import { apiRoutes, profileUri } from "./web/api/api.routes.js";
import { assetRoutes } from "./web/assets/assets.routes.js";
import { buildStylesheet } from "./web/assets/stylesheet.js";
import type { AppEnv } from "./web/context.js";
import { errorHandler, notFoundHandler } from "./web/error-handler.js";
import { healthRoutes } from "./web/health.routes.js";
import { createMetrics } from "./web/metrics.js";
import { csrfProtection } from "./web/middleware/csrf.js";
import { language } from "./web/middleware/language.js";
import { requestLogging } from "./web/middleware/request-logging.js";
import { securityHeaders } from "./web/middleware/security-headers.js";

export type AppDeps = {
  env: Env;
  database: DatabaseHandle;
  logger: Logger;
  /** The time, replaceable in tests. */
  clock?: () => Date;
  /** The instruments the route ranks; tests and the benchmark inject their own. */
  listMatchableInstruments?: () => Promise<MatchableInstrument[]>;
};

/** The composition root: the request pipeline from top to bottom, then every module mounted. */
export async function createApp({
  env,
  database,
  logger,
  clock = () => new Date(),
  listMatchableInstruments,
}: AppDeps) {
  const stylesheet = buildStylesheet();
  const geography = await loadGeography(createRegionsRepository(database.db));
  const catalogue = createCatalogueService({
    db: database.db,
    geography,
    clock,
    includeSynthetic: env.catalogueSynthetic,
  });
  const instrumentLinks: InstrumentLinkLookup = async (refIds) => {
    const found = await Promise.all(refIds.map((refId) => catalogue.lookup(refId)));
    return new Map(
      found.flatMap((link) => (link ? [[link.refId, { slug: link.slug, name: link.name }] as const] : [])),
    );
  };
  const knowledge = createKnowledgeService(createKnowledgeRepository(database.db), geography);
  const routeReference = loadRouteReferenceData();
  const routeDeps = {
    geography,
    knowledgeForSector: sectorKnowledgePanels(knowledge, instrumentLinks),
    reference: routeReference,
    scanResults: createScanResultsRepository(database.db),
    service: createRouteService({
      reference: routeReference,
      listMatchableInstruments:
        listMatchableInstruments ?? (() => catalogue.listForMatching() as Promise<MatchableInstrument[]>),
      clock,
    }),
    // Slots the integrator fills: loketFor (hubs, referrals module) and knowledgeForSector (examples and measure
    // packages, knowledge module). Until then the route shows the national fallback loket and no examples.
    loketFor: undefined,
    knowledgeForSector: undefined,
  };
  const isSecureRequest = (url: string, forwardedProto?: string) =>
    url.startsWith("https:") || (env.trustProxy && forwardedProto === "https");

  const app = new Hono<AppEnv>();
  const metrics = createMetrics(database); // ops: first, so it sees every final status
  app.use(metrics.middleware);
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLogging(logger));
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set("stylesheetHref", `/assets/${stylesheet.fileName}`);
    await next();
  });
  app.route("/", assetRoutes(stylesheet));
  app.route("/", healthRoutes(database));
  app.route("/", metrics.routes(env.metricsToken));
  app.use(language);
  app.use(csrfProtection(env.secretKey, isSecureRequest));
  attachAbuseLimits(app, { db: database.db, env }); // ops: search, route and export limits (src/web/abuse-limits.ts)

  app.route("/", routeRoutes(routeDeps));
  app.route("/", siteRoutes());
  app.route("/", regionsRoutes({ geography }));
  app.route("/", catalogueRoutes({ service: catalogue, geography }));
  app.route(
    "/",
    knowledgeRoutes({
      service: knowledge,
      geography,
      instrumentLinks,
      clock,
      publicBaseUrl: env.publicBaseUrl,
    }),
  );
  app.route(
    "/",
    apiRoutes([
      catalogueApi({ service: catalogue, adminToken: env.catalogueAdminToken, profileUri }),
      knowledgeApi({ service: knowledge, geography, instrumentLinks, clock }),
      routeApi(routeDeps),
    ]),
  );

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
