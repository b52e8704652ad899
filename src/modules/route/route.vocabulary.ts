/**
 * The scan's own closed vocabularies: codes are stable (API, URLs, stored answers); texts live in route.messages.ts.
 * Steps, phases, themes, size classes and kinds of help are the domain's (src/modules/vocabulary, ADR 0083).
 */

export const STAGES = ["orienteren", "ideeen", "invoeren", "verankeren", "koploper"] as const;
export type Stage = (typeof STAGES)[number];

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
