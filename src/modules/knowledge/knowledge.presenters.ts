import { format, formatDate, formatMonth, type Lang, pick } from "../../i18n/index.js";
import type { InstrumentLinkLookup } from "../catalogue/index.js";
import type { Geography } from "../regions/index.js";
import { knowledgeMessages } from "./knowledge.messages.js";
import type { EventRow, ExampleRow, RoadmapRow } from "./knowledge.repository.js";
import { HORIZONS, type Horizon } from "./knowledge.schemas.js";
import type { Measure, MeasurePackage } from "./knowledge.service.js";
import type { QuotedSource } from "./knowledge.tables.js";
import { sbiSectionName, strategyLabel } from "./knowledge.vocabulary.js";

export type LinkModel = { href: string; text: string };

export type ExampleCardModel = {
  slug: string;
  /** On the route page: false when the example only shares the SBI section, a related sector rather than the same. */
  sameSector?: boolean;
  href: string;
  title: string;
  company: string;
  sectorName: string;
  areaName?: string;
  strategies: string[];
  year: number | null;
};

export type ExampleDetailModel = ExampleCardModel & {
  whatTheyDid: string;
  result: string;
  themes: string[];
  instruments: LinkModel[];
  sources: { title: string; url: string; lang: string }[];
  sectorPackage?: LinkModel;
};

export type EventItemModel = {
  slug: string;
  title: string;
  description: string;
  when: string;
  startIso: string;
  endIso: string;
  where: string;
  organiser: string;
  instrument?: LinkModel;
  registrationUrl?: string;
  isExample: boolean;
  /** Called off by its provider: still listed, so people who planned to come see it. */
  cancelled: boolean;
};

/** A public source behind a measure: what it supports (cost, benefit or both) and its date as shown on the page. */
export type MeasureSourceModel = {
  supports: string;
  title: string;
  url: string;
  lang: string;
  date?: string;
};

export type MeasureModel = {
  code: string;
  title: string;
  description: string;
  strategy: string;
  horizon: string;
  theme: string;
  /** The cost level ("Laag"); `costEstimated` when no source speaks about the cost and the level is our judgement. */
  cost: string;
  costEstimated: boolean;
  costIndication?: string;
  benefit: string;
  benefitIndication?: string;
  difficulty: string;
  sources: MeasureSourceModel[];
  instruments: LinkModel[];
};

export type MeasurePackageModel = {
  slug: string;
  href: string;
  name: string;
  intro: string;
  sbiCodes: string;
  horizons: { horizon: Horizon; label: string; measures: MeasureModel[] }[];
  roadmaps: LinkModel[];
  measureCount: number;
};

export type RoadmapModel = {
  slug: string;
  href: string;
  title: string;
  intro: string;
  measurePackage?: LinkModel;
  horizons: {
    horizon: Horizon;
    label: string;
    goals: string[];
    actions: { scale: string; text: string; measures: LinkModel[]; instruments: LinkModel[] }[];
  }[];
  sources: { title: string; url: string; lang: string }[];
};

const instrumentHref = (slug: string) => `/aanbod/${slug}`;

async function instrumentLinkModels(
  refIds: string[],
  lang: Lang,
  lookup: InstrumentLinkLookup,
): Promise<LinkModel[]> {
  const links = await lookup(refIds);
  return refIds.flatMap((refId) => {
    const link = links.get(refId);
    return link ? [{ href: instrumentHref(link.slug), text: pick(link.name, lang) }] : [];
  });
}

/** The name of a province or region code, from the regions module's geography. */
export function areaName(code: string | null, geography: Geography): string | undefined {
  if (!code) return undefined;
  return code.startsWith("PV") ? geography.province(code)?.name : geography.region(code)?.name;
}

/** A practice example as a card in a list. */
export function toExampleCard(
  row: ExampleRow,
  lang: Lang,
  geography: Geography,
  packageNames: Map<string, { nl: string; en: string }>,
): ExampleCardModel {
  const packageName = row.sectorPackage ? packageNames.get(row.sectorPackage) : undefined;
  const place = row.municipalityCode ? geography.municipality(row.municipalityCode)?.name : undefined;
  const region = areaName(row.regionCode, geography) ?? areaName(row.provinceCode, geography);
  return {
    slug: row.slug,
    href: `/voorbeelden/${row.slug}`,
    title: pick(row.title, lang),
    company: row.company,
    sectorName: packageName
      ? pick(packageName, lang)
      : (sbiSectionName(row.sbiSection, lang) ?? row.sbiSection),
    areaName: [place, region].filter(Boolean).join(", ") || undefined,
    strategies: row.strategies.map((code) => strategyLabel(code, lang)),
    year: row.year,
  };
}

