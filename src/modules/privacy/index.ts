export {
  ANONYMISED,
  accountKeyOf,
  BARRIER_CONTACT_DAYS,
  type MatchedBy,
  MIJN_ROUTE_CONFIRM_DAYS,
  NO_PERSONAL_DATA,
  NOT_PERSONAL_COLUMNS,
  PERSONAL_DATA,
  type PersonalDataLocation,
  type Subject,
} from "./privacy.registry.js";
export { createPrivacyService, type PrivacyService } from "./privacy.service.js";
