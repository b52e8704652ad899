export { type AccountAdministration, createAccountAdministration } from "./auth.accounts.js";
export {
  type ReferralDelivery,
  referralDeliveries,
  referralDeliveriesFor,
  referralDeliveryFor,
} from "./auth.delivery.js";
export {
  demoOrganisationIds,
  type HubOrganisationFacts,
  hubOrganisationsInRegion,
  type MailAudience,
  type MailRecipient,
  mailRecipients,
  type NameDirectory,
  namesFor,
  organisationStaffing,
  organisationsInRegion,
  organisationsWithActiveAccounts,
  type ProviderOrganisationContact,
  providerOrganisationContact,
  providerReferralAddress,
} from "./auth.directory.js";
export { createGuard, type Guard, SESSION_COOKIE } from "./auth.guard.js";
export { createInvitations, INVITATION_DAYS, type Invitations } from "./auth.invitations.js";
export {
  ensurePlatformOrganisation,
  type LoketOrganisationFacts,
  listOrganisations,
  ORGANISATION_KINDS,
  type OrganisationChanges,
  type OrganisationKind,
  type OrganisationSummary,
  PLATFORM_ORGANISATION_ID,
  syncLoketOrganisations,
  syncProviderOrganisations,
} from "./auth.organisations.js";
export { PASSWORD_RESET_QUEUE, passwordResetJobs, requestPasswordReset } from "./auth.password-reset.js";
export { hashPassword } from "./auth.passwords.js";
export { type Action, type Area, can, type Principal, type Role } from "./auth.policy.js";
export { authRoutes } from "./auth.routes.js";
export { DEMO_USERS, seedDemoAccounts } from "./auth.seed.js";
export { createAuthService, normaliseEmail } from "./auth.service.js";
export { organisations, users } from "./auth.tables.js";
