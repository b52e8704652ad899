import type { Context } from "hono";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Env } from "./config/env.js";
import type { Database, DatabaseHandle } from "./db/client.js";
import { enqueueJob, maintenanceJobs, scheduleMaintenance } from "./jobs/index.js";
import {
  type AlertFacts,
  AlertSubscribeBox,
  alertSubscribeHref,
  createAlertsService,
} from "./modules/alerts/index.js";
import { type AuditLog, createAuditLog } from "./modules/audit/index.js";
import {
  createAccountAdministration,
  createAuthService,
  createGuard,
  createInvitations,
  listOrganisations,
  passwordResetJobs,
  referralDeliveriesFor,
  requestPasswordReset,
} from "./modules/auth/index.js";
import { createBarrierLoop, createBarriersService } from "./modules/barriers/index.js";
import {
  type CatalogueInstrumentRef,
  type CatalogueService,
  createCatalogueService,
  createInstrumentLookup,
  type InstrumentLinkLookup,
  type MatchableInstrument,
  sbiSectionOfDivision,
} from "./modules/catalogue/index.js";
import {
  createKnowledgeRepository,
  createKnowledgeService,
  sectorKnowledgePanels,
} from "./modules/knowledge/index.js";
import {
  createMijnRouteService,
  createRoutePlanner,
  dossierRoutePanel,
  mijnRouteOutcomes,
  SaveRouteForm,
} from "./modules/mijn-route/index.js";
import {
  createDemandLog,
  createGapRegister,
  createGapsService,
  createJourneyRecorder,
  createMonitoringRepository,
  createMonitoringService,
  curatedFileSources,
  isRobot,
  type MonitoringSources,
  type OutcomeSource,
  publicRegionFigures,
  publicRegionGaps,
  type ReportSources,
  scheduleMonitoringJobs,
} from "./modules/monitoring/index.js";
import { createPrivacyService } from "./modules/privacy/index.js";
import {
  createMailTransport,
  createOwnCaseService,
  createReferralsService,
  type InstrumentDirectory,
  type InstrumentSummary,
  loketFor,
  measureOutcomes,
  nationalFallbackLoket,
  queueMail,
  referralJobs,
  referralMonitoringFacts,
  type UnmetDemandPort,
} from "./modules/referrals/index.js";
import { createRegionsRepository, type Geography, loadGeography } from "./modules/regions/index.js";
import {
  createCompanyFit,
  createRouteService,
  createScanResultsRepository,
  loadRouteReferenceData,
  placesFromGeography,
  type UnmetRouteDemand,
} from "./modules/route/index.js";
import { isOneOf, JOURNEY_STEPS, PHASES } from "./modules/vocabulary/index.js";
import type { PageContext } from "./web/context.js";
import { absoluteUrlOn } from "./web/links.js";
import { clientKey, createRateLimiter } from "./web/rate-limit.js";

/*
 * The service wiring (ADR 0087): every module's services built from the environment, the database and the clock,
 * once for the web app (createWebServices, mounted by src/app.ts) and once for the background jobs
 * (createBackgroundJobs). Only this file and src/app.ts hand a module the database; routes get services.
 */

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
    provider: (providerId) => lookup.provider(providerId),
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
  // Unmet demand from dossiers and declines goes to the monitoring module's demand log (ADR 0094); the web services
  // bind it once the monitor is built. Background jobs decline nothing, so they leave it unbound.
  const unmetDemand: { target?: UnmetDemandPort } = {};
  const referrals = createReferralsService({
    unmetDemand: {
      noOffer: async (tx, demand) => unmetDemand.target?.noOffer(tx, demand),
      declined: async (demand) => unmetDemand.target?.declined(demand),
    },
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
  return {
    db,
    audit,
    instruments,
    referrals,
    privacy,
    ownCases,
    clock,
    onCatalogueChange,
    absoluteUrl,
    unmetDemand,
  };
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
        sbiSections: instrument.sbiSections,
        providerName: instrument.providerName,
        stale: instrument.stale,
      })),
    referralFigures: referralFacts.figures,
    hubs: referralFacts.hubs,
    // Outcome goals read the measures recorded in dossiers and in Mijn route (ADRs 0091, 0095).
    outcomes: [measureOutcomes(deps.db), mijnRouteOutcomeSource(deps.db)],
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
 * Mijn route's recorded results as the monitor's outcome source: one row per region and basis. A group's measure count
 * goes to a basis only when that basis has figures; when both have, each gets 1, so small numbers are suppressed
 * rather than shown too early (ADRs 0091, 0095).
 */
