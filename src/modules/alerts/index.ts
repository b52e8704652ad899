export { alertMessages } from "./alerts.messages.js";
export { alertRoutes, isOneClickUnsubscribe } from "./alerts.routes.js";
export {
  ALERT_DIGEST_QUEUE,
  ALERT_MATCH_QUEUE,
  type AlertFacts,
  type AlertsService,
  CONFIRM_DAYS as ALERT_CONFIRM_DAYS,
  createAlertsService,
  type EventFact,
  type InstrumentFact,
  matchChanges,
} from "./alerts.service.js";
export { AlertSubscribeBox, alertSubscribeHref } from "./views/subscribe-form.js";
