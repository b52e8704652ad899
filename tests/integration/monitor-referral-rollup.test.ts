import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { type DatabaseHandle, queryRows } from "../../src/db/client.js";
import { seedDemoData } from "../../src/db/seed.js";
import { createJobWorker, enqueueJob } from "../../src/jobs/index.js";
import type { Area } from "../../src/modules/auth/index.js";
import {
  createMonitoringRepository,
  createMonitoringService,
  curatedFileSources,
  type MonitoringSources,
  referralFiguresFromFacts,
} from "../../src/modules/monitoring/index.js";
import { referralMonitoringFacts } from "../../src/modules/referrals/index.js";
import { createRegionsRepository, loadGeography } from "../../src/modules/regions/index.js";
import { silentLogger } from "../support/app.js";
import { describeEachDatabase } from "../support/database.js";
import { DEMO_PASSWORD } from "../support/workspace.js";

const now = new Date("2026-11-27T12:00:00Z");
const clock = () => now;
const day = 24 * 3600 * 1000;
// The areas whose figures a national and a provincial coordinator see exactly (the guard hands the service these).
const national: Area = { level: "national" };
const province: Area = { level: "province", code: "PV23" };

/**
 * The monitor's referral figures come from the referrals module's rollup table, aggregated in SQL (ADR 0066). They
 * must be the very numbers the pure aggregation gives over the live referral facts: stars and loop closing, goal
 * indicators, effectiveness with its medians and decline reasons, and the funnel's lead time, on both databases.
 */
/**
 * The demo seed and 700 referrals over 500 days in six regions and five instruments, prepared once; every test gets
 * its own copy (ADR 0090), since each runs the rollup and the first checks that the migration left it empty.
 */
async function referralHistory(handle: DatabaseHandle) {
  const db = handle.db;
  await seedDemoData(db, DEMO_PASSWORD);
  // 700 referrals over 500 days in six regions and five instruments, with every ending the monitor tells apart:
  // helped, declined with a reason, no contact, expired, running before or after its deadline. Times carry
  // microseconds (the database keeps them, JavaScript dates do not), lead times give odd and even counts.
  await db.execute(sql`
      insert into cases (public_token, hub_id, region_code, sbi_section, company_name, kvk_number, contact_name,
                         contact_email, question, status, due_at, created_at, updated_at)
      select 'rollup-' || i, 'hub-twente', (array['ES04','ES01','ES09','ES14','ES23','ES30'])[1 + i % 6], 'C',
             'Testbedrijf', '00000000', 'Test', 'test@example.invalid', 'Vraag', 'afgesloten', created, created, created
      from (select i, ${now}::timestamptz - (i * 37 % 500) * interval '1 day' - (i * 7919 % 86400000) * interval '1 ms'
                      - (i % 997) * interval '1 microsecond' as created
            from generate_series(1, 700) as i) as s`);
  await db.execute(sql`
      insert into referrals (case_id, instrument_ref_id, provider_id, message, status, reason_code, outcome, due_at,
                             created_at, updated_at)
      select c.id, (array['circo-track','rvo-wbso','vh-maatwerkondersteuning','rvo-mia-vamil-circulair','x'])[1 + c.n % 5],
        'rvo', '', s.status,
        case when s.status = 'afgewezen'
          then (array['niet_in_doelgroep','geen_capaciteit','buiten_regio','onvolledig','budget_op'])[1 + (c.n / 10) % 5] end,
        case when s.status = 'afgerond_geholpen' then 'geholpen'
             when s.status in ('afgewezen', 'geen_contact', 'verlopen') then 'niet_geholpen' end,
        case when s.status in ('in_behandeling', 'verstuurd') then c.created_at + (c.n % 40) * interval '1 day'
             when s.status = 'afgerond_geholpen' and c.n % 3 = 0 then c.created_at + interval '9 days' end,
        c.created_at, c.created_at
      from (select id, created_at, substr(public_token, 8)::int as n from cases where public_token like 'rollup-%') as c
      cross join lateral (select (array['afgerond_geholpen','afgerond_geholpen','afgerond_geholpen','afgewezen',
        'geen_contact','verlopen','in_behandeling','verstuurd','afgerond_geholpen','afgewezen'])[1 + c.n % 10]
        as status) as s`);
  // The move that ended each finished referral; a few helped ones without it (no outcome time known).
  await db.execute(sql`
      insert into referral_events (referral_id, from_status, to_status, occurred_at)
      select id, 'verstuurd', status,
             created_at + (id * 7 % 30) * interval '1 day' + (id * 104729 % 86400000) * interval '1 ms'
               + (id % 991) * interval '1 microsecond'
      from referrals where status not in ('in_behandeling', 'verstuurd') and id % 17 <> 0`);
}