function mijnRouteOutcomeSource(db: Database): OutcomeSource {
  return async ({ from, to }) => {
    const rows = await mijnRouteOutcomes(db, { from, to });
    return rows.flatMap((row) => {
      const has = (basis: "geschat" | "gemeten") =>
        row.materialKg[basis] !== 0 || row.euro[basis] !== 0 || row.co2eKg[basis] !== 0;
      const both = has("geschat") && has("gemeten");
      return (["geschat", "gemeten"] as const)
        .filter((basis) => has(basis))
        .map((basis) => ({
          regionCode: row.regionCode,
          basis,
          materialKg: row.materialKg[basis],
          co2eKg: row.co2eKg[basis],
          euro: row.euro[basis],
          measures: both ? 1 : row.measures,
        }));
    });
  };
}

/**
 * The monitor service as the web app and the background jobs both build it: the given sources (tests, benchmark)
 * or `monitoringSourcesFor`, and for jobs the same sources read through the job's transaction.
 */
function monitoringServiceFor(
  deps: AppDeps,
  context: { geography: Geography; catalogue: CatalogueService; clock: () => Date; audit?: AuditLog },
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
    audit: context.audit,
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

/**
 * The alerts module (ADR 0092) as the web app and the background jobs both build it: the catalogue's instruments and
 * the agenda's upcoming real events, read through the job's transaction, and mail through the outbox.
 */
function alertsServiceFor(deps: AppDeps, services: ReturnType<typeof createServices>, geography: Geography) {
  const facts: AlertFacts = async (tx) => {
    const catalogue = createCatalogueService({
      db: tx,
      geography,
      clock: services.clock,
      includeSynthetic: deps.env.catalogueSynthetic,
    });
    // One after the other: on PostgreSQL `tx` is one client, and overlapping queries on one client are deprecated in
    // node-postgres 8 (a warning in every alert job run) and refused from pg 9.
    const instruments = await catalogue.listForMatching();
    const events = await createKnowledgeRepository(tx).upcomingEvents(services.clock());
    const demo = await referralMonitoringFacts(tx).demoOrganisationIds();
    return {
      instruments: instruments.map((instrument) => ({
        refId: instrument.refId,
        slug: instrument.slug,
        name: instrument.name,
        status: instrument.status,
        windowClose: instrument.windowClose,
        kind: instrument.kind,
        coverageKeys:
          instrument.coverage.level === "national" || instrument.coverage.level === "eu"
            ? ["NL"]
            : instrument.coverage.codes,
        sbiSections: instrument.sbiSections,
        journeySteps: instrument.journeySteps,
        phases: instrument.phases,
      })),
      // Never an event a demo hub entered (ADR 0081).
      events: events.filter((event) => event.organisationId === null || !demo.has(event.organisationId)),
    };
  };
  return createAlertsService({
    db: services.db,
    clock: services.clock,
    absoluteUrl: services.absoluteUrl,
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, services.clock())),
    facts,
  });
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
  const alerts = alertsServiceFor(deps, services, geography);
  return {
    handlers: {
      ...jobs.handlers,
      ...alerts.jobHandlers(),
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
      await alerts.schedule(now);
      await auth.purgeExpiredSessions();
    },
  };
}

/**
 * Everything the web app mounts, built once: the modules' services and the route dependencies that join them. The
 * order matters only where one service feeds another (geography first, the catalogue before the route).
 */
