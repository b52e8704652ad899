import type { Database } from "../../db/client.js";
import { readDataCsv, splitList } from "../../db/data-files.js";
import { upsertChanged } from "../../db/upsert.js";
import { municipalities, provinces, regionProvinces, regions } from "./regions.tables.js";

const MUNICIPALITY_VINTAGE = 2025;

/** Loads provinces, RES regions and municipalities from data/reference; returns the number of rows changed. */
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
  return changed;
}
