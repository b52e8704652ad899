/**
 * npx tsx scripts/sector-top-five.ts — prints the route's top five for the six companies of issue 17 (a bakery in Zwolle, a
 * metal workshop in Enschede, a builder in Groningen, a clothing shop in Amsterdam, a plastics producer in
 * Rotterdam, a farm in Leeuwarden), on the quick route (no stage: starter, step informeren) and at stage
 * "invoeren", and whether the top fives differ by sector. Reads only data/ and the curated catalogue.
 */
import { readDataCsv } from "../src/db/data-files.js";
import { curatedMatchableInstruments } from "../src/modules/catalogue/index.js";
import {
  amsterdamDate,
  buildRoute,
  loadRouteReferenceData,
  type Places,
  type RouteAnswers,
  toRouteProfile,
} from "../src/modules/route/index.js";

const provinces = new Map(readDataCsv("reference/provinces.csv").map((row) => [row.pv_code!, row.pv_name!]));
const regions = new Map(
  readDataCsv("reference/res_regions.csv").map((row) => [row.res_code!, row.res_name!]),
);
const regionOf = new Map(
  readDataCsv("reference/res_region_members.csv").map((row) => [row.gm_code!, row.res_code!]),
);
const municipalities = new Map(
  readDataCsv("reference/municipalities.csv").map((row) => [row.gm_code!, row.pv_code!]),
);
const places: Places = {
  locate(code) {
    const provinceCode = municipalities.get(code);
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

const companies = [
  { name: "bakkerij Zwolle", municipality: "GM0193", sbi: "10" },
  { name: "metaalwerkplaats Enschede", municipality: "GM0153", sbi: "25" },
  { name: "bouwbedrijf Groningen", municipality: "GM0014", sbi: "F" },
  { name: "kledingwinkel Amsterdam", municipality: "GM0363", sbi: "47" },
  { name: "kunststofproducent Rotterdam", municipality: "GM0599", sbi: "22" },
  { name: "boerderij Leeuwarden", municipality: "GM0080", sbi: "A" },
];

const reference = loadRouteReferenceData();
const instruments = await curatedMatchableInstruments()();
const today = amsterdamDate(new Date());

for (const stage of [undefined, "invoeren"] as const) {
  console.log(`\n== ${stage ? `stage ${stage}` : "quick route (no stage)"} ==`);
  const tops: string[] = [];
  for (const company of companies) {
    const answers: RouteAnswers = {
      municipality: company.municipality,
      sbi: company.sbi,
      ...(stage ? { stage } : {}),
    };
    const converted = toRouteProfile(answers, places, reference);
    if (!("profile" in converted))
      throw new Error(`${company.name}: unknown ${converted.unknown.join(", ")}`);
    const route = buildRoute({
      profile: converted.profile,
      instruments,
      sectorStrategies: reference.sectorStrategies,
      today,
      limit: 5,
    });
    const top = route.recommendations.map((recommendation) => recommendation.instrument.refId);
    tops.push([...top].sort().join(","));
    console.log(
      `${company.name} (sbi ${company.sbi}) [${route.phase}/${route.nextStep}]\n  ${top.join(", ")}`,
    );
  }
  console.log(`distinct top fives: ${new Set(tops).size} of ${tops.length}`);
}
