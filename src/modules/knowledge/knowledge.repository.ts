import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  knowledgeEvents,
  knowledgeExamples,
  knowledgeMeasurePackages,
  knowledgeMeasures,
  knowledgeRoadmaps,
} from "./knowledge.tables.js";

export type ExampleRow = typeof knowledgeExamples.$inferSelect;
export type EventRow = typeof knowledgeEvents.$inferSelect;
export type PackageRow = typeof knowledgeMeasurePackages.$inferSelect;
export type MeasureRow = typeof knowledgeMeasures.$inferSelect;
export type RoadmapRow = typeof knowledgeRoadmaps.$inferSelect;

export type ExampleQuery = {
  text?: string;
  sectorPackage?: string;
  strategy?: string;
  /** A province (PVxx) or RES region (ESxx) code. */
  area?: string;
  limit: number;
  offset: number;
};

export type EventQuery = {
  now: Date;
  archive: boolean;
  /** Events in these RES regions, plus national and online events (which are open to every region). */
  regionCodes?: string[];
  /** Words in the title, description, organiser or place, in either language. */
  text?: string;
  from?: Date;
  before?: Date;
  limit: number;
  offset: number;
};

/** Full-text search in Dutch and English with accents folded, plus a substring match for parts of words. */
function exampleSearch(text: string): SQL {
  const document = sql`unaccent(${knowledgeExamples.searchText})`;
  return sql`(to_tsvector('dutch', ${document}) @@ websearch_to_tsquery('dutch', unaccent(${text}))
    or to_tsvector('english', ${document}) @@ websearch_to_tsquery('english', unaccent(${text}))
    or lower(${document}) like '%' || lower(unaccent(${escapeLike(text)})) || '%')`;
}

/** Every word must occur somewhere in the event's texts (accents and case ignored). */
function eventSearch(text: string): SQL {
  const document = sql`lower(unaccent(${knowledgeEvents.title}::text || ' ' || ${knowledgeEvents.description}::text
    || ' ' || ${knowledgeEvents.organiser} || ' ' || coalesce(${knowledgeEvents.place}, '')))`;
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8);
  return sql.join(
    words.map((word) => sql`${document} like '%' || lower(unaccent(${escapeLike(word)})) || '%'`),
    sql` and `,
  );
}

