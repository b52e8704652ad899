import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { readDataCsv, splitList } from "../../db/data-files.js";
import { upsertChanged } from "../../db/upsert.js";
import { matchKeyOf, PLACE_NAME_KINDS, type PlaceNameKind, type PlaceNameRow } from "./regions.places.js";
import { municipalities, placeNames, provinces, regionProvinces, regions } from "./regions.tables.js";

const MUNICIPALITY_VINTAGE = 2025;

/** Loads provinces, RES regions, municipalities and place names from data/reference; returns the rows changed. */
export async function loadRegionsReferenceData(db: Database): Promise<number> {
  const provinceRows = readDataCsv("reference/provinces.csv").map((row) => ({
    code: row.pv_code!,
    name: row.pv_name!,
    alternateName: row.pv_name_alt || null,
    isoCode: row.iso_3166_2!,
  }));
  const regionCsv = readDataCsv("reference/res_regions.csv");
  const regionRows = regionCsv.map((row) => ({
    code: row.res_code!,
    name: row.res_name!,
    sourceName: row.name_in_2020_source!,
  }));
  const regionProvinceRows = regionCsv.flatMap((row) =>
    splitList(row.provinces).map((provinceCode) => ({ regionCode: row.res_code!, provinceCode })),
  );
  const membership = new Map(
    readDataCsv("reference/res_region_members.csv").map((row) => [row.gm_code!, row]),
  );
  const municipalityRows = readDataCsv("reference/municipalities.csv").map((row) => {
    const member = membership.get(row.gm_code!);
    if (!member) throw new Error(`Municipality ${row.gm_code} has no RES region in res_region_members.csv`);
    return {
      code: row.gm_code!,
      name: row.gm_name!,
      provinceCode: row.pv_code!,
      regionCode: member.res_code!,
      regionBasis: member.basis!,
      vintage: MUNICIPALITY_VINTAGE,
    };
  });
  let changed = 0;
  changed += await upsertChanged(db, provinces, provinces.code, provinceRows);
  changed += await upsertChanged(db, regions, regions.code, regionRows);
  changed += await upsertChanged(
    db,
    regionProvinces,
    [regionProvinces.regionCode, regionProvinces.provinceCode],
    regionProvinceRows,
  );
  changed += await upsertChanged(db, municipalities, municipalities.code, municipalityRows);
  changed += await replacePlaceNames(db, placeNameRows(municipalityRows));
  return changed;
}

/** The municipalities' own names, the woonplaatsen (CBS 2026) and our aliases, each with its match key. */
export function placeNameRows(municipalityRows: { code: string; name: string }[]): PlaceNameRow[] {
  const names = new Map(municipalityRows.map((row) => [row.code, row.name]));
  const row = (name: string, municipalityCode: string, kind: PlaceNameKind, file: string): PlaceNameRow => {
    const municipalityName = names.get(municipalityCode);
    if (!municipalityName)
      throw new Error(`${file}: ${name} names an unknown municipality ${municipalityCode}`);
    return { name, municipalityCode, kind, matchKey: matchKeyOf(name, municipalityName) };
  };
  const rows = [
    ...municipalityRows.map((municipality) => row(municipality.name, municipality.code, "municipality", "")),
    ...readDataCsv("reference/woonplaatsen.csv").map((place) =>
      row(place.woonplaats!, place.gemeente_code!, "woonplaats", "woonplaatsen.csv"),
    ),
    ...readDataCsv("reference/place-aliases.csv").map((alias) => {
      const kind = alias.kind as PlaceNameKind;
      if (!PLACE_NAME_KINDS.includes(kind) || kind === "municipality" || kind === "woonplaats")
        throw new Error(`place-aliases.csv: ${alias.name} has an unknown kind ${alias.kind}`);
      if (!alias.reason || !alias.source)
        throw new Error(`place-aliases.csv: ${alias.name} needs a reason and a source`);
      return row(alias.name!, alias.gemeente_code!, kind, "place-aliases.csv");
    }),
  ];
  const commonNames = rows
    .filter((place) => place.kind === "common_name")
    .map((place) => place.municipalityCode);
  if (new Set(commonNames).size !== commonNames.length)
    throw new Error("place-aliases.csv: a municipality has more than one common_name");
  return rows;
}

/** Upserts the place names and deletes those the data files no longer hold; returns the rows changed. */
async function replacePlaceNames(db: Database, rows: PlaceNameRow[]): Promise<number> {
  const keyOf = (row: { kind: string; name: string; municipalityCode: string }) =>
    `${row.kind}\n${row.name}\n${row.municipalityCode}`;
  const wanted = new Set(rows.map(keyOf));
  const stale = (await db.select().from(placeNames)).filter((row) => !wanted.has(keyOf(row)));
  for (const row of stale)
    await db
      .delete(placeNames)
      .where(
        and(
          eq(placeNames.kind, row.kind),
          eq(placeNames.name, row.name),
          eq(placeNames.municipalityCode, row.municipalityCode),
        ),
      );
  const changed = await upsertChanged(
    db,
    placeNames,
    [placeNames.kind, placeNames.name, placeNames.municipalityCode],
    rows,
  );
  return changed + stale.length;
}
