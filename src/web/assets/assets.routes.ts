import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import type { Stylesheet } from "./stylesheet.js";

const script = readFileSync(new URL("./app.js", import.meta.url), "utf8");

/** Serves the stylesheet (content-hashed, cached for a year) and the optional enhancement script. */
export function assetRoutes(stylesheet: Stylesheet) {
  return new Hono<AppEnv>()
    .get(`/assets/${stylesheet.fileName}`, (c) => {
      c.header("Content-Type", "text/css; charset=utf-8");
      c.header("Cache-Control", "public, max-age=31536000, immutable");
      return c.body(stylesheet.css);
    })
    .get("/assets/app.js", (c) => {
      c.header("Content-Type", "text/javascript; charset=utf-8");
      c.header("Cache-Control", "public, max-age=3600");
      return c.body(script);
    });
}
