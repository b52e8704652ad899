import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { adminRoutes, beheerRoutes } from "./modules/admin/index.js";
import { ALERT_CONFIRM_DAYS, alertRoutes, isOneClickUnsubscribe } from "./modules/alerts/index.js";
import { authRoutes, SESSION_COOKIE } from "./modules/auth/index.js";
import { barriersRoutes } from "./modules/barriers/index.js";
import { catalogueApi, catalogueRoutes } from "./modules/catalogue/index.js";
import { knowledgeApi, knowledgeRoutes, providerEventRoutes } from "./modules/knowledge/index.js";
import { mijnRouteRoutes } from "./modules/mijn-route/index.js";
import { gapsRoutes, monitoringApi, monitoringRoutes } from "./modules/monitoring/index.js";
import { BARRIER_CONTACT_DAYS, MIJN_ROUTE_CONFIRM_DAYS } from "./modules/privacy/index.js";
import { intakeRoutes, linkRoutes, ownCaseRoutes, workspaceRoutes } from "./modules/referrals/index.js";
import { regionsRoutes } from "./modules/regions/index.js";
import { recordRouteViews, routeApi, routeRoutes } from "./modules/route/index.js";
import { siteRoutes } from "./modules/site/index.js";
import { type AppDeps, createWebServices } from "./services.js";
import { attachAbuseLimits } from "./web/abuse-limits.js";
import { apiRoutes } from "./web/api/api.routes.js";
import { assetRoutes } from "./web/assets/assets.routes.js";
import { loadAssets } from "./web/assets/bundle.js";
import { compressPublicPages } from "./web/compression.js";
import type { AppEnv } from "./web/context.js";
import { errorHandler, notFoundHandler } from "./web/error-handler.js";
import { healthRoutes } from "./web/health.routes.js";
import { createMetrics } from "./web/metrics.js";
import { csrfProtection } from "./web/middleware/csrf.js";
import { bodyLimits, controlCharacters } from "./web/middleware/input-limits.js";
import { language } from "./web/middleware/language.js";
import { requestLogging } from "./web/middleware/request-logging.js";
import { securityHeaders } from "./web/middleware/security-headers.js";
import { createPageCache, pageCacheControl } from "./web/page-cache.js";

// The service wiring lives in src/services.ts (ADR 0087); these stay importable from here for the server and tests.
export { type AppDeps, createBackgroundJobs, monitoringSourcesFor } from "./services.js";

/** Public forms that list control-character problems in their own error summary, with the input kept. */
const FORMS_WITH_OWN_SUMMARY = ["/intake", "/belemmering-melden", "/inloggen", "/wachtwoord-vergeten"];

