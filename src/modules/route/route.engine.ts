/**
 * The route engine: from a company profile to phase, next journey step, the sector's R-strategies and a ranked,
 * reasoned list of instruments. Pure: no I/O, no clock (today is an input), no knowledge of where instruments come
 * from. The weights are in ROUTE_WEIGHTS below and explained in docs/route-scoring.md.
 */
import type { Localised } from "../../i18n/index.js";
import type { Help, JourneyStep, Motivation, Phase, SizeClass, Stage, Theme } from "./route.vocabulary.js";

/** What the engine needs of an instrument; the catalogue's listing maps its rows to this shape. */
export type MatchableInstrument = {
  id: string;
  refId: string;
  slug: string;
  name: Localised;
  kind: string;
  journeySteps: string[];
  phases: string[];
  themes: string[];
  rStrategies: string[];
  /** SBI 2008 section letters the instrument is meant for; empty means every sector. */
  sbiSections: string[];
  coverage: { level: "national" | "eu" | "province" | "res_region" | "municipality"; codes: string[] };
  /** Size classes that may apply; empty means every size. */
  sizeClasses: string[];
  status: string;
  /** Last day to apply (YYYY-MM-DD), when the instrument has a window. */
  windowClose: string | null;
  hasEvidence: boolean;
  providerName: string;
};

/** Where the company is: its municipality, RES region and province, with names for the reasons. */
export type CompanyLocation = {
  municipalityCode: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  provinceName: string;
};

/** Everything the engine knows about the company; nothing here identifies a person or company. */
export type RouteProfile = {
  location: CompanyLocation;
  /** SBI 2008 section letter, always set. */
  sbiSection: string;
  /** SBI 2008 two-digit division, when the company gave one. */
  sbiDivision?: string;
  sizeClass?: SizeClass;
  /** Unknown on the one-click route: the engine then assumes the company is just starting. */
  stage?: Stage;
  motivations: Motivation[];
  themes: Theme[];
  help: Help[];
};

/** One row of data/route/sector-strategies.csv. */
export type SectorStrategy = { section: string; division?: string; strategies: string[]; reason: Localised };

/** Why an instrument was recommended; turned into text by describeReason. */
export type Reason =
  | { code: "step"; step: JourneyStep }
  | { code: "adjacentStep"; step: JourneyStep }
  | { code: "phase"; phase: Phase }
  | { code: "themes"; themes: Theme[] }
  | { code: "motivations"; motivations: Motivation[] }
  | { code: "help"; help: Help[] }
  | { code: "sector" }
  | { code: "strategies"; strategies: string[] }
  | { code: "proximity"; level: "region" | "province" | "national" | "eu"; place: string }
  | { code: "evidence" };

export type Recommendation = { instrument: MatchableInstrument; score: number; reasons: Reason[] };

export type RouteResult = {
  phase: Phase;
  /** True when the stage was not given and the engine assumed a starter. */
  phaseAssumed: boolean;
  nextStep: JourneyStep;
  strategies: { codes: string[]; reason: Localised | null };
  recommendations: Recommendation[];
  /** How many instruments passed the hard filters. */
  eligibleCount: number;
};

/**
 * The weights of the score, in one place. A recommendation's score is the sum of the parts that apply; the order of
 * the list then follows the diversity rule. Documented in docs/route-scoring.md: change both together.
 */
export const ROUTE_WEIGHTS = {
  /** The instrument helps with the company's next journey step. */
  step: 30,
  /** It helps with a step right before or after the next one (ketensamenwerking sits beside invoering and verankering). */
  adjacentStep: 10,
  /** It is meant for the company's phase. */
  phase: 20,
  /** It is meant for the phase before the company's (a peloton network for a koploper): partly useful. */
  adjacentPhase: 8,
  /** Per theme the company chose that the instrument covers, at most themeMax. */
  theme: 8,
  themeMax: 16,
  /** Per motivation the instrument serves (through its themes or kind), at most motivationMax. */
  motivation: 4,
  motivationMax: 8,
  /** Its kind is the kind of help the company asked for (a subsidy for "financiering"). */
  helpKind: 15,
  /** It serves the help asked for through its journey step or theme only (an inkoop guide for "inkoop"). */
  helpOther: 8,
  /** It is made for the company's sector. */
  sector: 10,
  /** It is made for other sectors only: usually a poor fit, so it sinks. */
  otherSector: -25,
  /** A circular-purchasing instrument for a company that said nothing about buying or customer demand. */
  purchasingUnasked: -25,
  /** Per R-strategy it shares with the company's sector, at most strategyMax. */
  strategy: 3,
  strategyMax: 6,
  /** Regional before provincial before national at equal fit. */
  proximityRegion: 14,
  proximityProvince: 10,
  proximityNational: 2,
  proximityEu: 0,
  /** There is evidence that it works. */
  evidence: 8,
  /** Subtracted per already chosen recommendation of the same kind, so the top is not five of one kind. */
  sameKind: 12,
  /** Subtracted per already chosen recommendation of the same provider. */
  sameProvider: 4,
  /** Subtracted per already chosen recommendation of the same reach (national/EU or regional/provincial), so
   * the top mixes national schemes with what the region itself offers. */
  sameReach: 3,
} as const;

