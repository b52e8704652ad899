const PROBE_ORIGIN = "http://return-path.invalid";

/**
 * A path on this service to send a visitor back to after an action (`terug=`), or undefined when the value is
 * anything else. Strict on purpose: a browser drops tabs and line breaks from a URL and reads `\` as `/`, so
 * `/\t/evil.example` or `/\evil.example` would leave the site; control characters in a Location header are also
 * refused by Node (500). The value must start with one `/`, hold no control character or backslash, and resolve to
 * this origin; the answer is the path as the URL parser normalised it, so the Location header is always valid.
 */
export function sameOriginPath(value: string | undefined): string | undefined {
  if (!value?.startsWith("/") || value.startsWith("//")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `sameOriginPath`, or the given safe default: every redirect after an action goes through this one check. */
export function returnPathOr(value: string | undefined, fallback: string): string {
  return sameOriginPath(value) ?? fallback;
}