/** The composition root: the request pipeline from top to bottom, then every module mounted. */
export async function createApp(deps: AppDeps) {
  const { env, database, logger } = deps;
  const services = await createWebServices(deps);
  const { clock, absoluteUrl, isSecureRequest, geography, routeDeps, guard, limiter } = services;
  const { catalogue, knowledge, monitoring, referrals, instruments, instrumentLinks, invitations } = services;
  const assets = await loadAssets();

  const app = new Hono<AppEnv>();
  const metrics = createMetrics(database); // ops: first, so it sees every final status
  app.use(metrics.middleware);
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLogging(logger));
  app.use(securityHeaders(isSecureRequest));
  app.use(async (c, next) => {
    c.set("assetHrefs", { stylesheet: assets.stylesheetHref, script: assets.scriptHref });
    c.set("absoluteUrl", absoluteUrl);
    await next();
  });
  app.route("/", assetRoutes(assets));
  app.route("/", healthRoutes(database));
  app.route("/", metrics.routes(env.metricsToken));
  app.use(language);
  app.use(bodyLimits()); // 413 before any body is read: forms 64 KB, API 256 KB, import 20 MB (ADR 0075)
  app.use(csrfProtection(env.secretKey, isSecureRequest, SESSION_COOKIE, isOneClickUnsubscribe));
  // Control characters in a query or form field: 400; these public forms show it in their own error summary.
  app.use(controlCharacters({ formsWithOwnSummary: FORMS_WITH_OWN_SUMMARY, ownCheck: ["terug"] }));
  attachAbuseLimits(app, { db: database.db, env, clock }); // ops: search, route and export limits (src/web/abuse-limits.ts)
  app.use(guard.sessions);
  // The monitor's funnel counts route views here, in front of the page cache, so a cached page counts too.
  app.use("/route", recordRouteViews(routeDeps));
  app.use(pageCacheControl);
  const pageCache = createPageCache({ ttlSeconds: env.pageCacheSeconds }); // ADR 0054
  metrics.trackPageCache(pageCache.stats);
  app.use(compressPublicPages); // outside the cache: a page from memory is compressed too (ADR 0076)
  app.use(pageCache.middleware);

  app.route(
    "/",
    authRoutes({
      auth: services.auth,
      guard,
      invitations,
      limiter,
      requestPasswordReset: services.requestPasswordReset,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      demo: env.demo,
    }),
  );
  app.route("/", routeRoutes(routeDeps));
  // Mijn route (ADR 0091): a route saved behind its own link; the intake carries it, the dossier shows it.
  app.route(
    "/",
    mijnRouteRoutes({
      service: services.mijnRoute,
      planFor: services.routePlanner,
      guard,
      geography,
      sectorName: services.routeReference.sectorName,
      findPackage: knowledge.findPackage,
      absoluteUrl,
      alertFormFor: services.mijnRouteAlertForm,
    }),
  );
  // Alerts by e-mail without an account (ADR 0092).
  app.route(
    "/",
    alertRoutes({
      alerts: services.alerts,
      geography,
      instrument: (refId) => instruments.get(refId),
      sectorName: services.routeReference.sectorName,
      sbiSectionOf: services.sbiSectionOf,
      limiter,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
    }),
  );
  app.route(
    "/",
    siteRoutes({
      examples: (slugs, lang) => services.knowledge.examplesBySlug(slugs, lang),
      retention: {
        months: env.retentionMonths,
        barrierContactDays: BARRIER_CONTACT_DAYS,
        mijnRouteConfirmDays: MIJN_ROUTE_CONFIRM_DAYS,
        alertConfirmDays: ALERT_CONFIRM_DAYS,
      },
    }),
  );
  app.route(
    "/",
    regionsRoutes({
      geography,
      loketFor: services.regionalLoket,
      provincesWithoutOwnInstrument: () => monitoring.provincesWithoutOwnInstrument(),
      regionStatus: services.regionStatus,
    }),
  );
  app.route(
    "/",
    catalogueRoutes({ service: catalogue, geography, recordUnmetDemand: services.recordSearchDemand }),
  );
  app.route(
    "/",
    barriersRoutes({
      service: services.barriers,
      loop: services.barrierLoop,
      geography,
      limiter,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      guard,
      clock,
    }),
  );
  // The gap view and register (ADR 0094); its panel also shows on the coverage page.
  const gapPages = gapsRoutes({
    gaps: services.gaps,
    register: services.gapRegister,
    regions: monitoring.regions,
    guard,
    organisations: services.gapOrganisations,
    sectors: services.gapSectors,
    clock,
  });
  app.route(
    "/",
    monitoringRoutes({
      service: monitoring,
      provinces: geography.provinces,
      guard,
      clock,
      demandPanel: gapPages.coveragePanel,
      report: services.reportSources,
    }),
  );
  app.route("/", gapPages);
  app.route(
    "/",
    knowledgeRoutes({
      service: knowledge,
      geography,
      instrumentLinks,
      clock,
      absoluteUrl,
    }),
  );
  app.route(
    "/",
    intakeRoutes({
      referrals,
      geography,
      limiter,
      guard,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      retentionMonths: env.retentionMonths,
      savedRoutes: services.mijnRoute,
    }),
  );
  app.route(
    "/",
    ownCaseRoutes({
      ownCases: services.ownCases,
      referrals,
      privacy: services.privacy,
      guard,
      geography,
      sectorName: services.routeReference.sectorName,
      limiter,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
    }),
  );
  app.route(
    "/",
    workspaceRoutes({
      referrals,
      instruments,
      guard,
      geography,
      clock,
      dossierFit: services.dossierFit,
      referralDeliveries: services.referralDeliveries,
      sectorName: services.routeReference.sectorName,
      savedRouteOfCase: services.mijnRoutePanel,
    }),
  );
  // The provider's single-purpose referral link: the token is the capability, no account (ADR 0086).
  app.route("/", linkRoutes({ referrals, guard, geography }));
  app.route(
    "/",
    providerEventRoutes({
      service: knowledge,
      guard,
      geography,
      providerInstruments: services.providerInstruments,
      clock,
    }),
  );
  app.route("/", adminRoutes({ privacy: services.privacy, accounts: services.accounts, guard }));
  app.route(
    "/",
    beheerRoutes({
      accounts: services.accounts,
      guard,
      invitations,
      ...services.beheerAreas,
      clock,
    }),
  );
  app.route(
    "/",
    apiRoutes(
      [
        catalogueApi({ service: catalogue, adminToken: env.catalogueAdminToken, absoluteUrl }),
        knowledgeApi({ service: knowledge, geography, instrumentLinks, clock }),
        routeApi(routeDeps),
        monitoringApi(monitoring),
      ],
      { absoluteUrl },
    ),
  );

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

export type App = Awaited<ReturnType<typeof createApp>>;
