import { serve } from "@hono/node-server";
import { createApp, createBackgroundJobs } from "./app.js";
import { EnvError, loadEnv } from "./config/env.js";
import { openDatabase } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { seedDatabase } from "./db/seed.js";
import { createJobWorker } from "./jobs/index.js";
import { createLogger } from "./logger.js";

/** Node entry: read the environment, open and migrate the database, build the app, listen, stop gracefully. */
async function main() {
  const env = loadEnv();
  const logger = createLogger(env);
  const started = performance.now();
  const database = env.databaseUrl
    ? await openDatabase({ kind: "postgres", url: env.databaseUrl })
    : await openDatabase({
        kind: "pglite",
        dataDir: env.dataDir,
        onProgress: (message) => logger.info(message),
      });
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: env.demo, logger, demoPassword: env.demoPassword });
  const app = await createApp({ env, database, logger });
  const background = await createBackgroundJobs({ env, database, logger });
  const worker = createJobWorker({ db: database.db, handlers: background.handlers, logger });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (address) => {
    logger.info(
      {
        port: address.port,
        database: database.kind,
        demo: env.demo,
        startupMs: Math.round(performance.now() - started),
      },
      `Circulair Loket listening on http://localhost:${address.port}`,
    );
    // Background work starts once the service answers: mail delivery, deadlines, retention.
    worker.start();
    void background.schedule().catch((error) => logger.warn({ err: error }, "could not schedule jobs"));
  });
  const scheduler = setInterval(
    () => void background.schedule().catch((error) => logger.warn({ err: error }, "could not schedule jobs")),
    60_000,
  );
  scheduler.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing in-flight requests");
    clearInterval(scheduler);
    server.close(async () => {
      // The worker finishes its job in progress before the database closes.
      await worker.stop();
      await database.close();
      logger.info("stopped");
      process.exit(0);
    });
    // Connections that stay open (keep-alive) must not hold the process forever.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error("Circulair Loket could not start:", error);
  process.exit(1);
});
