export { alertMessages } from "./alerts.messages.js";
export { alertRoutes, isOneClickUnsubscribe } from "./alerts.routes.js";
export {
  ALERT_MATCH_QUEUE,
  type AlertFacts,
  createAlertsService,
  type EventFact,
  type InstrumentFact,
  matchChanges,
} from "./alerts.service.js";
export { AlertSubscribeBox, alertSubscribeHref } from "./views/subscribe-form.js";
