export { type AuditActor, type AuditLog, createAuditLog } from "./audit.service.js";
