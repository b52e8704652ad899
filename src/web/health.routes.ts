import { Hono } from "hono";
import type { DatabaseHandle } from "../db/client.js";
import type { AppEnv } from "./context.js";

/** /healthz: the process answers. /readyz: the database answers too (load balancers route on this). */
export function healthRoutes(database: DatabaseHandle) {
  return new Hono<AppEnv>()
    .get("/healthz", (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ status: "ok" });
    })
    .get("/readyz", async (c) => {
      c.header("Cache-Control", "no-store");
      try {
        await database.ping();
        return c.json({ status: "ready", database: database.kind });
      } catch {
        c.header("Retry-After", "5");
        return c.json({ status: "unavailable", database: database.kind }, 503);
      }
    });
}
