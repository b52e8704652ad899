import { amsterdamDate } from "../src/i18n/index.js";
import { curatedMatchableInstruments } from "../src/modules/catalogue/index.js";
import {
  buildRoute,
  loadRouteReferenceData,
  type RouteAnswers,
  toRouteProfile,
} from "../src/modules/route/index.js";
import { placesFromReferenceFiles } from "./support/route-places.js";

const places = placesFromReferenceFiles();

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
