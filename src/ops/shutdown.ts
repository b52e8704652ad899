import type { Server } from "node:http";
import type { Logger } from "pino";

export type ShutdownOptions = {
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">;
  logger: Logger;
  /** How long in-flight requests and jobs may take. */
  graceMs: number;
  /** Called first: /readyz starts answering 503 so load balancers stop sending new requests. */
  onDrain?: () => void;
  /** Job workers and other loops: each resolves once its work in progress has finished. */
  stopWorkers?: (() => Promise<void>)[];
  /** Closes the database after requests and jobs are done. */
  closeDatabase: () => Promise<void>;
};

/**
 * Graceful stop (docs/decisions/0051-faults-and-shutdown.md): stop accepting connections, let requests in flight
 * and the job in progress finish, then close the database. Resolves with the exit code: 0 when everything finished
 * within the grace period, 1 when the grace period ran out and connections were cut.
 */
export async function shutDownGracefully(options: ShutdownOptions): Promise<0 | 1> {
  const { server, logger } = options;
  options.onDrain?.();
  const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections without a request in progress would otherwise hold close() open.
  server.closeIdleConnections();
  const workersDone = Promise.all((options.stopWorkers ?? []).map((stop) => stop()));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.graceMs);
  });
  const outcome = await Promise.race([Promise.all([requestsDone, workersDone]), timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    logger.warn({ graceMs: options.graceMs }, "grace period over: cutting remaining connections");
    server.closeAllConnections();
  }
  await options
    .closeDatabase()
    .catch((error) => logger.warn({ err: error }, "database did not close cleanly"));
  return outcome === "timeout" ? 1 : 0;
}
