import type { Geography } from "../regions/index.js";
import {
  parseSbi,
  placesFromGeography,
  type RouteAnswers,
  type RouteReferenceData,
  type RouteService,
  type ScanResultsRepository,
  storedAnswersSchema,
  toRouteProfile,
} from "../route/index.js";
import type { RoutePlan } from "./mijn-route.service.js";

/** What "Bewaar als Mijn route" sends: the one-click route's municipality and sector, or a saved scan result's id. */
export type SaveRequest = { gemeente?: string; sector?: string; resultaat?: string };

/**
 * The plan a saved route starts from, made the way the route page makes its route: the route engine's phase and next
 * step for the same answers, and the measures of the sector's package (knowledge module). Undefined for answers the
 * route page would refuse too (unknown municipality, sector or scan result).
 */
export function createRoutePlanner(deps: {
  geography: Geography;
  reference: RouteReferenceData;
  routes: Pick<RouteService, "routeFor">;
  scanResults: ScanResultsRepository;
  /** The sector's measure package (slug and measure codes in order), if there is one. */
  measurePackageForSector: (
    sbi: string,
  ) => Promise<{ slug: string; measures: { code: string }[] } | undefined>;
}) {
  const places = placesFromGeography(deps.geography);
  return async function planFor(request: SaveRequest): Promise<RoutePlan | undefined> {
    let answers: RouteAnswers;
    let origin: RoutePlan["origin"] = "route";
    let scanResultId: string | null = null;
    if (request.resultaat) {
      const stored = storedAnswersSchema.safeParse(await deps.scanResults.find(request.resultaat));
      if (!stored.success) return undefined;
      answers = stored.data;
      origin = "scan";
      scanResultId = request.resultaat;
    } else {
      const sbi = parseSbi(deps.reference, request.sector ?? "");
      if (!sbi || !request.gemeente) return undefined;
      answers = { municipality: request.gemeente, sbi: sbi.division ?? sbi.section };
    }
    const converted = toRouteProfile(answers, places, deps.reference);
    if (!("profile" in converted)) return undefined;
    const { profile } = converted;
    const result = await deps.routes.routeFor(profile, 10);
    const sbi = profile.sbiDivision ?? profile.sbiSection;
    const found = await deps.measurePackageForSector(sbi);
    return {
      municipalityCode: profile.location.municipalityCode,
      regionCode: profile.location.regionCode,
      provinceCode: profile.location.provinceCode,
      sbi,
      sbiSection: profile.sbiSection,
      sizeClass: profile.sizeClass ?? null,
      stage: profile.stage ?? null,
      help: profile.help,
      themes: profile.themes,
      phase: result.phase,
      nextStep: result.nextStep,
      packageSlug: found?.slug ?? null,
      measureCodes: found?.measures.map((measure) => measure.code) ?? [],
      origin,
      scanResultId,
    };
  };
}

export type RoutePlanner = ReturnType<typeof createRoutePlanner>;
