import { z } from "zod";
import { R_STRATEGIES } from "../vocabulary/index.js";

export const HORIZONS = ["kort", "middellang", "lang"] as const;
export type Horizon = (typeof HORIZONS)[number];
export const SCALES = ["nationaal", "provincie", "regio"] as const;
export const COSTS = ["laag", "middel", "hoog"] as const;
/** "source": the cited page speaks about the cost itself; "estimate": the level is our judgement. */
export const COST_BASES = ["source", "estimate"] as const;
export const DIFFICULTIES = ["makkelijk", "gemiddeld", "moeilijk"] as const;

const localised = z.object({ nl: z.string().min(1), en: z.string().min(1) });
/** A public source; lang is the ISO 639-1 language of its title, so a page in another language can mark it (WCAG 3.1.2). */
const source = z.object({ title: z.string().min(1), url: z.url(), lang: z.string().regex(/^[a-z]{2}$/) });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
/**
 * The page that supports a measure's cost or benefit: its date as shown on the page (year, month or day; null when
 * the page shows none) and the passage it rests on, so anyone can find the figure on the page.
 */
const quotedSource = source.extend({
  date: z
    .string()
    .regex(/^\d{4}(-\d\d){0,2}$/)
    .nullable(),
  quote: z.string().min(1),
});

/** The shape of data/knowledge/examples.json: checked at load, so a typo stops the seed instead of a page. */
export const curatedExamplesFile = z.array(
  z.object({
    slug,
    company: z.string().min(1),
    title: localised,
    sbi_section: z.string().regex(/^[A-U]$/),
    sbi_division: z
      .string()
      .regex(/^\d\d$/)
      .nullable(),
    sector_package: slug.nullable(),
    province: z
      .string()
      .regex(/^PV\d\d$/)
      .nullable(),
    res_region: z
      .string()
      .regex(/^ES\d\d$/)
      .nullable(),
    municipality: z
      .string()
      .regex(/^GM\d{4}$/)
      .nullable(),
    r_strategies: z.array(z.enum(R_STRATEGIES)).min(1),
    themes: z.array(z.string().min(1)),
    what_they_did: localised,
    result: localised,
    instruments: z.array(z.string().min(1)),
    year: z.number().int().nullable(),
    sources: z.array(source).min(1),
  }),
);

/** The shape of data/knowledge/events.json. */
export const curatedEventsFile = z.array(
  z.object({
    slug,
    title: localised,
    description: localised,
    starts_at: z.iso.datetime({ offset: true }),
    ends_at: z.iso.datetime({ offset: true }),
    online: z.boolean(),
    place: z.string().min(1).nullable(),
    region: z
      .string()
      .regex(/^ES\d\d$/)
      .nullable(),
    organiser: z.string().min(1),
    instrument_ref_id: z.string().min(1).nullable(),
    registration_url: z.url().nullable(),
    is_example: z.boolean(),
    /** An example that stays in the past when a demo moves the examples ahead, so the archive is not empty. */
    demo_archive: z.boolean().default(false),
  }),
);

/** The shape of data/knowledge/measure-packages.json. */
export const curatedPackagesFile = z.array(
  z.object({
    slug,
    name: localised,
    intro: localised,
    sbi_sections: z.array(z.string().regex(/^[A-U]$/)),
    sbi_divisions: z.array(z.string().regex(/^\d\d$/)),
    /** The plain sector choices of the home form (data/route/sector-names.json) this package is the first answer for. */
    sector_choices: z.array(z.string().regex(/^([A-U]|\d\d)$/)),
    measures: z.array(
      z.object({
        code: z.string().min(1),
        title: localised,
        description: localised,
        r_strategy: z.enum(R_STRATEGIES),
        theme: z.string().min(1),
        horizon: z.enum(HORIZONS),
        difficulty: z.enum(DIFFICULTIES),
        cost: z.object({
          level: z.enum(COSTS),
          level_basis: z.enum(COST_BASES),
          /** A figure from the source, when it gives one. */
          indication: localised.nullable(),
          source: quotedSource,
        }),
        benefit: z.object({
          text: localised,
          indication: localised.nullable(),
          source: quotedSource,
        }),
        instrument_ref_ids: z.array(z.string().min(1)),
      }),
    ),
  }),
);

/** The shape of data/knowledge/roadmaps.json. */
export const curatedRoadmapsFile = z.array(
  z.object({
    slug,
    title: localised,
    intro: localised,
    measure_package: slug.nullable(),
    horizons: z.array(
      z.object({
        horizon: z.enum(HORIZONS),
        goals: z.array(localised),
        actions: z.array(
          z.object({
            scale: z.enum(SCALES),
            text: localised,
            measure_codes: z.array(z.string()),
            instrument_ref_ids: z.array(z.string()),
          }),
        ),
      }),
    ),
    sources: z.array(source),
  }),
);

/** What a provider (or the loader) hands to saveEvent. */
export const eventInput = z
  .object({
    slug,
    title: localised,
    description: localised,
    startsAt: z.date(),
    endsAt: z.date(),
    online: z.boolean(),
    place: z.string().trim().min(1).nullable(),
    regionCode: z
      .string()
      .regex(/^ES\d\d$/)
      .nullable(),
    organiser: z.string().trim().min(1),
    instrumentRefId: z.string().min(1).nullable(),
    registrationUrl: z.url().nullable(),
    isExample: z.boolean(),
    /** The catalogue provider that keeps the event; null for curated events. */
    providerId: z.string().min(1).nullable().default(null),
    /** The hub that keeps the event for its own loket (ADR 0072); null otherwise. */
    organisationId: z.string().min(1).nullable().default(null),
    cancelled: z.boolean().default(false),
  })
  .refine((event) => event.endsAt >= event.startsAt, { path: ["endsAt"], message: "ends before it starts" })
  .refine((event) => event.online || event.place, {
    path: ["place"],
    message: "a place or online is needed",
  });
export type EventInput = z.input<typeof eventInput>;
