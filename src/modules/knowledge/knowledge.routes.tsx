import { Hono } from "hono";
import { format, formatMonth, type Lang, type Localised, pick } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import { type FieldProblem, invalidInput, notFound } from "../../web/errors.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { InstrumentLinkLookup } from "../catalogue/index.js";
import type { Geography } from "../regions/index.js";
import { R_STRATEGIES } from "../vocabulary/index.js";
import { writeCalendar } from "./knowledge.ical.js";
import { knowledgeMessages } from "./knowledge.messages.js";
import {
  monthKey,
  monthStart,
  nextMonth,
  toEventItem,
  toExampleCard,
  toExampleDetail,
  toMeasurePackageModel,
  toRoadmapModel,
} from "./knowledge.presenters.js";
import { HORIZONS } from "./knowledge.schemas.js";
import { type KnowledgeService, measuresMatching, roadmapsMatching } from "./knowledge.service.js";
import type { knowledgeEvents } from "./knowledge.tables.js";
import { strategyLabel } from "./knowledge.vocabulary.js";
import { AgendaPage } from "./views/agenda-page.js";
import { ExamplePage } from "./views/example-page.js";
import { ExamplesPage } from "./views/examples-page.js";
import { RoadmapPage, RoadmapsPage } from "./views/roadmap-pages.js";
import { type MeasureSearchModel, SectorPage, SectorsPage } from "./views/sectors-page.js";

export type KnowledgeRouteDeps = {
  service: KnowledgeService;
  geography: Geography;
  /** ref_id → catalogue slug and name; the catalogue module supplies it (its createInstrumentLookup). */
  instrumentLinks: InstrumentLinkLookup;
  /** The time, replaceable in tests: decides which events are upcoming and which archived. */
  clock: () => Date;
  /** Absolute links in the iCal feed, on the configured public origin (ADR 0073). */
  absoluteUrl: AbsoluteUrl;
};

const MAX_LISTED = 500;
/**
 * The right-hand side of every event's UID. Fixed, not the request's host name: a calendar that imported the feed
 * through one address must recognise the same events when it refreshes through another (ADR 0031).
 */
const ICAL_UID_DOMAIN = "agenda.circulair-loket";
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Provinces and regions for an area filter, each group sorted by name. */
export function areaGroups(geography: Geography, lang: Lang) {
  const t = knowledgeMessages[lang];
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, "nl");
  return [
    {
      label: t.provincesGroup,
      options: geography.provinces.map((p) => ({ value: p.code, label: p.name })).sort(byName),
    },
    {
      label: t.regionsGroup,
      options: geography.regions.map((r) => ({ value: r.code, label: r.name })).sort(byName),
    },
  ];
}

/** A province or region code from a filter, or a problem naming the field. */
export function parseArea(value: string | undefined, geography: Geography): string | undefined | null {
  if (!value) return undefined;
  const code = value.toUpperCase();
  if (code.startsWith("PV") && geography.province(code)) return code;
  if (code.startsWith("ES") && geography.region(code)) return code;
  return null;
}

/** The RES regions an area filter covers: the region itself, or every region of a province. */
export function regionCodesOf(area: string, geography: Geography): string[] {
  if (area.startsWith("ES")) return [area];
  return geography.regions
    .filter((region) => region.provinceCodes.includes(area))
    .map((region) => region.code);
}

export type AgendaFilters = {
  regionCodes?: string[];
  text?: string;
  from?: Date;
  before?: Date;
  archive: boolean;
};

