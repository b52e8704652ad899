/**
 * The route engine: from a company profile to phase, next journey step, the sector's R-strategies and a ranked,
 * reasoned list of instruments. Pure: no I/O, no clock (today is an input), no knowledge of where instruments come
 * from. The weights are in ROUTE_WEIGHTS below and explained in docs/route-scoring.md. One implementation: the
 * scorer works on bitmasks and writes the reasons too; tests/oracles/route-scorer.ts is a plain reading of the same
 * rules that route.engine.test.ts holds it to, instrument by instrument.
 */
import type { Localised } from "../../i18n/index.js";
import { type MatchableInstrument, sbiSectionOfDivision } from "../catalogue/index.js";
import {
  type Help,
  isOfferable,
  JOURNEY_STEPS,
  type JourneyStep,
  PHASES,
  type Phase,
  R_STRATEGIES,
  SIZE_CLASSES,
  type SizeClass,
  THEMES,
  type Theme,
} from "../vocabulary/index.js";
import type { Motivation, Stage } from "./route.vocabulary.js";

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
  | { code: "evidence" }
  | { code: "expected" };

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
  /** It is made for the company's sector: more than evidence (8) and a fresher check (2) together, so a
   * sector-made instrument outranks a generic one of otherwise equal fit (issue 17). */
  sector: 16,
  /** It is made for other sectors only: the catalogue says it is not for this company, so it sinks below every
   * generic instrument that fits the company's step and phase. More than all a generic one can lack (themes 16,
   * motivations 8, help 15, strategies 6, regional over national 12, evidence 8) plus the diversity bonus for an
   * unanswered kind of help (10): a construction network never reaches a sports club's top five (issue 17). */
  otherSector: -80,
  /** A circular-purchasing instrument for a company that said nothing about buying or customer demand. */
  purchasingUnasked: -25,
  /** A loan or investment (kind finance or loan) for a company that did not ask for money: a bank or fund is not
   * an answer to a wish for advice, partners or rules (issue 17: no bank finance offered unasked). */
  financeUnasked: -25,
  /** Per R-strategy it shares with the company's sector, at most strategyMax. */
  strategy: 3,
  strategyMax: 6,
  /** Regional before provincial before national at equal fit. */
  proximityRegion: 14,
  proximityProvince: 10,
  proximityNational: 2,
  proximityEu: 0,
  /** There is evidence that it works (an effect, not reach). */
  evidence: 8,
  /** A recurring scheme between rounds (verwacht): shown, but below an open one of equal fit. */
  expected: -10,
  /** Checked more than twelve months ago: just below a fresh equal. */
  stale: -2,
  /** Subtracted per already chosen recommendation of the same kind, so the top is not five of one kind. */
  sameKind: 12,
  /** The same, for a kind the company asked for (networks for "partners"): a second one is a real alternative. */
  sameKindAsked: 8,
  /** Added while a candidate answers a kind of help that no chosen recommendation answers yet, so every kind of
   * help the company asked for gets an answer near the top (finance next to partners). */
  helpNew: 10,
  /** Subtracted per already chosen recommendation of the same provider. */
  sameProvider: 4,
  /** Subtracted per already chosen recommendation of the same reach (national/EU or regional/provincial), so
   * the top mixes national schemes with what the region itself offers. */
  sameReach: 3,
} as const;

/** Steps next to each step; ketensamenwerking runs alongside implementation and anchoring. */
export const ADJACENT_STEPS: Record<JourneyStep, JourneyStep[]> = {
  informeren: ["inspireren"],
  inspireren: ["informeren", "kansen_identificeren"],
  kansen_identificeren: ["inspireren", "invoering"],
  invoering: ["kansen_identificeren", "verankering", "ketensamenwerking"],
  verankering: ["invoering", "ketensamenwerking"],
  ketensamenwerking: ["invoering", "verankering"],
};

/** A company can still use what is meant for the phase before its own, not what is meant for the one after. */
export const ADJACENT_PHASES: Record<Phase, Phase[]> = {
  starter: [],
  peloton: ["starter"],
  koploper: ["peloton"],
};