/** Typed % and _ are letters to search for, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Reads and writes the knowledge tables. */
export function createKnowledgeRepository(db: Database) {
  const exampleFilter = (query: Omit<ExampleQuery, "limit" | "offset">) =>
    and(
      query.text ? exampleSearch(query.text) : undefined,
      query.sectorPackage ? eq(knowledgeExamples.sectorPackage, query.sectorPackage) : undefined,
      query.strategy ? sql`${query.strategy} = any(${knowledgeExamples.strategies})` : undefined,
      query.area
        ? or(eq(knowledgeExamples.provinceCode, query.area), eq(knowledgeExamples.regionCode, query.area))
        : undefined,
    );
  const eventFilter = (query: Omit<EventQuery, "limit" | "offset">) =>
    and(
      query.archive ? lt(knowledgeEvents.endsAt, query.now) : gte(knowledgeEvents.endsAt, query.now),
      query.regionCodes
        ? or(isNull(knowledgeEvents.regionCode), inArray(knowledgeEvents.regionCode, query.regionCodes))
        : undefined,
      query.text ? eventSearch(query.text) : undefined,
      query.from ? gte(knowledgeEvents.startsAt, query.from) : undefined,
      query.before ? lt(knowledgeEvents.startsAt, query.before) : undefined,
    );

  return {
    async searchExamples(query: ExampleQuery) {
      const where = exampleFilter(query);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(knowledgeExamples)
          .where(where)
          .orderBy(asc(knowledgeExamples.company))
          .limit(query.limit)
          .offset(query.offset),
        db.select({ n: count() }).from(knowledgeExamples).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    findExample: async (slug: string) =>
      (await db.select().from(knowledgeExamples).where(eq(knowledgeExamples.slug, slug)))[0],
    /**
     * Examples closest to a sector, with their closeness: 3 the same SBI division, 2 the same measure package, 1 only
     * the same SBI section (a related sector).
     */
    async examplesForSector(
      sector: { section: string; division?: string; packageSlug?: string },
      limit: number,
    ) {
      const rank = sql<number>`(case
        when ${knowledgeExamples.sbiDivision} = ${sector.division ?? ""} then 3
        when ${knowledgeExamples.sectorPackage} = ${sector.packageSlug ?? ""} then 2
        when ${knowledgeExamples.sbiSection} = ${sector.section} then 1
        else 0 end)`;
      return db
        .select({ ...getTableColumns(knowledgeExamples), closeness: rank })
        .from(knowledgeExamples)
        .where(sql`${rank} > 0`)
        .orderBy(desc(rank), sql`${knowledgeExamples.year} desc nulls last`, asc(knowledgeExamples.slug))
        .limit(limit);
    },
    async listEvents(query: EventQuery) {
      const where = eventFilter(query);
      const order = query.archive
        ? [desc(knowledgeEvents.startsAt), asc(knowledgeEvents.slug)]
        : [asc(knowledgeEvents.startsAt), asc(knowledgeEvents.slug)];
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(knowledgeEvents)
          .where(where)
          .orderBy(...order)
          .limit(query.limit)
          .offset(query.offset),
        db.select({ n: count() }).from(knowledgeEvents).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    /**
     * The monitor's event facts: each event's region (null: national or online), start and, for a hub's own event,
     * the hub's organisation. Real events only: an invented example event (is_example, demo mode only) never counts
     * toward a star level, coverage or a goal, not even in demo mode (ADR 0079); the composition root also leaves out
     * the events of demo hubs (`organisationId`), whose demo flag the organisations' owner keeps.
     */
    eventFacts: () =>
      db
        .select({
          regionCode: knowledgeEvents.regionCode,
          startsAt: knowledgeEvents.startsAt,
          organisationId: knowledgeEvents.organisationId,
        })
        .from(knowledgeEvents)
        .where(and(eq(knowledgeEvents.cancelled, false), eq(knowledgeEvents.isExample, false))),
    /** Upcoming real events (not cancelled, not an example): what the alert job tells about (ADR 0092). */
    upcomingEvents: (now: Date) =>
      db
        .select({
          slug: knowledgeEvents.slug,
          title: knowledgeEvents.title,
          startsAt: knowledgeEvents.startsAt,
          regionCode: knowledgeEvents.regionCode,
          instrumentRefId: knowledgeEvents.instrumentRefId,
          organisationId: knowledgeEvents.organisationId,
        })
        .from(knowledgeEvents)
        .where(
          and(
            eq(knowledgeEvents.cancelled, false),
            eq(knowledgeEvents.isExample, false),
            gt(knowledgeEvents.startsAt, now),
          ),
        ),
    /** Start times of all upcoming or all past events, for the month filter. */
    eventStarts: async (now: Date, archive: boolean) =>
      (
        await db
          .select({ startsAt: knowledgeEvents.startsAt })
          .from(knowledgeEvents)
          .where(archive ? lt(knowledgeEvents.endsAt, now) : gte(knowledgeEvents.endsAt, now))
      ).map((row) => row.startsAt),
    findEvent: async (slug: string) =>
      (await db.select().from(knowledgeEvents).where(eq(knowledgeEvents.slug, slug)))[0],
    /** Every event a provider, or a hub for its own loket, keeps; newest start first. */
    keptEvents: (keeper: { providerId?: string; organisationId?: string }) =>
      db
        .select()
        .from(knowledgeEvents)
        .where(
          keeper.providerId !== undefined
            ? eq(knowledgeEvents.providerId, keeper.providerId)
            : eq(knowledgeEvents.organisationId, keeper.organisationId ?? ""),
        )
        .orderBy(desc(knowledgeEvents.startsAt), asc(knowledgeEvents.slug)),
    /** Runs `work` in one transaction; pass the transaction on to the writes and the audit log. */
    transaction: <T>(work: (tx: Database) => Promise<T>) => db.transaction((tx) => work(tx)),
    /** Inserts a new event at version 1; undefined when the slug is taken. */
    async insertEvent(
      values: Omit<typeof knowledgeEvents.$inferInsert, "version" | "updatedAt">,
      executor: Database = db,
    ) {
      const inserted = await executor
        .insert(knowledgeEvents)
        .values({ ...values, version: 1 })
        .onConflictDoNothing({ target: knowledgeEvents.slug })
        .returning();
      return inserted[0];
    },
    /** Updates an event only if it still has the version the editor saw; undefined when someone else was first. */
    async updateEvent(
      slug: string,
      expectedVersion: number,
      values: Omit<typeof knowledgeEvents.$inferInsert, "slug" | "version" | "updatedAt">,
      executor: Database = db,
    ) {
      const updated = await executor
        .update(knowledgeEvents)
        .set({ ...values, version: sql`${knowledgeEvents.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(knowledgeEvents.slug, slug),
            eq(knowledgeEvents.version, expectedVersion),
            // A provider's save never touches an event kept by someone else.
            values.providerId ? eq(knowledgeEvents.providerId, values.providerId) : undefined,
          ),
        )
        .returning();
      return updated[0];
    },
    listPackages: () =>
      db.select().from(knowledgeMeasurePackages).orderBy(asc(knowledgeMeasurePackages.position)),
    listMeasures: (packageSlugs?: string[]) =>
      db
        .select()
        .from(knowledgeMeasures)
        .where(packageSlugs ? inArray(knowledgeMeasures.packageSlug, packageSlugs) : undefined)
        .orderBy(asc(knowledgeMeasures.packageSlug), asc(knowledgeMeasures.position)),
    listRoadmaps: () => db.select().from(knowledgeRoadmaps).orderBy(asc(knowledgeRoadmaps.position)),
    findRoadmap: async (slug: string) =>
      (await db.select().from(knowledgeRoadmaps).where(eq(knowledgeRoadmaps.slug, slug)))[0],
  };
}

export type KnowledgeRepository = ReturnType<typeof createKnowledgeRepository>;
