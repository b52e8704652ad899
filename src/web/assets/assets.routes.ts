import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import { type AssetSet, chooseEncoding } from "./bundle.js";

/**
 * Serves the static files from memory: the content-hashed stylesheet and script (cached for a year), the favicon (an
 * SVG the layout links to; /favicon.ico, which browsers and crawlers ask for unprompted, redirects to it). Each is
 * sent brotli- or gzip-compressed as the browser accepts, from copies made at build, so no request compresses.
 */
export function assetRoutes(assets: AssetSet) {
  const routes = new Hono<AppEnv>();
  for (const file of assets.files) {
    routes.get(file.path, (c) => {
      const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
      c.header("Content-Type", file.contentType);
      c.header("Cache-Control", file.cacheControl);
      c.header("Vary", "Accept-Encoding");
      if (encoding !== "identity") c.header("Content-Encoding", encoding);
      return c.body(file[encoding]);
    });
  }
  return routes.get("/favicon.ico", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.redirect("/favicon.svg", 301);
  });
}
