import type { JSX } from "hono/jsx/jsx-runtime";
import { can } from "../modules/auth/index.js";
import type { AppContext, PageContext } from "./context.js";

/** Everything a view needs from the request besides its own view-model. */
export function pageContext(c: AppContext): PageContext {
  return {
    lang: c.get("lang"),
    t: c.get("t"),
    nonce: c.get("secureHeadersNonce"),
    // A getter: only a page that renders a form asks for the token (and so gets the cookie).
    get csrfToken() {
      return c.get("csrfToken")();
    },
    url: new URL(c.req.url),
    // Set by the composition root before any route; an error thrown earlier still gets a page, unstyled.
    stylesheetHref: c.get("assetHrefs")?.stylesheet ?? "",
    scriptHref: c.get("assetHrefs")?.script ?? "",
    absoluteUrl: c.get("absoluteUrl") ?? ((path) => path),
    signedIn: Boolean(c.get("principal")),
    monitorInNavigation: can(c.get("principal"), "monitor.navigate"),
  };
}

/** Renders a full HTML page with its doctype. */
export function renderPage(
  c: AppContext,
  page: JSX.Element,
  status: 200 | 400 | 403 | 404 | 409 | 410 | 429 | 500 | 503 = 200,
) {
  return c.html(`<!DOCTYPE html>${page.toString()}`, status);
}
