/**
 * Fills a separate PostgreSQL database with monitor data at scale: 1,000,000 journey events and 100,000 referrals
 * (in the referrals module's tables) over the last two years, then builds the journey and referral rollups. Usage:
 *   npm run seed:monitor -- --database-url postgres://postgres@127.0.0.1:5432/postgres [--name circulair_monitor_bench]
 * The URL names the server; the script (re)creates the database given by --name on it.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedDatabase } from "../src/db/seed.js";
import { createMonitoringRepository } from "../src/modules/monitoring/index.js";
import { referralMonitoringFacts } from "../src/modules/referrals/index.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    name: { type: "string", default: "circulair_monitor_bench" },
    events: { type: "string", default: "1000000" },
    referrals: { type: "string", default: "100000" },
    demand: { type: "string", default: "50000" },
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
const demandCount = Number(values.demand);

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
// What the service loads at start: reference data, curated knowledge and catalogue (the monitor's coverage counts the
// catalogue's instruments, its stars the agenda's events), and the demo hubs and advisers.
await seedDatabase(database.db, {
  demo: true,
  demoPassword: "benchmark-only-demo-password",
  exampleEventsFrom: new Date(),
});
step(`database ${name} created, migrated and loaded with reference data, curated content and demo hubs`);

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

// Referrals in the referrals module's own tables, read by the app's real monitor sources: one dossier per referral
// at the demo hub (synthetic placeholders, no real person), the referral with its final status and the status
// event that ended it.
await db.execute(sql`
  insert into cases (public_token, hub_id, region_code, sbi_section, source, company_name, kvk_number, contact_name,
                     contact_email, question, status, due_at, created_at, updated_at)
  select 'bench-' || i, 'hub-twente', 'ES' || lpad((1 + (i % 30))::text, 2, '0'),
    (array['A','C','F','G','I','M','N','S'])[1 + (i % 8)],
    (array[null, null, 'nieuwsbrief', 'linkedin', 'beurs', null])[1 + (i % 6)],
    'Benchmarkbedrijf', '00000000', 'Benchmark', 'benchmark@example.invalid', 'Benchmarkvraag', 'afgesloten',
    created + interval '30 days', created, created
  from (select i, now() - (random() * interval '730 days') as created
        from generate_series(1, ${referralCount}) as i) as s`);
await db.execute(sql`
  insert into referrals (case_id, instrument_ref_id, provider_id, message, status, reason_code, outcome, due_at,
                         created_at, updated_at)
  select id, instrument, 'rvo', '', status,
    case when status = 'afgewezen'
      then (array['niet_in_doelgroep','geen_capaciteit','buiten_regio','onvolledig','budget_op'])[1 + (id % 5)] end,
    case when status = 'afgerond_geholpen' then 'geholpen'
         when status in ('afgewezen', 'verlopen') then 'niet_geholpen' end,
    case when status = 'in_behandeling' then created_at + interval '20 days' end,
    created_at, created_at + (random() * interval '60 days')
  from (
    select c.id, c.created_at,
      case when r < 0.6 then 'afgerond_geholpen' when r < 0.75 then 'afgewezen' when r < 0.85 then 'verlopen'
           else 'in_behandeling' end as status,
      (array['vh-maatwerkondersteuning','circo-track','rvo-mia-vamil-circulair','overijssel-mkb-basisinfrastructuur',
             'route-circulair-volwassenheidsmeting','rvo-wbso','buyer-groups-circulair-inkopen'])[1 + (c.id % 7)]
        as instrument
    from (select id, created_at, random() as r from cases where public_token like 'bench-%') as c) as s`);
await db.execute(sql`
  insert into referral_events (referral_id, from_status, to_status, occurred_at)
  select id, 'verstuurd', status, updated_at from referrals where status <> 'in_behandeling'`);
step(`${referralCount.toLocaleString("en")} dossiers with a referral each, and their final status events`);

// Unmet demand (ADR 0094): every source, step and sector, over the last year and 30 regions.
await db.execute(sql`
  insert into demand_records (region_code, sector, step, phase, help, source, day)
  select 'ES' || lpad((1 + (i % 30))::text, 2, '0'),
    (array['A','C','F','G','I','M','N','S', null])[1 + (i % 9)],
    (array['informeren','inspireren','kansen_identificeren','invoering','verankering','ketensamenwerking'])[1 + (i % 6)],
    (array['starter','peloton','koploper', null])[1 + (i % 4)],
    (array['advies','financiering','partners', null])[1 + (i % 4)],
    (array['route','search','intake_no_offer','decline_capacity','decline_fit'])[1 + (i % 5)],
    (now() - (random() * interval '365 days'))::date
  from generate_series(1, ${demandCount}) as i`);
step(`${demandCount.toLocaleString("en")} demand records`);

await createMonitoringRepository(db).rollupJourneyEvents("2000-01-01");
await referralMonitoringFacts(db).figures.refresh(new Date(0));
await db.execute(sql`analyze`);
step("daily journey rollup and referral rollup built, statistics updated");
console.log(`Done. Benchmark with: npm run bench:monitor -- --database-url ${url.toString()}`);
await database.close();
