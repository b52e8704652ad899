import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp, createBackgroundJobs } from "./app.js";
import { EnvError, loadEnv } from "./config/env.js";
import { openDatabase } from "./db/client.js";
import { migrateDatabase, withSeedLock } from "./db/migrate.js";
import { seedDatabase } from "./db/seed.js";
import { createJobWorker } from "./jobs/index.js";
import { createLogger } from "./logger.js";
import { shutDownGracefully } from "./ops/shutdown.js";

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
  logger.info("Preparing the database: migrations, reference data and content (a few seconds)…");
  await migrateDatabase(database);
  await withSeedLock(database, () =>
    seedDatabase(database.db, {
      demo: env.demo,
      logger,
      demoPassword: env.demoPassword,
      // A demo started on any day shows example events ahead of it, not in the past.
      exampleEventsFrom: env.demo ? new Date() : undefined,
    }),
  );
  const app = await createApp({ env, database, logger });
  const background = await createBackgroundJobs({ env, database, logger });
  const worker = createJobWorker({ db: database.db, handlers: background.handlers, logger });
  // While stopping, /readyz answers 503 so a load balancer takes this instance out before it closes.
  let draining = false;
  const fetch: typeof app.fetch = (request, ...rest) =>
    draining && new URL(request.url).pathname === "/readyz"
      ? Response.json({ status: "stopping" }, { status: 503, headers: { "Retry-After": "5" } })
      : app.fetch(request, ...rest);
  const server = serve({ fetch, port: env.port, hostname: env.host }, (address) => {
    logger.info(
      {
        port: address.port,
        database: database.kind,
        demo: env.demo,
        startupMs: Math.round(performance.now() - started),
      },
      `Circulair Loket listening on http://localhost:${address.port}`,
    );
    if (env.nodeEnv === "development")
      logger.info(`Ready: open http://localhost:${address.port} in your browser (Ctrl-C stops the service)`);
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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceSeconds: env.shutdownGraceSeconds }, "stopping: finishing in-flight requests");
    clearInterval(scheduler);
    const code = await shutDownGracefully({
      server: server as Server,
      logger,
      graceMs: env.shutdownGraceSeconds * 1000,
      onDrain: () => {
        draining = true;
      },
      // The worker finishes its job in progress before the database closes.
      stopWorkers: [() => worker.stop()],
      closeDatabase: () => database.close(),
    });
    logger.info({ code }, "stopped");
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  // Through the logger's error serializer: a failed query at start never prints its parameter values (ADR 0075).
  if (error instanceof EnvError) console.error(error.message);
  else createLogger({ logLevel: "fatal" }).fatal({ err: error }, "Circulair Loket could not start");
  process.exit(1);
});