export async function createWebServices(deps: AppDeps) {
  const { env, database, logger, listMatchableInstruments } = deps;
  const services = createServices(deps);
  const {
    db,
    audit,
    instruments,
    referrals,
    privacy,
    ownCases,
    clock,
    onCatalogueChange,
    absoluteUrl,
    unmetDemand,
  } = services;
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
  const monitoring = monitoringServiceFor(deps, { geography, catalogue, clock, audit });
  // Unmet demand and the gaps register (ADR 0094), owned by the monitoring module.
  const demandLog = createDemandLog({ db, secretKey: env.secretKey, clock });
  const gapRegister = createGapRegister({ db, audit, clock });
  const gaps = createGapsService({
    instruments: () => monitoring.instruments(),
    regions: monitoring.regions,
    demand: demandLog,
    register: gapRegister,
    clock,
  });
  unmetDemand.target = {
    noOffer: async (tx, demand) =>
      void (await demandLog.record({ ...demand, source: "intake_no_offer" }, { on: tx })),
    declined: async (demand) => {
      try {
        await gaps.recordDecline(demand);
      } catch (error) {
        logger.warn({ err: error }, "unmet demand of a decline not recorded");
      }
    },
  };
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
    // A route without usable offer is unmet demand: once per visitor (pseudonymous client key), cell and day; robots
    // are not companies (ADR 0094).
    recordUnmetDemand: async (c: Context, demand: UnmetRouteDemand) => {
      if (isRobot(c.req.header("user-agent"))) return;
      await demandLog.record(
        { ...demand, source: "route" },
        { visitor: clientKey(c, env.secretKey, env.trustProxy) },
      );
    },
    // "Bewaar als Mijn route" on the route and scan result pages (ADR 0091).
    saveRouteForm: (page: PageContext, fields: Record<string, string>) => SaveRouteForm({ page, fields }),
  };
  // A provider's listing change shows in the route at once, not after the route's instrument cache expires.
  onCatalogueChange(() => routeDeps.service.invalidate());
  const isSecureRequest = (url: string, forwardedProto?: string) =>
    url.startsWith("https:") || (env.trustProxy && forwardedProto === "https");

  const barriers = createBarriersService({ db: database.db, geography, clock });
  // Mijn route (ADR 0091): a route saved behind its own link; the intake carries it, the dossier shows it.
  const mijnRoute = createMijnRouteService({ db, audit, clock, absoluteUrl, secretKey: env.secretKey });
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
  // Invitations into an account (ADR 0084): the mail goes through the outbox like every other message.
  const invitations = createInvitations({
    db,
    audit,
    absoluteUrl,
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, clock())),
    clock,
  });
  return {
    db,
    audit,
    clock,
    absoluteUrl,
    isSecureRequest,
    geography,
    regionalLoket,
    instruments,
    referrals,
    privacy,
    ownCases,
    catalogue,
    instrumentLinks,
    knowledge,
    monitoring,
    routeReference,
    routeDeps,
    limiter,
    auth,
    guard,
    invitations,
    accounts: createAccountAdministration(db, audit),
    barriers,
    barrierLoop: createBarrierLoop({ db: database.db, geography, audit, absoluteUrl, clock }),
    requestPasswordReset: (email: string, lang: "nl" | "en") =>
      requestPasswordReset(db, email, lang, clock()),
    /** A region page's public figures and the knowledge highlights of the region. */
    regionStatus: async (regionCode: string, lang: "nl" | "en") => {
      const [figures, highlights, demandGaps] = await Promise.all([
        publicRegionFigures(monitoring, regionCode, lang),
        knowledge.regionHighlights(regionCode, lang, clock()),
        publicRegionGaps(
          gaps,
          regionCode,
          geography.region(regionCode)?.name ?? regionCode,
          lang,
          routeReference.sectorName,
        ),
      ]);
      return figures ? { ...figures, ...highlights, demandGaps } : undefined;
    },
    gaps,
    gapRegister,
    // Alerts by e-mail without an account (ADR 0092).
    alerts: alertsServiceFor(deps, services, geography),
    mijnRoute,
    mijnRoutePanel: dossierRoutePanel({ service: mijnRoute, findPackage: knowledge.findPackage }),
    routePlanner: createRoutePlanner({
      geography,
      reference: routeReference,
      routes: routeDeps.service,
      scanResults: routeDeps.scanResults,
      measurePackageForSector: knowledge.measurePackageForSector,
    }),
    /** Mijn route's "Houd me op de hoogte": an alert for the route's place, sector and phase (ADRs 0091, 0092). */
    mijnRouteAlertForm: async (
      route: { municipalityCode: string; sbi: string; phase: string },
      _token: string,
      lang: "nl" | "en",
    ) =>
      AlertSubscribeBox({
        lang,
        href: alertSubscribeHref(
          { gemeente: route.municipalityCode, sector: route.sbi, fase: route.phase },
          lang,
        ),
      }),
    sbiSectionOf: (code: string) => (/^[A-U]$/.test(code) ? code : sbiSectionOfDivision(code)),
    /** What the coordinator's report adds from other modules: barrier counts and the gap register (ADR 0095). */
    reportSources: {
      barriers: (area, range) => barriers.summaryBetween(area, range.from, range.to),
      gapEntries: async (area) =>
        (await gaps.forArea(area)).entries.map((entry) => ({
          regionCode: entry.regionCode,
          step: entry.step,
          sector: entry.sector ? (routeReference.sectorName(entry.sector, "nl") ?? entry.sector) : "",
          owner: entry.organisationName,
          decision: entry.decision,
          deadline: entry.deadline,
          status: entry.status,
        })),
    } satisfies ReportSources,
    /** The organisations a gap can be given to ("aan zet"). */
    gapOrganisations: async () => (await listOrganisations(db)).map(({ id, name }) => ({ id, name })),
    // Sections, as demand is counted by them; not T (households as employers) or U (extraterritorial organisations):
    // no company's gap is about those.
    gapSectors: (lang: "nl" | "en") =>
      [...routeReference.sections]
        .filter((code) => code !== "T" && code !== "U")
        .sort()
        .map((code) => ({ code, name: routeReference.sectorName(code, lang) ?? code })),
    // A search for a place and a step with nothing usable is unmet demand, once per visitor and day (ADR 0094).
    recordSearchDemand: async (
      c: Context,
      demand: { regionCode: string; step: string; phase?: string | null },
    ) => {
      if (isRobot(c.req.header("user-agent")) || !isOneOf(JOURNEY_STEPS, demand.step)) return;
      await demandLog.record(
        {
          regionCode: demand.regionCode,
          sector: null,
          step: demand.step,
          phase: isOneOf(PHASES, demand.phase) ? demand.phase : null,
          help: null,
          source: "search",
        },
        { visitor: clientKey(c, env.secretKey, env.trustProxy) },
      );
    },
    // The dossier's picker: the public route's engine and instruments for the company (issue 15 item 6).
    dossierFit: createCompanyFit({
      service: routeDeps.service,
      places: placesFromGeography(geography),
      reference: routeReference,
      scanResults: routeDeps.scanResults,
    }),
    referralDeliveries: (providerIds: readonly string[]) => referralDeliveriesFor(db, providerIds),
    providerInstruments: async (providerId: string) =>
      (await instruments.byProvider(providerId)).map(({ refId, name }) => ({ refId, name })),
    /** The regions and provinces (with their regions) the beheer pages offer. */
    beheerAreas: {
      regions: geography.regions.map(({ code, name }) => ({ code, name })),
      provinces: geography.provinces.map(({ code, name }) => ({
        code,
        name,
        regionCodes: geography.regions
          .filter((region) => region.provinceCodes.includes(code))
          .map((region) => region.code),
      })),
    },
  };
}

export type WebServices = Awaited<ReturnType<typeof createWebServices>>;
