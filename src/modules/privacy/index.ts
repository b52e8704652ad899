export {
  BARRIER_CONTACT_DAYS,
  MIJN_ROUTE_CONFIRM_DAYS,
  NO_PERSONAL_DATA,
  NOT_PERSONAL_COLUMNS,
  PERSONAL_DATA,
} from "./privacy.registry.js";
export { createPrivacyService, type PrivacyService } from "./privacy.service.js";
