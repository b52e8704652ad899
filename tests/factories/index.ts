/**
 * Factories: each test builds the organisations, accounts, dossiers, referrals, listings and events it needs through
 * these, instead of relying on an earlier test (ADR 0090). They go through the real forms or tables, never around
 * the code under test.
 */
export {
  addAccount,
  addCoordinator,
  addHubAdviser,
  giveCircoOnlyAReferralAddress,
  sessionsFor,
} from "./accounts.js";
export { createDossier, intakeFields, markOf, submitIntake } from "./cases.js";
export { createEvent, eventForm } from "./events.js";
export { listingVersion, saveListing } from "./listings.js";
export { moveReferral, referDossier } from "./referrals.js";
