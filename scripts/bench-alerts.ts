/**
 * npm run bench:alerts [-- --subscriptions N] [--instruments N] [--digest-batches N] — ADR 0092's figures, printed;
 * not a test.
 *
 * On an in-memory PGlite and, when DATABASE_URL names a PostgreSQL server, on a scratch database there (dropped
 * afterwards): 100,000 confirmed subscriptions (each its own address; kinds, instruments, places, sectors and phases
 * spread evenly), a catalogue of 5,000 instruments and 300 upcoming events that the job has seen, then one day's
 * changes — busy (default): 20 schemes open, 30 deadlines fall within 14 days, 10 new instruments, 10 new events;
 * --day heavy: 100, 150, 50 and 40. Prints the time of
 * the alert job's match (the set-based INSERT … SELECT per change kind, budget 60 s), the items it filed, the time of
 * the first digest batches through the real outbox, and the process's RSS.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadEnv } from "../src/config/env.js";
import { type Database, type DatabaseHandle, openDatabase, queryRows } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import {
  createAlertsService,
  type EventFact,
  type InstrumentFact,
  matchChanges,
} from "../src/modules/alerts/index.js";
import { queueMail } from "../src/modules/referrals/index.js";
import { JOURNEY_STEPS, KINDS, PHASES } from "../src/modules/vocabulary/index.js";
import { createScratchDatabase } from "../src/ops/service-process.js";
import { absoluteUrlOn } from "../src/web/links.js";

const { values: args } = parseArgs({
  options: {
    subscriptions: { type: "string", default: "100000" },
    instruments: { type: "string", default: "5000" },
    "digest-batches": { type: "string", default: "4" },
    /** "pglite", "postgres" or "both" (default; PostgreSQL only when DATABASE_URL is set). */
    engine: { type: "string", default: "both" },
    /** "busy": 20 opened, 30 deadlines, 10 new instruments, 10 new events; "heavy": 100, 150, 50, 40. */
    day: { type: "string", default: "busy" },
  },
});
const SUBSCRIPTIONS = Number(args.subscriptions);
const INSTRUMENTS = Number(args.instruments);
const DIGEST_BATCHES = Number(args["digest-batches"]);
const DAY = 86_400_000;
const SECTIONS = "ABCDEFGHIJKLMNOPQRS".split("");
/** 30 regions in 12 provinces, as area keys. */
const REGIONS = Array.from({ length: 30 }, (_, index) => ({
  region: `RG${String(index).padStart(2, "0")}`,
  province: `PV${String(index % 12).padStart(2, "0")}`,
}));
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** A deterministic spread, so both engines get the same data. */
const pickOf = <T>(list: readonly T[], n: number) => list[n % list.length]!;

function catalogue(day0: Date): { instruments: InstrumentFact[]; events: EventFact[] } {
  const instruments: InstrumentFact[] = Array.from({ length: INSTRUMENTS }, (_, n) => {
    const area = pickOf(REGIONS, n * 7);
    return {
      refId: `bench-${n}`,
      slug: `bench-${n}`,
      name: { nl: `Regeling ${n}`, en: `Scheme ${n}` },
      status: n % 3 === 0 ? "gesloten" : n % 3 === 1 ? "verwacht" : "doorlopend",
      windowClose: null,
      kind: pickOf(KINDS, n),
      coverageKeys: n % 4 === 0 ? ["NL"] : n % 4 === 1 ? [area.province] : [area.region],
      sbiSections: n % 2 === 0 ? [] : [pickOf(SECTIONS, n), pickOf(SECTIONS, n + 5)],
      journeySteps: [pickOf(JOURNEY_STEPS, n), pickOf(JOURNEY_STEPS, n + 1)],
      phases: n % 5 === 0 ? [...PHASES] : [pickOf(PHASES, n)],
    };
  });
  const events: EventFact[] = Array.from({ length: 300 }, (_, n) => ({
    slug: `bench-event-${n}`,
    title: { nl: `Bijeenkomst ${n}`, en: `Event ${n}` },
    startsAt: new Date(day0.getTime() + (10 + (n % 60)) * DAY),
    regionCode: n % 5 === 0 ? null : pickOf(REGIONS, n).region,
    instrumentRefId: n % 3 === 0 ? `bench-${n}` : null,
  }));
  return { instruments, events };
}

/** The day's changes (see --day). */
const DAY_CHANGES =
  args.day === "heavy"
    ? { opened: 100, deadlines: 150, added: 50, events: 40 }
    : { opened: 20, deadlines: 30, added: 10, events: 10 };

function nextDay(before: ReturnType<typeof catalogue>, day1: Date) {
  const close = new Date(day1.getTime() + 9 * DAY).toISOString().slice(0, 10);
  const instruments = before.instruments.map((instrument, n) => {
    if (instrument.status === "gesloten" && n < DAY_CHANGES.opened * 3)
      return { ...instrument, status: "open", windowClose: "2027-12-31" };
    if (instrument.status === "doorlopend" && n >= 1000 && n < 1000 + DAY_CHANGES.deadlines * 3)
      return { ...instrument, status: "open", windowClose: close };
    return instrument;
  });
  const added = Array.from({ length: DAY_CHANGES.added }, (_, n) => ({
    ...before.instruments[n * 13]!,
    refId: `bench-new-${n}`,
    slug: `bench-new-${n}`,
    status: "doorlopend",
  }));
  const events = [
    ...before.events,
    ...Array.from({ length: DAY_CHANGES.events }, (_, n) => ({
      slug: `bench-new-event-${n}`,
      title: { nl: `Nieuwe bijeenkomst ${n}`, en: `New event ${n}` },
      startsAt: new Date(day1.getTime() + 20 * DAY),
      regionCode: n % 4 === 0 ? null : pickOf(REGIONS, n * 3).region,
      instrumentRefId: null,
    })),
  ];
  return { instruments: [...instruments, ...added], events };
}

