import { format, formatDate, formatEuro, type Lang, type Localised, pick } from "../../i18n/index.js";
import { vocabularyLabel } from "../vocabulary/index.js";
import { catalogueMessages } from "./catalogue.messages.js";
import type { InstrumentRow } from "./catalogue.repository.js";
import { type ExpectedWindow, formatExpected } from "./catalogue.status.js";

/**
 * What a card needs of an instrument: only the catalogue's structured fields, so a card never says more than the
 * data holds (issue 17 item 1, ADR 0088). The route's MatchableInstrument and the search index's summary both carry
 * these.
 */
export type CardFacts = {
  refId: string;
  slug: string;
  name: Localised;
  summary?: Localised;
  kind: string;
  providerName: string;
  amountMin?: number | null;
  amountMax?: number | null;
  percentage?: number | null;
  sizeClasses: string[];
  sbiSections: string[];
  sbiDivisions?: string[];
  coverage: { level: string; codes: string[] };
  status: string;
  windowClose?: string | null;
  expected?: ExpectedWindow | null;
  lastVerified?: string;
  stale?: boolean;
  howToApply?: Localised;
  /** The instrument's own page at the provider, else the provider's website. */
  website?: string | null;
};

/** Names the card needs from reference data it does not own: sectors by SBI code and places by CBS code. */
export type CardNames = {
  sectorName(code: string, lang: Lang): string | undefined;
  placeName(code: string): string;
};

/** One card as the views show it: every line in the visitor's language. */
export type InstrumentCardView = {
  refId: string;
  name: string;
  href: string;
  provider: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  /** "Wat is het": one line. */
  summary: string;
  /** "Wat u krijgt": amount range or percentage, else what kind of help it is. */
  offer: string;
  /** "Voor wie": size, sector and region in words. */
  audience: string;
  /** "Wanneer": open until …, doorlopend, or verwacht with its window. */
  when: string;
  /** For verwacht: what to do now. */
  prepare?: string;
  /** "Laatst gecontroleerd op …". */
  verified?: string;
  staleNotice?: string;
  /** "Hoe aanvragen": the first step from the catalogue's application text, and where to do it. */
  apply: { text: string; href?: string; linkText?: string };
  /** Only the reasons that set this card apart from the others in its list. */
  reasons: string[];
};

/** The first sentence of a text: the first concrete action of an application text. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^(.+?[.!?])(\s|$)/s.exec(trimmed);
  return (match ? match[1]! : trimmed).trim();
}

/** A list in running text: "a, b en c". */
function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Wat u krijgt" from the structured money fields; without an amount, the kind of help in words. */
export function offerText(facts: CardFacts, lang: Lang): string {
  const t = catalogueMessages[lang].card;
  const min = facts.amountMin ?? null;
  const max = facts.amountMax ?? null;
  const amount =
    min !== null && max !== null && min !== max
      ? format(t.amountRange, { min: formatEuro(min, lang), max: formatEuro(max, lang) })
      : max !== null
        ? format(t.amountUpTo, { max: formatEuro(max, lang) })
        : min !== null
          ? format(t.amountFrom, { min: formatEuro(min, lang) })
          : null;
  const kind = vocabularyLabel("kind", facts.kind, lang);
  const percentage = facts.percentage ?? null;
  if (percentage !== null && amount)
    return format(t.percentageWithAmount, { kind, percentage: String(percentage), amount });
  if (percentage !== null) return format(t.percentageOnly, { kind, percentage: String(percentage) });
  if (amount) return format(t.amountOnly, { kind, amount });
  return (t.kindOffer as Record<string, string>)[facts.kind] ?? format(t.kindOfferOther, { kind });
}

/** "Voor wie": size classes, sectors and the area, in words. */
export function audienceText(facts: CardFacts, lang: Lang, names: CardNames): string {
  const t = catalogueMessages[lang].card;
  const sizeWords: Record<string, string> = t.sizeWords;
  const sizes =
    facts.sizeClasses.length && facts.sizeClasses.length < 4
      ? format(t.sizes, {
          sizes: joinList(
            facts.sizeClasses.map((size) => sizeWords[size] ?? size),
            t.or,
          ),
        })
      : t.everySize;
  const sectorCodes = facts.sbiDivisions?.length ? facts.sbiDivisions : facts.sbiSections;
  const sectorNames = sectorCodes.map((code) => names.sectorName(code, lang) ?? code);
  // More than three: the first two by name and how many more, so a reader can tell whether the trade is meant.
  const sectors = sectorNames.length
    ? sectorNames.length <= 3
      ? joinList(sectorNames.map(lower), t.and)
      : format(t.manySectors, {
          first: sectorNames.slice(0, 2).map(lower).join(", "),
          count: sectorNames.length - 2,
        })
    : t.everySector;
  const area =
    facts.coverage.level === "national"
      ? t.national
      : facts.coverage.level === "eu"
        ? t.eu
        : format(t.inPlaces, { places: joinList(facts.coverage.codes.map(names.placeName), t.and) });
  return format(t.audience, { sizes, sectors, area });
}

