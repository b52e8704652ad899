import { Hono } from "hono";
import type { AppEnv } from "../../web/context.js";
import { pageContext, renderPage } from "../../web/render.js";
import { AccessibilityPage } from "./views/accessibility-page.js";
import { PrivacyPage } from "./views/privacy-page.js";

/** The information pages every public service must have (the home page lives in the route module). */
export function siteRoutes() {
  return new Hono<AppEnv>()
    .get("/toegankelijkheid", (c) => renderPage(c, <AccessibilityPage page={pageContext(c)} />))
    .get("/privacy", (c) => renderPage(c, <PrivacyPage page={pageContext(c)} />));
}
