import { Hono } from "hono";
import type { AppEnv } from "../../web/context.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { Geography } from "../regions/index.js";
import { AccessibilityPage } from "./views/accessibility-page.js";
import { HomePage } from "./views/home-page.js";
import { PrivacyPage } from "./views/privacy-page.js";

/** The home page and the information pages every public service must have. */
export function siteRoutes({ geography }: { geography: Geography }) {
  const municipalities = geography.municipalities.map(({ code, name }) => ({ code, name }));
  return new Hono<AppEnv>()
    .get("/", (c) => renderPage(c, <HomePage page={pageContext(c)} municipalities={municipalities} />))
    .get("/toegankelijkheid", (c) => renderPage(c, <AccessibilityPage page={pageContext(c)} />))
    .get("/privacy", (c) => renderPage(c, <PrivacyPage page={pageContext(c)} />));
}