/** Statuses under which a company can still use an instrument. */
const AVAILABLE_STATUSES = new Set(["open", "doorlopend"]);

const STEP_ORDER: JourneyStep[] = [
  "informeren",
  "inspireren",
  "kansen_identificeren",
  "invoering",
  "verankering",
];

/** Steps next to each step; ketensamenwerking runs alongside implementation and anchoring. */
const ADJACENT_STEPS: Record<JourneyStep, JourneyStep[]> = {
  informeren: ["inspireren"],
  inspireren: ["informeren", "kansen_identificeren"],
  kansen_identificeren: ["inspireren", "invoering"],
  invoering: ["kansen_identificeren", "verankering", "ketensamenwerking"],
  verankering: ["invoering", "ketensamenwerking"],
  ketensamenwerking: ["invoering", "verankering"],
};

/** A company can still use what is meant for the phase before its own, not what is meant for the one after. */
const ADJACENT_PHASES: Record<Phase, Phase[]> = {
  starter: [],
  peloton: ["starter"],
  koploper: ["peloton"],
};

/** Which instrument kinds, journey steps and themes serve each kind of help. */
const HELP_SERVED_BY: Record<Help, { kinds: string[]; steps: JourneyStep[]; themes: Theme[] }> = {
  informatie: { kinds: ["information"], steps: ["informeren"], themes: [] },
  voorbeelden: { kinds: ["event", "network"], steps: ["inspireren"], themes: [] },
  advies: { kinds: ["advice", "loket"], steps: [], themes: [] },
  financiering: { kinds: ["subsidy", "voucher", "tax_scheme", "finance", "loan"], steps: [], themes: [] },
  // Buyer groups are for buyers: they serve "inkoop", not a search for chain partners.
  partners: { kinds: ["network"], steps: ["ketensamenwerking"], themes: ["ketensamenwerking"] },
  training: { kinds: ["training"], steps: [], themes: [] },
  regelgeving: { kinds: ["loket"], steps: [], themes: [] },
  inkoop: { kinds: ["procurement"], steps: [], themes: ["inkoop"] },
};

/** What each motivation (the entrepreneur's own words) means in themes and instrument kinds. */
const MOTIVATION_SERVED_BY: Record<Motivation, { themes: Theme[]; kinds: string[] }> = {
  kosten_besparen: { themes: ["productieproces", "inkoop"], kinds: ["tax_scheme"] },
  leveringszekerheid: { themes: ["ketensamenwerking", "recycling", "hergebruik"], kinds: [] },
  nieuwe_omzet: { themes: ["verdienmodel", "productontwerp"], kinds: [] },
  klantvraag: { themes: ["productontwerp", "inkoop", "verdienmodel"], kinds: ["procurement"] },
  wetgeving: { themes: [], kinds: ["loket"] },
  milieu: { themes: ["recycling", "hergebruik", "levensduur"], kinds: [] },
  personeel_imago: { themes: [], kinds: ["network", "event"] },
};

/** The phase that goes with a stage; without a stage the company is taken to be a starter. */
export function determinePhase(stage: Stage | undefined): { phase: Phase; assumed: boolean } {
  switch (stage) {
    case undefined:
      return { phase: "starter", assumed: true };
    case "orienteren":
      return { phase: "starter", assumed: false };
    case "ideeen":
    case "invoeren":
    case "verankeren":
      // The agenda: the peloton needs help with research (feasibility of ideas) and implementation.
      return { phase: "peloton", assumed: false };
    case "koploper":
      return { phase: "koploper", assumed: false };
  }
}

/** The next journey step for a stage, sharpened by the help the company asks for. */
export function determineNextStep(stage: Stage | undefined, help: Help[], themes: Theme[]): JourneyStep {
  const wantsPartners = help.includes("partners");
  switch (stage) {
    case undefined:
    case "orienteren":
      // Someone who asks only for examples is past plain information.
      return help.includes("voorbeelden") && !help.includes("informatie") ? "inspireren" : "informeren";
    case "ideeen":
      return "kansen_identificeren";
    case "invoeren":
      return wantsPartners && help.length === 1 ? "ketensamenwerking" : "invoering";
    case "verankeren":
      return wantsPartners && help.length === 1 ? "ketensamenwerking" : "verankering";
    case "koploper":
      // Koplopers scale through their chain; without a wish for partners they scale their own implementation.
      return wantsPartners || themes.includes("ketensamenwerking") ? "ketensamenwerking" : "invoering";
  }
}