describeEachDatabase(
  "referral rollup agrees with the live referral facts",
  (database) => {
    let reference: ReturnType<typeof createMonitoringService>;
    let rollup: ReturnType<typeof createMonitoringService>;
    let drainJobs: () => Promise<number>;
    const live = () => referralMonitoringFacts(database().db);

    beforeEach(async () => {
      const db = database().db;
      const geography = await loadGeography(createRegionsRepository(db));
      const repository = createMonitoringRepository(db);
      const base = curatedFileSources();
      const sources = (referralFigures: MonitoringSources["referralFigures"]): MonitoringSources => ({
        ...base,
        hubs: live().hubs,
        referralFigures,
      });
      reference = createMonitoringService({
        sources: sources(referralFiguresFromFacts(live().referrals)),
        geography,
        repository,
        clock,
      });
      rollup = createMonitoringService({ sources: sources(live().figures), geography, repository, clock });

      const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
      const background = await createBackgroundJobs({
        env,
        database: database(),
        logger: silentLogger,
        clock,
      });
      const worker = createJobWorker({ db, handlers: background.handlers, logger: silentLogger, clock });
      drainJobs = () => worker.drain();
    });

    const agree = async () => {
      expect(await rollup.overview()).toEqual(await reference.overview());
      for (const exactIn of [undefined, national, province])
        expect(await rollup.effectiveness(exactIn)).toEqual(await reference.effectiveness(exactIn));
      for (const query of [
        { from: "2025-11-27", to: "2026-11-27" },
        { from: "2026-01-01", to: "2026-06-30", regionCode: "ES04" },
        { from: "2026-09-01", to: "2026-09-01", regionCode: "ES09" },
        { from: "2024-01-01", to: "2026-12-31" },
      ])
        expect(await rollup.funnel(query, true)).toEqual(await reference.funnel(query, true));
      const year = { from: new Date(now.getTime() - 365 * day), to: now };
      const byCode = <T extends { regionCode: string }>(rows: T[]) =>
        [...rows].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
      expect(byCode(await live().figures.byRegion(year, now))).toEqual(
        byCode(await referralFiguresFromFacts(live().referrals).byRegion(year, now)),
      );
    };

    it("the migration's rollup is empty here, and the rollup job fills it with the live figures", async () => {
      const [before] = await queryRows<{ count: number }>(
        database().db,
        sql`select count(*)::int as count from referral_monitor_facts`,
      );
      expect(before!.count).toBe(0);
      // Referrals last changed long ago are picked up because the rollup does not hold them yet.
      await enqueueJob(database().db, "monitoring.rollup", { days: 2 }, { runAt: now });
      expect(await drainJobs()).toBeGreaterThanOrEqual(1);
      await agree();
      // The figures are not trivial: loop closing is judged, medians and decline reasons exist.
      const overview = await rollup.overview();
      expect(overview.filter((region) => region.star.loop.judged > 0)).toHaveLength(6);
      const effect = await rollup.effectiveness(national);
      expect(effect.rows.every((row) => row.medianDaysToOutcome !== null)).toBe(true);
      expect(effect.rows.some((row) => row.declineReasons.length > 1)).toBe(true);
      const funnel = await rollup.funnel({ from: "2025-11-27", to: "2026-11-27" }, true);
      expect(
        funnel.funnel.stages.find((stage) => stage.stage === "outcome_helped")!.leadTimeDays,
      ).not.toBeNull();
    });

    it("a referral that changes is counted anew at the next rollup, not before", async () => {
      const db = database().db;
      const [running] = await queryRows<{ id: number }>(
        db,
        sql`select r.id from referrals r join cases c on c.id = r.case_id
          where r.status = 'in_behandeling' and c.region_code = 'ES04' and r.created_at > ${new Date(now.getTime() - 100 * day)}
          order by r.id limit 1`,
      );
      const helpedAt = new Date(now.getTime() - 3600_000);
      await db.execute(sql`update referrals set status = 'afgerond_geholpen', outcome = 'geholpen', due_at = null,
                           updated_at = ${helpedAt} where id = ${running!.id}`);
      await db.execute(sql`insert into referral_events (referral_id, from_status, to_status, occurred_at)
                         values (${running!.id}, 'in_behandeling', 'afgerond_geholpen', ${helpedAt})`);
      const stale = await rollup.effectiveness(national);
      expect(stale).not.toEqual(await reference.effectiveness(national));

      await enqueueJob(
        db,
        "monitoring.rollup",
        { days: 2 },
        { runAt: now, dedupeKey: "rollup-after-change" },
      );
      expect(await drainJobs()).toBeGreaterThanOrEqual(1);
      await agree();
    });
  },
  { databasePerTest: referralHistory },
);
