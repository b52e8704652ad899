/**
 * The campaign source (`bron`) a hub puts on its links, e.g. `/route?gemeente=GM0153&sector=C&bron=nieuwsbrief-twente`.
 * It travels from /route to the scan and the intake (links and hidden fields, no cookies) and is recorded with the
 * journey events, so the monitor's funnel can be split by campaign (ADR 0062). Only a short lower-case slug is kept:
 * anything else (an e-mail address, a long tracking string) is dropped, so no personal data can ride along.
 */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The slug when the value is a valid campaign source, otherwise undefined. */
export function parseCampaignSource(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim().toLowerCase();
  return SLUG.test(trimmed) ? trimmed : undefined;
}

/** The query parameter and form field name. */
export const CAMPAIGN_PARAM = "bron";
