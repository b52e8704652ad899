/**
 * An absolute URL on the service's one public origin (`env.publicBaseUrl`) for a path of this service. Every link
 * the service writes for reading elsewhere — mail, iCal, API `page_url`/`term_uri`/profile, the route's share link —
 * is made by this function, which the composition root builds once and hands to the modules. The request's Host and
 * X-Forwarded-Host never reach a link, so a hostile header cannot put another address into a mail or a cached page
 * (ADR 0073; tests/security/links.test.ts keeps the request's origin out of src).
 */
export type AbsoluteUrl = (path: string) => string;

/** The `AbsoluteUrl` for an origin such as `https://circulair-loket.nl` (no path, no trailing slash). */
export function absoluteUrlOn(origin: string): AbsoluteUrl {
  if (new URL(origin).origin !== origin) throw new Error(`not an origin: ${origin}`);
  return (path) => {
    // A programming error, not input: paths are the service's own, e.g. `/aanbod/${slug}`.
    if (!path.startsWith("/") || path.startsWith("//"))
      throw new Error(`not a path of this service: ${path}`);
    return `${origin}${path}`;
  };
}
