import { readDataJson } from "../../db/data-files.js";
import type { Localised } from "../../i18n/index.js";
import type { CoverageLevel } from "../vocabulary/index.js";
import type { MatchableInstrument } from "./catalogue.service.js";
import { isStale, type PastWindow, type Recurrence, statusOn } from "./catalogue.status.js";

/**
 * The curated catalogue files in data/catalogue as they are written (the exchange format, catalogue.schemas.ts checks
 * them at start-up). The catalogue owns these files: other modules read instruments through the functions below
 * (ADR 0087), never the JSON itself. Read once per process.
 */
export type CuratedInstrumentRecord = {
  ref_id: string;
  slug: string;
  name: Localised;
  kind: string;
  journey_steps: string[];
  phases: string[];
  themes: string[];
  r_strategies: string[];
  sbi_sections: string[];
  sbi_divisions?: string[];
  coverage: { level: CoverageLevel; codes: string[] };
  size_classes: string[];
  status: string;
  money: { window_open?: string | null; window_close?: string | null } | null;
  evidence: unknown;
  last_verified: string;
  general_finance?: boolean;
  recurrence?: Recurrence | null;
  past_windows?: PastWindow[];
  provider_id: string;
};
type CuratedOrganizationRecord = { id: string; name: string };

let instrumentsFile: CuratedInstrumentRecord[] | undefined;
/** The records of data/catalogue/instruments.json. */
export function curatedInstrumentRecords(): readonly CuratedInstrumentRecord[] {
  instrumentsFile ??= readDataJson<CuratedInstrumentRecord[]>("catalogue/instruments.json");
  return instrumentsFile;
}

/** The ref_ids of the curated catalogue, which every installation loads (curated content may link only these). */
export function curatedInstrumentRefIds(): ReadonlySet<string> {
  return new Set(curatedInstrumentRecords().map((item) => item.ref_id));
}

/** Resolves catalogue ref_ids to what a link needs; unknown ref_ids are simply absent from the map. */
export type InstrumentLinkLookup = (
  refIds: string[],
) => Promise<Map<string, { slug: string; name: { nl: string; en: string } }>>;

/** Links to curated instruments by ref_id, from the curated file; for tests and pure pages without a database. */
export function curatedInstrumentLinks(): InstrumentLinkLookup {
  const byRefId = new Map(
    curatedInstrumentRecords().map((item) => [item.ref_id, { slug: item.slug, name: item.name }]),
  );
  return async (refIds) =>
    new Map(
      refIds.flatMap((refId) => {
        const link = byRefId.get(refId);
        return link ? [[refId, link] as const] : [];
      }),
    );
}

/**
 * The curated instruments in the route engine's shape, with the status on `today`: the oracle and evaluation input
 * for the route (tests, scripts/eval-route.ts). The running service matches against the catalogue's database listing
 * (CatalogueService.matchable), which has the same shape.
 */
export function curatedMatchableInstruments(
  today: string = new Date().toISOString().slice(0, 10),
): () => Promise<MatchableInstrument[]> {
  const providers = new Map(
    readDataJson<CuratedOrganizationRecord[]>("catalogue/organizations.json").map((org) => [
      org.id,
      org.name,
    ]),
  );
  const instruments = curatedInstrumentRecords().map((item): MatchableInstrument => {
    const now = statusOn(
      {
        status: item.status,
        windowOpen: item.money?.window_open ?? null,
        windowClose: item.money?.window_close ?? null,
        recurrence: item.recurrence ?? null,
        pastWindows: item.past_windows ?? [],
      },
      today,
    );
    return {
      id: item.ref_id,
      refId: item.ref_id,
      slug: item.slug,
      name: item.name,
      kind: item.kind,
      journeySteps: item.journey_steps,
      phases: item.phases,
      themes: item.themes,
      rStrategies: item.r_strategies,
      sbiSections: item.sbi_sections,
      sbiDivisions: item.sbi_divisions ?? [],
      coverage: item.coverage,
      sizeClasses: item.size_classes,
      status: now.status,
      windowClose: item.money?.window_close ?? null,
      hasEvidence: Boolean(item.evidence),
      providerName: providers.get(item.provider_id) ?? item.provider_id,
      expected: now.expected,
      lastVerified: item.last_verified,
      stale: isStale(item.last_verified, today),
      generalFinance: item.general_finance ?? false,
    };
  });
  return async () => instruments;
}
