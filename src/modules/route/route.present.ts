import { format, type Lang, pick } from "../../i18n/index.js";
import {
  type CardFacts,
  type CardNames,
  commonReasons,
  distinctReasons,
  type InstrumentCardView,
  type MatchableInstrument,
  presentCard,
} from "../catalogue/index.js";
import type { RouteReferenceData } from "./route.data.js";
import type { Reason, RouteProfile, RouteResult } from "./route.engine.js";
import { routeMessages } from "./route.messages.js";

/** A list in running text: "a, b en c". */
function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${routeMessages[lang].reasons.and} ${items.at(-1)}`;
}

/** A label in the middle of a sentence: its first letter in lower case. */
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** One reason as a sentence in the visitor's language. */
export function describeReason(
  reason: Reason,
  lang: Lang,
  strategyNames: RouteReferenceData["strategyNames"],
): string {
  const t = routeMessages[lang];
  switch (reason.code) {
    case "step":
      return format(t.reasons.step, { step: lower(t.steps[reason.step]) });
    case "adjacentStep":
      return format(t.reasons.adjacentStep, { step: lower(t.steps[reason.step]) });
    case "phase":
      return format(t.reasons.phase, { phase: lower(t.phases[reason.phase]) });
    case "themes":
      return format(t.reasons.themes, {
        themes: joinList(
          reason.themes.map((theme) => lower(t.themes[theme])),
          lang,
        ),
      });
    case "motivations":
      return format(t.reasons.motivations, {
        motivations: joinList(
          reason.motivations.map((motivation) => lower(t.motivations[motivation])),
          lang,
        ),
      });
    case "help":
      return format(t.reasons.help, {
        help: joinList(
          reason.help.map((help) => lower(t.help[help])),
          lang,
        ),
      });
    case "sector":
      return t.reasons.sector;
    case "strategies":
      return format(t.reasons.strategies, {
        strategies: joinList(
          reason.strategies.map((code) => `${code} ${lower(pick(strategyNames.get(code), lang))}`.trim()),
          lang,
        ),
      });
    case "proximity":
      if (reason.level === "region") return format(t.reasons.proximityRegion, { place: reason.place });
      if (reason.level === "province") return format(t.reasons.proximityProvince, { place: reason.place });
      return reason.level === "eu" ? t.reasons.proximityEu : t.reasons.proximityNational;
    case "evidence":
      return t.reasons.evidence;
    case "expected":
      return t.reasons.expected;
  }
}

/** The card's facts of a matched instrument (ADR 0088). */
export function cardFactsOf(instrument: MatchableInstrument): CardFacts {
  return {
    refId: instrument.refId,
    slug: instrument.slug,
    name: instrument.name,
    summary: instrument.summary,
    kind: instrument.kind,
    providerName: instrument.providerName,
    amountMin: instrument.amountMin,
    amountMax: instrument.amountMax,
    percentage: instrument.percentage,
    sizeClasses: instrument.sizeClasses,
    sbiSections: instrument.sbiSections,
    sbiDivisions: instrument.sbiDivisions,
    coverage: instrument.coverage,
    status: instrument.status,
    windowClose: instrument.windowClose,
    expected: instrument.expected,
    lastVerified: instrument.lastVerified,
    stale: instrument.stale,
    howToApply: instrument.howToApply,
    website: instrument.website,
  };
}

/**
 * Each recommendation's reasons in words, keeping only those that set it apart from the others in the list
 * (`perCard`), and the reasons most of them share, said once (`common`).
 */
export function reasonTexts(
  result: Pick<RouteResult, "recommendations">,
  lang: Lang,
  strategyNames: RouteReferenceData["strategyNames"],
): { perCard: string[][]; common: string[] } {
  const lists = result.recommendations.map(({ reasons }) =>
    reasons.map((reason) => describeReason(reason, lang, strategyNames)),
  );
  return { perCard: distinctReasons(lists), common: commonReasons(lists) };
}

export type RouteView = {
  phase: string;
  phaseCode: RouteResult["phase"];
  phaseMeaning: string;
  phaseAssumed: boolean;
  nextStep: string;
  nextStepMeaning: string;
  strategies: { code: string; name: string }[];
  strategiesReason: string | null;
  recommendations: InstrumentCardView[];
  /** What most recommendations have in common, said once above them (each card shows only what sets it apart). */
  commonReasons: string[];
  eligibleCount: number;
};

/** The route as a view-model in the visitor's language. */
export function presentRoute(
  result: RouteResult,
  lang: Lang,
  reference: RouteReferenceData,
  names: CardNames,
): RouteView {
  const t = routeMessages[lang];
  const reasons = reasonTexts(result, lang, reference.strategyNames);
  return {
    phase: lower(t.phases[result.phase]),
    phaseCode: result.phase,
    phaseMeaning: t.phaseMeaning[result.phase],
    phaseAssumed: result.phaseAssumed,
    nextStep: t.steps[result.nextStep],
    nextStepMeaning: t.stepMeaning[result.nextStep],
    strategies: result.strategies.codes.map((code) => ({
      code,
      name: pick(reference.strategyNames.get(code), lang),
    })),
    strategiesReason: result.strategies.reason ? pick(result.strategies.reason, lang) : null,
    eligibleCount: result.eligibleCount,
    recommendations: result.recommendations.map(({ instrument }, index) =>
      presentCard(cardFactsOf(instrument), lang, names, reasons.perCard[index]),
    ),
    commonReasons: reasons.common,
  };
}

/** The SBI code as the company gave it: the division when known, else the section. */
export const sbiCodeOf = (profile: RouteProfile) => profile.sbiDivision ?? profile.sbiSection;
