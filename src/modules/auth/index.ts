export { type ReferralDelivery, referralDeliveryFor } from "./auth.delivery.js";
export { referralDeliveriesFor } from "./auth.delivery-batch.js";
export { type NameDirectory, namesFor } from "./auth.directory.js";
export { createGuard, type Guard, SESSION_COOKIE } from "./auth.guard.js";
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
export { organisations, users } from "./auth.tables.js";
