import { readDataJson } from "../../db/data-files.js";
import type { CoverageLevel } from "../vocabulary/index.js";
import type { CoverageInstrument, MonitoringSources } from "./monitoring.types.js";
import { referralFiguresFromFacts } from "./referral-figures.js";

type CuratedInstrument = {
  ref_id: string;
  slug: string;
  name: { nl: string; en: string };
  kind: string;
  journey_steps: string[];
  phases: string[];
  coverage: { level: CoverageLevel; codes: string[] };
  status: string;
};
type CuratedExample = { res_region: string | null; sbi_section: string | null };
type CuratedEvent = { region: string | null; starts_at: string };

/** Maps the curated catalogue file to the monitor's instrument facts. */
export function readCuratedInstruments(): CoverageInstrument[] {
  return readDataJson<CuratedInstrument[]>("catalogue/instruments.json").map((row) => ({
    id: row.ref_id,
    refId: row.ref_id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    journeySteps: row.journey_steps,
    phases: row.phases,
    coverageLevel: row.coverage.level,
    coverageCodes: row.coverage.codes,
    status: row.status,
  }));
}

/**
 * Instruments, examples and events from the curated files in data/, and no referrals or hubs. The app takes the
 * examples and events from here and the rest from the catalogue and referrals modules (`monitoringSourcesFor` in
 * src/app.ts); unit tests of the pure aggregation use it whole.
 */
export function curatedFileSources(): MonitoringSources {
  const instruments = readCuratedInstruments();
  const examples = readDataJson<CuratedExample[]>("knowledge/examples.json").map((row) => ({
    regionCode: row.res_region,
    sbiSection: row.sbi_section,
  }));
  const events = readDataJson<CuratedEvent[]>("knowledge/events.json").map((row) => ({
    regionCode: row.region,
    startsAt: new Date(row.starts_at),
  }));
  return {
    instruments: async () => instruments,
    referralFigures: referralFiguresFromFacts(async () => []),
    hubs: async () => [],
    examples: async () => examples,
    events: async () => events,
  };
}
