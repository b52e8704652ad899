import { LRUCache } from "lru-cache";
import { amsterdamDate } from "../../i18n/index.js";
import type { MatchableInstrument } from "../catalogue/index.js";
import type { Geography } from "../regions/index.js";
import { type Help, type SizeClass, sizeClassFor, type Theme } from "../vocabulary/index.js";
import { parseSbi, type RouteReferenceData } from "./route.data.js";
import { buildRoute, type CompanyLocation, type RouteProfile, type RouteResult } from "./route.engine.js";
import type { Motivation, Stage } from "./route.vocabulary.js";

/** Answers as the API, the scan and the one-click route give them: codes only, nothing personal. */
export type RouteAnswers = {
  municipality: string;
  sbi: string;
  employees?: number;
  sizeClass?: SizeClass;
  stage?: Stage;
  motivations?: Motivation[];
  themes?: Theme[];
  help?: Help[];
};

/** Finds where a municipality lies; the regions module's geography answers it. */
export type Places = { locate(municipalityCode: string): CompanyLocation | undefined };

/** Places from the in-memory geography of the regions module. */
export function placesFromGeography(geography: Geography): Places {
  return {
    locate(code) {
      const municipality = geography.municipality(code);
      if (!municipality) return undefined;
      const region = geography.region(municipality.regionCode);
      const province = geography.province(municipality.provinceCode);
      return {
        municipalityCode: municipality.code,
        regionCode: municipality.regionCode,
        regionName: region?.name ?? municipality.regionCode,
        provinceCode: municipality.provinceCode,
        provinceName: province?.name ?? municipality.provinceCode,
      };
    },
  };
}

/** Turns answers into the engine's profile; undefined fields name what is unknown. */
export function toRouteProfile(
  answers: RouteAnswers,
  places: Places,
  reference: Pick<RouteReferenceData, "sectionOfDivision" | "sections">,
): { profile: RouteProfile } | { unknown: ("municipality" | "sbi")[] } {
  const location = places.locate(answers.municipality);
  const sbi = parseSbi(reference, answers.sbi);
  if (!location || !sbi)
    return {
      unknown: [...(location ? [] : ["municipality" as const]), ...(sbi ? [] : ["sbi" as const])],
    };
  return {
    profile: {
      location,
      sbiSection: sbi.section,
      sbiDivision: sbi.division,
      sizeClass:
        answers.sizeClass ?? (answers.employees !== undefined ? sizeClassFor(answers.employees) : undefined),
      stage: answers.stage,
      motivations: answers.motivations ?? [],
      themes: answers.themes ?? [],
      help: answers.help ?? [],
    },
  };
}

export type RouteServiceDeps = {
  reference: RouteReferenceData;
  /** The catalogue's instruments in the engine's shape. */
  listMatchableInstruments: () => Promise<MatchableInstrument[]>;
  clock?: () => Date;
  /** How long a fetched instrument list is reused; statuses change daily at most, so seconds are plenty. */
  cacheTtlMs?: number;
};

/** Runs the engine on the current instruments, with a short in-memory cache of the instrument list. */
export function createRouteService({
  reference,
  listMatchableInstruments,
  clock = () => new Date(),
  cacheTtlMs = 30_000,
}: RouteServiceDeps) {
  // One entry; lru-cache's fetch shares a listing in progress and keeps no failed one.
  const instrumentList = new LRUCache<"all", MatchableInstrument[]>({
    max: 1,
    ttl: cacheTtlMs,
    fetchMethod: () => listMatchableInstruments(),
  });
  const instruments = async () => (await instrumentList.fetch("all")) ?? [];
  return {
    /** The route for a profile, at most `limit` recommendations. */
    async routeFor(profile: RouteProfile, limit = 10): Promise<RouteResult> {
      return buildRoute({
        profile,
        instruments: await instruments(),
        sectorStrategies: reference.sectorStrategies,
        today: amsterdamDate(clock()),
        limit,
      });
    },
    /** The current instruments in the engine's shape (the same short-lived copy the route ranks). */
    listInstruments: instruments,
    /** Drops the cached instrument list: the catalogue changed in this process (a provider's listing, ADR 0044). */
    invalidate() {
      instrumentList.clear();
    },
  };
}

export type RouteService = ReturnType<typeof createRouteService>;
