/**
 * The domain's closed vocabularies, written once (ADR 0083): journey steps, phases, themes, instrument kinds,
 * catalogue statuses and what a company can use, coverage levels, size classes and kinds of help. Codes are stable
 * (stored in the database, the curated data, URLs and the API); their labels are in vocabulary.labels.ts. Every
 * module imports these from here; tests/security/one-vocabulary.test.ts fails when a list is written again elsewhere.
 */

/** The agenda's journey steps in order; ketensamenwerking runs alongside the others and comes last. */
export const JOURNEY_STEPS = [
  "informeren",
  "inspireren",
  "kansen_identificeren",
  "invoering",
  "verankering",
  "ketensamenwerking",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** The steps one after the other, without ketensamenwerking, which runs alongside invoering and verankering. */
export const SEQUENTIAL_JOURNEY_STEPS: readonly JourneyStep[] = JOURNEY_STEPS.filter(
  (step) => step !== "ketensamenwerking",
);

/** Where a company stands in the transition. */
export const PHASES = ["starter", "peloton", "koploper"] as const;
export type Phase = (typeof PHASES)[number];

/** The agenda's circular themes. */
export const THEMES = [
  "inkoop",
  "productontwerp",
  "productieproces",
  "levensduur",
  "hergebruik",
  "recycling",
  "ketensamenwerking",
  "verdienmodel",
] as const;
export type Theme = (typeof THEMES)[number];

/** What kind of support an instrument is. */
export const KINDS = [
  "subsidy",
  "voucher",
  "tax_scheme",
  "finance",
  "advice",
  "programme",
  "network",
  "training",
  "information",
  "tool",
  "event",
  "procurement",
  "loket",
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The catalogue's status vocabulary (ADR 0079), in the order shown at equal fit: what a company can use now first,
 * expected rounds next, then the rest.
 *
 * - open: an application window is open now.
 * - doorlopend: no windows (advice, networks, tax schemes, loans): usable any day.
 * - verwacht: a recurring scheme between two rounds; its next window is expected from its history.
 * - gesloten: closed, with no round expected that we can show (also: oversubscribed).
 * - historisch: ended for good; kept as a precedent, never offered.
 */
export const STATUSES = ["open", "doorlopend", "verwacht", "gesloten", "historisch"] as const;
export type Status = (typeof STATUSES)[number];
/** The order at equal fit: the status list itself. */
export const STATUS_SORT_ORDER: readonly Status[] = STATUSES;

/** Statuses under which a company can use an instrument today: coverage, stars, referrals, the dossier's picker. */
export const AVAILABLE_STATUSES = ["open", "doorlopend"] as const satisfies readonly Status[];
/** Statuses the route and search may offer: usable now, or a round is expected (labelled, ranked lower). */
export const OFFERABLE_STATUSES = [...AVAILABLE_STATUSES, "verwacht"] as const satisfies readonly Status[];
export type OfferableStatus = (typeof OFFERABLE_STATUSES)[number];
const AVAILABLE: ReadonlySet<string> = new Set<string>(AVAILABLE_STATUSES);
const OFFERABLE: ReadonlySet<string> = new Set<string>(OFFERABLE_STATUSES);

/** Whether a company can use an instrument with this status today: the one function for "available". */
export function isAvailable(status: string): boolean {
  return AVAILABLE.has(status);
}

/** Whether the route may offer it: available now, or a round is expected (shown as verwacht). */
export function isOfferable(status: string): boolean {
  return OFFERABLE.has(status);
}

/** Where an instrument can be used: the whole EU or the Netherlands, provinces, RES regions or municipalities. */
export const COVERAGE_LEVELS = ["eu", "national", "province", "res_region", "municipality"] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** The R-ladder's strategies, R0 (refuse) to R9 (recover); their names are in data/reference/r_ladder.csv. */
export const R_STRATEGIES = ["R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"] as const;
export type RStrategy = (typeof R_STRATEGIES)[number];

/** EU SME size classes by number of employees. */
export const SIZE_CLASSES = ["micro", "klein", "middel", "groot"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** The size class for a head count: micro < 10, klein < 50, middel < 250, groot from 250. */
export function sizeClassFor(employees: number): SizeClass {
  if (employees < 10) return "micro";
  if (employees < 50) return "klein";
  if (employees < 250) return "middel";
  return "groot";
}

/** The kinds of help a company can ask for (the scan's question; the route engine maps them on kinds and steps). */
export const HELP_KINDS = [
  "informatie",
  "voorbeelden",
  "advies",
  "financiering",
  "partners",
  "training",
  "regelgeving",
  "inkoop",
] as const;
export type Help = (typeof HELP_KINDS)[number];

/**
 * Where a reported barrier stands in the coordinator's register (ADR 0096): new, being looked at, forwarded to the
 * competent body, answered by it, solved, or declined.
 */
export const BARRIER_STATUSES = [
  "nieuw",
  "in_behandeling",
  "doorgestuurd",
  "beantwoord",
  "opgelost",
  "afgewezen",
] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

/** The kinds of competent body a coordinator forwards a barrier to (ADR 0096). */
export const BARRIER_BODY_KINDS = [
  "ministerie",
  "omgevingsdienst",
  "provincie",
  "gemeente",
  "anders",
] as const;
export type BarrierBodyKind = (typeof BARRIER_BODY_KINDS)[number];

/**
 * Where unmet demand was heard (issue 18, ADR 0094): a route or a catalogue search that found nothing usable for the
 * company's step, an intake the adviser marked "geen passend aanbod", a provider's decline for lack of capacity or fit.
 */
export const DEMAND_SOURCES = [
  "route",
  "search",
  "intake_no_offer",
  "decline_capacity",
  "decline_fit",
] as const;
export type DemandSource = (typeof DEMAND_SOURCES)[number];

/** What a coordinator decides about a gap in the offer (the agenda's regie: who is "aan zet", and to do what). */
export const GAP_DECISIONS = ["aanvullen", "opschalen", "samenvoegen", "stoppen", "accepteren"] as const;
export type GapDecision = (typeof GAP_DECISIONS)[number];

/** Where a gap's register entry stands. */
export const GAP_STATUSES = ["open", "in_behandeling", "afgerond"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

/**
 * Where a company stands with one step or measure of its saved route (Mijn route, ADR 0091): not yet begun, busy,
 * done, or not for this company.
 */
export const PROGRESS_STATUSES = ["open", "bezig", "gedaan", "niet_voor_ons"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Whether a recorded result (kg material, euro, kg CO2e) is an estimate or was measured. */
export const RESULT_BASES = ["geschat", "gemeten"] as const;
export type ResultBasis = (typeof RESULT_BASES)[number];

/** Narrows a string to a member of a vocabulary. */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/**
 * What a monitoring goal can measure (issue 18, ADR 0095): the monitor's process indicators, computed from the
 * monitor's own facts, and the outcome indicators, summed from the measures recorded in dossiers (and, when wired,
 * Mijn route) with estimated and measured figures apart.
 */
export const PROCESS_INDICATORS = [
  "regions_with_three_stars",
  "coverage_gaps",
  "intake_requests",
  "referrals_helped_rate",
  "measures_recorded",
] as const;
export const OUTCOME_INDICATORS = ["material_kg_saved", "co2e_kg_avoided", "euro_saved"] as const;
export const GOAL_INDICATORS = [...PROCESS_INDICATORS, ...OUTCOME_INDICATORS] as const;
export type GoalIndicator = (typeof GOAL_INDICATORS)[number];
export type OutcomeIndicator = (typeof OUTCOME_INDICATORS)[number];

/**
 * What someone can be told about by e-mail ("Houd me op de hoogte", ADR 0092): a scheme opens, its deadline is near,
 * a new instrument fits their route, an event for their sector in their region.
 */
export const ALERT_KINDS = ["opent", "deadline", "nieuw_aanbod", "bijeenkomst"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
