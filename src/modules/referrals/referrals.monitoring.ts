import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { demoOrganisationIds, organisationStaffing } from "../auth/index.js";
import {
  ANSWERED_STATUSES,
  DELIVERY_ROUTES,
  type DeliveryReferralFigures,
  type HubFact,
  type LeadTimeMiddles,
  type OutcomeSource,
  type ReferralFact,
  type ReferralFigures,
  type TimeRange,
} from "../monitoring/index.js";
import { hubRows } from "./referrals.repository.js";

/**
 * The referrals module's facts for the monitor (ADRs 0062, 0066): hubs with their regions and active advisers, and
 * referrals without personal data (region, instrument, status, dates, outcome, decline reason), live or as figures
 * aggregated from the rollup table. No name, e-mail, KVK number or case id leaves this file.
 */
export function referralMonitoringFacts(db: Database) {
  return {
    /**
     * Every real hub: the regions of its organisation, its active advisers, whether it takes intakes. Demo hubs
     * (DEMO=1) never count toward a figure or a star, in demo mode too (ADR 0081).
     */
    async hubs(): Promise<HubFact[]> {
      const hubs = await hubRows.all(db);
      const staffing = new Map(
        (
          await organisationStaffing(
            db,
            hubs.map((hub) => hub.organisationId),
          )
        ).map((organisation) => [organisation.id, organisation]),
      );
      return hubs.flatMap((hub) => {
        const organisation = staffing.get(hub.organisationId);
        if (!organisation || organisation.isDemo) return [];
        return [
          {
            regionCodes: organisation.regionCodes,
            activeAdvisors: organisation.activeAdvisers,
            takesIntakes: hub.intakeOpen === 1,
          },
        ];
      });
    },

    /**
     * The demo organisations (DEMO=1): what they enter, such as a demo hub's own agenda events, never counts toward
     * a figure, a star or a goal, in demo mode too (ADR 0081).
     */
    demoOrganisationIds: () => demoOrganisationIds(db),

    /** Referrals created in [from, to), read live from the referrals tables (the reference for the rollup). */
    async referrals({ from, to }: TimeRange): Promise<ReferralFact[]> {
      const rows = await queryRows<{
        region_code: string;
        instrument_ref_id: string;
        status: string;
        created_at: string | Date;
        deadline_at: string | Date | null;
        outcome_at: string | Date | null;
        outcome: string | null;
        decline_reason: string | null;
        delivery: string | null;
      }>(db, sql`${factsSelect} where r.created_at >= ${from} and r.created_at < ${to}`);
      return rows.map((row) => ({
        regionCode: row.region_code,
        instrumentRefId: row.instrument_ref_id,
        status: row.status,
        createdAt: new Date(row.created_at),
        deadlineAt: row.deadline_at === null ? null : new Date(row.deadline_at),
        outcomeAt: row.outcome_at === null ? null : new Date(row.outcome_at),
        outcome: row.outcome,
        declineReason: row.decline_reason,
        delivery: row.delivery,
      }));
    },

    /**
     * The monitor's referral figures from the rollup `referral_monitor_facts`, aggregated in SQL so a page reads a
     * few rows (ADR 0066). The same numbers as `referralFiguresFromFacts` over `referrals` (tested).
     */
    figures: {
      async byRegion(range, now) {
        const since = new Date(now.getTime() - LOOP_WINDOW_MS);
        const inWindow = sql`f.created_at >= ${since} and f.created_at <= ${now}`;
        const rows = await queryRows<{
          region_code: string;
          judged: number;
          closed: number;
          outcomes: number;
          helped: number;
        }>(
          db,
          sql`select f.region_code,
                count(*) filter (where ${inWindow} and (f.outcome_at is not null or f.deadline_at < ${now}))::int
                  as judged,
                count(*) filter (where ${inWindow} and f.outcome_at is not null
                                   and (f.deadline_at is null or f.outcome_at <= f.deadline_at))::int as closed,
                count(*) filter (where f.outcome is not null)::int as outcomes,
                count(*) filter (where f.outcome = 'geholpen')::int as helped
              from referral_monitor_facts f
              where f.created_at >= ${range.from} and f.created_at < ${range.to}
              group by f.region_code`,
        );
        return rows.map((row) => ({
          regionCode: row.region_code,
          judged: row.judged,
          closedInTime: row.closed,
          outcomes: row.outcomes,
          helped: row.helped,
        }));
      },

      async byInstrument(range, regionCodes) {
        if (regionCodes.length === 0) return [];
        const where = sql`f.created_at >= ${range.from} and f.created_at < ${range.to}
          and f.region_code in (${sql.join(
            regionCodes.map((code) => sql`${code}`),
            sql`, `,
          )})`;
        const [rows, reasons] = await Promise.all([
          queryRows<{
            instrument_ref_id: string;
            referrals: number;
            outcomes: number;
            helped: number;
            lower_ms: string | number | null;
            upper_ms: string | number | null;
          }>(
            db,
            sql`select f.instrument_ref_id, count(*)::int as referrals,
                  count(f.lead_ms) filter (where f.outcome is not null)::int as outcomes,
                  count(f.lead_ms) filter (where f.outcome = 'geholpen')::int as helped,
                  ${middles(sql`f.outcome is not null`)}
                from referral_monitor_facts f where ${where}
                group by f.instrument_ref_id`,
          ),
          queryRows<{ instrument_ref_id: string; reason: string; count: number }>(
            db,
            sql`select f.instrument_ref_id, f.decline_reason as reason, count(*)::int as count
                from referral_monitor_facts f where ${where} and f.decline_reason is not null
                group by f.instrument_ref_id, f.decline_reason`,
          ),
        ]);
        return rows.map((row) => ({
          refId: row.instrument_ref_id,
          referrals: row.referrals,
          outcomes: row.outcomes,
          helped: row.helped,
          leadTime: toMiddles(row.outcomes, row.lower_ms, row.upper_ms),
          declineReasons: reasons
            .filter((reason) => reason.instrument_ref_id === row.instrument_ref_id)
            .map((reason) => ({ reason: reason.reason, count: reason.count })),
        }));
      },

      /** Sent, answered and helped per delivery route (ADR 0086), from the rollup; every route listed. */
      async byDelivery(range, regionCodes) {
        const regionFilter = regionCodes
          ? sql`and f.region_code in (${sql.join(
              regionCodes.map((code) => sql`${code}`),
              sql`, `,
            )})`
          : sql``;
        const answered = sql.join(
          ANSWERED_STATUSES.map((status) => sql`${status}`),
          sql`, `,
        );
        const rows = await queryRows<{ delivery: string; sent: number; answered: number; helped: number }>(
          db,
          sql`select coalesce(f.delivery, 'onbekend') as delivery, count(*)::int as sent,
                count(*) filter (where f.status in (${answered}))::int as answered,
                count(*) filter (where f.outcome = 'geholpen')::int as helped
              from referral_monitor_facts f
              where f.created_at >= ${range.from} and f.created_at < ${range.to} ${regionFilter}
              group by coalesce(f.delivery, 'onbekend')`,
        );
        return DELIVERY_ROUTES.map((delivery): DeliveryReferralFigures => {
          const row = rows.find((candidate) => candidate.delivery === delivery);
          return { delivery, sent: row?.sent ?? 0, answered: row?.answered ?? 0, helped: row?.helped ?? 0 };
        });
      },

      async helpedLeadTime(range, regionCodes) {
        const regionFilter = regionCodes
          ? sql`and f.region_code in (${sql.join(
              regionCodes.map((code) => sql`${code}`),
              sql`, `,
            )})`
          : sql``;
        const [row] = await queryRows<{
          count: number;
          lower_ms: string | number | null;
          upper_ms: string | number | null;
        }>(
          db,
          sql`select count(f.lead_ms)::int as count, ${middles(sql`true`)}
              from referral_monitor_facts f
              where f.created_at >= ${range.from} and f.created_at < ${range.to}
                and f.outcome = 'geholpen' ${regionFilter}`,
        );
        return toMiddles(row?.count ?? 0, row?.lower_ms ?? null, row?.upper_ms ?? null);
      },

      /**
       * Rewrites the rollup rows of referrals changed since `since`, and of any referral it does not hold yet
       * (restored or imported data). Idempotent: the job may run twice.
       */
      async refresh(since) {
        const upsert = (where: SQL) => sql`
          insert into referral_monitor_facts (referral_id, region_code, instrument_ref_id, status, created_at,
                                              deadline_at, outcome_at, outcome, decline_reason, lead_ms, delivery)
          select id, region_code, instrument_ref_id, status, created_at, deadline_at, outcome_at, outcome,
                 decline_reason, (extract(epoch from outcome_at - created_at) * 1000)::bigint, delivery
          from (${factsSelect} where ${where}) as facts
          on conflict (referral_id) do update set
            region_code = excluded.region_code, instrument_ref_id = excluded.instrument_ref_id,
            status = excluded.status, created_at = excluded.created_at, deadline_at = excluded.deadline_at,
            outcome_at = excluded.outcome_at, outcome = excluded.outcome, decline_reason = excluded.decline_reason,
            lead_ms = excluded.lead_ms, delivery = excluded.delivery`;
        // Two statements, so each can use its own plan: an index range on updated_at, and one anti-join.
        await db.execute(upsert(sql`r.updated_at >= ${since}`));
        await db.execute(
          upsert(sql`not exists (select 1 from referral_monitor_facts m where m.referral_id = r.id)`),
        );
      },
    } satisfies ReferralFigures,
  };
}