/** The sector's typical R-strategies: the division's row when there is one, else the section's. */
export function strategiesForSector(
  table: readonly SectorStrategy[],
  section: string,
  division?: string,
): { codes: string[]; reason: Localised | null } {
  const row =
    (division ? table.find((entry) => entry.division === division) : undefined) ??
    table.find((entry) => entry.section === section && !entry.division);
  return row ? { codes: row.strategies, reason: row.reason } : { codes: [], reason: null };
}

/** Hard filters: available now, reachable from the company's municipality, open to its size. */
export function isEligible(instrument: MatchableInstrument, profile: RouteProfile, today: string): boolean {
  if (!AVAILABLE_STATUSES.has(instrument.status)) return false;
  if (instrument.windowClose && instrument.windowClose < today) return false;
  if (
    profile.sizeClass &&
    instrument.sizeClasses.length > 0 &&
    !instrument.sizeClasses.includes(profile.sizeClass)
  )
    return false;
  return proximityOf(instrument, profile.location) !== undefined;
}

type Proximity = "region" | "province" | "national" | "eu";

/** How close the instrument's coverage is to the company; undefined when it does not cover the company. */
function proximityOf(instrument: MatchableInstrument, location: CompanyLocation): Proximity | undefined {
  const { level, codes } = instrument.coverage;
  switch (level) {
    case "eu":
      return "eu";
    case "national":
      return "national";
    case "province":
      return codes.includes(location.provinceCode) ? "province" : undefined;
    case "res_region":
      return codes.includes(location.regionCode) ? "region" : undefined;
    case "municipality":
      return codes.includes(location.municipalityCode) ? "region" : undefined;
    default:
      return undefined;
  }
}

type Context = {
  profile: RouteProfile;
  phase: Phase;
  nextStep: JourneyStep;
  strategies: string[];
  adjacent: JourneyStep[];
  /** The company buys with circularity in mind or its customers ask for it. */
  purchasing: boolean;
};

/** Scores one eligible instrument; with `reasons` it also says why, in the order of weight. */
function score(instrument: MatchableInstrument, context: Context, reasons?: Reason[]): number {
  const W = ROUTE_WEIGHTS;
  const { profile } = context;
  let total = 0;

  if (instrument.journeySteps.includes(context.nextStep)) {
    total += W.step;
    reasons?.push({ code: "step", step: context.nextStep });
  } else {
    const adjacent = context.adjacent.find((step) => instrument.journeySteps.includes(step));
    if (adjacent) {
      total += W.adjacentStep;
      reasons?.push({ code: "adjacentStep", step: adjacent });
    }
  }

  if (instrument.phases.includes(context.phase)) {
    total += W.phase;
    reasons?.push({ code: "phase", phase: context.phase });
  } else if (ADJACENT_PHASES[context.phase].some((phase) => instrument.phases.includes(phase))) {
    total += W.adjacentPhase;
  }

  const themes = profile.themes.filter((theme) => instrument.themes.includes(theme));
  if (themes.length) {
    total += Math.min(W.themeMax, themes.length * W.theme);
    reasons?.push({ code: "themes", themes });
  }

  const motivations = profile.motivations.filter((motivation) => {
    const served = MOTIVATION_SERVED_BY[motivation];
    return (
      served.kinds.includes(instrument.kind) ||
      served.themes.some((theme) => instrument.themes.includes(theme))
    );
  });
  if (motivations.length) {
    total += Math.min(W.motivationMax, motivations.length * W.motivation);
    reasons?.push({ code: "motivations", motivations });
  }

  let helpByKind = false;
  const help = profile.help.filter((wanted) => {
    const served = HELP_SERVED_BY[wanted];
    if (served.kinds.includes(instrument.kind)) {
      helpByKind = true;
      return true;
    }
    return (
      served.steps.some((step) => instrument.journeySteps.includes(step)) ||
      served.themes.some((theme) => instrument.themes.includes(theme))
    );
  });
  if (help.length) {
    total += helpByKind ? W.helpKind : W.helpOther;
    reasons?.push({ code: "help", help });
  }

  if (instrument.sbiSections.length) {
    if (instrument.sbiSections.includes(profile.sbiSection)) {
      total += W.sector;
      reasons?.push({ code: "sector" });
    } else total += W.otherSector;
  }

  if (instrument.kind === "procurement" && !context.purchasing) total += W.purchasingUnasked;

  const strategies = context.strategies.filter((code) => instrument.rStrategies.includes(code));
  if (strategies.length) {
    total += Math.min(W.strategyMax, strategies.length * W.strategy);
    reasons?.push({ code: "strategies", strategies });
  }

  const proximity = proximityOf(instrument, profile.location);
  if (proximity === "region") total += W.proximityRegion;
  else if (proximity === "province") total += W.proximityProvince;
  else if (proximity === "national") total += W.proximityNational;
  else total += W.proximityEu;
  if (proximity && reasons) {
    const place =
      proximity === "region"
        ? profile.location.regionName
        : proximity === "province"
          ? profile.location.provinceName
          : "";
    reasons.push({ code: "proximity", level: proximity, place });
  }

  if (instrument.hasEvidence) {
    total += W.evidence;
    reasons?.push({ code: "evidence" });
  }
  return total;
}

