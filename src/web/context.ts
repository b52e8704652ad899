import type { Context } from "hono";
import type { Logger } from "pino";
import type { Lang, Messages } from "../i18n/index.js";
import type { Principal } from "../modules/auth/index.js";
import type { AbsoluteUrl } from "./links.js";

/** What the middleware pipeline puts on every request. */
export type AppVariables = {
  lang: Lang;
  t: Messages;
  /** This visitor's CSRF token for a form that posts; the first call sets the CSRF cookie when there is none. */
  csrfToken: () => string;
  /** Whether this request asked for the CSRF token: its page is then this visitor's own. */
  csrfTokenIssued: () => boolean;
  requestId: string;
  secureHeadersNonce?: string;
  logger: Logger;
  /** The content-hashed stylesheet and script URLs. */
  assetHrefs: { stylesheet: string; script: string };
  /** Absolute links on the public origin (PUBLIC_BASE_URL), for the page head's language alternates. */
  absoluteUrl: AbsoluteUrl;
  /** The signed-in user, set by the auth module's session middleware. */
  principal?: Principal;
  /** Set by the page cache on a hit: the route pattern of the page it served, for the metrics label. */
  cachedRoute?: string;
  /** Set by a handler of an unsafe method that only computes (POST /api/v1/route): the page cache is not emptied. */
  changesNothing?: boolean;
  /** Form fields that held control characters, removed by the input-limits middleware (ADR 0075). */
  inputProblems?: import("./errors.js").FieldProblem[];
};
export type AppEnv = { Variables: AppVariables };
export type AppContext = Context<AppEnv>;

/** What every page view needs besides its own view-model. */
export type PageContext = {
  lang: Lang;
  t: Messages;
  nonce: string | undefined;
  csrfToken: string;
  /** The current path and query, used for the language switch and return links. */
  url: URL;
  stylesheetHref: string;
  scriptHref: string;
  absoluteUrl: AbsoluteUrl;
  /** Whether someone is signed in: the navigation then shows the workspace and logout. */
  signedIn?: boolean;
  /** Whether the main navigation carries the monitor (coordinators and beheerders); others find it in the footer. */
  monitorInNavigation?: boolean;
};