async function subscribe(db: Database, day0: Date) {
  // One address per subscription: the worst case for the digest.
  await db.execute(
    sql`insert into alert_subscribers (email, lang, unsubscribe_token, created_at)
        select 'bench-' || n || '@bench.invalid', case when n % 4 = 0 then 'en' else 'nl' end,
               md5('u' || n) || md5('t' || n), ${day0}
        from generate_series(1, ${SUBSCRIPTIONS}) as n`,
  );
  // The same spread as REGIONS (region i lies in province i % 12), SECTIONS (A–S) and PHASES.
  await db.execute(
    sql`insert into alert_subscriptions (subscriber_id, kind, instrument_ref, area_keys, region_code, sector,
          sbi_section, step, phase, confirmed_at, created_at)
        select r.id,
               (array['opent','deadline','nieuw_aanbod','bijeenkomst'])[1 + r.id % 4],
               case when r.id % 4 in (0, 1) then 'bench-' || ((r.id * 7) % ${INSTRUMENTS}) end,
               case when r.id % 4 in (2, 3)
                 then array['NL', 'PV' || lpad(((r.id % 30) % 12)::text, 2, '0'), 'RG' || lpad((r.id % 30)::text, 2, '0')]
                 else '{}'::text[] end,
               case when r.id % 4 in (2, 3) then 'RG' || lpad((r.id % 30)::text, 2, '0') end,
               chr(65 + (r.id % 19)::int), chr(65 + (r.id % 19)::int),
               null, case when r.id % 3 = 0 then (array['starter','peloton','koploper'])[1 + (r.id / 3) % 3] end,
               ${day0}, ${day0}
        from alert_subscribers r`,
  );
}

async function run(label: string, database: DatabaseHandle) {
  await migrateDatabase(database);
  const db = database.db;
  const day0 = new Date("2026-12-01T06:00:00Z");
  const day1 = new Date(day0.getTime() + DAY);
  let started = performance.now();
  await subscribe(db, day0);
  const setup = performance.now() - started;
  const before = catalogue(day0);
  await db.transaction(async (tx) => {
    await matchChanges(tx as unknown as Database, day0, before.instruments, before.events);
  });
  const after = nextDay(before, day1);
  started = performance.now();
  const counts = await db.transaction(async (tx) =>
    matchChanges(tx as unknown as Database, day1, after.instruments, after.events),
  );
  const matchSeconds = (performance.now() - started) / 1000;
  const [pending] = await queryRows<{ items: number; subscribers: number }>(
    db,
    sql`select count(*)::int as items, count(distinct s.subscriber_id)::int as subscribers
        from alert_items i join alert_subscriptions s on s.id = i.subscription_id where i.sent_at is null`,
  );
  const rssAfterMatch = process.memoryUsage().rss;

  const alerts = createAlertsService({
    db,
    clock: () => day1,
    absoluteUrl: absoluteUrlOn("https://circulair-loket.nl"),
    queueMail: async (tx, mail) => void (await queueMail(tx, mail, day1)),
    facts: async () => after,
  });
  let digests = 0;
  started = performance.now();
  for (let batch = 0; batch < DIGEST_BATCHES; batch++) {
    const result = await db.transaction(async (tx) => alerts.sendDigests(tx as unknown as Database, day1));
    digests += result.sent;
    if (!result.more) break;
  }
  const digestSeconds = (performance.now() - started) / 1000;
  console.log(
    [
      `${label}, ${args.day} day: ${SUBSCRIPTIONS.toLocaleString("en")} confirmed subscriptions (set up in ${(setup / 1000).toFixed(1)} s), ${INSTRUMENTS.toLocaleString("en")} instruments, 300 events`,
      `  day's changes: ${counts.opens} opened, ${counts.deadlines} deadlines within 14 days, ${counts.news} new instruments, ${counts.events} new events`,
      `  match: ${matchSeconds.toFixed(2)} s (budget 60 s) — ${counts.items.toLocaleString("en")} items filed for ${pending!.subscribers.toLocaleString("en")} addresses — ${matchSeconds < 60 ? "within budget" : "OVER BUDGET"}`,
      `  digests: ${digests.toLocaleString("en")} mails queued in the outbox in ${digestSeconds.toFixed(2)} s (${(digests / digestSeconds).toFixed(0)} per second; ${DIGEST_BATCHES} batches of at most 500)`,
      `  RSS after match: ${mb(rssAfterMatch)}; at the end: ${mb(process.memoryUsage().rss)}`,
    ].join("\n"),
  );
}

if (args.engine !== "postgres") {
  const pglite = await openDatabase({ kind: "pglite" });
  try {
    await run("PGlite (in memory)", pglite);
  } finally {
    await pglite.close();
  }
}
const serverUrl = args.engine === "pglite" ? undefined : loadEnv().databaseUrl;
if (serverUrl) {
  const scratch = await createScratchDatabase(serverUrl, "bench_alerts");
  const postgres = await openDatabase({ kind: "postgres", url: scratch.url });
  try {
    await run(`PostgreSQL (scratch database ${scratch.name})`, postgres);
  } finally {
    await postgres.close();
    await scratch.drop();
  }
} else {
  console.log("PostgreSQL: skipped (set DATABASE_URL to a server to run it there too)");
}
