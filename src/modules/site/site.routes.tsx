import { Hono } from "hono";
import type { Lang } from "../../i18n/index.js";
import type { AppEnv } from "../../web/context.js";
import { pageContext, renderPage } from "../../web/render.js";
import { rLadder } from "../reference/index.js";
import { AboutPage } from "./views/about-page.js";
import { AccessibilityPage } from "./views/accessibility-page.js";
import { type CircularExample, CircularPage } from "./views/circular-page.js";
import { PrivacyPage, type RetentionTerms } from "./views/privacy-page.js";

/**
 * The three practice examples "Wat is circulair ondernemen?" shows: real companies from data/knowledge/examples.json,
 * chosen for three different rungs of the R-ladder (a bakery using a brewery's residue R7, a refurbisher R5/R4,
 * washing machines paid per wash R1).
 */
export const CIRCULAR_PAGE_EXAMPLES = [
  "bakkerij-houben-bierbostel",
  "forza-refurbished-breda",
  "bundles-wassen-per-wasbeurt",
] as const;

export type SiteDeps = {
  /** Practice examples by slug, in the language (the knowledge module's, given by the composition root). */
  examples(slugs: readonly string[], lang: Lang): Promise<CircularExample[]>;
  /** How long personal data is kept, as /privacy states it (RETENTION_MONTHS and the retention rules). */
  retention: RetentionTerms;
};

/** The information pages every public service must have, and the two a newcomer looks for (the home page lives in
 * the route module). */
export function siteRoutes(deps: SiteDeps) {
  return new Hono<AppEnv>()
    .get("/toegankelijkheid", (c) => renderPage(c, <AccessibilityPage page={pageContext(c)} />))
    .get("/privacy", (c) => renderPage(c, <PrivacyPage page={pageContext(c)} retention={deps.retention} />))
    .get("/circulair-ondernemen", async (c) =>
      renderPage(
        c,
        <CircularPage
          page={pageContext(c)}
          model={{ ladder: rLadder(), examples: await deps.examples(CIRCULAR_PAGE_EXAMPLES, c.get("lang")) }}
        />,
      ),
    )
    .get("/over-circulair-loket", (c) => renderPage(c, <AboutPage page={pageContext(c)} />));
}
