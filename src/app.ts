import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { Database, DatabaseHandle } from "./db/client.js";
import { enqueueJob, maintenanceJobs, scheduleMaintenance } from "./jobs/index.js";
import { adminRoutes, beheerRoutes } from "./modules/admin/index.js";
import { createAuditLog } from "./modules/audit/index.js";
import {
  authRoutes,
  createAuthService,
  createGuard,
  createInvitations,
  passwordResetJobs,
  referralDeliveriesFor,
  requestPasswordReset,
  SESSION_COOKIE,
} from "./modules/auth/index.js";
import { barriersRoutes, createBarriersService } from "./modules/barriers/index.js";
import {
  type CatalogueInstrumentRef,
  type CatalogueService,
  catalogueApi,
  catalogueRoutes,
  createCatalogueService,
  createInstrumentLookup,
  type MatchableInstrument,
} from "./modules/catalogue/index.js";
import {
  createKnowledgeRepository,
  createKnowledgeService,
  type InstrumentLinkLookup,
  knowledgeApi,
  knowledgeRoutes,
  providerEventRoutes,
  sectorKnowledgePanels,
} from "./modules/knowledge/index.js";
import {
  createMijnRouteService,
  createRoutePlanner,
  dossierRoutePanel,
  mijnRouteRoutes,
  SaveRouteForm,
} from "./modules/mijn-route/index.js";
import {
  createJourneyRecorder,
  createMonitoringRepository,
  createMonitoringService,
  curatedFileSources,
  type MonitoringSources,
  monitoringApi,
  monitoringRoutes,
  publicRegionFigures,
  scheduleMonitoringJobs,
} from "./modules/monitoring/index.js";
import { createPrivacyService } from "./modules/privacy/index.js";
import {
  createMailTransport,
  createOwnCaseService,
  createReferralsService,
  type InstrumentDirectory,
  type InstrumentSummary,
  intakeRoutes,
  linkRoutes,
  loketFor,
  nationalFallbackLoket,
  ownCaseRoutes,
  queueMail,
  referralJobs,
  referralMonitoringFacts,
  workspaceRoutes,
} from "./modules/referrals/index.js";
import {
  createRegionsRepository,
  type Geography,
  loadGeography,
  regionsRoutes,
} from "./modules/regions/index.js";
import {
  createCompanyFit,
  createRouteService,
  createScanResultsRepository,
  loadRouteReferenceData,
  placesFromGeography,
  recordRouteViews,
  routeApi,
  routeRoutes,
} from "./modules/route/index.js";
import { siteRoutes } from "./modules/site/index.js";
import { attachAbuseLimits } from "./web/abuse-limits.js";
import { apiRoutes } from "./web/api/api.routes.js";
import { assetRoutes } from "./web/assets/assets.routes.js";
import { loadAssets } from "./web/assets/bundle.js";
import type { AppEnv, PageContext } from "./web/context.js";
import { errorHandler, notFoundHandler } from "./web/error-handler.js";
import { healthRoutes } from "./web/health.routes.js";
import { absoluteUrlOn } from "./web/links.js";
import { createMetrics } from "./web/metrics.js";
import { csrfProtection } from "./web/middleware/csrf.js";
import { bodyLimits, controlCharacters } from "./web/middleware/input-limits.js";
import { language } from "./web/middleware/language.js";
import { requestLogging } from "./web/middleware/request-logging.js";
import { securityHeaders } from "./web/middleware/security-headers.js";
import { createPageCache, pageCacheControl } from "./web/page-cache.js";
import { createRateLimiter } from "./web/rate-limit.js";

export type AppDeps = {
  env: Env;
  database: DatabaseHandle;
  logger: Logger;
  /** The time, replaceable in tests. */
  clock?: () => Date;
  /** The instruments the route ranks; tests and the benchmark inject their own. */
  listMatchableInstruments?: () => Promise<MatchableInstrument[]>;
  /** The monitor's facts; default: `monitoringSourcesFor` (catalogue, referrals module, curated examples/events). */
  monitoringSources?: MonitoringSources;
};

