import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";
import { createRegionsRepository, loadGeography } from "../regions/index.js";
import { createCatalogueRepository } from "./catalogue.repository.js";
import { buildSearchIndex, type IndexRow, type IndexSearchInput } from "./catalogue.search-index.js";
import { createCatalogueService } from "./catalogue.service.js";
import { parseTsquery, parseTsvector } from "./catalogue.tsquery.js";

describe("reading PostgreSQL's text-search output", () => {
  it("reads a tsvector's lexemes with the weight of every position", () => {
    expect(parseTsvector(`'houtrecycl':2A,4A,16B 'kennis':61 'o''neill':3C 'bare'`)).toEqual([
      { lexeme: "houtrecycl", weights: [3, 3, 2] },
      { lexeme: "kennis", weights: [0] },
      { lexeme: "o'neill", weights: [1] },
      { lexeme: "bare", weights: [0] },
    ]);
  });

  it("reads a tsquery with prefixes, precedence, negation and phrases", () => {
    expect(parseTsquery(`'subsidi':* | 'ket':* & 'samenwerk':*`)).toEqual({
      op: "or",
      children: [
        { op: "lexeme", lexeme: "subsidi", prefix: true },
        {
          op: "and",
          children: [
            { op: "lexeme", lexeme: "ket", prefix: true },
            { op: "lexeme", lexeme: "samenwerk", prefix: true },
          ],
        },
      ],
    });
    expect(parseTsquery(`!( 'a' | 'b' ) & 'e' <-> 'wast'`)).toEqual({
      op: "and",
      children: [
        {
          op: "not",
          child: {
            op: "or",
            children: [
              { op: "lexeme", lexeme: "a", prefix: false },
              { op: "lexeme", lexeme: "b", prefix: false },
            ],
          },
        },
        { op: "lexeme", lexeme: "e", prefix: false },
        { op: "lexeme", lexeme: "wast", prefix: false },
      ],
    });
    expect(parseTsquery("")).toBeUndefined();
    expect(() => parseTsquery(`( 'a'`)).toThrow(/unbalanced/);
  });
});

// Query texts as the planner writes them: one word, alternatives, AND within an alternative, prefixes, negation.
const QUERY_TEXTS = [
  "subsidie:*",
  "subsidies:* | subsidie:*",
  "(keten:* & samenwerking:*) | ketensamenwerking:*",
  "textiel:* & recycling:*",
  "circulair:* & !subsidie:*",
  "voucher:* | innovatievoucher:*",
  "grondstof:* | grondstoffen:*",
  "haalbaarheidsstudie:* | haalbaarheid:*",
  "bouw & beton:*",
  "mkb",
];

