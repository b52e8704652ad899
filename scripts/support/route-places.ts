/**
 * The route engine's place look-up for scripts that run the engine without a database (eval:route,
 * sector-top-five): municipality code → region and province, read from the reference files in data/.
 */
import { readDataCsv } from "../../src/db/data-files.js";
import type { Places } from "../../src/modules/route/index.js";

export function placesFromReferenceFiles(): Places {
  const provinces = new Map(
    readDataCsv("reference/provinces.csv").map((row) => [row.pv_code!, row.pv_name!]),
  );
  const regions = new Map(
    readDataCsv("reference/res_regions.csv").map((row) => [row.res_code!, row.res_name!]),
  );
  const regionOf = new Map(
    readDataCsv("reference/res_region_members.csv").map((row) => [row.gm_code!, row.res_code!]),
  );
  const provinceOf = new Map(
    readDataCsv("reference/municipalities.csv").map((row) => [row.gm_code!, row.pv_code!]),
  );
  return {
    locate(code) {
      const provinceCode = provinceOf.get(code);
      const regionCode = regionOf.get(code);
      if (!provinceCode || !regionCode) return undefined;
      return {
        municipalityCode: code,
        regionCode,
        regionName: regions.get(regionCode)!,
        provinceCode,
        provinceName: provinces.get(provinceCode)!,
      };
    },
  };
}
