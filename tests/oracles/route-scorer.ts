/**
 * The route engine's rules read plainly, as a test oracle (issue 14, item 5). src/modules/route/route.engine.ts
 * scores on bitmasks for speed; this file says the same thing with arrays and `includes`, one rule after another, as
 * docs/route-scoring.md describes them. route.engine.test.ts holds the engine to it for every instrument, profile,
 * filter verdict, score and reason. It shares the engine's tables (weights, which kinds serve which help) on purpose:
 * it checks the arithmetic and the filters, not the choice of numbers.
 */
import { type MatchableInstrument, sbiSectionOfDivision } from "../../src/modules/catalogue/index.js";
import {
  ADJACENT_PHASES,
  ADJACENT_STEPS,
  determineNextStep,
  determinePhase,
  HELP_SERVED_BY,
  LENDING_KINDS,
  MOTIVATION_SERVED_BY,
  type Reason,
  ROUTE_WEIGHTS,
  type RouteProfile,
  type SectorStrategy,
  strategiesForSector,
} from "../../src/modules/route/route.engine.js";
import { type Help, isOfferable } from "../../src/modules/vocabulary/index.js";

/** Usable now or expected, not general SME finance, not closed (unless expected), open to the size, within reach. */
export function oracleEligible(
  instrument: MatchableInstrument,
  profile: RouteProfile,
  today: string,
): boolean {
  if (!isOfferable(instrument.status) || instrument.generalFinance) return false;
  if (instrument.status !== "verwacht" && instrument.windowClose && instrument.windowClose < today)
    return false;
  if (
    profile.sizeClass &&
    instrument.sizeClasses.length > 0 &&
    !instrument.sizeClasses.includes(profile.sizeClass)
  )
    return false;
  return proximity(instrument, profile) !== undefined;
}

function proximity(instrument: MatchableInstrument, profile: RouteProfile) {
  const { level, codes } = instrument.coverage;
  const { location } = profile;
  if (level === "eu") return "eu" as const;
  if (level === "national") return "national" as const;
  if (level === "province" && codes.includes(location.provinceCode)) return "province" as const;
  if (level === "res_region" && codes.includes(location.regionCode)) return "region" as const;
  if (level === "municipality" && codes.includes(location.municipalityCode)) return "region" as const;
  return undefined;
}

function sectorFit(instrument: MatchableInstrument, profile: RouteProfile) {
  if (instrument.sbiSections.length === 0) return undefined;
  if (!instrument.sbiSections.includes(profile.sbiSection)) return "other";
  const divisions = instrument.sbiDivisions ?? [];
  const narrowsThisSection = divisions.some(
    (division) => sbiSectionOfDivision(division) === profile.sbiSection,
  );
  if (!narrowsThisSection) return "match";
  if (!profile.sbiDivision) return undefined;
  return divisions.includes(profile.sbiDivision) ? "match" : "other";
}

function servesHelp(instrument: MatchableInstrument, wanted: Help): "kind" | "other" | undefined {
  const served = HELP_SERVED_BY[wanted];
  if (served.kinds.includes(instrument.kind)) return "kind";
  if (
    served.steps.some((step) => instrument.journeySteps.includes(step)) ||
    served.themes.some((theme) => instrument.themes.includes(theme))
  )
    return "other";
  return undefined;
}

/** The score of an eligible instrument and the reasons for it, in the order of weight. */
export function oracleScore(
  instrument: MatchableInstrument,
  profile: RouteProfile,
  sectorStrategies: readonly SectorStrategy[],
): { score: number; reasons: Reason[] } {
  const W = ROUTE_WEIGHTS;
  const { phase } = determinePhase(profile.stage);
  const nextStep = determineNextStep(profile.stage, profile.help, profile.themes);
  const sectorCodes = strategiesForSector(sectorStrategies, profile.sbiSection, profile.sbiDivision).codes;
  const reasons: Reason[] = [];
  let total = 0;

  const adjacent = ADJACENT_STEPS[nextStep].find((step) => instrument.journeySteps.includes(step));
  if (instrument.journeySteps.includes(nextStep)) {
    total += W.step;
    reasons.push({ code: "step", step: nextStep });
  } else if (adjacent) {
    total += W.adjacentStep;
    reasons.push({ code: "adjacentStep", step: adjacent });
  }

  if (instrument.phases.includes(phase)) {
    total += W.phase;
    reasons.push({ code: "phase", phase });
  } else if (ADJACENT_PHASES[phase].some((before) => instrument.phases.includes(before))) {
    total += W.adjacentPhase;
  }

  const themes = profile.themes.filter((theme) => instrument.themes.includes(theme));
  if (themes.length > 0) {
    total += Math.min(W.themeMax, themes.length * W.theme);
    reasons.push({ code: "themes", themes });
  }

  const motivations = profile.motivations.filter(
    (motivation) =>
      MOTIVATION_SERVED_BY[motivation].kinds.includes(instrument.kind) ||
      MOTIVATION_SERVED_BY[motivation].themes.some((theme) => instrument.themes.includes(theme)),
  );
  if (motivations.length > 0) {
    total += Math.min(W.motivationMax, motivations.length * W.motivation);
    reasons.push({ code: "motivations", motivations });
  }

  const help = profile.help.filter((wanted) => servesHelp(instrument, wanted) !== undefined);
  if (help.length > 0) {
    const byKind = help.some((wanted) => servesHelp(instrument, wanted) === "kind");
    total += byKind ? W.helpKind : W.helpOther;
    reasons.push({ code: "help", help });
  }

  const sector = sectorFit(instrument, profile);
  if (sector === "match") {
    total += W.sector;
    reasons.push({ code: "sector" });
  }
  if (sector === "other") total += W.otherSector;

  const purchasing =
    profile.help.includes("inkoop") ||
    profile.themes.includes("inkoop") ||
    profile.motivations.includes("klantvraag");
  if (instrument.kind === "procurement" && !purchasing) total += W.purchasingUnasked;
  if (LENDING_KINDS.has(instrument.kind) && !profile.help.includes("financiering")) total += W.financeUnasked;

  const strategies = sectorCodes.filter((code) => instrument.rStrategies.includes(code));
  if (strategies.length > 0) {
    total += Math.min(W.strategyMax, strategies.length * W.strategy);
    reasons.push({ code: "strategies", strategies });
  }

  const near = proximity(instrument, profile);
  if (near === "region") {
    total += W.proximityRegion;
    reasons.push({ code: "proximity", level: near, place: profile.location.regionName });
  }
  if (near === "province") {
    total += W.proximityProvince;
    reasons.push({ code: "proximity", level: near, place: profile.location.provinceName });
  }
  if (near === "national") {
    total += W.proximityNational;
    reasons.push({ code: "proximity", level: near, place: "" });
  }
  if (near === "eu") {
    total += W.proximityEu;
    reasons.push({ code: "proximity", level: near, place: "" });
  }

  if (instrument.hasEvidence) {
    total += W.evidence;
    reasons.push({ code: "evidence" });
  }
  if (instrument.status === "verwacht") {
    total += W.expected;
    reasons.push({ code: "expected" });
  }
  if (instrument.stale) total += W.stale;
  return { score: total, reasons };
}
