import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DatabaseHandle } from "../../../src/db/client.js";
import { createTestApp } from "../../support/app.js";

/** Starts the real app on a free loopback port. */
export async function startServer(database: DatabaseHandle, env: Record<string, string> = {}) {
  const app = await createTestApp(database, env);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
