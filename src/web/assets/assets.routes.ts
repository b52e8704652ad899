import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import type { Stylesheet } from "./stylesheet.js";

const script = readFileSync(new URL("./app.js", import.meta.url), "utf8");
const favicon = readFileSync(new URL("./favicon.svg", import.meta.url), "utf8");

/**
 * Serves the stylesheet (content-hashed, cached for a year), the optional enhancement script and the favicon (an
 * SVG the layout links to; /favicon.ico, which browsers and crawlers ask for unprompted, redirects to it).
 */
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
    })
    .get("/favicon.svg", (c) => {
      c.header("Content-Type", "image/svg+xml; charset=utf-8");
      c.header("Cache-Control", "public, max-age=86400");
      return c.body(favicon);
    })
    .get("/favicon.ico", (c) => {
      c.header("Cache-Control", "public, max-age=86400");
      return c.redirect("/favicon.svg", 301);
    });
}