/** The catalogue's instrument lookup in the shape of the referrals module's port. */
function catalogueDirectory(lookup: ReturnType<typeof createInstrumentLookup>): InstrumentDirectory {
  const summary = ({ providerRef, ...rest }: CatalogueInstrumentRef): InstrumentSummary => ({
    ...rest,
    providerOrganizationId: providerRef,
  });
  const one = (row: CatalogueInstrumentRef | undefined) => (row ? summary(row) : undefined);
  return {
    get: async (refId) => one(await lookup.get(refId)),
    getMany: async (refIds) =>
      new Map((await lookup.getMany(refIds)).map((row) => [row.refId, summary(row)])),
    getOn: async (tx, refId) => one(await lookup.getOn(tx, refId)),
    list: async (filter) => (await lookup.list(filter)).map(summary),
    byProvider: async (providerId) => (await lookup.byProvider(providerId)).map(summary),
    lock: async (tx, refId) => one(await lookup.lock(tx, refId)),
    applyListing: (tx, refId, change) => lookup.applyListing(tx, refId, change),
    confirmCurrent: (tx, refId, confirmedAt) => lookup.confirmCurrent(tx, refId, confirmedAt),
  };
}

/** The services shared by the web app and the background jobs, built once from the same dependencies. */
function createServices({ env, database, clock = () => new Date() }: AppDeps) {
  const db = database.db;
  const audit = createAuditLog(clock);
  // Every absolute link the service writes (mail, iCal, API, share links) is on the configured origin (ADR 0073).
  const absoluteUrl = absoluteUrlOn(env.publicBaseUrl);
  // Referrals read and write instruments through the catalogue's lookup (ADR 0044); the port is referrals' own type.
  const instruments = catalogueDirectory(
    createInstrumentLookup(db, { includeSynthetic: env.catalogueSynthetic }),
  );
  // In-memory copies of the catalogue (the route's instrument list) are dropped once a listing change commits.
  const catalogueListeners = new Set<() => void>();
  const referrals = createReferralsService({
    db,
    audit,
    instruments,
    clock,
    retentionMonths: env.retentionMonths,
    absoluteUrl,
    onListingChanged: () => {
      for (const listener of catalogueListeners) listener();
    },
  });
  const privacy = createPrivacyService({ db, audit, clock });
  // The entrepreneur's own page and its mails (ADR 0085).
  const ownCases = createOwnCaseService({ db, audit, instruments, clock, absoluteUrl });
  const onCatalogueChange = (listener: () => void) => void catalogueListeners.add(listener);
  return { db, audit, instruments, referrals, privacy, ownCases, clock, onCatalogueChange, absoluteUrl };
}

/**
 * The monitor's facts, the same for the web app and the background jobs: coverage counts the catalogue's own
 * instruments (so every cell agrees with the services API), hubs and referral figures come from the referrals module
 * (figures aggregated from its rollup table, ADR 0066), agenda events from the knowledge module's table and practice
 * examples from the curated file.
 */
export function monitoringSourcesFor(deps: {
  db: Database;
  catalogue: Pick<CatalogueService, "listForMatching">;
}): MonitoringSources {
  const curated = curatedFileSources();
  const referralFacts = referralMonitoringFacts(deps.db);
  const knowledge = createKnowledgeRepository(deps.db);
  return {
    instruments: async () =>
      (await deps.catalogue.listForMatching()).map((instrument) => ({
        id: instrument.id,
        refId: instrument.refId,
        slug: instrument.slug,
        name: instrument.name,
        kind: instrument.kind,
        journeySteps: instrument.journeySteps,
        phases: instrument.phases,
        coverageLevel: instrument.coverage.level,
        coverageCodes: instrument.coverage.codes,
        status: instrument.status,
        providerName: instrument.providerName,
        stale: instrument.stale,
      })),
    referralFigures: referralFacts.figures,
    hubs: referralFacts.hubs,
    examples: curated.examples,
    // The agenda's real events (curated, providers' and hubs' own), as /agenda shows them; never an invented example
    // event nor one a demo hub entered, in demo mode too (ADRs 0079, 0081).
    events: async () => {
      const [events, demo] = await Promise.all([knowledge.eventFacts(), referralFacts.demoOrganisationIds()]);
      return events
        .filter((event) => event.organisationId === null || !demo.has(event.organisationId))
        .map(({ regionCode, startsAt }) => ({ regionCode, startsAt }));
    },
  };
}

