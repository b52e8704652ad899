import { readDataJson } from "../../db/data-files.js";
import type { Localised } from "../../i18n/index.js";
import type { MatchableInstrument } from "../catalogue/index.js";
import { isStale, type PastWindow, type Recurrence, statusOn } from "../catalogue/index.js";

type CuratedInstrument = {
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
  coverage: { level: MatchableInstrument["coverage"]["level"]; codes: string[] };
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
type CuratedOrganization = { id: string; name: string };

/**
 * TEMPORARY until the catalogue module lands: the route's instruments straight from the curated file
 * data/catalogue/instruments.json, mapped to the engine's shape. The integrator replaces this with the catalogue
 * module's database listing (same MatchableInstrument shape) in src/app.ts: a one-line swap.
 */
export function matchableInstrumentsFromCuratedFile(
  today: string = new Date().toISOString().slice(0, 10),
): () => Promise<MatchableInstrument[]> {
  const providers = new Map(
    readDataJson<CuratedOrganization[]>("catalogue/organizations.json").map((org) => [org.id, org.name]),
  );
  const instruments = readDataJson<CuratedInstrument[]>("catalogue/instruments.json").map(
    (item): MatchableInstrument => {
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
    },
  );
  return async () => instruments;
}
