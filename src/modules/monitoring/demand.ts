import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import {
  DEMAND_SOURCES,
  type DemandSource,
  HELP_KINDS,
  type Help,
  isOneOf,
  JOURNEY_STEPS,
  type JourneyStep,
  PHASES,
  type Phase,
} from "../vocabulary/index.js";
import { demandRecords } from "./monitoring.tables.js";

/**
 * One piece of unmet demand as other modules report it (ADR 0094): where, which sector, which step and phase, which
 * kind of help, and how it was heard. Nothing that identifies a person, a company or a case.
 */
export type DemandInput = {
  regionCode: string;
  /** SBI 2008 section letter, when known. */
  sector: string | null;
  step: JourneyStep;
  phase: Phase | null;
  help: Help | null;
  source: DemandSource;
};

/** Demand counted per cell: a region, a step and a sector ('' when the sector was not known). */
export type DemandCount = { regionCode: string; sector: string; step: JourneyStep; count: number };

/** Whether the input holds only known codes; anything else is not recorded. */
export function validDemand(input: DemandInput): boolean {
  return (
    /^[A-Z]{2}\d{2}$/.test(input.regionCode) &&
    (input.sector === null || /^[A-U]$/.test(input.sector)) &&
    isOneOf(JOURNEY_STEPS, input.step) &&
    (input.phase === null || isOneOf(PHASES, input.phase)) &&
    (input.help === null || isOneOf(HELP_KINDS, input.help)) &&
    isOneOf(DEMAND_SOURCES, input.source)
  );
}

/** User agents of crawlers and scripts: a robot's route is no company's demand. */
const ROBOT = /bot|crawl|spider|slurp|bingpreview|facebookexternalhit|curl|wget|python-requests|httpclient/i;
export const isRobot = (userAgent: string | undefined) => userAgent !== undefined && ROBOT.test(userAgent);

/**
 * The demand log: writes demand records and counts them. A record heard from a visitor (route, search) carries a
 * dedupe key — a keyed hash of the day, the visitor's pseudonymous client key and the cell — so a visitor who reloads
 * the same route counts once that day; the key is cleared by the rollup job once the day is over.
 */
export function createDemandLog(deps: { db: Database; secretKey: string; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);
  return {
    /**
     * Records one piece of demand through `on` (a transaction of the caller) or the pool. With `visitor`, once per
     * visitor, cell and day. Answers whether a record was written.
     */
    async record(input: DemandInput, options: { on?: Database; visitor?: string } = {}): Promise<boolean> {
      if (!validDemand(input)) return false;
      const day = today();
      const dedupeKey = options.visitor
        ? createHmac("sha256", deps.secretKey)
            .update(
              [
                "demand",
                day,
                options.visitor,
                input.source,
                input.regionCode,
                input.sector ?? "",
                input.step,
                input.phase ?? "",
                input.help ?? "",
              ].join("|"),
            )
            .digest("base64url")
        : null;
      const written = await (options.on ?? deps.db)
        .insert(demandRecords)
        .values({ ...input, day, dedupeKey })
        .onConflictDoNothing()
        .returning({ id: demandRecords.id });
      return written.length > 0;
    },
    /** Demand per region, step and sector over a period of days (inclusive), in the given regions or all. */
    async counts(
      range: { from: string; to: string },
      regionCodes?: readonly string[],
    ): Promise<DemandCount[]> {
      const regions = regionCodes
        ? sql`and region_code in (${sql.join(
            regionCodes.length ? regionCodes.map((code) => sql`${code}`) : [sql`''`],
            sql`, `,
          )})`
        : sql``;
      const rows = await queryRows<{ region_code: string; sector: string; step: string; count: number }>(
        deps.db,
        sql`select region_code, coalesce(sector, '') as sector, step, count(*)::int as count
            from demand_records
            where day >= ${range.from}::date and day <= ${range.to}::date ${regions}
            group by 1, 2, 3`,
      );
      return rows.flatMap((row) =>
        isOneOf(JOURNEY_STEPS, row.step)
          ? [{ regionCode: row.region_code, sector: row.sector, step: row.step, count: Number(row.count) }]
          : [],
      );
    },
  };
}

export type DemandLog = ReturnType<typeof createDemandLog>;
