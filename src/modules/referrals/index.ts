export { intakeRoutes, loketFor, nationalFallbackLoket } from "./intake.routes.js";
export { linkRoutes } from "./link.routes.js";
export { ownCaseRoutes } from "./own-case.routes.js";
export { CASE_LINK_QUEUE, createOwnCaseService } from "./own-case.service.js";
export { openHubForIntake } from "./referrals.hubs.js";
export type { InstrumentDirectory, InstrumentSummary } from "./referrals.instruments.js";
export { referralJobs } from "./referrals.jobs.js";
export {
  loadRegionalLokets,
  loketsFile,
  NATIONAL_QUEUE_ID,
  NATIONAL_QUEUE_NAME,
  nationalFallback,
} from "./referrals.lokets.js";
export { measureOutcomes, referralMonitoringFacts } from "./referrals.monitoring.js";
export {
  createMailTransport,
  MAIL_QUEUE,
  mailDeliveryHandler,
  mailOf,
  queueMail,
} from "./referrals.notifications.js";
export { seedDemoHubs } from "./referrals.seed.js";
export { createReferralsService, type UnmetDemandPort } from "./referrals.service.js";
export { workspaceRoutes } from "./workspace.routes.js";
