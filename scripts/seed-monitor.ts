/**
 * Fills a separate PostgreSQL database with monitor data at scale: 1,000,000 journey events and 100,000 referral
 * facts over the last two years, then builds the daily rollup. Usage:
 *   npm run seed:monitor -- --database-url postgres://postgres@127.0.0.1:5432/postgres [--name circulair_monitor_bench]
 * The URL names the server; the script (re)creates the database given by --name on it.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedReferenceData } from "../src/db/seed.js";
import { createMonitoringRepository } from "../src/modules/monitoring/index.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    name: { type: "string", default: "circulair_monitor_bench" },
    events: { type: "string", default: "1000000" },
    referrals: { type: "string", default: "100000" },
  },
});
const serverUrl = values["database-url"];
if (!serverUrl) {
  console.error("Give the PostgreSQL server: --database-url postgres://user@host:5432/postgres");
  process.exit(1);
}
const name = values.name!;
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("--name must be a plain lower-case identifier");
const eventCount = Number(values.events);
const referralCount = Number(values.referrals);

const started = performance.now();
const step = (label: string) =>
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s  ${label}`);

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: "postgres", url: url.toString() });
await migrateDatabase(database);
await seedReferenceData(database.db);
step(`database ${name} created, migrated and loaded with reference data`);

const db = database.db;
// Journey events: types in funnel proportions, a third with a campaign source, spread over two years and 30 regions.
await db.execute(sql`
  insert into journey_events (type, region_code, sbi_section, source, occurred_at)
  select
    case
      when r < 0.55 then 'route_shown' when r < 0.75 then 'scan_completed' when r < 0.85 then 'intake_requested'
      when r < 0.91 then 'case_opened' when r < 0.96 then 'referral_sent' when r < 0.985 then 'outcome_helped'
      else 'measure_recorded' end,
    'ES' || lpad((1 + (i % 30))::text, 2, '0'),
    (array['A','C','F','G','I','M','N','S'])[1 + (i % 8)],
    (array[null, null, 'nieuwsbrief', 'linkedin', 'beurs', null])[1 + (i % 6)],
    now() - (random() * interval '730 days')
  from (select i, random() as r from generate_series(1, ${eventCount}) as i) as s`);
step(`${eventCount.toLocaleString("en")} journey events`);

// Referral facts: the stand-in for the referrals module's table, read through sqlReferralSource.
await db.execute(sql`
  create table if not exists referral_facts (
    id bigserial primary key, region_code text not null, instrument_ref_id text not null, status text not null,
    created_at timestamptz not null, deadline_at timestamptz, outcome_at timestamptz, outcome text,
    decline_reason text)`);
await db.execute(sql`
  insert into referral_facts (region_code, instrument_ref_id, status, created_at, deadline_at, outcome_at, outcome,
                              decline_reason)
  select region_code, instrument, 
    case when r < 0.6 then 'afgerond_geholpen' when r < 0.75 then 'afgewezen' when r < 0.85 then 'verlopen'
         else 'in_behandeling' end,
    created, created + interval '42 days',
    case when r < 0.75 then created + (random() * interval '60 days') end,
    case when r < 0.6 then 'geholpen' when r < 0.75 then 'niet_geholpen' end,
    case when r >= 0.6 and r < 0.75
      then (array['niet_in_doelgroep','geen_capaciteit','buiten_regio','onvolledig','budget_op'])[1 + (i % 5)] end
  from (
    select i, random() as r, now() - (random() * interval '730 days') as created,
      'ES' || lpad((1 + (i % 30))::text, 2, '0') as region_code,
      (array['vh-maatwerkondersteuning','circo-track','rvo-mia-vamil-circulair','overijssel-mkb-basisinfrastructuur',
             'route-circulair-volwassenheidsmeting','rvo-wbso','buyer-groups-circulair-inkopen'])[1 + (i % 7)]
        as instrument
    from generate_series(1, ${referralCount}) as i) as s`);
await db.execute(sql`create index if not exists referral_facts_created_idx on referral_facts (created_at)`);
step(`${referralCount.toLocaleString("en")} referral facts`);

await createMonitoringRepository(db).rollupJourneyEvents("2000-01-01");
await db.execute(sql`analyze`);
step("daily rollup built and statistics updated");
console.log(`Done. Benchmark with: npm run bench:monitor -- --database-url ${url.toString()}`);
await database.close();
