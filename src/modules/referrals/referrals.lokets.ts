import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, queryRows } from "../../db/client.js";
import { readDataJson } from "../../db/data-files.js";
import { type LoketOrganisationFacts, syncLoketOrganisations } from "../auth/index.js";

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
  const rows = await queryRows<{
    id: string;
    name: string;
    public_kind: LoketKind | null;
    description: { nl: string; en: string } | null;
    website: string | null;
    public_email: string | null;
    phone: string | null;
    visiting_address: string | null;
    opening_hours: { nl: string; en: string } | null;
    source_url: string | null;
    is_demo: boolean;
  }>(
    db,
    sql`select o.id, o.name, o.public_kind, coalesce(o.description, h.description) as description, o.website,
               coalesce(o.public_email, h.email) as public_email, o.phone, o.visiting_address, o.opening_hours,
               o.source_url, o.is_demo
        from organisations o left join hubs h on h.organisation_id = o.id
        where o.kind = 'hub' and ${regionCode} = any(o.region_codes)
          and (o.public_kind is not null or h.organisation_id is not null)
        order by o.is_demo, case o.public_kind when 'loket' then 0 when 'hub' then 1
                 when 'ontwikkelingsmaatschappij' then 2 else 3 end, o.name`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.public_kind ?? "hub",
    description: row.description ?? { nl: "", en: "" },
    website: row.website,
    email: row.public_email,
    phone: row.phone,
    address: row.visiting_address,
    openingHours: row.opening_hours,
    sourceUrl: row.source_url,
    isDemo: row.is_demo,
  }));
}
