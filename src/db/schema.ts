// Every module's tables, gathered for Drizzle and drizzle-kit. Modules own their tables; this file only lists them.

export * from "../jobs/jobs.tables.js";
export * from "../modules/alerts/alerts.tables.js";
export * from "../modules/audit/audit.tables.js";
export * from "../modules/auth/auth.tables.js";
export * from "../modules/barriers/barriers.tables.js";
export * from "../modules/catalogue/catalogue.tables.js";
export * from "../modules/knowledge/knowledge.tables.js";
export * from "../modules/mijn-route/mijn-route.tables.js";
export * from "../modules/monitoring/monitoring.tables.js";
export * from "../modules/reference/reference.tables.js";
export * from "../modules/referrals/referrals.tables.js";
export * from "../modules/regions/regions.tables.js";
export * from "../modules/route/route.tables.js";
export * from "../web/rate-limit.tables.js";
export * from "./seed.tables.js";
