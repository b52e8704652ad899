export { type AuditActor, type AuditEntry, type AuditLog, createAuditLog } from "./audit.service.js";
