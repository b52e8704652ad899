import { createRoute, z } from "@hono/zod-openapi";
import {
  createApiRouter,
  hsdsPage,
  pagingQuery,
  problemResponses,
  toHsdsPage,
} from "../../web/api/api-router.js";
import { type FieldProblem, invalidInput, notFound } from "../../web/errors.js";
import type { InstrumentLinkLookup } from "../catalogue/index.js";
import type { Geography } from "../regions/index.js";
import { R_STRATEGIES } from "../vocabulary/index.js";
import type { EventRow, ExampleRow, RoadmapRow } from "./knowledge.repository.js";
import { parseAgendaFilters, parseArea } from "./knowledge.routes.js";
import { COST_BASES, COSTS, DIFFICULTIES, HORIZONS, SCALES } from "./knowledge.schemas.js";
import type { KnowledgeService, MeasurePackage } from "./knowledge.service.js";

const Localised = z.object({ nl: z.string(), en: z.string() }).openapi("LocalisedText");
const Source = z.object({
  title: z.string(),
  url: z.string(),
  lang: z
    .string()
    .openapi({ description: "ISO 639-1 language of the title, e.g. nl, en or de", example: "nl" }),
});
const QuotedSource = z
  .object({
    title: z.string(),
    url: z.string(),
    lang: z.string().openapi({ description: "ISO 639-1 language of the page", example: "nl" }),
    date: z.string().nullable().openapi({
      description: "The page's date as it shows it: YYYY, YYYY-MM or YYYY-MM-DD; null when it shows none",
    }),
    quote: z
      .string()
      .openapi({ description: "The passage on the page the figure or level rests on, verbatim" }),
  })
  .openapi("QuotedSource");
const InstrumentLink = z
  .object({
    ref_id: z.string(),
    slug: z.string().nullable().openapi({ description: "Catalogue slug; null when not in the catalogue" }),
    url: z.string().nullable(),
  })
  .openapi("InstrumentLink");

const Example = z
  .object({
    id: z.string(),
    company: z.string(),
    title: Localised,
    sbi_section: z.string(),
    sbi_division: z.string().nullable(),
    sector_package: z.string().nullable(),
    province: z.string().nullable(),
    res_region: z.string().nullable(),
    municipality: z.string().nullable(),
    r_strategies: z.array(z.string()),
    themes: z.array(z.string()),
    what_they_did: Localised,
    result: Localised,
    instruments: z.array(InstrumentLink),
    year: z.number().int().nullable(),
    sources: z.array(Source),
    url: z.string(),
  })
  .openapi("PracticeExample");

const Event = z
  .object({
    id: z.string(),
    name: Localised,
    description: Localised,
    start: z.string().openapi({ description: "ISO 8601 in UTC" }),
    end: z.string(),
    online: z.boolean(),
    place: z.string().nullable(),
    res_region: z
      .string()
      .nullable()
      .openapi({ description: "null: national or online, open to every region" }),
    organiser: z.string(),
    instrument: InstrumentLink.nullable(),
    registration_url: z.string().nullable(),
    is_example: z.boolean().openapi({ description: "true: an invented example; the date is not real" }),
    cancelled: z.boolean().openapi({
      description: "true: called off by its organiser; kept so people who planned to come see it",
    }),
    version: z.number().int(),
  })
  .openapi("Event");

const Measure = z
  .object({
    id: z.string(),
    title: Localised,
    description: Localised,
    r_strategy: z.enum(R_STRATEGIES),
    theme: z.string(),
    horizon: z.enum(HORIZONS),
    cost: z.enum(COSTS).openapi({ description: "Indicative cost level" }),
    cost_basis: z.enum(COST_BASES).openapi({
      description: "source: cost_source speaks about the cost; estimate: the level is our judgement",
    }),
    cost_indication: Localised.nullable().openapi({
      description: "A cost figure from cost_source, if it gives one",
    }),
    cost_source: QuotedSource,
    benefit: Localised,
    benefit_indication: Localised.nullable().openapi({
      description: "A figure from benefit_source, if it gives one; the text says whose figure it is",
    }),
    benefit_source: QuotedSource,
    difficulty: z.enum(DIFFICULTIES),
    instruments: z.array(InstrumentLink),
  })
  .openapi("Measure");

const MeasurePackageSchema = z
  .object({
    id: z.string(),
    name: Localised,
    description: Localised,
    sbi_sections: z.array(z.string()),
    sbi_divisions: z.array(z.string()),
    sector_choices: z.array(z.string()).openapi({
      description:
        "The sector choices of the home form (an SBI section letter or division) this package answers first",
    }),
    measures: z.array(Measure),
    roadmaps: z.array(z.string()),
    url: z.string(),
  })
  .openapi("MeasurePackage");

const Roadmap = z
  .object({
    id: z.string(),
    title: Localised,
    description: Localised,
    measure_package: z.string().nullable(),
    horizons: z.array(
      z.object({
        horizon: z.enum(HORIZONS),
        goals: z.array(Localised),
        actions: z.array(
          z.object({
            scale: z.enum(SCALES),
            text: Localised,
            measures: z.array(z.string()),
            instruments: z.array(InstrumentLink),
          }),
        ),
      }),
    ),
    sources: z.array(Source),
    url: z.string(),
  })
  .openapi("Roadmap");