/** Reads and checks the agenda's filters (regio, maand, archief); unknown values become field problems. */
export function parseAgendaFilters(
  query: { q?: string; regio?: string; maand?: string; archief?: string },
  geography: Geography,
  lang: Lang,
): { filters: AgendaFilters; problems: FieldProblem[] } {
  const t = knowledgeMessages[lang];
  const problems: FieldProblem[] = [];
  const area = parseArea(query.regio, geography);
  if (area === null) problems.push({ field: "regio", message: t.unknownValue });
  const month = query.maand || undefined;
  if (month && !MONTH_PATTERN.test(month)) problems.push({ field: "maand", message: t.unknownValue });
  const validMonth = month && MONTH_PATTERN.test(month) ? month : undefined;
  return {
    filters: {
      archive: query.archief === "1" || query.archief === "true",
      regionCodes: area ? regionCodesOf(area, geography) : undefined,
      text: query.q?.trim() || undefined,
      from: validMonth ? monthStart(validMonth) : undefined,
      before: validMonth ? monthStart(nextMonth(validMonth)) : undefined,
    },
    problems,
  };
}

function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** /voorbeelden, /agenda, /agenda.ics, /sectoren and /routekaarten, with their detail pages. */
export function knowledgeRoutes(deps: KnowledgeRouteDeps) {
  const { service, geography, instrumentLinks, clock } = deps;

  async function agendaEvents(c: AppContext) {
    const lang = c.get("lang");
    const query = {
      q: c.req.query("q")?.trim().slice(0, 200) || undefined,
      regio: c.req.query("regio"),
      maand: c.req.query("maand"),
      archief: c.req.query("archief"),
    };
    const { filters, problems } = parseAgendaFilters(query, geography, lang);
    const now = clock();
    const { rows, total } = problems.length
      ? { rows: [], total: 0 }
      : await service.listEvents({ ...filters, now, limit: MAX_LISTED, offset: 0 });
    return { lang, query, filters, problems, rows, total, now };
  }

  /** One agenda event as an iCal VEVENT: the feed and a single event's .ics write the same (RFC 5545). */
  function calendarEvent(row: typeof knowledgeEvents.$inferSelect, lang: Lang) {
    const t = knowledgeMessages[lang];
    const title = pick(row.title, lang);
    const region = row.regionCode ? geography.region(row.regionCode)?.name : undefined;
    const description = [
      row.isExample ? t.icalExampleDescription : undefined,
      pick(row.description, lang),
      `${t.organiser}: ${row.organiser}`,
      row.registrationUrl && !row.isExample ? `${t.registration}: ${row.registrationUrl}` : undefined,
    ]
      .filter(Boolean)
      .join("\n\n");
    return {
      uid: `${row.slug}@${ICAL_UID_DOMAIN}`,
      stamp: row.updatedAt,
      start: row.startsAt,
      end: row.endsAt,
      summary: row.cancelled
        ? format(t.icalCancelledSummary, { title })
        : row.isExample
          ? format(t.icalExampleSummary, { title })
          : title,
      description,
      location: row.online ? t.online : [row.place, region].filter(Boolean).join(", ") || t.nationwide,
      url: deps.absoluteUrl(`/agenda${lang === "en" ? "?lang=en" : ""}#${row.slug}`),
      sequence: row.version - 1,
      status: row.cancelled
        ? ("CANCELLED" as const)
        : row.isExample
          ? ("TENTATIVE" as const)
          : ("CONFIRMED" as const),
      categories: row.isExample ? [t.exampleBadge] : [],
    };
  }

  return (
    new Hono<AppEnv>()
      .get("/voorbeelden", async (c) => {
        const lang = c.get("lang");
        const t = knowledgeMessages[lang];
        const query = {
          q: c.req.query("q")?.trim() || undefined,
          sector: c.req.query("sector") || undefined,
          strategie: c.req.query("strategie")?.toUpperCase() || undefined,
          regio: c.req.query("regio")?.toUpperCase() || undefined,
        };
        const packageNames = await service.packageNames();
        const problems: FieldProblem[] = [];
        if (query.sector && !packageNames.has(query.sector))
          problems.push({ field: "sector", message: t.unknownValue });
        if (query.strategie && !(R_STRATEGIES as readonly string[]).includes(query.strategie))
          problems.push({ field: "strategie", message: t.unknownValue });
        const area = parseArea(query.regio, geography);
        if (area === null) problems.push({ field: "regio", message: t.unknownValue });
        const { rows, total } = problems.length
          ? { rows: [], total: 0 }
          : await service.searchExamples({
              text: query.q,
              sectorPackage: query.sector,
              strategy: query.strategie,
              area: area ?? undefined,
              limit: MAX_LISTED,
              offset: 0,
            });
        const model = {
          query,
          sectorOptions: [...packageNames].map(([slug, name]) => ({ value: slug, label: pick(name, lang) })),
          strategyOptions: R_STRATEGIES.map((code) => ({ value: code, label: strategyLabel(code, lang) })),
          areaGroups: areaGroups(geography, lang),
          examples: rows.map((row) => toExampleCard(row, lang, geography, packageNames)),
          total,
          problems,
        };
        return renderPage(
          c,
          <ExamplesPage page={pageContext(c)} model={model} />,
          problems.length ? 400 : 200,
        );
      })
      .get("/voorbeelden/:slug", async (c) => {
        const row = await service.findExample(c.req.param("slug"));
        if (!row) throw notFound("example");
        const model = await toExampleDetail(
          row,
          c.get("lang"),
          geography,
          await service.packageNames(),
          instrumentLinks,
        );
        return renderPage(c, <ExamplePage page={pageContext(c)} model={model} />);
      })
      .get("/agenda", async (c) => {
        const { lang, query, filters, problems, rows, total, now } = await agendaEvents(c);
        const months = [...new Set((await service.eventStarts(now, filters.archive)).map(monthKey))].sort();
        if (filters.archive) months.reverse();
        if (query.maand && MONTH_PATTERN.test(query.maand) && !months.includes(query.maand))
          months.push(query.maand);
        const filterQuery = { q: query.q, regio: query.regio?.toUpperCase(), maand: query.maand };
        const model = {
          archive: filters.archive,
          query: filterQuery,
          areaGroups: areaGroups(geography, lang),
          monthOptions: months.map((key) => ({ value: key, label: formatMonth(monthStart(key), lang) })),
          events: await Promise.all(rows.map((row) => toEventItem(row, lang, geography, instrumentLinks))),
          total,
          problems,
          icalHref: `/agenda.ics${queryString({ ...filterQuery, archief: filters.archive ? "1" : undefined, lang: lang === "en" ? "en" : undefined })}`,
          switchHref: `/agenda${queryString({ regio: filterQuery.regio, archief: filters.archive ? undefined : "1" })}`,
        };
        return renderPage(c, <AgendaPage page={pageContext(c)} model={model} />, problems.length ? 400 : 200);
      })
      .get("/agenda.ics", async (c) => {
        const { lang, problems, rows } = await agendaEvents(c);
        if (problems.length) throw invalidInput(problems);
        const t = knowledgeMessages[lang];
        const body = writeCalendar({
          name: t.icalCalendarName,
          lang,
          events: rows.map((row) => calendarEvent(row, lang)),
        });
        return c.body(body, 200, {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'attachment; filename="circulair-loket-agenda.ics"',
        });
      })
      // "Zet in mijn agenda": one event as its own calendar file (ADR 0092), written like the feed.
      .get("/agenda/:file{[a-z0-9][a-z0-9-]{0,119}\\.ics}", async (c) => {
        const slug = c.req.param("file").replace(/\.ics$/, "");
        const row = await service.findEvent(slug);
        if (!row) throw notFound("event");
        const lang = c.get("lang");
        const body = writeCalendar({
          name: pick(row.title, lang),
          lang,
          events: [calendarEvent(row, lang)],
        });
        return c.body(body, 200, {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": `attachment; filename="${slug}.ics"`,
        });
      })
      .get("/sectoren", async (c) => {
        const lang = c.get("lang");
        const t = knowledgeMessages[lang];
        const packages = await service.listPackages();
        const models = await Promise.all(
          packages.map((item) => toMeasurePackageModel(item, lang, instrumentLinks)),
        );
        const roadmapLink = (roadmap: { slug: string; title: Localised }) => ({
          href: `/routekaarten/${roadmap.slug}`,
          text: pick(roadmap.title, lang),
        });
        const roadmapRows = await service.listRoadmaps();
        const roadmaps = roadmapRows.map(roadmapLink);

        const query = {
          q: c.req.query("q")?.trim().slice(0, 200) || undefined,
          strategie: c.req.query("strategie") || undefined,
          termijn: c.req.query("termijn") || undefined,
        };
        const problems: FieldProblem[] = [];
        const strategy = query.strategie?.toUpperCase();
        if (strategy && !(R_STRATEGIES as readonly string[]).includes(strategy))
          problems.push({ field: "strategie", message: t.unknownValue });
        const horizon = HORIZONS.find((value) => value === query.termijn);
        if (query.termijn && !horizon) problems.push({ field: "termijn", message: t.unknownValue });
        const searched = Boolean(query.q || query.strategie || query.termijn) && problems.length === 0;
        let results: MeasureSearchModel["results"];
        if (searched) {
          const found = measuresMatching(packages, { text: query.q, strategy, horizon });
          const byCode = new Map(
            models.flatMap((model) =>
              model.horizons.flatMap((group) =>
                group.measures.map((measure) => [measure.code, { model, measure }] as const),
              ),
            ),
          );
          results = {
            measures: found.flatMap(({ measure }) => {
              const hit = byCode.get(measure.code);
              return hit
                ? [
                    {
                      measure: hit.measure,
                      packageName: hit.model.name,
                      packageHref: `${hit.model.href}#${measure.code}`,
                    },
                  ]
                : [];
            }),
            // Roadmaps are found by words only; a strategy or time frame filter is about measures.
            roadmaps: query.q ? roadmapsMatching(roadmapRows, query.q).map(roadmapLink) : [],
          };
        }
        const search: MeasureSearchModel = {
          query,
          strategyOptions: R_STRATEGIES.map((code) => ({ value: code, label: strategyLabel(code, lang) })),
          horizonOptions: HORIZONS.map((value) => ({ value, label: t[`horizon_${value}`] })),
          problems,
          results,
        };
        return renderPage(
          c,
          <SectorsPage page={pageContext(c)} packages={models} roadmaps={roadmaps} search={search} />,
          problems.length ? 400 : 200,
        );
      })
      .get("/sectoren/:slug", async (c) => {
        const lang = c.get("lang");
        const item = await service.findPackage(c.req.param("slug"));
        if (!item) throw notFound("measure package");
        const model = await toMeasurePackageModel(item, lang, instrumentLinks);
        const names = await service.packageNames();
        const { rows } = await service.searchExamples({ sectorPackage: item.slug, limit: 6, offset: 0 });
        const examples = rows.map((row) => toExampleCard(row, lang, geography, names));
        return renderPage(c, <SectorPage page={pageContext(c)} model={model} examples={examples} />);
      })
      .get("/routekaarten", async (c) => {
        const lang = c.get("lang");
        const packages = await service.listPackages();
        const roadmaps = await Promise.all(
          (await service.listRoadmaps()).map((row) => toRoadmapModel(row, lang, packages, instrumentLinks)),
        );
        return renderPage(c, <RoadmapsPage page={pageContext(c)} roadmaps={roadmaps} />);
      })
      .get("/routekaarten/:slug", async (c) => {
        const row = await service.findRoadmap(c.req.param("slug"));
        if (!row) throw notFound("roadmap");
        const model = await toRoadmapModel(row, c.get("lang"), await service.listPackages(), instrumentLinks);
        return renderPage(c, <RoadmapPage page={pageContext(c)} model={model} />);
      })
  );
}
