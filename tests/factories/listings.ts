import type { loginAs } from "../support/workspace.js";

type Session = Awaited<ReturnType<typeof loginAs>>;

/**
 * The provider saves its listing of an instrument through the workspace form at the given version (0 for the first
 * save); answers the response, so a test can check a refusal as well as a save.
 */
export function saveListing(
  provider: Session,
  refId: string,
  fields: { version: number | string; status: string; opensOn?: string; closesOn?: string; terms?: string },
) {
  return provider.session.post(
    `/werkruimte/aanbod/${refId}`,
    {
      version: String(fields.version),
      status: fields.status,
      opensOn: fields.opensOn ?? "",
      closesOn: fields.closesOn ?? "",
      terms: fields.terms ?? "",
    },
    { csrf: provider.csrf },
  );
}

/** The listing's current version number (0 before the provider's first save), from the provider's own form. */
export async function listingVersion(provider: Session, refId: string) {
  const html = await (await provider.session.get("/werkruimte/aanbod")).text();
  const form = html.slice(html.indexOf(`action="/werkruimte/aanbod/${refId}"`));
  const match = /name="version" value="(\d+)"/.exec(form);
  if (!match) throw new Error(`no listing form for ${refId}`);
  return Number(match[1]);
}
