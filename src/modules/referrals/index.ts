export { intakeRoutes, loketFor, nationalFallbackLoket } from "./intake.routes.js";
export { linkRoutes } from "./link.routes.js";
export { ownCaseRoutes } from "./own-case.routes.js";
export { CASE_LINK_QUEUE, createOwnCaseService, type OwnCaseService } from "./own-case.service.js";
export { openHubForIntake } from "./referrals.hubs.js";
export {
  type InstrumentDirectory,
  type InstrumentSummary,
  LISTING_STATUSES,
  type ListingChange,
  REFERABLE_STATUSES,
} from "./referrals.instruments.js";
export { EXPIRE_QUEUE, REMIND_QUEUE, RETENTION_QUEUE, referralJobs } from "./referrals.jobs.js";
export {
  LOKET_KINDS,
  type LoketContact,
  loadRegionalLokets,
  loketsFile,
  NATIONAL_QUEUE_ID,
  NATIONAL_QUEUE_NAME,
  nationalFallback,
} from "./referrals.lokets.js";
export {
  measureOutcomes,
  type ReferralMonitoringFacts,
  referralMonitoringFacts,
} from "./referrals.monitoring.js";
export {
  createMailTransport,
  MAIL_QUEUE,
  type Mail,
  type MailTransport,
  mailDeliveryHandler,
  mailOf,
  queueMail,
} from "./referrals.notifications.js";
export { DEMO_HUBS, seedDemoHubs } from "./referrals.seed.js";
export {
  CONSENT_TEXT_VERSION,
  createReferralsService,
  DECLINE_DEMAND,
  REFERRAL_SHARES,
  type ReferralsService,
  type UnmetDemandPort,
} from "./referrals.service.js";
export * as referralStateMachine from "./referrals.state-machine.js";
export { workspaceRoutes } from "./workspace.routes.js";
