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
export {
  createInvitations,
  INVITATION_DAYS,
  type InvitationState,
  type Invitations,
  type InviteInput,
  listUsers,
  type OpenInvitation,
  ROLE_ORGANISATION_KIND,
  setUserActive,
  type UserSummary,
} from "./auth.invitations.js";
export {
  createOrganisation,
  ensurePlatformOrganisation,
  getOrganisation,
  keepEditedContact,
  type LoketOrganisationFacts,
  listOrganisations,
  ORGANISATION_KINDS,
  type OrganisationChanges,
  type OrganisationKind,
  type OrganisationSummary,
  PLATFORM_ORGANISATION_ID,
  type ProviderFacts,
  providerOrganisationId,
  syncLoketOrganisations,
  syncProviderOrganisations,
  updateOrganisation,
} from "./auth.organisations.js";
export {
  type OutgoingMail,
  PASSWORD_RESET_QUEUE,
  passwordResetJobs,
  requestPasswordReset,
} from "./auth.password-reset.js";
export { hashPassword, passwordProblem, verifyPassword } from "./auth.passwords.js";
export {
  type Action,
  type Area,
  can,
  POLICY,
  type PolicyResource,
  type Principal,
  type Role,
} from "./auth.policy.js";
export { type AuthRouteDeps, authRoutes, safeReturnPath } from "./auth.routes.js";
export { DEMO_ORGANISATIONS, DEMO_USERS, seedDemoAccounts } from "./auth.seed.js";
export { type AuthService, createAuthService, normaliseEmail } from "./auth.service.js";
export { invitations, organisations, users } from "./auth.tables.js";