/** Which instrument kinds, journey steps and themes serve each kind of help. */
export const HELP_SERVED_BY: Record<Help, { kinds: string[]; steps: JourneyStep[]; themes: Theme[] }> = {
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
export const MOTIVATION_SERVED_BY: Record<Motivation, { themes: Theme[]; kinds: string[] }> = {
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

/** Sections each instrument narrows to some of its divisions (memoised per instrument). */
const narrowedSections = new WeakMap<MatchableInstrument, Set<string>>();

/**
 * Whether the instrument is made for the company's sector: "match" when it names the company's section (and, where
 * it narrows that section to some divisions, the company's division); "other" when it names only other sectors or
 * other divisions of the company's section; undefined for an instrument for every sector, and for a company that
 * gave only a section the instrument narrows (it may or may not fit: neither bonus nor penalty).
 */
function sectorFit(instrument: MatchableInstrument, profile: RouteProfile): "match" | "other" | undefined {
  if (!instrument.sbiSections.length) return undefined;
  if (!instrument.sbiSections.includes(profile.sbiSection)) return "other";
  const divisions = instrument.sbiDivisions ?? [];
  if (!divisions.length) return "match";
  let narrowed = narrowedSections.get(instrument);
  if (!narrowed) {
    narrowed = new Set(divisions.map((division) => sbiSectionOfDivision(division) ?? ""));
    narrowedSections.set(instrument, narrowed);
  }
  if (!narrowed.has(profile.sbiSection)) return "match";
  if (!profile.sbiDivision) return undefined;
  return divisions.includes(profile.sbiDivision) ? "match" : "other";
}

/** Kinds that lend or invest money: offered only to a company that asked for financing. */
export const LENDING_KINDS: ReadonlySet<string> = new Set(["finance", "loan"]);

/*
 * The scorer. Every instrument is compiled once into bitmasks (memoised per instrument list, which the service
 * caches), and each profile into matching masks, so scoring 10k instruments is a few integer operations each. Only
 * the recommendations that are shown are scored a second time, then with their reasons.
 */

const STEP_BITS = bitsOf(JOURNEY_STEPS);
const PHASE_BITS = bitsOf(PHASES);
const THEME_BITS = bitsOf(THEMES);
const STRATEGY_BITS = bitsOf(R_STRATEGIES);
const SIZE_BITS = bitsOf(SIZE_CLASSES);
const KNOWN_THEMES = (1 << THEME_BITS.size) - 1;

function bitsOf(values: readonly string[]): Map<string, number> {
  return new Map(values.map((value, index) => [value, 1 << index]));
}
/** The profile's side: values outside the vocabulary match nothing. */
function maskOf(values: readonly string[], bits: Map<string, number>): number {
  let mask = 0;
  for (const value of values) mask |= bits.get(value) ?? 0;
  return mask;
}
/**
 * The instrument's side: a value outside the vocabulary (a catalogue ahead of the code) sets one extra bit that no
 * profile mask has, so it matches nothing, yet a size list of only unknown classes still reads as "not every size".
 */
function instrumentMaskOf(values: readonly string[], bits: Map<string, number>): number {
  let mask = 0;
  for (const value of values) mask |= bits.get(value) ?? 1 << bits.size;
  return mask;
}
function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
}
/** The values whose bit (by vocabulary, or by position with `bits` absent) is set in the mask, in their order. */
function valuesIn<T extends string>(values: readonly T[], mask: number, bits?: Map<string, number>): T[] {
  return values.filter((value, index) => mask & (bits ? (bits.get(value) ?? 0) : 1 << index));
}

type Compiled = {
  instrument: MatchableInstrument;
  /** Offerable (open, doorlopend, verwacht) and not general SME finance. */
  available: boolean;
  steps: number;
  phases: number;
  themes: number;
  strategies: number;
  /** 0: every size. */
  sizes: number;
};

const compiledLists = new WeakMap<readonly MatchableInstrument[], Compiled[]>();

function compile(instruments: readonly MatchableInstrument[]): Compiled[] {
  const cached = compiledLists.get(instruments);
  if (cached) return cached;
  const compiled = instruments.map((instrument) => ({
    instrument,
    available: isOfferable(instrument.status) && !instrument.generalFinance,
    steps: instrumentMaskOf(instrument.journeySteps, STEP_BITS),
    phases: instrumentMaskOf(instrument.phases, PHASE_BITS),
    themes: instrumentMaskOf(instrument.themes, THEME_BITS),
    strategies: instrumentMaskOf(instrument.rStrategies, STRATEGY_BITS),
    sizes: instrumentMaskOf(instrument.sizeClasses, SIZE_BITS),
  }));
  compiledLists.set(instruments, compiled);
  return compiled;
}

/** The profile, its phase, next step and sector strategies, and the masks the scorer compares with. */
type Context = {
  profile: RouteProfile;
  phase: Phase;
  nextStep: JourneyStep;
  /** The sector's R-strategies. */
  strategies: string[];
  /** The steps next to the next step. */
  adjacent: JourneyStep[];
  /** The company buys with circularity in mind or its customers ask for it. */
  purchasing: boolean;
  /** The company asked for financing. */
  wantsMoney: boolean;
  masks: {
    nextStep: number;
    adjacentSteps: number;
    phase: number;
    adjacentPhases: number;
    themes: number;
    strategies: number;
    size: number;
    /** Per kind of help asked for (in the profile's order): the kinds, steps and themes that serve it. */
    help: { kinds: ReadonlySet<string>; steps: number; themes: number }[];
    /** Every kind, step and theme that serves some help asked for. */
    helpKinds: ReadonlySet<string>;
    helpSteps: number;
    helpThemes: number;
    /** Motivations (bit i for motivations[i]) each instrument kind serves. */
    motivationKinds: Map<string, number>;
    /** Motivations served by each combination of known themes (indexed by the theme mask). */
    motivationByThemes: Uint16Array;
  };
};

function contextFor(profile: RouteProfile, sectorStrategies: readonly SectorStrategy[]): Context {
  const { phase } = determinePhase(profile.stage);
  const nextStep = determineNextStep(profile.stage, profile.help, profile.themes);
  const strategies = strategiesForSector(sectorStrategies, profile.sbiSection, profile.sbiDivision).codes;
  const adjacent = ADJACENT_STEPS[nextStep];

  const motivationKinds = new Map<string, number>();
  const motivationThemeMasks = profile.motivations.map((motivation, index) => {
    for (const kind of MOTIVATION_SERVED_BY[motivation].kinds)
      motivationKinds.set(kind, (motivationKinds.get(kind) ?? 0) | (1 << index));
    return maskOf(MOTIVATION_SERVED_BY[motivation].themes, THEME_BITS);
  });
  const motivationByThemes = new Uint16Array(KNOWN_THEMES + 1);
  for (let themes = 0; themes <= KNOWN_THEMES; themes++) {
    let mask = 0;
    motivationThemeMasks.forEach((served, index) => {
      if (served & themes) mask |= 1 << index;
    });
    motivationByThemes[themes] = mask;
  }
  const help = profile.help.map((wanted) => {
    const served = HELP_SERVED_BY[wanted];
    return {
      kinds: new Set(served.kinds),
      steps: maskOf(served.steps, STEP_BITS),
      themes: maskOf(served.themes, THEME_BITS),
    };
  });

  return {
    profile,
    phase,
    nextStep,
    strategies,
    adjacent,
    purchasing:
      profile.help.includes("inkoop") ||
      profile.themes.includes("inkoop") ||
      profile.motivations.includes("klantvraag"),
    wantsMoney: profile.help.includes("financiering"),
    masks: {
      nextStep: STEP_BITS.get(nextStep)!,
      adjacentSteps: maskOf(adjacent, STEP_BITS),
      phase: PHASE_BITS.get(phase)!,
      adjacentPhases: maskOf(ADJACENT_PHASES[phase], PHASE_BITS),
      themes: maskOf(profile.themes, THEME_BITS),
      strategies: maskOf(strategies, STRATEGY_BITS),
      size: profile.sizeClass ? SIZE_BITS.get(profile.sizeClass)! : 0,
      help,
      helpKinds: new Set(help.flatMap((served) => [...served.kinds])),
      helpSteps: help.reduce((mask, served) => mask | served.steps, 0),
      helpThemes: help.reduce((mask, served) => mask | served.themes, 0),
      motivationKinds,
      motivationByThemes,
    },
  };
}

/**
 * Hard filters: usable now or expected (verwacht, catalogue.status.ts), not general SME finance, reachable from the
 * company's municipality, open to its size. A window that closed only excludes what claims to be open.
 */
function isEligible(item: Compiled, context: Context, today: string): boolean {
  if (!item.available) return false;
  const { windowClose, status } = item.instrument;
  if (status !== "verwacht" && windowClose && windowClose < today) return false;
  if (context.masks.size && item.sizes && !(item.sizes & context.masks.size)) return false;
  return proximityOf(item.instrument, context.profile.location) !== undefined;
}

/**
 * Which of the kinds of help asked for (bit i for help[i]) the instrument answers: by its kind (a subsidy for
 * "financiering"), or else through its journey step or theme (an inkoop guide for "inkoop").
 */
function helpServed(item: Compiled, context: Context): number {
  let mask = 0;
  context.masks.help.forEach((served, index) => {
    if (served.kinds.has(item.instrument.kind) || item.steps & served.steps || item.themes & served.themes)
      mask |= 1 << index;
  });
  return mask;
}

/** Scores one eligible instrument; with `reasons` it also says why, in the order of weight. */
function score(item: Compiled, context: Context, reasons?: Reason[]): number {
  const W = ROUTE_WEIGHTS;
  const { instrument } = item;
  const { profile, masks } = context;
  let total = 0;

  if (item.steps & masks.nextStep) {
    total += W.step;
    reasons?.push({ code: "step", step: context.nextStep });
  } else if (item.steps & masks.adjacentSteps) {
    total += W.adjacentStep;
    reasons?.push({ code: "adjacentStep", step: valuesIn(context.adjacent, item.steps, STEP_BITS)[0]! });
  }

  if (item.phases & masks.phase) {
    total += W.phase;
    reasons?.push({ code: "phase", phase: context.phase });
  } else if (item.phases & masks.adjacentPhases) total += W.adjacentPhase;

  const themes = item.themes & masks.themes;
  if (themes) {
    total += Math.min(W.themeMax, bitCount(themes) * W.theme);
    reasons?.push({ code: "themes", themes: valuesIn(profile.themes, themes, THEME_BITS) });
  }

  const motivations =
    masks.motivationByThemes[item.themes & KNOWN_THEMES]! | (masks.motivationKinds.get(instrument.kind) ?? 0);
  if (motivations) {
    total += Math.min(W.motivationMax, bitCount(motivations) * W.motivation);
    reasons?.push({ code: "motivations", motivations: valuesIn(profile.motivations, motivations) });
  }

  const helpByKind = masks.helpKinds.has(instrument.kind);
  if (helpByKind || item.steps & masks.helpSteps || item.themes & masks.helpThemes) {
    total += helpByKind ? W.helpKind : W.helpOther;
    reasons?.push({ code: "help", help: valuesIn(profile.help, helpServed(item, context)) });
  }

  const sector = sectorFit(instrument, profile);
  if (sector === "match") {
    total += W.sector;
    reasons?.push({ code: "sector" });
  } else if (sector === "other") total += W.otherSector;

  if (instrument.kind === "procurement" && !context.purchasing) total += W.purchasingUnasked;
  if (LENDING_KINDS.has(instrument.kind) && !context.wantsMoney) total += W.financeUnasked;

  const strategies = item.strategies & masks.strategies;
  if (strategies) {
    total += Math.min(W.strategyMax, bitCount(strategies) * W.strategy);
    reasons?.push({
      code: "strategies",
      strategies: valuesIn(context.strategies, strategies, STRATEGY_BITS),
    });
  }

  const proximity = proximityOf(instrument, profile.location);
  total +=
    proximity === "region"
      ? W.proximityRegion
      : proximity === "province"
        ? W.proximityProvince
        : proximity === "national"
          ? W.proximityNational
          : W.proximityEu;
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
  if (instrument.status === "verwacht") {
    total += W.expected;
    reasons?.push({ code: "expected" });
  }
  if (instrument.stale) total += W.stale;
  return total;
}

/**
 * Every instrument's verdict for a profile, in list order: whether it passes the hard filters and, when it does, its
 * score and reasons. Not used to rank (buildRoute scores without reasons first); the engine test compares it with
 * the readable oracle, and it answers "why not this one?" in a test.
 */
export function assessInstruments(input: {
  profile: RouteProfile;
  instruments: readonly MatchableInstrument[];
  sectorStrategies: readonly SectorStrategy[];
  today: string;
}): { instrument: MatchableInstrument; eligible: boolean; score: number; reasons: Reason[] }[] {
  const context = contextFor(input.profile, input.sectorStrategies);
  return compile(input.instruments).map((item) => {
    const reasons: Reason[] = [];
    const eligible = isEligible(item, context, input.today);
    return {
      instrument: item.instrument,
      eligible,
      score: eligible ? score(item, context, reasons) : 0,
      reasons,
    };
  });
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
  const { assumed } = determinePhase(profile.stage);
  const strategies = strategiesForSector(input.sectorStrategies, profile.sbiSection, profile.sbiDivision);
  const context = contextFor(profile, input.sectorStrategies);
  const { phase, nextStep } = context;

  // Scores and eligible positions in typed arrays: no object per instrument, so 10k cost little garbage.
  const compiled = compile(instruments);
  const scores = new Int32Array(compiled.length);
  const eligible = new Int32Array(compiled.length);
  let eligibleCount = 0;
  for (let index = 0; index < compiled.length; index++) {
    const item = compiled[index]!;
    if (!isEligible(item, context, today)) continue;
    scores[index] = score(item, context);
    eligible[eligibleCount++] = index;
  }
  const pool = topN(compiled, scores, eligible.subarray(0, eligibleCount), DIVERSITY_POOL).map((index) => ({
    item: compiled[index]!,
    instrument: compiled[index]!.instrument,
    score: scores[index]!,
  }));

  // Greedy diversity: each pick lowers the value of later candidates of the same kind, provider and reach, and
  // a candidate that answers a kind of help no pick answers yet is worth more (every need asked for gets an answer).
  const W = ROUTE_WEIGHTS;
  const candidates = pool.map((entry) => ({ ...entry, help: helpServed(entry.item, context) }));
  const chosen: typeof candidates = [];
  const kindCount = new Map<string, number>();
  const providerCount = new Map<string, number>();
  const reachCount = new Map<string, number>();
  let helpAnswered = 0;
  const reachOf = (instrument: MatchableInstrument) =>
    instrument.coverage.level === "national" || instrument.coverage.level === "eu" ? "wide" : "near";
  while (chosen.length < limit && candidates.length) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < candidates.length; index++) {
      const candidate = candidates[index]!;
      const { kind, providerName } = candidate.instrument;
      const sameKind = context.masks.helpKinds.has(kind) ? W.sameKindAsked : W.sameKind;
      const value =
        candidate.score -
        sameKind * (kindCount.get(kind) ?? 0) -
        W.sameProvider * (providerCount.get(providerName) ?? 0) -
        W.sameReach * (reachCount.get(reachOf(candidate.instrument)) ?? 0) +
        (candidate.help & ~helpAnswered ? W.helpNew : 0);
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    }
    const [pick] = candidates.splice(bestIndex, 1);
    chosen.push(pick!);
    helpAnswered |= pick!.help;
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
    eligibleCount,
    recommendations: chosen.map(({ item, instrument }) => {
      const reasons: Reason[] = [];
      return { instrument, score: score(item, context, reasons), reasons };
    }),
  };
}

