import { type Lang, pick } from "../../i18n/index.js";
import { AppError, conflict, invalidInput, notFound } from "../../web/errors.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import type { Geography } from "../regions/index.js";
import { type ExampleCardModel, formatEventTime, themeLabel, toExampleCard } from "./knowledge.presenters.js";
import { eventSlugBase } from "./knowledge.provider-events.form.js";
import type {
  EventRow,
  KnowledgeRepository,
  MeasureRow,
  PackageRow,
  RoadmapRow,
} from "./knowledge.repository.js";
import { type EventInput, eventInput, type Horizon } from "./knowledge.schemas.js";
import { containsEveryWord, parseSbiCode, strategyLabel } from "./knowledge.vocabulary.js";

/** Who keeps an event in the workspace: a catalogue provider, or a hub (its organisation id) for its own loket. */
export type EventKeeper =
  | { providerId: string; organisationId?: undefined }
  | { organisationId: string; providerId?: undefined };

/** A sector measure package with its measures, in both languages. */
export type MeasurePackage = Omit<PackageRow, "position"> & {
  measures: Omit<MeasureRow, "packageSlug" | "position">[];
  /** Roadmaps that build on this package (linked from the sector page). */
  roadmaps: { slug: string; title: RoadmapRow["title"] }[];
};
export type Measure = MeasurePackage["measures"][number];

/**
 * The package for a company's sector: an SBI 2008 section letter or division, as the home form's sector choices are.
 * The package that names the code among its sector choices comes first; otherwise a division picks the package that
 * lists it (the first by position when two do), and a section, or a division no package lists, picks a package only
 * when exactly one package covers that section.
 */
export function matchPackage<
  T extends { sbiSections: string[]; sbiDivisions: string[]; sectorChoices: string[] },
>(packages: T[], sbiCode: string): T | undefined {
  const parsed = parseSbiCode(sbiCode);
  if (!parsed) return undefined;
  const chosen = packages.find((item) => item.sectorChoices.includes(parsed.division ?? parsed.section));
  if (chosen) return chosen;
  if (parsed.division) {
    const byDivision = packages.find((item) => item.sbiDivisions.includes(parsed.division!));
    if (byDivision) return byDivision;
  }
  const bySection = packages.filter((item) => item.sbiSections.includes(parsed.section));
  return bySection.length === 1 ? bySection[0] : undefined;
}

/**
 * The measures of the packages that match a search (every word, in either language, in the measure's texts, its
 * package's name, its R-strategy or theme) and the optional strategy and horizon, in the packages' order. Pure: the
 * caller already holds the packages.
 */
export function measuresMatching(
  packages: MeasurePackage[],
  query: { text?: string; strategy?: string; horizon?: Horizon },
): { item: MeasurePackage; measure: Measure }[] {
  return packages.flatMap((item) =>
    item.measures
      .filter(
        (measure) =>
          (!query.strategy || measure.strategy === query.strategy) &&
          (!query.horizon || measure.horizon === query.horizon) &&
          (!query.text ||
            containsEveryWord(
              [
                ...Object.values(item.name),
                ...Object.values(measure.title),
                ...Object.values(measure.description),
                ...Object.values(measure.benefit),
                ...Object.values(measure.benefitIndication ?? {}),
                ...Object.values(measure.costIndication ?? {}),
                strategyLabel(measure.strategy, "nl"),
                strategyLabel(measure.strategy, "en"),
                themeLabel(measure.theme, "nl"),
                themeLabel(measure.theme, "en"),
              ],
              query.text,
            )),
      )
      .map((measure) => ({ item, measure })),
  );
}

/** The roadmaps whose title, introduction, goals or actions contain every word of a search, in either language. */
export function roadmapsMatching(roadmaps: RoadmapRow[], text: string): RoadmapRow[] {
  return roadmaps.filter((roadmap) =>
    containsEveryWord(
      [
        ...Object.values(roadmap.title),
        ...Object.values(roadmap.intro),
        ...roadmap.horizons.flatMap((horizon) => [
          ...horizon.goals.flatMap((goal) => Object.values(goal)),
          ...horizon.actions.flatMap((action) => Object.values(action.text)),
        ]),
      ],
      text,
    ),
  );
}