describeEachDatabase("the in-memory search index agrees with PostgreSQL", (database) => {
  let rows: IndexRow[];
  const input = (
    terms: IndexSearchInput["terms"],
    extra: Partial<IndexSearchInput> = {},
  ): IndexSearchInput => ({
    lang: "nl",
    terms,
    minimumMatch: terms.length,
    filters: {},
    sort: "relevance",
    limit: 100,
    offset: 0,
    withFacets: true,
    today: "2026-11-28",
    includeSynthetic: false,
    ...extra,
  });

  beforeAll(async () => {
    rows = await createCatalogueRepository(database().db).loadIndexRows();
  });

  it.each(QUERY_TEXTS)("matches and ranks %s as @@ and ts_rank do", async (text) => {
    const repository = createCatalogueRepository(database().db);
    const stemmed = (await repository.stemQueries("nl", [text])).get(text)!;
    // The index ranks as PostgreSQL's calc_rank_or (ADR 0067). ts_rank itself switches to calc_rank_and when the
    // query's top operator is AND, which weighs only the distance from the last lexeme a prefix matches to the other
    // terms: it put Stichting UPV Textiel, "textiel" in its name, a thousand times below a scheme that names textiles
    // once (issue 17). So the order is compared with ts_rank of the query ORed with a word no instrument has: the
    // same calc_rank_or, divided by one more operand for every document alike, so in the same order.
    const ored = `(${text}) | qqzzqqzz`;
    const expected = await queryRows<{ ref_id: string; rank: number }>(
      database().db,
      sql`select ref_id, ts_rank(search_nl, to_tsquery('cl_dutch', ${ored})) as rank
        from catalogue_instruments where search_nl @@ to_tsquery('cl_dutch', ${text}) order by ref_id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const result = buildSearchIndex(rows).search(input([parseTsquery(stemmed)]));
    const found = new Map(result.items.map((item, place) => [item.ref_id, place]));
    expect([...found.keys()].sort()).toEqual(expected.map((row) => row.ref_id));
    // Ranked in ts_rank's order (ties may fall either way).
    const byRank = [...expected].sort((a, b) => b.rank - a.rank);
    for (let at = 1; at < byRank.length; at++)
      if (byRank[at - 1]!.rank > byRank[at]!.rank + 1e-6)
        expect(found.get(byRank[at - 1]!.ref_id)!).toBeLessThan(found.get(byRank[at]!.ref_id)!);
  });

  it("counts facets and filters as the SQL it replaced: other facets' filters apply, its own does not", async () => {
    const result = buildSearchIndex(rows).search(
      input([], { filters: { phase: ["peloton"], kind: ["subsidy"], areaKeys: ["NL", "EU", "PV21"] } }),
    );
    const counts = await queryRows<{ facet: string; value: string; count: number }>(
      database().db,
      sql`with base as (select * from catalogue_instruments where not synthetic
            and coverage_keys && array['NL','EU','PV21']::text[])
          select 'phase' as facet, v as value, count(*)::int as count from base, unnest(phases) v
            where kind = 'subsidy' group by v
          union all select 'kind', kind, count(*)::int from base where phases && array['peloton']::text[] group by kind
          union all select 'theme', v, count(*)::int from base, unnest(themes) v
            where kind = 'subsidy' and phases && array['peloton']::text[] group by v`,
    );
    const facets = result.facets.filter((facet) => ["phase", "kind", "theme"].includes(facet.facet));
    const key = (f: { facet: string; value: string }) => `${f.facet}=${f.value}`;
    expect(facets.map((f) => `${key(f)}:${f.count}`).sort()).toEqual(
      counts.map((f) => `${key(f)}:${f.count}`).sort(),
    );
    const [total] = await queryRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from catalogue_instruments where not synthetic and kind = 'subsidy'
        and phases && array['peloton']::text[] and coverage_keys && array['NL','EU','PV21']::text[]`,
    );
    expect(result.total).toBe(total!.n);
    expect(result.total).toBeGreaterThan(0);
  });

  it("pages through every result once, in the same order as one long page", () => {
    const index = buildSearchIndex(rows);
    const all = index.search(input([], { limit: 1000 })).items.map((item) => item.ref_id);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 7)
      paged.push(...index.search(input([], { limit: 7, offset })).items.map((item) => item.ref_id));
    expect(paged).toEqual(all);
    expect(new Set(all).size).toBe(rows.length);
  });

  it("sorts by closing date: open windows soonest first, then the rest", () => {
    const items = buildSearchIndex(rows).search(input([], { sort: "closing", limit: 1000 })).items;
    const closes = items.map((item) => item.window_close).filter((date) => date && date >= "2026-11-28");
    expect(closes).toEqual([...closes].sort());
    expect(items.findIndex((item) => !item.window_close || item.window_close < "2026-11-28")).toBe(
      closes.length,
    );
  });

  it("shows a write by another process at the next search, and a rolled-back write never", async () => {
    const db = database().db;
    const geography = await loadGeography(createRegionsRepository(db));
    const service = createCatalogueService({ db, geography });
    const before = await service.search({ q: "zeewierkwekerij", lang: "nl" });
    expect(before.total).toBe(0);
    const [first] = rows;
    // A rolled-back change leaves the revision as it was.
    await db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update catalogue_instruments set keywords = jsonb_set(keywords, '{nl}', '["zeewierkwekerij"]')
            where ref_id = ${first!.ref_id}`,
        );
        throw new Error("roll back");
      })
      .catch(() => {});
    expect((await service.search({ q: "zeewierkwekerij", lang: "nl" })).total).toBe(0);
    // As psql or another instance would: straight SQL, not through this service.
    const [original] = await queryRows<{ keywords: unknown }>(
      db,
      sql`select keywords from catalogue_instruments where ref_id = ${first!.ref_id}`,
    );
    await db.execute(
      sql`update catalogue_instruments set keywords = jsonb_set(keywords, '{nl}', '["zeewierkwekerij"]')
        where ref_id = ${first!.ref_id}`,
    );
    try {
      const after = await service.search({ q: "zeewierkwekerij", lang: "nl" });
      expect(after.items.map((item) => item.ref_id)).toEqual([first!.ref_id]);
    } finally {
      // The other tests of this file compare the index with the database: leave the row as it was.
      await db.execute(
        sql`update catalogue_instruments set keywords = ${JSON.stringify(original!.keywords)}::jsonb
          where ref_id = ${first!.ref_id}`,
      );
    }
  });
});
