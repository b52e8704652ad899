import { readFileSync } from "node:fs";
import type { Localised } from "../../i18n/index.js";

/** What the referrals module needs to know about an instrument, by its stable catalogue ref_id. */
export type InstrumentSummary = {
  refId: string;
  slug: string;
  name: Localised;
  providerOrganizationId: string;
};

/** The catalogue seen from the referrals module: the composition root hands in an implementation. */
export type InstrumentDirectory = {
  get(refId: string): Promise<InstrumentSummary | undefined>;
  list(): Promise<InstrumentSummary[]>;
  byProvider(providerId: string): Promise<InstrumentSummary[]>;
};

/**
 * TEMPORARY: reads data/catalogue/instruments.json until the catalogue module (issue 3) is merged; the integrator
 * swaps in the catalogue module's lookup in src/app.ts.
 */
export function createJsonInstrumentDirectory(filePath: string): InstrumentDirectory {
  const rows = JSON.parse(readFileSync(filePath, "utf8")) as {
    ref_id: string;
    slug: string;
    name: Localised;
    provider_id: string;
  }[];
  const all: InstrumentSummary[] = rows.map((row) => ({
    refId: row.ref_id,
    slug: row.slug,
    name: row.name,
    providerOrganizationId: row.provider_id,
  }));
  const byRef = new Map(all.map((instrument) => [instrument.refId, instrument]));
  return {
    get: async (refId) => byRef.get(refId),
    list: async () => all,
    byProvider: async (providerId) =>
      all.filter((instrument) => instrument.providerOrganizationId === providerId),
  };
}
