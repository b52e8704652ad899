import { z } from "@hono/zod-openapi";
import { CAMPAIGN_PARAM, parseCampaignSource } from "../../web/campaign-source.js";
import {
  HELP_KINDS,
  type Help,
  isOneOf,
  OFFERABLE_STATUSES,
  PHASES,
  SIZE_CLASSES,
  type SizeClass,
  THEMES,
  type Theme,
} from "../vocabulary/index.js";
import { MOTIVATIONS, type Motivation, STAGES, type Stage } from "./route.vocabulary.js";

/** The scan's questions in order; each is one page. The key is also the query parameter. */
export const SCAN_QUESTIONS = [
  "grootte",
  "gemeente",
  "sector",
  "situatie",
  "motivatie",
  "thema",
  "hulp",
] as const;
export type ScanQuestion = (typeof SCAN_QUESTIONS)[number];

/**
 * The scan's answers as they travel from page to page in the query string (or hidden fields): no server session.
 * Values are kept as typed until a page is answered, so a wrong answer can be shown again.
 */
export type ScanState = {
  grootte?: string;
  gemeente?: string;
  sector?: string;
  situatie?: string;
  motivatie: string[];
  thema: string[];
  hulp: string[];
  /** The campaign source from the link the company came with; carried along, never asked. */
  bron?: string;
};

/** Reads the scan's answers from query parameters or a posted form. */
export function readScanState(get: (key: string) => string | undefined, getAll: (key: string) => string[]) {
  const single = (key: string) => {
    const value = get(key)?.trim();
    // Long enough that a place name over the place field's limit reaches its check and gets a "too long" message.
    return value ? value.slice(0, 200) : undefined;
  };
  const many = (key: string) => [...new Set(getAll(key).map((value) => value.trim()))].slice(0, 20);
  return {
    grootte: single("grootte"),
    gemeente: single("gemeente"),
    sector: single("sector"),
    situatie: single("situatie"),
    motivatie: many("motivatie"),
    thema: many("thema"),
    hulp: many("hulp"),
    bron: parseCampaignSource(get(CAMPAIGN_PARAM)),
  } satisfies ScanState;
}

/** The answers as query parameters, in question order; `except` leaves one question out (the page's own). */
export function scanStateParams(state: ScanState, except?: ScanQuestion): [string, string][] {
  const pairs: [string, string][] = [];
  for (const key of SCAN_QUESTIONS) {
    if (key === except) continue;
    const value = state[key];
    for (const item of Array.isArray(value) ? value : value ? [value] : []) pairs.push([key, item]);
  }
  if (state.bron) pairs.push([CAMPAIGN_PARAM, state.bron]);
  return pairs;
}

/** /scan at a question with the answers so far. */
export function scanHref(state: ScanState, step: number): string {
  const params = new URLSearchParams([["stap", String(step)], ...scanStateParams(state)]);
  return `/scan?${params.toString()}`;
}

/** The answers once every question is valid: what is stored and what the engine's profile is made from. */
export type ScanAnswers = {
  sizeClass: SizeClass;
  municipality: string;
  sbi: string;
  stage: Stage;
  motivations: Motivation[];
  themes: Theme[];
  help: Help[];
};

/** Checks stored answers read back from the database (they were valid when saved; vocabularies may change). */
export const storedAnswersSchema = z.object({
  sizeClass: z.enum(SIZE_CLASSES),
  municipality: z.string(),
  sbi: z.string(),
  stage: z.enum(STAGES),
  motivations: z.array(z.enum(MOTIVATIONS)),
  themes: z.array(z.enum(THEMES)),
  help: z.array(z.enum(HELP_KINDS)),
});

/** Validates the choice answers of the scan; municipality and sector are checked against reference data elsewhere. */
export const choiceChecks = {
  grootte: (state: ScanState) => isOneOf(SIZE_CLASSES, state.grootte),
  situatie: (state: ScanState) => isOneOf(STAGES, state.situatie),
  motivatie: (state: ScanState) =>
    state.motivatie.length > 0 && state.motivatie.every((value) => isOneOf(MOTIVATIONS, value)),
  thema: (state: ScanState) => state.thema.every((value) => isOneOf(THEMES, value)),
  hulp: (state: ScanState) =>
    state.hulp.length > 0 && state.hulp.every((value) => isOneOf(HELP_KINDS, value)),
};