/** Loop closing judges the referrals of the 365 days before now (stars.ts). */
const LOOP_WINDOW_MS = 365 * 24 * 3600 * 1000;

/**
 * A referral as the monitor sees it. The outcome is the one a person recorded: afgerond_geholpen ("geholpen"),
 * afgewezen or geen_contact ("niet_geholpen"), at the time of that move. An expired referral (verlopen) has no
 * outcome: its deadline passed, so the loop did not close. A finished referral has no deadline left (the deadline
 * job would have expired it), so any recorded outcome counts as in time (ADR 0061). Times are cut to whole
 * milliseconds, as JavaScript dates hold them.
 */
const factsSelect = sql`
  select r.id, c.region_code, r.instrument_ref_id, r.status,
         date_trunc('milliseconds', r.created_at) as created_at,
         date_trunc('milliseconds', case when r.status = 'verlopen' then e.ended_at else r.due_at end) as deadline_at,
         date_trunc('milliseconds', case when r.status <> 'verlopen' and r.outcome is not null then e.ended_at end)
           as outcome_at,
         case when r.status <> 'verlopen' then r.outcome end as outcome,
         case when r.status = 'afgewezen' then r.reason_code end as decline_reason,
         r.delivery
  from referrals r
  join cases c on c.id = r.case_id
  left join lateral (
    select max(ev.occurred_at) as ended_at from referral_events ev
    where ev.referral_id = r.id and ev.to_status = r.status
  ) e on r.outcome is not null`;

