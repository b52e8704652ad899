/**
 * npm run bench:places [-- --skip-pglite] [--skip-postgres] — the place look-up behind every municipality field
 * (ADR 0077): p50/p95/p99 of `geography.lookupPlace` over a few thousand real, suffixed, ambiguous and misspelled
 * names, after loading the geography from PGlite and from a scratch PostgreSQL database (BENCH_DATABASE_URL names
 * the server; dropped afterwards). For comparison it times the plain path the suggestions are held equal to:
 * pg_trgm's similarity() in the database, one query per misspelled name. Prints its figures; it is not a test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadTestSettings } from "../src/config/env.js";
import { type DatabaseHandle, openDatabase } from "../src/db/client.js";
import { readDataCsv } from "../src/db/data-files.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedReferenceData } from "../src/db/seed.js";
import {
  createRegionsRepository,
  type Geography,
  loadGeography,
  normaliseName,
} from "../src/modules/regions/index.js";
import { createScratchDatabase } from "../src/ops/service-process.js";

const { values: args } = parseArgs({
  options: {
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    rounds: { type: "string", default: "5" },
  },
});
const ROUNDS = Number(args.rounds);
const SQL_QUERIES = 300;

// A small deterministic generator, so every run measures the same names.
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

/** A typo as people make it: a letter left out, two swapped, or one wrong. */
function typo(name: string): string {
  const at = 1 + Math.floor(random() * Math.max(1, name.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1);
    case 1:
      return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1);
    default:
      return `${name.slice(0, at)}e${name.slice(at + 1)}`;
  }
}

/** 1,000 names of each kind: as people type them, with BAG suffixes, of several municipalities, misspelled. */
function nameSets() {
  const places = readDataCsv("reference/woonplaatsen.csv");
  const municipalities = readDataCsv("reference/municipalities.csv");
  const aliases = readDataCsv("reference/place-aliases.csv");
  const suffixed = places
    .map((row) => row.woonplaats!)
    .filter((name) => /[()]|\s(?:[A-Z]{1,3}|Gld|Gn|Ut|ca)$/.test(name));
  const byKey = new Map<string, Set<string>>();
  for (const row of places) {
    const key = normaliseName(
      row.woonplaats!.replace(/\s*\([^)]*\)$|\s(?:L|NB|Gld|GLD|Gn|GN|NH|Ut|AC|ca)$/, ""),
    );
    byKey.set(key, (byKey.get(key) ?? new Set()).add(row.gemeente_code!));
  }
  const ambiguous = [...byKey].filter(([, codes]) => codes.size > 1).map(([key]) => key);
  const real = [
    ...places.map((row) => row.woonplaats!),
    ...municipalities.map((row) => row.gm_name!),
    ...aliases.map((row) => row.name!),
  ];
  const cased = (name: string) => (random() < 0.5 ? name.toLowerCase() : name);
  const sets = {
    real: Array.from({ length: 1000 }, () => cased(pick(real))),
    suffixed: Array.from({ length: 1000 }, () => pick(suffixed)),
    ambiguous: Array.from({ length: 1000 }, () => cased(pick(ambiguous))),
    misspelled: Array.from({ length: 1000 }, () => typo(pick(real))),
  };
  return { sets, counts: { suffixed: suffixed.length, ambiguous: ambiguous.length } };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const line = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  console.log(
    `  ${label.padEnd(42)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1)!)}  (${sorted.length} look-ups)`,
  );
};

async function bench(engine: string, database: DatabaseHandle) {
  await migrateDatabase(database);
  await seedReferenceData(database.db);
  await database.db.execute(sql`analyze place_names`);
  const repository = createRegionsRepository(database.db);
  const loadStarted = performance.now();
  const geography: Geography = await loadGeography(repository);
  console.log(
    `\n${engine}: geography with place names loaded in ${(performance.now() - loadStarted).toFixed(0)} ms`,
  );

  seed = 7;
  const { sets, counts } = nameSets();
  const outcomes = new Map<string, number>();
  const all: number[] = [];
  const byKind: Record<string, number[]> = Object.fromEntries(Object.keys(sets).map((kind) => [kind, []]));
  for (const names of Object.values(sets)) for (const name of names) geography.lookupPlace(name); // warm-up
  for (let round = 0; round < ROUNDS; round++)
    for (const [kind, names] of Object.entries(sets)) {
      const times = byKind[kind]!;
      for (const name of names) {
        const started = performance.now();
        const result = geography.lookupPlace(name);
        const elapsed = performance.now() - started;
        times.push(elapsed);
        all.push(elapsed);
        if (round === 0)
          outcomes.set(`${kind} → ${result.kind}`, (outcomes.get(`${kind} → ${result.kind}`) ?? 0) + 1);
      }
    }
  console.log(
    `  names: 1,000 each of real (woonplaatsen, municipalities, aliases; half in lower case), suffixed (${counts.suffixed} BAG spellings), ambiguous (${counts.ambiguous} shared names), misspelled; ${ROUNDS} rounds`,
  );
  console.log(`  outcomes: ${[...outcomes].map(([key, count]) => `${key} ${count}`).join(", ")}`);
  line("lookupPlace, all names (in memory)", all);
  for (const [kind, times] of Object.entries(byKind)) line(`lookupPlace, ${kind}`, times);

  // The plain path: the same suggestions from pg_trgm in the database (repository.similarPlaceKeys).
  const misspelled = sets.misspelled.slice(0, SQL_QUERIES).map(normaliseName);
  for (const query of misspelled.slice(0, 20)) await repository.similarPlaceKeys(query, 3); // warm-up
  const sqlTimes: number[] = [];
  for (const query of misspelled) {
    const started = performance.now();
    await repository.similarPlaceKeys(query, 3);
    sqlTimes.push(performance.now() - started);
  }
  line(`pg_trgm similarity() query, misspelled`, sqlTimes);
}

console.log(
  `Place look-up benchmark (Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
if (!args["skip-pglite"]) {
  const dataDir = mkdtempSync(join(tmpdir(), "cl-bench-places-"));
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await bench("PGlite", database);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (!args["skip-postgres"]) {
  const scratch = await createScratchDatabase(loadTestSettings().benchDatabaseUrl, "cl_bench_places");
  const database = await openDatabase({ kind: "postgres", url: scratch.url });
  try {
    await bench("PostgreSQL", database);
  } finally {
    await database.close();
    await scratch.drop();
  }
}
console.log("\nfloor: the place look-up p95 <= 2 ms (issue 16)");