/** The body of POST /api/v1/route. */
export const routeRequestSchema = z
  .object({
    municipality: z.string().min(1).max(60).openapi({
      description:
        "CBS municipality code (GM0153), municipality name or place name (woonplaats, e.g. Sneek or Scheveningen); any case, accents optional. A name of several municipalities (Hengelo, Bergen) or an unknown name is refused with the codes to send",
      example: "GM0153",
    }),
    sbi: z
      .string()
      .min(1)
      .max(4)
      .openapi({ description: "SBI 2008 section letter (C) or 2-digit division (13)", example: "13" }),
    employees: z.number().int().min(0).max(1_000_000).optional().openapi({ example: 25 }),
    stage: z.enum(STAGES).optional().openapi({ description: "Where the company stands", example: "ideeen" }),
    motivations: z.array(z.enum(MOTIVATIONS)).max(MOTIVATIONS.length).default([]),
    themes: z.array(z.enum(THEMES)).max(THEMES.length).default([]),
    help: z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length).default([]),
    lang: z.enum(["nl", "en"]).optional().openapi({ description: "Language of the reasons; default nl" }),
  })
  .openapi("RouteRequest");

/** The answer of POST /api/v1/route. */
export const routeResponseSchema = z
  .object({
    phase: z.enum(PHASES),
    next_step: z.string(),
    municipality: z.object({
      code: z.string(),
      name: z.string(),
      place_name: z
        .string()
        .nullable()
        .openapi({ description: "The place the request named, when it is not the municipality's own name" }),
    }),
    region: z.object({ code: z.string(), name: z.string() }),
    loket: z.object({
      name: z.string(),
      description: z.string(),
      url: z.string(),
      is_national_fallback: z.boolean(),
    }),
    strategies: z.array(z.string()),
    common_reasons: z.array(z.string()).openapi({
      description:
        "Reasons most recommendations share (every one of them, or more than half when there are three or more); left out of each recommendation's own reasons",
    }),
    recommendations: z
      .array(
        z.object({
          id: z.string(),
          ref_id: z.string(),
          name: z.string(),
          url: z.string(),
          score: z.number(),
          reasons: z.array(z.string()).openapi({
            description:
              "Only the reasons that set this recommendation apart: those in common_reasons are left out",
          }),
          summary: z.string().openapi({ description: "What it is, in one line" }),
          offer: z
            .object({
              text: z.string().openapi({
                description:
                  "What the company gets: the amount range or percentage, else the kind of help in words",
              }),
              kind: z.string(),
              amount_min: z.number().nullable(),
              amount_max: z.number().nullable(),
              percentage: z.number().nullable(),
            })
            .openapi({
              description: "What you get, from the catalogue's money and kind fields; nothing invented",
            }),
          audience: z.string().openapi({ description: "For whom: size, sector and area in words" }),
          window: z
            .object({
              open: z
                .string()
                .nullable()
                .openapi({ description: "Opening day of the current window (YYYY-MM-DD)" }),
              close: z.string().nullable().openapi({ description: "Last day to apply (YYYY-MM-DD)" }),
              expected: z
                .string()
                .nullable()
                .openapi({ description: "For verwacht: the expected month (YYYY-MM)" }),
              text: z.string().openapi({ example: "Open tot en met 31 maart 2027." }),
            })
            .openapi({ description: "When: open until, doorlopend, or verwacht with its expected window" }),
          apply: z
            .object({
              text: z
                .string()
                .openapi({ description: "The first step of the application, from the catalogue" }),
              url: z.string().nullable().openapi({ description: "The instrument's or provider's website" }),
            })
            .openapi({ description: "How to apply" }),
          provider: z.object({ id: z.string().nullable(), name: z.string() }),
          status: z.enum(OFFERABLE_STATUSES).openapi({
            description:
              "open or doorlopend: usable now; verwacht: a recurring scheme between rounds, shown with its expected window",
          }),
          expected_window: z
            .string()
            .regex(/^\d{4}-\d{2}$/)
            .nullable()
            .openapi({
              description: "For verwacht: the month the next round is expected to open (YYYY-MM)",
              example: "2027-04",
            }),
          expected_window_text: z.string().nullable(),
          last_verified: z
            .string()
            .nullable()
            .openapi({ description: "When the listing was last checked (HSDS assured_date)" }),
          stale: z.boolean().openapi({ description: "Checked more than twelve months ago" }),
        }),
      )
      .max(10),
  })
  .openapi("Route");
