import { readDataJson } from "../../db/data-files.js";
import type { Localised } from "../../i18n/index.js";

/** Resolves catalogue ref_ids to what a link needs; unknown ref_ids are simply absent from the map. */
export type InstrumentLinkLookup = (
  refIds: string[],
) => Promise<Map<string, { slug: string; name: { nl: string; en: string } }>>;

/**
 * TEMPORARY: reads the curated catalogue file directly, because the catalogue module is built in parallel.
 * The integrator replaces this in src/app.ts with the catalogue module's own lookup (same signature).
 */
export function instrumentLinksFromCuratedFile(): InstrumentLinkLookup {
  const instruments = readDataJson<{ ref_id: string; slug: string; name: Localised }[]>(
    "catalogue/instruments.json",
  );
  const byRefId = new Map(instruments.map((item) => [item.ref_id, { slug: item.slug, name: item.name }]));
  return async (refIds) =>
    new Map(
      refIds.flatMap((refId) => {
        const link = byRefId.get(refId);
        return link ? [[refId, link] as const] : [];
      }),
    );
}
