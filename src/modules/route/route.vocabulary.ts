/** The scan's closed vocabularies: codes are stable (API, URLs, stored answers); texts live in route.messages.ts. */

export const STAGES = ["orienteren", "ideeen", "invoeren", "verankeren", "koploper"] as const;
export type Stage = (typeof STAGES)[number];

export const PHASES = ["starter", "peloton", "koploper"] as const;
export type Phase = (typeof PHASES)[number];

/** The agenda's journey steps in order; ketensamenwerking runs alongside the others. */
export const JOURNEY_STEPS = [
  "informeren",
  "inspireren",
  "kansen_identificeren",
  "invoering",
  "verankering",
  "ketensamenwerking",
] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export const MOTIVATIONS = [
  "kosten_besparen",
  "leveringszekerheid",
  "nieuwe_omzet",
  "klantvraag",
  "wetgeving",
  "milieu",
  "personeel_imago",
] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

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

export const HELP = [
  "informatie",
  "voorbeelden",
  "advies",
  "financiering",
  "partners",
  "training",
  "regelgeving",
  "inkoop",
] as const;
export type Help = (typeof HELP)[number];

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

/** Narrows a string to a member of a vocabulary. */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
