export { createJobWorker, enqueueJob, type JobHandler, type JobWorker } from "./job-queue.js";
export { jobs } from "./jobs.tables.js";
export { maintenanceJobs, purgeExpiredRows, scheduleMaintenance } from "./maintenance.js";