/** A practice example on its own page. */
export async function toExampleDetail(
  row: ExampleRow,
  lang: Lang,
  geography: Geography,
  packageNames: Map<string, { nl: string; en: string }>,
  lookup: InstrumentLinkLookup,
): Promise<ExampleDetailModel> {
  const t = knowledgeMessages[lang];
  const packageName = row.sectorPackage ? packageNames.get(row.sectorPackage) : undefined;
  return {
    ...toExampleCard(row, lang, geography, packageNames),
    whatTheyDid: pick(row.whatTheyDid, lang),
    result: pick(row.result, lang),
    themes: row.themes.map((theme) => themeLabel(theme, lang)),
    instruments: await instrumentLinkModels(row.instrumentRefIds, lang, lookup),
    sources: row.sources,
    sectorPackage:
      packageName && row.sectorPackage
        ? {
            href: `/sectoren/${row.sectorPackage}`,
            text: format(t.sectorPackageLink, { name: pick(packageName, lang) }),
          }
        : undefined,
  };
}

/** The label of a circular theme. */
export function themeLabel(theme: string, lang: Lang): string {
  const themes = knowledgeMessages[lang].themes as Record<string, string>;
  return themes[theme] ?? theme;
}

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }),
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }),
};
const dayFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }),
};
const monthKeyFormat = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** "2027-03": the month of a moment in Dutch time. */
export function monthKey(date: Date): string {
  return monthKeyFormat.format(date).slice(0, 7);
}

/** The first moment of a month (YYYY-MM) in Dutch time. */
export function monthStart(key: string): Date {
  const [year, month] = key.split("-").map(Number) as [number, number];
  const utcMidnight = Date.UTC(year, month - 1, 1);
  // Amsterdam is UTC+1 or UTC+2; find the offset that maps back to midnight on the 1st.
  for (const hours of [1, 2]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (monthKey(candidate) === key && timeFormats.nl.format(candidate) === "00:00") return candidate;
  }
  return new Date(utcMidnight);
}

/** The month after YYYY-MM. */
export function nextMonth(key: string): string {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** "donderdag 11 juni 2026, 13:00–17:30" or a range over several days. */
export function formatEventTime(start: Date, end: Date, lang: Lang): string {
  const t = knowledgeMessages[lang];
  const startDay = dayFormats[lang].format(start);
  const endDay = dayFormats[lang].format(end);
  if (startDay === endDay)
    return format(t.dateRange, {
      date: startDay,
      start: timeFormats[lang].format(start),
      end: timeFormats[lang].format(end),
    });
  return format(t.multiDayRange, {
    start: `${startDay} ${timeFormats[lang].format(start)}`,
    end: `${endDay} ${timeFormats[lang].format(end)}`,
  });
}

/** Where an event takes place: "Online", "Enschede (Twente)", or "Landelijk" when it names no place or region. */
export function eventWhere(
  row: Pick<EventRow, "online" | "place" | "regionCode">,
  lang: Lang,
  geography: Geography,
): string {
  const t = knowledgeMessages[lang];
  if (row.online) return t.online;
  const region = areaName(row.regionCode, geography);
  return [row.place, region ? `(${region})` : undefined].filter(Boolean).join(" ") || t.nationwide;
}

/** An event in the agenda list. */
export async function toEventItem(
  row: EventRow,
  lang: Lang,
  geography: Geography,
  lookup: InstrumentLinkLookup,
): Promise<EventItemModel> {
  const [instrument] = row.instrumentRefId
    ? await instrumentLinkModels([row.instrumentRefId], lang, lookup)
    : [];
  return {
    slug: row.slug,
    title: pick(row.title, lang),
    description: pick(row.description, lang),
    when: formatEventTime(row.startsAt, row.endsAt, lang),
    startIso: row.startsAt.toISOString(),
    endIso: row.endsAt.toISOString(),
    where: eventWhere(row, lang, geography),
    organiser: row.organiser,
    instrument,
    registrationUrl: row.registrationUrl ?? undefined,
    isExample: row.isExample,
    cancelled: row.cancelled,
  };
}

/** "2023", "september 2023" or "18 september 2024": a source's date as precise as the page gave it. */
export function sourceDate(date: string | null, lang: Lang): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}$/.test(date)) return date;
  return /^\d{4}-\d\d$/.test(date)
    ? formatMonth(`${date}-01T12:00:00Z`, lang)
    : formatDate(`${date}T12:00:00Z`, lang);
}