/**
 * The monitor service as the web app and the background jobs both build it: the given sources (tests, benchmark)
 * or `monitoringSourcesFor`, and for jobs the same sources read through the job's transaction.
 */
function monitoringServiceFor(
  deps: AppDeps,
  context: { geography: Geography; catalogue: CatalogueService; clock: () => Date },
) {
  const db = deps.database.db;
  const { geography, clock } = context;
  return createMonitoringService({
    sources: deps.monitoringSources ?? monitoringSourcesFor({ db, catalogue: context.catalogue }),
    sourcesOn: deps.monitoringSources
      ? undefined
      : (tx) =>
          monitoringSourcesFor({
            db: tx,
            catalogue: createCatalogueService({
              db: tx,
              geography,
              clock,
              includeSynthetic: deps.env.catalogueSynthetic,
            }),
          }),
    geography,
    repository: createMonitoringRepository(db),
    clock,
  });
}

/**
 * Reuses a region's answer (per language) for `ttlMs` of real time (not the app's clock, which tests freeze, as for
 * the route's instrument list). lru-cache's fetch runs one look-up per key at a time and keeps no failed look-up.
 */
function reusedPerRegion<T extends object>(
  lookup: (regionCode: string, lang: "nl" | "en") => Promise<T | undefined>,
  ttlMs = 30_000,
): (regionCode: string, lang: "nl" | "en") => Promise<T | undefined> {
  const kept = new LRUCache<string, T, { regionCode: string; lang: "nl" | "en" }>({
    max: 200,
    ttl: ttlMs,
    fetchMethod: (_key, _stale, { context }) => lookup(context.regionCode, context.lang),
  });
  // An unknown region (undefined) is not kept: lru-cache stores only values.
  return (regionCode, lang) => kept.fetch(`${regionCode}:${lang}`, { context: { regionCode, lang } });
}

/** The background work (mail, deadlines, retention): handlers for the job worker and the periodic schedule. */
export async function createBackgroundJobs(deps: AppDeps) {
  const services = createServices(deps);
  const auth = createAuthService(services.db, deps.env, services.clock);
  const passwordResets = passwordResetJobs({
    settings: deps.env,
    clock: services.clock,
    absoluteUrl: services.absoluteUrl,
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, services.clock())),
  });
  const jobs = referralJobs({
    db: services.db,
    referrals: services.referrals,
    privacy: services.privacy,
    transport: await createMailTransport(deps.env.smtpUrl, deps.env.mailFrom),
    retentionMonths: deps.env.retentionMonths,
    clock: services.clock,
    logger: deps.logger,
  });
  // The monitor's rollup and goal-value jobs read the same facts as the monitor pages.
  const geography = await loadGeography(createRegionsRepository(services.db));
  const catalogue = createCatalogueService({
    db: services.db,
    geography,
    clock: services.clock,
    includeSynthetic: deps.env.catalogueSynthetic,
  });
  const monitoring = monitoringServiceFor(deps, { geography, catalogue, clock: services.clock });
  return {
    handlers: {
      ...jobs.handlers,
      ...services.ownCases.jobHandlers(),
      ...passwordResets,
      ...monitoring.jobHandlers(),
      ...maintenanceJobs(services.clock),
    },
    /** Enqueues the periodic jobs (among them the hourly purge) once per period and purges ended sessions. */
    async schedule(now: Date = services.clock()) {
      await jobs.schedule(now);
      await scheduleMonitoringJobs(services.db, enqueueJob, now);
      // Rate-limit counters and finished jobs are purged hourly (ADR 0075).
      await scheduleMaintenance(services.db, now);
      await auth.purgeExpiredSessions();
    },
  };
}

