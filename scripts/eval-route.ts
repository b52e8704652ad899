/**
 * npm run eval:route — runs the route engine on the labelled profiles in data/route/evaluation-profiles.json and
 * prints hit rate @5 (two ways) and the number of forbidden instruments that reached the top 5.
 */
import { readDataCsv, readDataJson } from "../src/db/data-files.js";
import {
  amsterdamDate,
  buildRoute,
  loadRouteReferenceData,
  matchableInstrumentsFromCuratedFile,
  type Places,
  type RouteAnswers,
  toRouteProfile,
} from "../src/modules/route/index.js";

type LabelledProfile = { id: string; profile: RouteAnswers; expected_top5: string[]; forbidden: string[] };

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

const reference = loadRouteReferenceData();
const instruments = await matchableInstrumentsFromCuratedFile()();
const { profiles } = readDataJson<{ profiles: LabelledProfile[] }>("route/evaluation-profiles.json");
const today = amsterdamDate(new Date());
const verbose = process.argv.includes("--verbose");

let expectedTotal = 0;
let expectedFound = 0;
let profilesWithHit = 0;
let forbiddenCount = 0;
let verwachtCount = 0;
for (const labelled of profiles) {
  const converted = toRouteProfile(labelled.profile, places, reference);
  if (!("profile" in converted)) throw new Error(`${labelled.id}: unknown ${converted.unknown.join(", ")}`);
  const route = buildRoute({
    profile: converted.profile,
    instruments,
    sectorStrategies: reference.sectorStrategies,
    today,
    limit: 5,
  });
  const top5 = route.recommendations.map((recommendation) => recommendation.instrument.refId);
  const found = labelled.expected_top5.filter((refId) => top5.includes(refId));
  // A recurring scheme between rounds (verwacht, ADR 0079) is shown labelled with its expected window, never as
  // open: it is counted apart, not as a forbidden one. Closed, historic and out-of-area ones stay forbidden.
  const expectedRound = route.recommendations
    .filter((recommendation) => recommendation.instrument.status === "verwacht")
    .map((recommendation) => recommendation.instrument.refId);
  verwachtCount += expectedRound.length;
  const forbidden = top5.filter(
    (refId) => labelled.forbidden.includes(refId) && !expectedRound.includes(refId),
  );
  expectedTotal += labelled.expected_top5.length;
  expectedFound += found.length;
  if (found.length > 0) profilesWithHit++;
  forbiddenCount += forbidden.length;
  if (verbose || found.length < labelled.expected_top5.length || forbidden.length)
    console.log(
      `${labelled.id} [${route.phase}/${route.nextStep}] found ${found.length}/${labelled.expected_top5.length}` +
        `${forbidden.length ? ` FORBIDDEN ${forbidden.join(",")}` : ""}\n  top5: ${top5.join(", ")}` +
        `\n  missed: ${labelled.expected_top5.filter((refId) => !found.includes(refId)).join(", ") || "-"}`,
    );
}

const fixed = (value: number) => value.toFixed(3);
console.log(
  `\nRoute evaluation on ${profiles.length} labelled profiles (${instruments.length} instruments, ${today})`,
);
console.log(
  `hit rate @5 (expected ref_ids found in the top 5, over all profiles): ${fixed(expectedFound / expectedTotal)} (${expectedFound}/${expectedTotal})`,
);
console.log(
  `hit rate @5 (profiles with at least one expected ref_id in the top 5): ${fixed(profilesWithHit / profiles.length)} (${profilesWithHit}/${profiles.length})`,
);
console.log(`forbidden instruments in a top 5: ${forbiddenCount}`);
console.log(
  `recurring schemes between rounds in a top 5 (labelled verwacht, not forbidden): ${verwachtCount}`,
);
