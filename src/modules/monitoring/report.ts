/**
 * The coordinator's periodic report (/monitor/rapport, ADR 0095): one area (the country, a province, a region) over a
 * quarter or a year, built only from the monitor service's own functions, so every figure equals the monitor page's
 * for the same filter.
 */
import type { Area } from "../auth/index.js";
import { regionsInArea } from "./areas.js";
import type { MonitoringService } from "./monitoring.service.js";
import type { TimeRange } from "./monitoring.types.js";

/** A quarter (2026-K4) or a year (2026): its first and last day (UTC, inclusive). */
export type ReportPeriod = { code: string; year: number; quarter?: number; from: string; to: string };

const pad = (value: number) => String(value).padStart(2, "0");

/** Reads "2026-K4" (quarter) or "2026" (year); undefined for anything else. */
export function parsePeriod(text: string): ReportPeriod | undefined {
  const match = /^(\d{4})(?:-K([1-4]))?$/i.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (!match[2]) return { code: String(year), year, from: `${year}-01-01`, to: `${year}-12-31` };
  const quarter = Number(match[2]);
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    code: `${year}-K${quarter}`,
    year,
    quarter,
    from: `${year}-${pad(lastMonth - 2)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** The quarter a day lies in. */
export const quarterOf = (day: Date): string =>
  `${day.getUTCFullYear()}-K${Math.floor(day.getUTCMonth() / 3) + 1}`;

/** Reads NL, a province code (PVnn) or a region code (ESnn) against the known ones; undefined otherwise. */
export function parseArea(
  text: string,
  known: { provinces: { code: string }[]; regions: { code: string }[] },
): Area | undefined {
  const code = text.trim().toUpperCase();
  if (code === "NL") return { level: "national" };
  if (known.provinces.some((province) => province.code === code)) return { level: "province", code };
  if (known.regions.some((region) => region.code === code)) return { level: "region", code };
  return undefined;
}

/** An entry of the gap register (issue 18, item 4) as the report shows it; the composition root provides them. */
export type ReportGapEntry = {
  regionCode: string;
  step: string;
  /** The sector's name, or empty when the entry covers every sector. */
  sector: string;
  owner: string;
  decision: string;
  deadline: string | null;
  status: string;
};

/** Barrier counts of an area in a period, per theme and status, with the bodies they went to. */
export type ReportBarrierRow = { category: string; status: string; count: number; bodies: string | null };

/** What other modules add to the report, given by the composition root; absent parts show as empty. */
export type ReportSources = {
  barriers?(area: Area, range: TimeRange): Promise<ReportBarrierRow[]>;
  gapEntries?(area: Area): Promise<ReportGapEntry[]>;
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * The report's figures. `exact`: whether the reader may see exact figures of the area (the guard decides; a reader
 * of the report always may, as the policy gives both to coordinators within their area).
 */
export async function buildReport(
  service: MonitoringService,
  sources: ReportSources,
  query: { area: Area; period: ReportPeriod; exact: (area: Area) => boolean; today: Date },
) {
  const { area, period } = query;
  const regionCodes = regionsInArea(area, service.regions);
  const range: TimeRange = {
    from: new Date(`${period.from}T00:00:00Z`),
    to: new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY_MS),
  };
  const todayIso = query.today.toISOString().slice(0, 10);
  // The end of the period, or today while the period runs: the star level stored on that day (or computed now).
  const endDay = period.to < todayIso ? period.to : undefined;
  const startDay = new Date(range.from.getTime() - DAY_MS).toISOString().slice(0, 10);
  const [overview, starsAtStart, starsAtEnd, funnel, goals, effectiveness, barriers, gapEntries] =
    await Promise.all([
      service.overview(),
      service.starLevelsOn(startDay),
      endDay ? service.starLevelsOn(endDay) : Promise.resolve(undefined),
      service.funnel(
        {
          from: period.from,
          to: period.to,
          regionCodes: area.level === "national" ? undefined : regionCodes,
        },
        query.exact(area),
      ),
      service.goalOverview(query.exact),
      service.effectiveness(query.exact(area) ? area : undefined, range),
      sources.barriers ? sources.barriers(area, range) : Promise.resolve([]),
      sources.gapEntries ? sources.gapEntries(area) : Promise.resolve([]),
    ]);
  const regions = overview.filter((region) => regionCodes.includes(region.code));
  const storedOn = (rows: { region_code: string; stars: number }[] | undefined, code: string) =>
    rows?.find((row) => row.region_code === code)?.stars ?? null;
  const stars = regions.map((region) => {
    const start = storedOn(starsAtStart, region.code);
    const end = endDay ? storedOn(starsAtEnd, region.code) : region.star.stars;
    return {
      code: region.code,
      name: region.name,
      now: region.star.stars,
      start,
      end,
      change: start === null || end === null ? null : end - start,
    };
  });
  const inArea = (goal: { scopeLevel: string; scopeCode: string | null }) =>
    area.level === "national" ||
    goal.scopeCode === area.code ||
    (goal.scopeLevel === "region" && goal.scopeCode !== null && regionCodes.includes(goal.scopeCode));
  const goalRows = [...goals.national.flatMap((goal) => [goal, ...goal.parts]), ...goals.standalone].filter(
    inArea,
  );
  return {
    area,
    period,
    regionCodes,
    stars,
    gaps: regions.map((region) => ({ code: region.code, name: region.name, gaps: region.gaps })),
    gapEntries,
    funnel,
    goals: goalRows,
    unsetIndicators: area.level === "national" ? goals.unset : [],
    effectiveness,
    barriers,
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
