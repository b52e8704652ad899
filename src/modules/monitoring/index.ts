export { regionsInArea } from "./areas.js";
export { createDemandLog, isRobot } from "./demand.js";
export { createGapRegister } from "./gap-register.js";
export { publicRegionGaps } from "./gaps.public.js";
export { gapsRoutes } from "./gaps.routes.js";
export { createGapsService } from "./gaps.service.js";
export { createJourneyRecorder } from "./journey-recorder.js";
export { monitoringApi } from "./monitoring.api.js";
export { createMonitoringRepository, writeJourneyEvents } from "./monitoring.repository.js";
export { monitoringRoutes } from "./monitoring.routes.js";
export { createMonitoringService, scheduleMonitoringJobs } from "./monitoring.service.js";
export { curatedFileSources } from "./monitoring.sources.js";
export type {
  DeliveryReferralFigures,
  HubFact,
  LeadTimeMiddles,
  MonitoringSources,
  OutcomeSource,
  ReferralFact,
  ReferralFigures,
  TimeRange,
} from "./monitoring.types.js";
export { ANSWERED_STATUSES, DELIVERY_ROUTES } from "./monitoring.types.js";
export { publicRegionFigures } from "./public-region.js";
export { referralFiguresFromFacts } from "./referral-figures.js";
export type { ReportSources } from "./report.js";
export { starLevel } from "./stars.js";