/** Score first, then reference id: a stable order. */
function before(compiled: Compiled[], scores: Int32Array, a: number, b: number): boolean {
  const difference = scores[a]! - scores[b]!;
  if (difference !== 0) return difference > 0;
  return compiled[a]!.instrument.refId < compiled[b]!.instrument.refId;
}

/**
 * The positions of the n best eligible instruments, best first. Scores are whole numbers, so a histogram finds the
 * cut-off score in one pass; only the few at or above it are ordered (ties at the cut-off by a small sorted buffer).
 */
function topN(compiled: Compiled[], scores: Int32Array, eligible: Int32Array, n: number): number[] {
  const order = (a: number, b: number) => (before(compiled, scores, a, b) ? -1 : 1);
  if (eligible.length <= n) return [...eligible].sort(order);
  const counts = new Map<number, number>();
  for (const index of eligible) counts.set(scores[index]!, (counts.get(scores[index]!) ?? 0) + 1);
  const distinct = [...counts.keys()].sort((a, b) => b - a);
  let cutoff = distinct[0]!;
  let above = 0;
  for (const value of distinct) {
    const count = counts.get(value)!;
    if (above + count >= n) {
      cutoff = value;
      break;
    }
    above += count;
  }
  const best: number[] = [];
  const ties: number[] = [];
  const wanted = n - above;
  for (const index of eligible) {
    const value = scores[index]!;
    if (value > cutoff) best.push(index);
    else if (value === cutoff) {
      if (ties.length === wanted && !before(compiled, scores, index, ties[wanted - 1]!)) continue;
      let low = 0;
      let high = ties.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (before(compiled, scores, index, ties[middle]!)) high = middle;
        else low = middle + 1;
      }
      ties.splice(low, 0, index);
      if (ties.length > wanted) ties.pop();
    }
  }
  return [...best.sort(order), ...ties];
}
