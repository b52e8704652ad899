import { curatedInstrumentRecords } from "../catalogue/index.js";
import { curatedEventFacts, curatedExampleFacts } from "../knowledge/index.js";
import type { CoverageInstrument, MonitoringSources } from "./monitoring.types.js";
import { referralFiguresFromFacts } from "./referral-figures.js";

/** The curated catalogue's instruments as the monitor's instrument facts (the catalogue owns the file, ADR 0087). */
export function readCuratedInstruments(): CoverageInstrument[] {
  return curatedInstrumentRecords().map((row) => ({
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
 * Instruments, examples and events from the curated files in data/ (read by the catalogue and knowledge modules that
 * own them), and no referrals or hubs. The app takes the examples and events from here and the rest from the
 * catalogue and referrals modules (`monitoringSourcesFor` in src/services.ts); unit tests of the pure aggregation
 * use it whole.
 */
export function curatedFileSources(): MonitoringSources {
  const instruments = readCuratedInstruments();
  const examples = curatedExampleFacts();
  const events = curatedEventFacts();
  return {
    instruments: async () => instruments,
    referralFigures: referralFiguresFromFacts(async () => []),
    hubs: async () => [],
    examples: async () => examples,
    events: async () => events,
  };
}