/** How many of the best-scoring candidates the diversity rule chooses from. */
const DIVERSITY_POOL = 60;

/**
 * The whole route for a profile: phase, next step, strategies and at most `limit` recommendations, each with its
 * reasons. Ties break on proximity (inside the score), then on the reference id, so the order is stable.
 */
export function buildRoute(input: {
  profile: RouteProfile;
  instruments: readonly MatchableInstrument[];
  sectorStrategies: readonly SectorStrategy[];
  /** YYYY-MM-DD: windows that closed before this day do not count. */
  today: string;
  limit?: number;
}): RouteResult {
  const { profile, instruments, today } = input;
  const limit = input.limit ?? 10;
  const { phase, assumed } = determinePhase(profile.stage);
  const nextStep = determineNextStep(profile.stage, profile.help, profile.themes);
  const strategies = strategiesForSector(input.sectorStrategies, profile.sbiSection, profile.sbiDivision);
  const context: Context = {
    profile,
    phase,
    nextStep,
    strategies: strategies.codes,
    adjacent: ADJACENT_STEPS[nextStep],
    purchasing:
      profile.help.includes("inkoop") ||
      profile.themes.includes("inkoop") ||
      profile.motivations.includes("klantvraag"),
  };

  const scored: { instrument: MatchableInstrument; score: number }[] = [];
  for (const instrument of instruments) {
    if (isEligible(instrument, profile, today))
      scored.push({ instrument, score: score(instrument, context) });
  }
  const byScore = (a: { instrument: MatchableInstrument; score: number }, b: typeof a) =>
    b.score - a.score || (a.instrument.refId < b.instrument.refId ? -1 : 1);
  const pool = topN(scored, DIVERSITY_POOL, byScore);

  // Greedy diversity: each pick lowers the value of later candidates of the same kind and provider.
  const chosen: typeof pool = [];
  const kindCount = new Map<string, number>();
  const providerCount = new Map<string, number>();
  const reachCount = new Map<string, number>();
  const reachOf = (instrument: MatchableInstrument) =>
    instrument.coverage.level === "national" || instrument.coverage.level === "eu" ? "wide" : "near";
  while (chosen.length < limit && pool.length) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < pool.length; index++) {
      const candidate = pool[index]!;
      const value =
        candidate.score -
        ROUTE_WEIGHTS.sameKind * (kindCount.get(candidate.instrument.kind) ?? 0) -
        ROUTE_WEIGHTS.sameProvider * (providerCount.get(candidate.instrument.providerName) ?? 0) -
        ROUTE_WEIGHTS.sameReach * (reachCount.get(reachOf(candidate.instrument)) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    }
    const [pick] = pool.splice(bestIndex, 1);
    chosen.push(pick!);
    kindCount.set(pick!.instrument.kind, (kindCount.get(pick!.instrument.kind) ?? 0) + 1);
    providerCount.set(
      pick!.instrument.providerName,
      (providerCount.get(pick!.instrument.providerName) ?? 0) + 1,
    );
    reachCount.set(reachOf(pick!.instrument), (reachCount.get(reachOf(pick!.instrument)) ?? 0) + 1);
  }

  return {
    phase,
    phaseAssumed: assumed,
    nextStep,
    strategies,
    eligibleCount: scored.length,
    recommendations: chosen.map(({ instrument }) => {
      const reasons: Reason[] = [];
      return { instrument, score: score(instrument, context, reasons), reasons };
    }),
  };
}

/** The n best items by the comparator, without sorting the whole list (10k instruments stay cheap). */
function topN<T>(items: T[], n: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= n) return [...items].sort(compare);
  const best: T[] = [];
  for (const item of items) {
    if (best.length < n) {
      best.push(item);
      if (best.length === n) best.sort(compare);
    } else if (compare(item, best[n - 1]!) < 0) {
      let index = n - 1;
      while (index > 0 && compare(item, best[index - 1]!) < 0) index--;
      best.splice(index, 0, item);
      best.pop();
    }
  }
  return best;
}

/** The journey steps in their agenda order (ketensamenwerking last, as it runs alongside). */
export const JOURNEY_ORDER: readonly JourneyStep[] = [...STEP_ORDER, "ketensamenwerking"];
