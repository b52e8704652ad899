import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import type { Principal } from "../auth/index.js";
import { NATIONAL_QUEUE_ID } from "./referrals.lokets.js";
import { caseNotes, referralTasks } from "./referrals.tables.js";

/**
 * The adviser's follow-up tasks on referrals (ADR 0086). A warm handover gets one after WARM_HANDOVER_FOLLOW_UP_DAYS:
 * the adviser records what the provider answered. A referral whose deadline passed gets one due
 * EXPIRED_FOLLOW_UP_DAYS after expiry: refer again, call the provider, or close it with a reason.
 */
export const WARM_HANDOVER_FOLLOW_UP_DAYS = 5;
export const EXPIRED_FOLLOW_UP_DAYS = 5;
export type TaskKind = "warme_overdracht_opvolgen" | "verlopen_opvolgen";

/**
 * What completing a task records. For a warm handover the provider's answer becomes a transition the adviser makes
 * for the provider ("overdracht"); for an expired referral the adviser's choice is kept with the task.
 */
export const TASK_RESOLUTIONS: Record<TaskKind, readonly string[]> = {
  warme_overdracht_opvolgen: ["aanbieder_accepteert", "aanbieder_wijst_af", "geen_contact"],
  verlopen_opvolgen: ["opnieuw_verwijzen", "nabellen", "afsluiten"],
};
/** The transition a warm handover's resolution makes. */
export const HANDOVER_MOVES: Record<string, string> = {
  aanbieder_accepteert: "geaccepteerd",
  aanbieder_wijst_af: "afgewezen",
  geen_contact: "geen_contact",
};

const DAY_MS = 86_400_000;

export async function createTask(
  tx: Database,
  task: { caseId: number; referralId: number; kind: TaskKind; days: number },
  now: Date,
) {
  await tx.insert(referralTasks).values({
    caseId: task.caseId,
    referralId: task.referralId,
    kind: task.kind,
    dueAt: new Date(now.getTime() + task.days * DAY_MS),
    createdAt: now,
  });
}

/**
 * Ends the open warm-handover task of a referral that ended another way (withdrawn by the adviser, or expired):
 * resolution "afgehandeld", nobody's name. In the caller's transaction.
 */
export async function closeOpenHandoverTasks(tx: Database, referralId: number, now: Date) {
  await tx
    .update(referralTasks)
    .set({ doneAt: now, resolution: "afgehandeld" })
    .where(
      and(
        eq(referralTasks.referralId, referralId),
        eq(referralTasks.kind, "warme_overdracht_opvolgen"),
        isNull(referralTasks.doneAt),
      ),
    );
}

export type TaskRow = {
  id: number;
  caseId: number;
  referralId: number;
  kind: TaskKind;
  dueAt: Date;
  doneAt: Date | null;
  resolution: string | null;
  companyName: string;
  instrumentRefId: string;
  overdue: boolean;
};

type RawTask = {
  id: number;
  case_id: number;
  referral_id: number;
  kind: TaskKind;
  due_at: string | Date;
  done_at: string | Date | null;
  resolution: string | null;
  company_name: string;
  instrument_ref_id: string;
};

/** The dossiers of the adviser's hub regions, or of the national queue for a national coordinator (ADR 0081). */
const inQueue = (principal: Principal) => {
  const regions = principal.regionCodes.length
    ? sql.join(
        principal.regionCodes.map((code) => sql`${code}`),
        sql`, `,
      )
    : sql`null`;
  return principal.role === "coordinator"
    ? sql`c.hub_id = ${NATIONAL_QUEUE_ID}`
    : sql`c.region_code in (${regions}) and c.hub_id <> ${NATIONAL_QUEUE_ID}`;
};

export function createReferralTasks(deps: { db: Database; audit: AuditLog; clock: () => Date }) {
  const { db, audit, clock } = deps;
  const toRow = (row: RawTask, now: Date): TaskRow => ({
    id: row.id,
    caseId: row.case_id,
    referralId: row.referral_id,
    kind: row.kind,
    dueAt: new Date(row.due_at),
    doneAt: row.done_at === null ? null : new Date(row.done_at),
    resolution: row.resolution,
    companyName: row.company_name,
    instrumentRefId: row.instrument_ref_id,
    overdue: row.done_at === null && new Date(row.due_at).getTime() < now.getTime(),
  });
  const select = sql`select t.id, t.case_id, t.referral_id, t.kind, t.due_at, t.done_at, t.resolution,
                            c.company_name, r.instrument_ref_id
                       from referral_tasks t
                       join cases c on c.id = t.case_id
                       join referrals r on r.id = t.referral_id`;
  return {
    /** Open tasks in the adviser's queue (the hub's regions) or the national queue, soonest first. */
    async open(principal: Principal): Promise<TaskRow[]> {
      const now = clock();
      const rows = await queryRows<RawTask>(
        db,
        sql`${select} where t.done_at is null and ${inQueue(principal)} order by t.due_at, t.id limit 200`,
      );
      return rows.map((row) => toRow(row, now));
    },

    /** How many open tasks the adviser's queue (or the national queue) holds: the "Taken" tab shows it. */
    async count(principal: Principal): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from referral_tasks t join cases c on c.id = t.case_id
             where t.done_at is null and ${inQueue(principal)}`,
      );
      return row?.n ?? 0;
    },

    /** Every task of one referral, open ones first. */
    async forReferral(referralId: number): Promise<TaskRow[]> {
      const now = clock();
      const rows = await queryRows<RawTask>(
        db,
        sql`${select} where t.referral_id = ${referralId} order by t.done_at nulls first, t.id`,
      );
      return rows.map((row) => toRow(row, now));
    },

    /** The dossier and region of a task, for the guard. */
    async scope(taskId: number) {
      const [row] = await queryRows<{
        referral_id: number;
        case_id: number;
        region_code: string;
        hub_id: string;
        kind: TaskKind;
        done: boolean;
      }>(
        db,
        sql`select t.referral_id, t.case_id, c.region_code, c.hub_id, t.kind, t.done_at is not null as done
              from referral_tasks t join cases c on c.id = t.case_id where t.id = ${taskId}`,
      );
      return row
        ? {
            referralId: row.referral_id,
            caseId: row.case_id,
            regionCode: row.region_code,
            queue: row.hub_id === NATIONAL_QUEUE_ID ? ("national" as const) : ("regional" as const),
            kind: row.kind,
            done: row.done,
          }
        : undefined;
    },

    /**
     * Marks a task done with what happened, once: a second completion finds it done and changes nothing. The note
     * (if any) goes to the dossier's history as a note by the adviser.
     */
    async complete(
      taskId: number,
      resolution: string,
      note: string,
      principal: Principal,
      actor: AuditActor,
    ): Promise<boolean> {
      const now = clock();
      return db.transaction(async (tx) => {
        const done = await tx
          .update(referralTasks)
          .set({ doneAt: now, doneByUserId: principal.userId, resolution })
          .where(and(eq(referralTasks.id, taskId), isNull(referralTasks.doneAt)))
          .returning({ caseId: referralTasks.caseId, referralId: referralTasks.referralId });
        const row = done[0];
        if (!row) return false;
        if (note)
          await tx.insert(caseNotes).values({
            caseId: row.caseId,
            authorUserId: principal.userId,
            kind: "note",
            body: note,
            createdAt: now,
          });
        await audit.record(tx, actor, {
          action: "referral_task.complete",
          subjectType: "referral",
          subjectId: row.referralId,
          detail: { task: taskId, resolution },
        });
        return true;
      });
    },
  };
}

export type ReferralTasks = ReturnType<typeof createReferralTasks>;
