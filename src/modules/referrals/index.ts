export {
  createMailTransport,
  MAIL_QUEUE,
  type Mail,
  type MailTransport,
  mailDeliveryHandler,
  queueMail,
} from "./referrals.notifications.js";
