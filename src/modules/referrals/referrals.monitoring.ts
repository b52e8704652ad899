import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { HubFact, ReferralFact } from "../monitoring/index.js";

/**
 * The referrals module's facts for the monitor (ADR 0062): hubs with their regions and active advisers, and
 * referrals without personal data (region, instrument, status, dates, outcome, decline reason). No name, e-mail,
 * KVK number or case id leaves this file. Each is one SQL query; the composition root caches the referral facts.
 */
export function referralMonitoringFacts(db: Database) {
  return {
    /** Every hub: the regions of its organisation, its active advisers, whether it takes intakes. */
    async hubs(): Promise<HubFact[]> {
      const rows = await queryRows<{ region_codes: string[]; advisers: number; intake_open: number }>(
        db,
        sql`select o.region_codes, h.intake_open,
                   count(u.id) filter (where u.active and u.role = 'adviseur')::int as advisers
            from hubs h
            join organisations o on o.id = h.organisation_id
            left join users u on u.organisation_id = o.id
            group by o.id, o.region_codes, h.intake_open`,
      );
      return rows.map((row) => ({
        regionCodes: row.region_codes,
        activeAdvisors: row.advisers,
        takesIntakes: row.intake_open === 1,
      }));
    },

    /**
     * Referrals created in [from, to). The outcome is the one a person recorded: afgerond_geholpen ("geholpen"),
     * afgewezen or geen_contact ("niet_geholpen"), at the time of that move. An expired referral (verlopen) has no
     * outcome: its deadline passed, so the loop did not close. A finished referral has no deadline left (the
     * deadline job would have expired it), so any recorded outcome counts as in time (ADR 0061).
     */
    async referrals({ from, to }: { from: Date; to: Date }): Promise<ReferralFact[]> {
      const rows = await queryRows<{
        region_code: string;
        instrument_ref_id: string;
        status: string;
        created_at: string | Date;
        deadline_at: string | Date | null;
        outcome_at: string | Date | null;
        outcome: string | null;
        decline_reason: string | null;
      }>(
        db,
        sql`select c.region_code, r.instrument_ref_id, r.status, r.created_at,
                   case when r.status = 'verlopen' then e.ended_at else r.due_at end as deadline_at,
                   case when r.status <> 'verlopen' and r.outcome is not null then e.ended_at end as outcome_at,
                   case when r.status <> 'verlopen' then r.outcome end as outcome,
                   case when r.status = 'afgewezen' then r.reason_code end as decline_reason
            from referrals r
            join cases c on c.id = r.case_id
            left join lateral (
              select max(ev.occurred_at) as ended_at from referral_events ev
              where ev.referral_id = r.id and ev.to_status = r.status
            ) e on r.outcome is not null
            where r.created_at >= ${from} and r.created_at < ${to}`,
      );
      return rows.map((row) => ({
        regionCode: row.region_code,
        instrumentRefId: row.instrument_ref_id,
        status: row.status,
        createdAt: new Date(row.created_at),
        deadlineAt: row.deadline_at === null ? null : new Date(row.deadline_at),
        outcomeAt: row.outcome_at === null ? null : new Date(row.outcome_at),
        outcome: row.outcome,
        declineReason: row.decline_reason,
      }));
    },
  };
}

export type ReferralMonitoringFacts = ReturnType<typeof referralMonitoringFacts>;