const slugParam = z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" } }) });

export type KnowledgeApiDeps = {
  service: KnowledgeService;
  geography: Geography;
  instrumentLinks: InstrumentLinkLookup;
  clock: () => Date;
};

/** /api/v1/examples, /events, /measure_packages and /roadmaps, in the HSDS list envelope. */
export function knowledgeApi({ service, geography, instrumentLinks, clock }: KnowledgeApiDeps) {
  const links = async (refIds: string[]) => {
    const found = await instrumentLinks(refIds);
    return (refId: string) => {
      const slug = found.get(refId)?.slug ?? null;
      return { ref_id: refId, slug, url: slug ? `/aanbod/${slug}` : null };
    };
  };
  const exampleJson = async (row: ExampleRow) => {
    const link = await links(row.instrumentRefIds);
    return {
      id: row.slug,
      company: row.company,
      title: row.title,
      sbi_section: row.sbiSection,
      sbi_division: row.sbiDivision,
      sector_package: row.sectorPackage,
      province: row.provinceCode,
      res_region: row.regionCode,
      municipality: row.municipalityCode,
      r_strategies: row.strategies,
      themes: row.themes,
      what_they_did: row.whatTheyDid,
      result: row.result,
      instruments: row.instrumentRefIds.map(link),
      year: row.year,
      sources: row.sources,
      url: `/voorbeelden/${row.slug}`,
    };
  };
  const eventJson = async (row: EventRow) => {
    const link = await links(row.instrumentRefId ? [row.instrumentRefId] : []);
    return {
      id: row.slug,
      name: row.title,
      description: row.description,
      start: row.startsAt.toISOString(),
      end: row.endsAt.toISOString(),
      online: row.online,
      place: row.place,
      res_region: row.regionCode,
      organiser: row.organiser,
      instrument: row.instrumentRefId ? link(row.instrumentRefId) : null,
      registration_url: row.registrationUrl,
      is_example: row.isExample,
      cancelled: row.cancelled,
      version: row.version,
    };
  };
  const packageJson = async (item: MeasurePackage) => {
    const link = await links(item.measures.flatMap((measure) => measure.instrumentRefIds));
    return {
      id: item.slug,
      name: item.name,
      description: item.intro,
      sbi_sections: item.sbiSections,
      sbi_divisions: item.sbiDivisions,
      sector_choices: item.sectorChoices,
      measures: item.measures.map((measure) => ({
        id: measure.code,
        title: measure.title,
        description: measure.description,
        r_strategy: measure.strategy as (typeof R_STRATEGIES)[number],
        theme: measure.theme,
        horizon: measure.horizon,
        cost: measure.cost,
        cost_basis: measure.costBasis,
        cost_indication: measure.costIndication,
        cost_source: measure.costSource,
        benefit: measure.benefit,
        benefit_indication: measure.benefitIndication,
        benefit_source: measure.benefitSource,
        difficulty: measure.difficulty,
        instruments: measure.instrumentRefIds.map(link),
      })),
      roadmaps: item.roadmaps.map((roadmap) => roadmap.slug),
      url: `/sectoren/${item.slug}`,
    };
  };
  const roadmapJson = async (row: RoadmapRow) => {
    const link = await links(
      row.horizons.flatMap((h) => h.actions.flatMap((action) => action.instrumentRefIds)),
    );
    return {
      id: row.slug,
      title: row.title,
      description: row.intro,
      measure_package: row.measurePackageSlug,
      horizons: row.horizons.map((horizon) => ({
        horizon: horizon.horizon,
        goals: horizon.goals,
        actions: horizon.actions.map((action) => ({
          scale: action.scale,
          text: action.text,
          measures: action.measureCodes,
          instruments: action.instrumentRefIds.map(link),
        })),
      })),
      sources: row.sources,
      url: `/routekaarten/${row.slug}`,
    };
  };
  const page = <T>(items: T[], pageNumber: number, perPage: number) =>
    toHsdsPage(
      items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
      items.length,
      pageNumber,
      perPage,
    );

  return createApiRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/examples",
        tags: ["knowledge"],
        summary: "Practice examples: real Dutch SME cases with sources",
        request: {
          query: z.object({
            q: z.string().max(200).optional().openapi({ description: "Search text (Dutch or English)" }),
            sector: z
              .string()
              .optional()
              .openapi({ description: "Measure package slug, see /measure_packages" }),
            strategy: z.enum(R_STRATEGIES).optional().openapi({ description: "R-ladder code, R0–R9" }),
            region: z
              .string()
              .optional()
              .openapi({ description: "Province (PVxx) or RES region (ESxx) code" }),
            ...pagingQuery,
          }),
        },
        responses: {
          200: {
            description: "One page of examples",
            content: { "application/json": { schema: hsdsPage(Example, "PracticeExamplePage") } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const query = c.req.valid("query");
        const problems: FieldProblem[] = [];
        if (query.sector && !(await service.packageNames()).has(query.sector))
          problems.push({ field: "sector", message: "unknown measure package" });
        const area = parseArea(query.region, geography);
        if (area === null) problems.push({ field: "region", message: "unknown province or region code" });
        if (problems.length) throw invalidInput(problems);
        const { rows, total } = await service.searchExamples({
          text: query.q?.trim() || undefined,
          sectorPackage: query.sector,
          strategy: query.strategy,
          area: area ?? undefined,
          limit: query.per_page,
          offset: (query.page - 1) * query.per_page,
        });
        const contents = await Promise.all(rows.map(exampleJson));
        return c.json(toHsdsPage(contents, total, query.page, query.per_page), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/examples/{slug}",
        tags: ["knowledge"],
        summary: "One practice example",
        request: { params: slugParam },
        responses: {
          200: { description: "The example", content: { "application/json": { schema: Example } } },
          ...problemResponses,
        },
      }),
      async (c) => {
        const row = await service.findExample(c.req.valid("param").slug);
        if (!row) throw notFound("example");
        return c.json(await exampleJson(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/events",
        tags: ["knowledge"],
        summary: "Events agenda (example events are marked is_example)",
        request: {
          query: z.object({
            q: z.string().max(200).optional().openapi({ description: "Words in the event's texts" }),
            region: z
              .string()
              .optional()
              .openapi({ description: "Province (PVxx) or RES region (ESxx) code" }),
            month: z.string().optional().openapi({ description: "YYYY-MM, in Dutch time" }),
            archive: z
              .enum(["0", "1", "true", "false"])
              .optional()
              .openapi({ description: "1: past events" }),
            ...pagingQuery,
          }),
        },
        responses: {
          200: {
            description: "One page of events",
            content: { "application/json": { schema: hsdsPage(Event, "EventPage") } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const query = c.req.valid("query");
        const { filters, problems } = parseAgendaFilters(
          { q: query.q, regio: query.region, maand: query.month, archief: query.archive },
          geography,
          "en",
        );
        if (problems.length)
          throw invalidInput(
            problems.map((problem) => ({
              field: problem.field === "regio" ? "region" : "month",
              message: problem.field === "regio" ? "unknown province or region code" : "expected YYYY-MM",
            })),
          );
        const { rows, total } = await service.listEvents({
          ...filters,
          now: clock(),
          limit: query.per_page,
          offset: (query.page - 1) * query.per_page,
        });
        const contents = await Promise.all(rows.map(eventJson));
        return c.json(toHsdsPage(contents, total, query.page, query.per_page), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/measure_packages",
        tags: ["knowledge"],
        summary: "Sector measure packages with their measures",
        request: {
          query: z.object({
            sbi: z.string().optional().openapi({
              description:
                "Only the package for this sector choice or SBI 2008 section letter or 2-digit division (sector choices first)",
            }),
            ...pagingQuery,
          }),
        },
        responses: {
          200: {
            description: "One page of measure packages",
            content: { "application/json": { schema: hsdsPage(MeasurePackageSchema, "MeasurePackagePage") } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const query = c.req.valid("query");
        let packages = await service.listPackages();
        if (query.sbi !== undefined) {
          if (!/^([A-Ua-u]|\d\d)$/.test(query.sbi))
            throw invalidInput([
              { field: "sbi", message: "expected a section letter or a 2-digit division" },
            ]);
          const match = await service.measurePackageForSector(query.sbi);
          packages = match ? [match] : [];
        }
        const contents = await Promise.all(packages.map(packageJson));
        return c.json(page(contents, query.page, query.per_page), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/measure_packages/{slug}",
        tags: ["knowledge"],
        summary: "One sector measure package",
        request: { params: slugParam },
        responses: {
          200: {
            description: "The package",
            content: { "application/json": { schema: MeasurePackageSchema } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const item = await service.findPackage(c.req.valid("param").slug);
        if (!item) throw notFound("measure package");
        return c.json(await packageJson(item), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/roadmaps",
        tags: ["knowledge"],
        summary: "Routekaarten: goals and actions per decision horizon and scale level",
        request: { query: z.object({ ...pagingQuery }) },
        responses: {
          200: {
            description: "One page of roadmaps",
            content: { "application/json": { schema: hsdsPage(Roadmap, "RoadmapPage") } },
          },
          ...problemResponses,
        },
      }),
      async (c) => {
        const query = c.req.valid("query");
        const contents = await Promise.all((await service.listRoadmaps()).map(roadmapJson));
        return c.json(page(contents, query.page, query.per_page), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/roadmaps/{slug}",
        tags: ["knowledge"],
        summary: "One roadmap",
        request: { params: slugParam },
        responses: {
          200: { description: "The roadmap", content: { "application/json": { schema: Roadmap } } },
          ...problemResponses,
        },
      }),
      async (c) => {
        const row = await service.findRoadmap(c.req.valid("param").slug);
        if (!row) throw notFound("roadmap");
        return c.json(await roadmapJson(row), 200);
      },
    );
}
