import { readDataJson } from "../../db/data-files.js";
import type { CoverageInstrument, CoverageLevel, MonitoringSources } from "./monitoring.types.js";

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
    referrals: async () => [],
    hubs: async () => [],
    examples: async () => examples,
    events: async () => events,
  };
}

/**
 * Keeps the facts of a range (rounded to whole UTC days) for a few minutes: at 100,000 referrals, reading and parsing
 * them costs seconds, and the monitor's figures need not be fresher than that (ADR 0062). A stale entry is served
 * while it is refreshed in the background.
 */
export function cachedByRange<T>(
  read: (range: { from: Date; to: Date }) => Promise<T>,
  options: { cacheSeconds?: number; clock?: () => Date } = {},
): (range: { from: Date; to: Date }) => Promise<T> {
  const seconds = options.cacheSeconds ?? 300;
  const clock = options.clock ?? (() => new Date());
  const day = 24 * 3600 * 1000;
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (range) => {
    const from = new Date(Math.floor(range.from.getTime() / day) * day);
    const to = new Date(Math.ceil(range.to.getTime() / day) * day);
    const key = `${from.toISOString()}/${to.toISOString()}`;
    const now = clock().getTime();
    const entry = entries.get(key);
    if (entry && now - entry.at < seconds * 1000) return entry.value;
    const value = read({ from, to });
    value.catch(() => entries.delete(key));
    if (entry) {
      // Serve the previous facts until the new ones are in.
      value.then(() => entries.set(key, { at: now, value })).catch(() => {});
      entries.set(key, { at: now, value: entry.value });
      return entry.value;
    }
    entries.set(key, { at: now, value });
    if (entries.size > 50) entries.delete(entries.keys().next().value!);
    return value;
  };
}