/**
 * The two middle lead times of the rows matching `filter` that have one. percentile_disc(0.5) is the value at
 * position ceil(n/2); ordered descending, it is the one at floor(n/2) + 1: together the middles of an even count.
 */
const middles = (filter: SQL) => sql`
  percentile_disc(0.5) within group (order by f.lead_ms) filter (where ${filter}) as lower_ms,
  percentile_disc(0.5) within group (order by f.lead_ms desc) filter (where ${filter}) as upper_ms`;

const toMiddles = (
  count: number,
  lower: string | number | null,
  upper: string | number | null,
): LeadTimeMiddles | null =>
  count === 0 || lower === null || upper === null
    ? null
    : { count, lowerMs: Number(lower), upperMs: Number(upper) };

export type ReferralMonitoringFacts = ReturnType<typeof referralMonitoringFacts>;

/**
 * The outcomes of the measures recorded in dossiers (ADR 0095): kg material, kg CO2e and euros per region and basis
 * (geschat, gemeten), summed over measures recorded in [from, to). Measures in a demo hub's dossiers never count.
 * Sums and counts only: no description, case id or person leaves this function.
 */
export function measureOutcomes(db: Database): OutcomeSource {
  return async ({ from, to }) => {
    const demo = [...(await demoOrganisationIds(db))];
    const real = demo.length
      ? sql`c.hub_id not in (${sql.join(
          demo.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`true`;
    const rows = await queryRows<{
      region_code: string;
      basis: "geschat" | "gemeten";
      material_kg: number;
      co2e_kg: number;
      euro: number;
      measures: number;
    }>(
      db,
      sql`select c.region_code, m.basis,
                 coalesce(sum(m.material_kg), 0)::float8 as material_kg,
                 coalesce(sum(m.co2e_kg), 0)::float8 as co2e_kg,
                 coalesce(sum(m.euro), 0)::float8 as euro,
                 count(*)::int as measures
          from measures m
          join cases c on c.id = m.case_id
          where m.created_at >= ${from.toISOString()}::timestamptz and m.created_at < ${to.toISOString()}::timestamptz
            and ${real}
          group by c.region_code, m.basis`,
    );
    return rows.map((row) => ({
      regionCode: row.region_code,
      basis: row.basis,
      materialKg: Number(row.material_kg),
      co2eKg: Number(row.co2e_kg),
      euro: Number(row.euro),
      measures: row.measures,
    }));
  };
}