/** "Wanneer": from the status the catalogue computed for today. */
/** Kinds of help a company applies for (money); the rest it can use or join. */
const APPLIED_FOR = new Set(["subsidy", "voucher", "tax_scheme", "finance", "procurement"]);

export function whenText(facts: CardFacts, lang: Lang): string {
  const t = catalogueMessages[lang].card;
  switch (facts.status) {
    case "open":
      return facts.windowClose
        ? format(t.openUntil, { date: formatDate(facts.windowClose, lang) })
        : t.openNow;
    case "doorlopend":
      // Money is applied for; advice, a network or information is simply there to use.
      return APPLIED_FOR.has(facts.kind) ? t.continuous : t.continuousUse;
    case "verwacht":
      return facts.expected
        ? format(t.expectedIn, { month: formatExpected(facts.expected, lang) })
        : t.expectedUnknown;
    case "gesloten":
      return t.closed;
    default:
      return t.ended;
  }
}

/** "Hoe aanvragen": the first sentence of the application text, or the provider's website. */
export function applyText(facts: CardFacts, lang: Lang): InstrumentCardView["apply"] {
  const t = catalogueMessages[lang].card;
  const text = facts.howToApply ? firstSentence(pick(facts.howToApply, lang)) : "";
  const href = facts.website ?? undefined;
  if (text) return { text, href, linkText: href ? t.applyWebsite : undefined };
  return href ? { text: t.applyViaProvider, href, linkText: t.applyWebsite } : { text: t.applyViaPage };
}

/** One instrument as a card; `reasons` are already in words (the route's), empty for a search result. */
export function presentCard(
  facts: CardFacts,
  lang: Lang,
  names: CardNames,
  reasons: string[] = [],
): InstrumentCardView {
  const t = catalogueMessages[lang];
  return {
    refId: facts.refId,
    name: pick(facts.name, lang),
    href: `/aanbod/${facts.slug}`,
    provider: facts.providerName,
    kindLabel: vocabularyLabel("kind", facts.kind, lang),
    status: facts.status,
    statusLabel: vocabularyLabel("status", facts.status, lang),
    summary: facts.summary ? pick(facts.summary, lang) : "",
    offer: offerText(facts, lang),
    audience: audienceText(facts, lang, names),
    when: whenText(facts, lang),
    prepare: facts.status === "verwacht" ? t.prepareNow : undefined,
    // A stale listing says so in its own notice, with the date; a fresh one says when it was checked.
    verified:
      facts.lastVerified && !facts.stale
        ? format(t.card.verified, { date: formatDate(facts.lastVerified, lang) })
        : undefined,
    staleNotice:
      facts.stale && facts.lastVerified
        ? format(t.staleNotice, { date: formatDate(facts.lastVerified, lang) })
        : undefined,
    apply: applyText(facts, lang),
    reasons,
  };
}

/**
 * The reasons that say nothing about the choice between the cards of a list: a sentence on every card, and in a list
 * of three or more a sentence on more than half of them (issue 17: "only the reasons that set this card apart";
 * a walk-through found "Helpt bij uw volgende stap" on ten of eleven cards). In the order they first appear.
 */
export function commonReasons(lists: string[][]): string[] {
  if (lists.length < 2) return [];
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const reason of new Set(list)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const common = (count: number) => count === lists.length || (lists.length >= 3 && count * 2 > lists.length);
  return [...counts].filter(([, count]) => common(count)).map(([reason]) => reason);
}

/**
 * Keeps on each card only the reasons that set it apart (see `commonReasons`, which the page says once above the
 * list). A list of one keeps its reasons.
 */
export function distinctReasons(lists: string[][]): string[][] {
  const common = new Set(commonReasons(lists));
  return lists.map((list) => list.filter((reason) => !common.has(reason)));
}

/**
 * A stored instrument (with its status as of today) as card facts: the compare view builds its columns from the same
 * model as the cards (issue 17 item 1). The provider's website stands in for the instrument's own.
 */
export function cardFactsOfRow(
  row: InstrumentRow,
  provider: { name: string; website?: string | null },
  stale: boolean,
): CardFacts {
  return {
    refId: row.refId,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    kind: row.kind,
    providerName: provider.name,
    amountMin: row.amountMin,
    amountMax: row.amountMax,
    percentage: row.percentage,
    sizeClasses: row.sizeClasses,
    sbiSections: row.sbiSections,
    sbiDivisions: row.sbiDivisions,
    coverage: { level: row.coverageLevel, codes: row.coverageCodes },
    status: row.status,
    windowClose: row.windowClose,
    expected: row.expected ?? null,
    lastVerified: row.lastVerified,
    stale,
    howToApply: row.howToApply,
    website: row.website ?? provider.website ?? null,
  };
}
