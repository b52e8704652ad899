export { AVAILABLE_STATUSES, coversMunicipality, isAvailableStatus } from "./coverage.js";
export { monitoringApi } from "./monitoring.api.js";
export { monitoringRoutes } from "./monitoring.routes.js";
export { createMonitoringService, type MonitoringService } from "./monitoring.service.js";
export { curatedFileSources } from "./monitoring.sources.js";
export type {
  CoverageInstrument,
  EventFact,
  ExampleFact,
  HubFact,
  JourneyEvent,
  MonitoringSources,
  ReferralFact,
} from "./monitoring.types.js";
