export { regionsInArea } from "./areas.js";
export { coversMunicipality } from "./coverage.js";
export { createDemandLog, type DemandInput, type DemandLog, isRobot } from "./demand.js";
export { createGapRegister, type GapEntry, type GapRegister } from "./gap-register.js";
export type { GapCell, StepOverlap } from "./gaps.js";
export { type PublicRegionGap, publicRegionGaps } from "./gaps.public.js";
export { type GapsRouteDeps, gapsRoutes } from "./gaps.routes.js";
export { createGapsService, type DayRange, type GapCellWithEntry, type GapsService } from "./gaps.service.js";
export { createJourneyRecorder } from "./journey-recorder.js";
export { monitoringApi } from "./monitoring.api.js";
export {
  createMonitoringRepository,
  type MonitoringRepository,
  type RecordableJourneyEvent,
  writeJourneyEvents,
} from "./monitoring.repository.js";
export { monitoringRoutes } from "./monitoring.routes.js";
export {
  createMonitoringService,
  type MonitoringService,
  scheduleMonitoringJobs,
} from "./monitoring.service.js";
export { curatedFileSources } from "./monitoring.sources.js";
export { journeyEvents } from "./monitoring.tables.js";
export type {
  CoverageInstrument,
  DeliveryReferralFigures,
  EventFact,
  ExampleFact,
  HubFact,
  InstrumentReferralFigures,
  JourneyEvent,
  LeadTimeMiddles,
  MonitoringSources,
  OutcomeSource,
  OutcomeSums,
  ReferralFact,
  ReferralFigures,
  RegionReferralFigures,
  TimeRange,
} from "./monitoring.types.js";
export { ANSWERED_STATUSES, DELIVERY_ROUTES } from "./monitoring.types.js";
export { type PublicRegionFigures, publicRegionFigures } from "./public-region.js";
export { referralFiguresFromFacts } from "./referral-figures.js";
export type { ReportGapEntry, ReportSources } from "./report.js";
export { starLevel } from "./stars.js";
