import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { namesFor } from "../auth/index.js";
import type { GapDecision, GapStatus, JourneyStep } from "../vocabulary/index.js";
import { gapEntries } from "./monitoring.tables.js";

/** A register entry as the pages show it, with the name of the organisation that is "aan zet". */
export type GapEntry = {
  id: number;
  regionCode: string;
  step: JourneyStep;
  sector: string;
  organisationId: string;
  organisationName: string;
  decision: GapDecision;
  deadline: string;
  status: GapStatus;
  note: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The deadline has passed and the entry is not done. */
  overdue: boolean;
};

export type NewGapEntry = {
  regionCode: string;
  step: JourneyStep;
  sector: string;
  organisationId: string;
  decision: GapDecision;
  deadline: string;
  note: string;
};

/** What an owner may change (status, note), and what a coordinator may change besides. */
export type GapChange = {
  status: GapStatus;
  note: string;
  expectedVersion: number;
  assignment?: { organisationId: string; decision: GapDecision; deadline: string };
};

/** Whether an entry is overdue on a day (yyyy-mm-dd): past its deadline and not done. */
export const isOverdue = (entry: { deadline: string; status: string }, today: string) =>
  entry.status !== "afgerond" && entry.deadline < today;

type EntryRow = {
  id: number;
  region_code: string;
  step: string;
  sector: string;
  organisation_id: string;
  organisation_name: string | null;
  decision: string;
  deadline: string;
  status: string;
  note: string;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
};

/**
 * The gaps register (ADR 0094): entries are made and reassigned by a coordinator, their status and note kept by the
 * organisation that is "aan zet" too. Every change is one transaction with its audit entry; a change made on an
 * older version is refused (optimistic locking).
 */
export function createGapRegister(deps: { db: Database; audit: AuditLog; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const today = () => clock().toISOString().slice(0, 10);
  /** The rows with their organisations' names, which are the auth module's (ADR 0098). */
  const named = async (rows: Omit<EntryRow, "organisation_name">[]): Promise<EntryRow[]> => {
    const names = await namesFor(deps.db, {
      userIds: [],
      organisationIds: rows.map((row) => row.organisation_id),
    });
    return rows.map((row) => ({
      ...row,
      organisation_name: names.organisations.get(row.organisation_id) ?? null,
    }));
  };
  const toEntry = (row: EntryRow): GapEntry => ({
    id: Number(row.id),
    regionCode: row.region_code,
    step: row.step as JourneyStep,
    sector: row.sector,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name ?? row.organisation_id,
    decision: row.decision as GapDecision,
    deadline: String(row.deadline).slice(0, 10),
    status: row.status as GapStatus,
    note: row.note,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: Number(row.version),
    overdue: isOverdue({ deadline: String(row.deadline).slice(0, 10), status: row.status }, today()),
  });
  const select = (where: ReturnType<typeof sql>) =>
    sql`select g.id, g.region_code, g.step, g.sector, g.organisation_id, g.decision,
          to_char(g.deadline, 'YYYY-MM-DD') as deadline, g.status, g.note, g.created_at, g.updated_at, g.version
        from gap_entries g
        where ${where}
        order by g.deadline, g.region_code, g.step, g.sector`;

  return {
    /** Entries in the given regions (all when undefined), or of one organisation. */
    async list(
      filter: { regionCodes?: readonly string[]; organisationId?: string } = {},
    ): Promise<GapEntry[]> {
      const parts = [sql`true`];
      if (filter.regionCodes)
        parts.push(
          filter.regionCodes.length
            ? sql`g.region_code in (${sql.join(
                filter.regionCodes.map((code) => sql`${code}`),
                sql`, `,
              )})`
            : sql`false`,
        );
      if (filter.organisationId) parts.push(sql`g.organisation_id = ${filter.organisationId}`);
      const rows = await queryRows<Omit<EntryRow, "organisation_name">>(
        deps.db,
        select(sql.join(parts, sql` and `)),
      );
      return (await named(rows)).map(toEntry);
    },
    async get(id: number): Promise<GapEntry | undefined> {
      const rows = await queryRows<Omit<EntryRow, "organisation_name">>(deps.db, select(sql`g.id = ${id}`));
      const [row] = await named(rows);
      return row ? toEntry(row) : undefined;
    },
    /** Makes an entry for a cell; a cell has at most one ("exists" when it has one already). */
    async create(entry: NewGapEntry, actor: AuditActor) {
      const now = clock();
      return deps.db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const [made] = await tx
          .insert(gapEntries)
          .values({ ...entry, status: "open", createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning({ id: gapEntries.id });
        if (!made) return { ok: false as const, problem: "exists" as const };
        await deps.audit.record(t, actor, {
          action: "gap.assign",
          subjectType: "gap",
          subjectId: made.id,
          detail: {
            region: entry.regionCode,
            step: entry.step,
            sector: entry.sector,
            organisation: entry.organisationId,
            decision: entry.decision,
            deadline: entry.deadline,
          },
        });
        return { ok: true as const, id: made.id };
      });
    },
    /** Changes an entry seen at `expectedVersion`; "conflict" when someone changed it since. */
    async update(id: number, change: GapChange, actor: AuditActor) {
      const now = clock();
      return deps.db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const [current] = await tx.select().from(gapEntries).where(eq(gapEntries.id, id));
        if (!current) return { ok: false as const, problem: "notFound" as const };
        if (current.version !== change.expectedVersion)
          return { ok: false as const, problem: "conflict" as const };
        const updated = await tx
          .update(gapEntries)
          .set({
            status: change.status,
            note: change.note,
            ...(change.assignment ?? {}),
            updatedAt: now,
            version: sql`${gapEntries.version} + 1`,
          })
          .where(and(eq(gapEntries.id, id), eq(gapEntries.version, change.expectedVersion)))
          .returning({ version: gapEntries.version });
        if (!updated.length) return { ok: false as const, problem: "conflict" as const };
        const changed: Record<string, unknown> = {};
        const before = current as Record<string, unknown>;
        const after: Record<string, unknown> = { status: change.status, ...(change.assignment ?? {}) };
        for (const [field, value] of Object.entries(after))
          if (before[field] !== value) changed[field] = { from: before[field], to: value };
        if (current.note !== change.note) changed.note = "changed";
        await deps.audit.record(t, actor, {
          action: "gap.update",
          subjectType: "gap",
          subjectId: id,
          detail: changed,
        });
        return { ok: true as const, version: updated[0]!.version };
      });
    },
  };
}

export type GapRegister = ReturnType<typeof createGapRegister>;
