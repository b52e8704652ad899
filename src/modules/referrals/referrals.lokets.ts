import { z } from "zod";
import type { Database } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import {
  hubOrganisationsInRegion,
  type LoketOrganisationFacts,
  syncLoketOrganisations,
} from "../auth/index.js";
import { hubRows } from "./referrals.repository.js";

/**
 * The regional lokets (ADR 0081): the real circular desks, networks and development companies public sources name
 * per RES region, with their public organisational contact details, and the national fallback for a region that has
 * none. Loaded from data/regions/lokets.json into `organisations` (kind "hub", not demo); a hub takes intakes through
 * this service only when it also has a `hubs` row (today only the demo hubs do).
 */

export const LOKET_KINDS = ["loket", "hub", "netwerk", "ontwikkelingsmaatschappij"] as const;
export type LoketKind = (typeof LOKET_KINDS)[number];

/** The organisation that handles intakes from regions without a hub that takes them: the national queue. */
export const NATIONAL_QUEUE_ID = "landelijke-coordinatie";
export const NATIONAL_QUEUE_NAME = "Landelijke coördinatie Circulair Loket";

const text = z.string().trim().min(1);
const bilingual = z.object({ nl: text, en: text });
const source = z.object({
  url: z.string().url(),
  title: text,
  date: z.string().nullable(),
  quote: text.max(400),
});
const contact = {
  name: text,
  kind: z.enum(LOKET_KINDS),
  description: bilingual,
  website: z.string().url().nullable(),
  // An organisation's general address only: no person's address (checked by shape, reviewed by hand).
  email: z.string().email().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  opening_hours: bilingual.nullable(),
  source,
};
const lokFile = z.object({
  checked_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  national_fallback: z.object({ id: text, ...contact }),
  organisations: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      regions: z.array(z.string().regex(/^ES\d{2}$/)).min(1),
      ...contact,
      scope_source: source.optional(),
    }),
  ),
});
export type LoketsFile = z.infer<typeof lokFile>;

/** What a page shows of a loket: who it is and how to reach it; null where not known. */
export type LoketContact = {
  id: string;
  name: string;
  kind: LoketKind;
  description: { nl: string; en: string };
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  openingHours: { nl: string; en: string } | null;
  sourceUrl: string | null;
  isDemo: boolean;
};

let cached: LoketsFile | undefined;
/** The checked file (parsed once per process). */
export function loketsFile(): LoketsFile {
  cached ??= lokFile.parse(readDataJson<unknown>("regions/lokets.json"));
  return cached;
}

/** The national fallback named wherever a region has no loket: the Versnellingshuis, with its public contact. */
export function nationalFallback(): LoketContact {
  const fallback = loketsFile().national_fallback;
  return {
    id: fallback.id,
    name: fallback.name,
    kind: fallback.kind,
    description: fallback.description,
    website: fallback.website,
    email: fallback.email,
    phone: fallback.phone,
    address: fallback.address,
    openingHours: fallback.opening_hours,
    sourceUrl: fallback.source.url,
    isDemo: false,
  };
}

/**
 * Loads the lokets and the national queue's organisation; idempotent (an upsert by id). Returns the rows written.
 * Every installation gets them, demo or not: they are facts, not demo data.
 */
export async function loadRegionalLokets(db: Database): Promise<number> {
  const file = loketsFile();
  const rows: LoketOrganisationFacts[] = file.organisations.map((loket) => ({
    id: loket.id,
    kind: "hub",
    name: loket.name,
    regionCodes: loket.regions,
    publicKind: loket.kind,
    description: loket.description,
    website: loket.website,
    publicEmail: loket.email,
    phone: loket.phone,
    visitingAddress: loket.address,
    openingHours: loket.opening_hours,
    sourceUrl: loket.source.url,
    lastVerified: file.checked_on,
    isDemo: false,
  }));
  rows.push({
    id: NATIONAL_QUEUE_ID,
    kind: "coordinator",
    name: NATIONAL_QUEUE_NAME,
    scope: "national",
    regionCodes: [],
    isDemo: false,
  });
  return syncLoketOrganisations(db, rows);
}

/**
 * The real (and, in demo mode, demo) lokets of a region, staffed desks first, then by name. A hub organisation is
 * public once it has a public face (its kind set) or takes intakes; an organisation made only for accounts is not.
 */
export async function loketsForRegion(db: Database, regionCode: string): Promise<LoketContact[]> {
  // The organisations are the auth module's, already in the public order; their hub rows are this module's.
  const organisations = await hubOrganisationsInRegion(db, regionCode);
  const hubs = new Map(
    (
      await hubRows.of(
        db,
        organisations.map((organisation) => organisation.id),
      )
    ).map((hub) => [hub.organisationId, hub]),
  );
  return organisations
    .filter((organisation) => organisation.publicKind !== null || hubs.has(organisation.id))
    .map((organisation) => {
      const hub = hubs.get(organisation.id);
      return {
        id: organisation.id,
        name: organisation.name,
        kind: organisation.publicKind ?? "hub",
        description: organisation.description ?? hub?.description ?? { nl: "", en: "" },
        website: organisation.website,
        email: organisation.publicEmail ?? hub?.email ?? null,
        phone: organisation.phone,
        address: organisation.visitingAddress,
        openingHours: organisation.openingHours,
        sourceUrl: organisation.sourceUrl,
        isDemo: organisation.isDemo,
      };
    });
}
