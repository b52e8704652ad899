import type { MatchableInstrument } from "../catalogue/index.js";
import type { SizeClass } from "../vocabulary/index.js";
import type { RouteReferenceData } from "./route.data.js";
import type { ScanResultsRepository } from "./route.repository.js";
import { storedAnswersSchema } from "./route.schemas.js";
import { type Places, type RouteAnswers, type RouteService, toRouteProfile } from "./route.service.js";

/** What a dossier knows of a company: no personal data, only where it is, its sector and its scan, if any. */
export type CompanyForFit = {
  regionCode: string;
  municipalityCode: string | null;
  sbiSection: string | null;
  scanResultId: string | null;
};

/** The instruments and the route's ranking for one company, for the adviser's referral picker. */
export type CompanyFit = {
  instruments: MatchableInstrument[];
  /** The route engine's recommendations for the company, best first; empty when its place or sector is unknown. */
  ranked: string[];
  /** From the company's scan, when it did one. */
  sizeClass: SizeClass | null;
};

/** How many of the route's recommendations the picker puts first. */
const RANKED = 10;

/**
 * The route for a company in a dossier: its saved scan answers (size, stage, help, themes) when the intake came from
 * a scan, its own municipality and sector otherwise. The same engine and instrument list as the public route.
 */
export function createCompanyFit(deps: {
  service: Pick<RouteService, "routeFor" | "listInstruments">;
  places: Places;
  reference: Pick<RouteReferenceData, "sectionOfDivision" | "sections">;
  scanResults: Pick<ScanResultsRepository, "find">;
}) {
  return async (company: CompanyForFit): Promise<CompanyFit> => {
    const instruments = await deps.service.listInstruments();
    const stored = company.scanResultId
      ? storedAnswersSchema.safeParse(await deps.scanResults.find(company.scanResultId))
      : undefined;
    const scan = stored?.success ? stored.data : undefined;
    const municipality = company.municipalityCode ?? scan?.municipality;
    const sbi = scan?.sbi ?? company.sbiSection;
    const sizeClass = scan?.sizeClass ?? null;
    if (!municipality || !sbi) return { instruments, ranked: [], sizeClass };
    const answers: RouteAnswers = { ...scan, municipality, sbi };
    const converted = toRouteProfile(answers, deps.places, deps.reference);
    if (!("profile" in converted)) return { instruments, ranked: [], sizeClass };
    const route = await deps.service.routeFor(converted.profile, RANKED);
    return {
      instruments,
      ranked: route.recommendations.map(({ instrument }) => instrument.refId),
      sizeClass,
    };
  };
}

export type CompanyFitLookup = ReturnType<typeof createCompanyFit>;
