import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Localised } from "../../i18n/index.js";

/** lang: the ISO 639-1 language of the title (nl, en, de, …). */
export type SourceLink = { title: string; url: string; lang: string };
/** The page behind a measure's cost or benefit: its date as shown (YYYY, YYYY-MM or YYYY-MM-DD) and the passage used. */
export type QuotedSource = SourceLink & { date: string | null; quote: string };

/** One action in a roadmap horizon, at one scale level of the getrapte regie. */
export type RoadmapAction = {
  scale: "nationaal" | "provincie" | "regio";
  text: Localised;
  measureCodes: string[];
  instrumentRefIds: string[];
};
/** One decision horizon of a roadmap: goals and the actions that lead there. */
export type RoadmapHorizon = {
  horizon: "kort" | "middellang" | "lang";
  goals: Localised[];
  actions: RoadmapAction[];
};

/** Practice examples: real Dutch SME cases, written in our own words, each with its public sources. */
export const knowledgeExamples = pgTable(
  "knowledge_examples",
  {
    slug: text("slug").primaryKey(),
    company: text("company").notNull(),
    title: jsonb("title").$type<Localised>().notNull(),
    sbiSection: text("sbi_section").notNull(),
    sbiDivision: text("sbi_division"),
    sectorPackage: text("sector_package"),
    provinceCode: text("province_code"),
    regionCode: text("region_code"),
    municipalityCode: text("municipality_code"),
    strategies: text("strategies").array().notNull(),
    themes: text("themes").array().notNull(),
    whatTheyDid: jsonb("what_they_did").$type<Localised>().notNull(),
    result: jsonb("result").$type<Localised>().notNull(),
    instrumentRefIds: text("instrument_ref_ids").array().notNull(),
    year: integer("year"),
    sources: jsonb("sources").$type<SourceLink[]>().notNull(),
    /** Every text of the example in both languages, for full-text search. */
    searchText: text("search_text").notNull(),
  },
  (table) => [
    index("knowledge_examples_section_idx").on(table.sbiSection),
    index("knowledge_examples_region_idx").on(table.regionCode),
  ],
);

/**
 * Events on the agenda. Curated ones come from data/knowledge/events.json; providers keep their own in the workspace
 * (/werkruimte/agenda) through saveEvent. `version` guards against lost updates when two people edit the same event.
 */
export const knowledgeEvents = pgTable(
  "knowledge_events",
  {
    slug: text("slug").primaryKey(),
    title: jsonb("title").$type<Localised>().notNull(),
    description: jsonb("description").$type<Localised>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    online: boolean("online").notNull(),
    place: text("place"),
    /** RES region code; null for national or online events, which are open to every region. */
    regionCode: text("region_code"),
    organiser: text("organiser").notNull(),
    instrumentRefId: text("instrument_ref_id"),
    registrationUrl: text("registration_url"),
    /** An invented example (demo content): shown with a "Voorbeeld" badge, never as a real date. */
    isExample: boolean("is_example").notNull(),
    /**
     * "curated" (loaded from data/), "provider" (kept by a provider in the workspace) or "hub" (kept by a regional
     * hub for its own loket, ADR 0072).
     */
    origin: text("origin", { enum: ["curated", "provider", "hub"] }).notNull(),
    /** The catalogue provider organisation that keeps this event; null for curated and hub events. */
    providerId: text("provider_id"),
    /** The hub (workspace organisation id) that keeps this event for its own loket; null otherwise. */
    organisationId: text("organisation_id"),
    /**
     * Called off by its provider. A cancelled event stays listed (and in the iCal feed as STATUS:CANCELLED), so
     * calendars that imported it learn that it will not take place.
     */
    cancelled: boolean("cancelled").notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    index("knowledge_events_starts_idx").on(table.startsAt),
    index("knowledge_events_region_idx").on(table.regionCode),
    index("knowledge_events_provider_idx").on(table.providerId),
    index("knowledge_events_organisation_idx").on(table.organisationId),
  ],
);

/**
 * Sector measure packages, matched to a company by its plain sector choice first (`sectorChoices`, the codes of
 * data/route/sector-names.json), then by SBI 2008 division and section.
 */
export const knowledgeMeasurePackages = pgTable("knowledge_measure_packages", {
  slug: text("slug").primaryKey(),
  position: integer("position").notNull(),
  name: jsonb("name").$type<Localised>().notNull(),
  intro: jsonb("intro").$type<Localised>().notNull(),
  sbiSections: text("sbi_sections").array().notNull(),
  sbiDivisions: text("sbi_divisions").array().notNull(),
  sectorChoices: text("sector_choices").array().notNull(),
});

/**
 * One measure of a package, with its R-strategy, decision horizon, difficulty, and an indicative cost and benefit,
 * each with the public source it rests on.
 */
export const knowledgeMeasures = pgTable(
  "knowledge_measures",
  {
    code: text("code").primaryKey(),
    packageSlug: text("package_slug")
      .notNull()
      .references(() => knowledgeMeasurePackages.slug, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: jsonb("title").$type<Localised>().notNull(),
    description: jsonb("description").$type<Localised>().notNull(),
    strategy: text("strategy").notNull(),
    theme: text("theme").notNull(),
    horizon: text("horizon", { enum: ["kort", "middellang", "lang"] }).notNull(),
    /** The cost level. */
    cost: text("cost", { enum: ["laag", "middel", "hoog"] }).notNull(),
    /** "source" when the cited page speaks about the cost, "estimate" when the level is our judgement. */
    costBasis: text("cost_basis", { enum: ["source", "estimate"] }).notNull(),
    costIndication: jsonb("cost_indication").$type<Localised>(),
    costSource: jsonb("cost_source").$type<QuotedSource>().notNull(),
    /** What the measure brings, in words. */
    benefit: jsonb("benefit").$type<Localised>().notNull(),
    benefitIndication: jsonb("benefit_indication").$type<Localised>(),
    benefitSource: jsonb("benefit_source").$type<QuotedSource>().notNull(),
    difficulty: text("difficulty", { enum: ["makkelijk", "gemiddeld", "moeilijk"] }).notNull(),
    instrumentRefIds: text("instrument_ref_ids").array().notNull(),
  },
  (table) => [index("knowledge_measures_package_idx").on(table.packageSlug)],
);

/** Routekaarten per sector or product group: goals and actions per decision horizon and scale level. */
export const knowledgeRoadmaps = pgTable("knowledge_roadmaps", {
  slug: text("slug").primaryKey(),
  position: integer("position").notNull(),
  title: jsonb("title").$type<Localised>().notNull(),
  intro: jsonb("intro").$type<Localised>().notNull(),
  measurePackageSlug: text("measure_package_slug").references(() => knowledgeMeasurePackages.slug, {
    onDelete: "set null",
  }),
  // Nested and always read whole, so one document rather than three more tables.
  horizons: jsonb("horizons").$type<RoadmapHorizon[]>().notNull(),
  sources: jsonb("sources").$type<SourceLink[]>().notNull(),
});