/** Public forms that list control-character problems in their own error summary, with the input kept. */
const FORMS_WITH_OWN_SUMMARY = ["/intake", "/belemmering-melden", "/inloggen", "/wachtwoord-vergeten"];

/** The composition root: the request pipeline from top to bottom, then every module mounted. */
export async function createApp(deps: AppDeps) {
  const { env, database, logger, listMatchableInstruments } = deps;
  const { db, audit, instruments, referrals, privacy, ownCases, clock, onCatalogueChange, absoluteUrl } =
    createServices(deps);
  const assets = await loadAssets();
  const geography = await loadGeography(createRegionsRepository(database.db));
  // The loket a region page or route shows changes only when a hub is set up or closes its intake: one look-up per
  // region is reused for 30 s, like the route's instrument list. The intake form itself always reads the hub afresh.
  const reusedLoket = reusedPerRegion(loketFor(referrals));
  const regionalLoket = async (regionCode: string, lang: "nl" | "en") =>
    (await reusedLoket(regionCode, lang)) ?? nationalFallbackLoket(regionCode, lang);
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
  const knowledge = createKnowledgeService(createKnowledgeRepository(database.db), geography, audit);
  const monitoring = monitoringServiceFor(deps, { geography, catalogue, clock });
  const routeReference = loadRouteReferenceData();
  const routeDeps = {
    geography,
    knowledgeForSector: sectorKnowledgePanels(knowledge, instrumentLinks),
    reference: routeReference,
    scanResults: createScanResultsRepository(database.db),
    service: createRouteService({
      reference: routeReference,
      listMatchableInstruments: listMatchableInstruments ?? (() => catalogue.listForMatching()),
      clock,
    }),
    loketFor: regionalLoket,
    recordJourney: createJourneyRecorder(createMonitoringRepository(database.db), logger, clock),
    absoluteUrl,
    // "Bewaar als Mijn route" on the route and scan result pages (ADR 0091).
    saveRouteForm: (page: PageContext, fields: Record<string, string>) => SaveRouteForm({ page, fields }),
  };
  // Mijn route (ADR 0091): a route saved behind its own link; the intake carries it, the dossier shows it.
  const mijnRoute = createMijnRouteService({ db, audit, clock, absoluteUrl, secretKey: env.secretKey });
  const mijnRoutePanel = dossierRoutePanel({ service: mijnRoute, findPackage: knowledge.findPackage });
  // A provider's listing change shows in the route at once, not after the route's instrument cache expires.
  onCatalogueChange(() => routeDeps.service.invalidate());
  const isSecureRequest = (url: string, forwardedProto?: string) =>
    url.startsWith("https:") || (env.trustProxy && forwardedProto === "https");

  const limiter = createRateLimiter(db, clock);
  const auth = createAuthService(db, env, clock);
  const guard = createGuard({
    db,
    auth,
    audit,
    secretKey: env.secretKey,
    trustProxy: env.trustProxy,
    isSecureRequest,
    // The policy's area rules (coordinators' national, provincial, regional scope) need only this much of the map.
    regionProvinces: new Map(geography.regions.map((region) => [region.code, region.provinceCodes])),
  });

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
  app.use(csrfProtection(env.secretKey, isSecureRequest, SESSION_COOKIE));
  // Control characters in a query or form field: 400; these public forms show it in their own error summary.
  app.use(controlCharacters({ formsWithOwnSummary: FORMS_WITH_OWN_SUMMARY, ownCheck: ["terug"] }));
  attachAbuseLimits(app, { db: database.db, env, clock }); // ops: search, route and export limits (src/web/abuse-limits.ts)
  app.use(guard.sessions);
  // The monitor's funnel counts route views here, in front of the page cache, so a cached page counts too.
  app.use("/route", recordRouteViews(routeDeps));
  app.use(pageCacheControl);
  const pageCache = createPageCache({ ttlSeconds: env.pageCacheSeconds }); // ADR 0054
  metrics.trackPageCache(pageCache.stats);
  app.use(pageCache.middleware);

  // Invitations into an account (ADR 0084): the mail goes through the outbox like every other message.
  const invitations = createInvitations({
    db,
    audit,
    absoluteUrl,
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, clock())),
    clock,
  });

  app.route(
    "/",
    authRoutes({
      auth,
      guard,
      invitations,
      limiter,
      requestPasswordReset: (email, lang) => requestPasswordReset(db, email, lang, clock()),
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      demo: env.demo,
    }),
  );
  app.route("/", routeRoutes(routeDeps));
  app.route(
    "/",
    mijnRouteRoutes({
      service: mijnRoute,
      planFor: createRoutePlanner({
        geography,
        reference: routeReference,
        routes: routeDeps.service,
        scanResults: routeDeps.scanResults,
        measurePackageForSector: knowledge.measurePackageForSector,
      }),
      guard,
      geography,
      sectorName: routeReference.sectorName,
      findPackage: knowledge.findPackage,
      absoluteUrl,
    }),
  );
  app.route("/", siteRoutes());
  app.route(
    "/",
    regionsRoutes({
      geography,
      loketFor: regionalLoket,
      provincesWithoutOwnInstrument: () => monitoring.provincesWithoutOwnInstrument(),
      regionStatus: async (regionCode, lang) => {
        const [figures, highlights] = await Promise.all([
          publicRegionFigures(monitoring, regionCode, lang),
          knowledge.regionHighlights(regionCode, lang, clock()),
        ]);
        return figures ? { ...figures, ...highlights } : undefined;
      },
    }),
  );
  app.route("/", catalogueRoutes({ service: catalogue, geography }));
  app.route(
    "/",
    barriersRoutes({
      service: createBarriersService({ db: database.db, geography, clock }),
      geography,
      limiter,
      secretKey: env.secretKey,
      trustProxy: env.trustProxy,
      guard,
      clock,
    }),
  );
  app.route("/", monitoringRoutes({ service: monitoring, provinces: geography.provinces, guard, clock }));
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
      savedRoutes: mijnRoute,
    }),
  );
  app.route(
    "/",
    ownCaseRoutes({
      ownCases,
      referrals,
      privacy,
      guard,
      geography,
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
      // The dossier's picker: the public route's engine and instruments for the company (issue 15 item 6).
      dossierFit: createCompanyFit({
        service: routeDeps.service,
        places: placesFromGeography(geography),
        reference: routeReference,
        scanResults: routeDeps.scanResults,
      }),
      referralDeliveries: (providerIds) => referralDeliveriesFor(db, providerIds),
      sectorName: routeReference.sectorName,
      savedRouteOfCase: mijnRoutePanel,
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
      providerInstruments: async (providerId) =>
        (await instruments.byProvider(providerId)).map(({ refId, name }) => ({ refId, name })),
      clock,
    }),
  );
  app.route("/", adminRoutes({ privacy, audit, db, guard }));
  app.route(
    "/",
    beheerRoutes({
      db,
      audit,
      guard,
      invitations,
      regions: geography.regions.map(({ code, name }) => ({ code, name })),
      provinces: geography.provinces.map(({ code, name }) => ({
        code,
        name,
        regionCodes: geography.regions
          .filter((region) => region.provinceCodes.includes(code))
          .map((region) => region.code),
      })),
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