/** The sources of a measure's cost and benefit; one entry when both rest on the same page. */
function measureSources(measure: Measure, lang: Lang): MeasureSourceModel[] {
  const t = knowledgeMessages[lang];
  const toModel = (source: QuotedSource, supports: string): MeasureSourceModel => ({
    supports,
    title: source.title,
    url: source.url,
    lang: source.lang,
    date: sourceDate(source.date, lang),
  });
  if (measure.costSource.url === measure.benefitSource.url)
    return [toModel(measure.benefitSource, t.sourceForBoth)];
  return [toModel(measure.costSource, t.sourceForCost), toModel(measure.benefitSource, t.sourceForBenefit)];
}

/** A sector measure package with its measures grouped by decision horizon. */
export async function toMeasurePackageModel(
  item: MeasurePackage,
  lang: Lang,
  lookup: InstrumentLinkLookup,
): Promise<MeasurePackageModel> {
  const t = knowledgeMessages[lang];
  const links = await lookup([...new Set(item.measures.flatMap((measure) => measure.instrumentRefIds))]);
  const toMeasure = (measure: MeasurePackage["measures"][number]): MeasureModel => ({
    code: measure.code,
    title: pick(measure.title, lang),
    description: pick(measure.description, lang),
    strategy: strategyLabel(measure.strategy, lang),
    horizon: t[`horizon_${measure.horizon}`],
    theme: themeLabel(measure.theme, lang),
    cost: t[`cost_${measure.cost}`],
    costEstimated: measure.costBasis === "estimate",
    costIndication: pick(measure.costIndication, lang) || undefined,
    benefit: pick(measure.benefit, lang),
    benefitIndication: pick(measure.benefitIndication, lang) || undefined,
    difficulty: t[`difficulty_${measure.difficulty}`],
    sources: measureSources(measure, lang),
    instruments: measure.instrumentRefIds.flatMap((refId) => {
      const link = links.get(refId);
      return link ? [{ href: instrumentHref(link.slug), text: pick(link.name, lang) }] : [];
    }),
  });
  return {
    slug: item.slug,
    href: `/sectoren/${item.slug}`,
    name: pick(item.name, lang),
    intro: pick(item.intro, lang),
    sbiCodes: [...item.sbiSections, ...item.sbiDivisions].join(", "),
    horizons: HORIZONS.map((horizon) => ({
      horizon,
      label: t[`horizon_${horizon}`],
      measures: item.measures.filter((measure) => measure.horizon === horizon).map(toMeasure),
    })),
    roadmaps: item.roadmaps.map((roadmap) => ({
      href: `/routekaarten/${roadmap.slug}`,
      text: pick(roadmap.title, lang),
    })),
    measureCount: item.measures.length,
  };
}

/** A roadmap with its horizons, actions per scale level, and links to measures and instruments. */
export async function toRoadmapModel(
  row: RoadmapRow,
  lang: Lang,
  packages: MeasurePackage[],
  lookup: InstrumentLinkLookup,
): Promise<RoadmapModel> {
  const t = knowledgeMessages[lang];
  const measures = new Map(
    packages.flatMap((item) => item.measures.map((measure) => [measure.code, { item, measure }] as const)),
  );
  const linkedPackage = packages.find((item) => item.slug === row.measurePackageSlug);
  const refIds = [
    ...new Set(row.horizons.flatMap((h) => h.actions.flatMap((action) => action.instrumentRefIds))),
  ];
  const links = await lookup(refIds);
  return {
    slug: row.slug,
    href: `/routekaarten/${row.slug}`,
    title: pick(row.title, lang),
    intro: pick(row.intro, lang),
    measurePackage: linkedPackage
      ? {
          href: `/sectoren/${linkedPackage.slug}`,
          text: format(t.measurePackageOf, { name: pick(linkedPackage.name, lang) }),
        }
      : undefined,
    horizons: HORIZONS.flatMap((horizon) =>
      row.horizons
        .filter((h) => h.horizon === horizon)
        .map((h) => ({
          horizon,
          label: t[`horizon_${horizon}`],
          goals: h.goals.map((goal) => pick(goal, lang)),
          actions: h.actions.map((action) => ({
            scale: t[`scale_${action.scale}`],
            text: pick(action.text, lang),
            measures: action.measureCodes.flatMap((code) => {
              const found = measures.get(code);
              return found
                ? [{ href: `/sectoren/${found.item.slug}#${code}`, text: pick(found.measure.title, lang) }]
                : [];
            }),
            instruments: action.instrumentRefIds.flatMap((refId) => {
              const link = links.get(refId);
              return link ? [{ href: instrumentHref(link.slug), text: pick(link.name, lang) }] : [];
            }),
          })),
        })),
    ),
    sources: row.sources,
  };
}