/** Named operations on the knowledge content. */
export function createKnowledgeService(
  repository: KnowledgeRepository,
  geography: Geography,
  /** Where a provider's saves are recorded; tests of the content alone leave it out. */
  audit?: Pick<AuditLog, "record">,
) {
  async function packages(): Promise<MeasurePackage[]> {
    const [packageRows, measureRows, roadmapRows] = await Promise.all([
      repository.listPackages(),
      repository.listMeasures(),
      repository.listRoadmaps(),
    ]);
    return packageRows.map(({ position: _position, ...item }) => ({
      ...item,
      measures: measureRows
        .filter((measure) => measure.packageSlug === item.slug)
        .map(({ packageSlug: _slug, position: _order, ...measure }) => measure),
      roadmaps: roadmapRows
        .filter((roadmap) => roadmap.measurePackageSlug === item.slug)
        .map((roadmap) => ({ slug: roadmap.slug, title: roadmap.title })),
    }));
  }

  /**
   * Saves an event: a new one when expectedVersion is null, otherwise an update that only succeeds if nobody saved
   * the event since the editor loaded it (optimistic locking on the version column). A provider's save is written
   * to the audit log in the same transaction, and never touches an event another provider keeps.
   */
  async function saveEvent(
    input: EventInput,
    expectedVersion: number | null,
    keeper?: { actor: AuditActor },
  ): Promise<EventRow> {
    const parsed = eventInput.safeParse(input);
    if (!parsed.success)
      throw invalidInput(
        parsed.error.issues.map((issue) => ({
          field: issue.path.join(".") || "event",
          message: issue.message,
        })),
      );
    const { slug, ...values } = parsed.data;
    const origin = values.organisationId ? ("hub" as const) : ("provider" as const);
    const saved = await repository.transaction(async (tx) => {
      const row =
        expectedVersion === null
          ? await repository.insertEvent({ slug, ...values, origin }, tx)
          : await repository.updateEvent(slug, expectedVersion, { ...values, origin }, tx);
      if (row && keeper && audit)
        await audit.record(tx, keeper.actor, {
          action: expectedVersion === null ? "event.create" : "event.update",
          subjectType: "event",
          subjectId: slug,
          detail: {
            version: row.version,
            providerId: row.providerId,
            organisationId: row.organisationId,
            cancelled: row.cancelled,
          },
        });
      return row;
    });
    if (saved) return saved;
    // Nothing was written, so nothing needs undoing; say why.
    if (expectedVersion === null) throw conflict(`An event with slug ${slug} already exists.`);
    if (await repository.findEvent(slug))
      throw conflict(`The event ${slug} was changed by someone else; reload it and try again.`);
    throw notFound("event");
  }

  return {
    /** Agenda events matching the filters, soonest first (the agenda page and the API). */
    listEvents: repository.listEvents,
    /** The start times of the upcoming (or, with archive, past) events, for the month filter. */
    eventStarts: repository.eventStarts,
    /** Practice examples matching the filters, with the total. */
    searchExamples: repository.searchExamples,
    /** One practice example by its slug. */
    findExample: repository.findExample,
    /** Every transition roadmap, in the curated order. */
    listRoadmaps: repository.listRoadmaps,
    /** One roadmap by its slug. */
    findRoadmap: repository.findRoadmap,
    /** All sector measure packages with their measures, in the curated order. */
    listPackages: packages,
    /** One package by its slug. */
    findPackage: async (slug: string) => (await packages()).find((item) => item.slug === slug),
    /** The package for a company's sector (SBI 2008 section letter or 2-digit division), if there is one. */
    measurePackageForSector: async (sbiCode: string) => matchPackage(await packages(), sbiCode),
    /** Package names by slug, for labelling examples. */
    packageNames: async () =>
      new Map((await repository.listPackages()).map((item) => [item.slug, item.name] as const)),
    /**
     * Named practice examples as cards with what the company did, in the order asked; a slug that is not (or no
     * longer) in the data is left out. The "Wat is circulair ondernemen?" page shows three (issue 17 item 6).
     */
    async examplesBySlug(
      slugs: readonly string[],
      lang: Lang,
    ): Promise<(ExampleCardModel & { whatTheyDid: string })[]> {
      const [rows, names] = await Promise.all([
        Promise.all(slugs.map((slug) => repository.findExample(slug))),
        repository
          .listPackages()
          .then((list) => new Map(list.map((item) => [item.slug, item.name] as const))),
      ]);
      return rows
        .filter((row) => row !== undefined)
        .map((row) => ({
          ...toExampleCard(row, lang, geography, names),
          whatTheyDid: pick(row.whatTheyDid, lang),
        }));
    },
    /**
     * Practice examples closest to a company's sector (SBI 2008 section letter or 2-digit division), as cards in the
     * language: same division first, then the same measure package, then the same section.
     */
    async examplesForSector(sbiCode: string, lang: Lang, limit = 3): Promise<ExampleCardModel[]> {
      const parsed = parseSbiCode(sbiCode);
      if (!parsed) return [];
      const packageRows = await repository.listPackages();
      const packageSlug = matchPackage(packageRows, sbiCode)?.slug;
      const rows = await repository.examplesForSector({ ...parsed, packageSlug }, limit);
      const names = new Map(packageRows.map((item) => [item.slug, item.name] as const));
      return rows.map(({ closeness, ...row }) => ({
        ...toExampleCard(row, lang, geography, names),
        sameSector: closeness >= 2,
      }));
    },
    /**
     * For the public region page (ADR 0089): the region's own upcoming events (not national ones, not cancelled, never
     * an invented example event) and its practice examples, each with a link, at most `limit` of each.
     */
    async regionHighlights(regionCode: string, lang: Lang, now: Date, limit = 5) {
      const [events, examples] = await Promise.all([
        repository.listEvents({ now, archive: false, regionCodes: [regionCode], limit: 50, offset: 0 }),
        repository.searchExamples({ area: regionCode, limit, offset: 0 }),
      ]);
      return {
        events: events.rows
          .filter((row) => row.regionCode === regionCode && !row.isExample && !row.cancelled)
          .slice(0, limit)
          .map((row) => ({
            title: pick(row.title, lang),
            when: formatEventTime(row.startsAt, row.endsAt, lang),
            href: `/agenda?regio=${regionCode}#${row.slug}`,
          })),
        examples: examples.rows.map((row) => ({
          title: pick(row.title, lang),
          company: row.company,
          href: `/voorbeelden/${row.slug}`,
        })),
      };
    },
    saveEvent,
    /**
     * Adds a new event kept by a provider or by a hub for its own loket, under a readable slug from its title and
     * month, with "-2", "-3", … when another event already has that slug.
     */
    async addKeptEvent(
      input: Omit<EventInput, "slug" | "providerId" | "organisationId" | "isExample">,
      keeper: EventKeeper,
      actor: AuditActor,
    ): Promise<EventRow> {
      const base = eventSlugBase(input.title.nl, input.startsAt);
      for (let attempt = 1; attempt <= 50; attempt++) {
        const slug = attempt === 1 ? base : `${base}-${attempt}`;
        try {
          return await saveEvent(
            {
              ...input,
              slug,
              providerId: keeper.providerId ?? null,
              organisationId: keeper.organisationId ?? null,
              isExample: false,
            },
            null,
            { actor },
          );
        } catch (error) {
          if (!(error instanceof AppError && error.status === 409)) throw error;
        }
      }
      throw conflict(`No free slug for an event like ${base}.`);
    },
    /** The events a provider, or a hub for its own loket, keeps; newest first. */
    keptEvents: (keeper: EventKeeper) => repository.keptEvents(keeper),
    /** One event, if it exists. */
    findEvent: (slug: string) => repository.findEvent(slug),
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
