import type { Lang, Localised } from "../../i18n/index.js";
import type {
  BarrierBodyKind,
  BarrierStatus,
  CoverageLevel,
  DemandSource,
  GapDecision,
  GapStatus,
  GoalIndicator,
  Help,
  JourneyStep,
  Kind,
  Phase,
  ProgressStatus,
  ResultBasis,
  SizeClass,
  Status,
  Theme,
} from "./vocabulary.js";

/**
 * The one Dutch and English label of every journey step, in plain words (B1) an entrepreneur and a coordinator both
 * read; the agenda's own names (Kansen identificeren, Invoering maatregelen, Verankering in de bedrijfsvoering) are
 * the codes' origin, see the glossary in docs/architecture.md.
 */
export const JOURNEY_STEP_LABELS: Record<JourneyStep, Localised> = {
  informeren: { nl: "Informeren", en: "Getting informed" },
  inspireren: { nl: "Inspireren", en: "Getting inspired" },
  kansen_identificeren: { nl: "Kansen vinden", en: "Finding opportunities" },
  invoering: { nl: "Maatregelen invoeren", en: "Implementing measures" },
  verankering: { nl: "Verankeren in het bedrijf", en: "Anchoring it in the business" },
  ketensamenwerking: { nl: "Samenwerken in de keten", en: "Working together in the supply chain" },
};

export const PHASE_LABELS: Record<Phase, Localised> = {
  starter: { nl: "Starter", en: "Starter" },
  peloton: { nl: "Peloton", en: "Mainstream (peloton)" },
  koploper: { nl: "Koploper", en: "Frontrunner" },
};

export const THEME_LABELS: Record<Theme, Localised> = {
  inkoop: { nl: "Inkoop", en: "Purchasing" },
  productontwerp: { nl: "Productontwerp", en: "Product design" },
  productieproces: { nl: "Productieproces", en: "Production process" },
  levensduur: { nl: "Langer gebruik en reparatie", en: "Longer use and repair" },
  hergebruik: { nl: "Hergebruik", en: "Reuse" },
  recycling: { nl: "Recycling", en: "Recycling" },
  ketensamenwerking: { nl: "Samenwerken in de keten", en: "Working together in the supply chain" },
  verdienmodel: { nl: "Verdienmodel", en: "Business model" },
};

export const KIND_LABELS: Record<Kind, Localised> = {
  subsidy: { nl: "Subsidie", en: "Subsidy" },
  voucher: { nl: "Voucher", en: "Voucher" },
  tax_scheme: { nl: "Fiscale regeling", en: "Tax scheme" },
  finance: { nl: "Financiering", en: "Finance" },
  advice: { nl: "Advies", en: "Advice" },
  programme: { nl: "Programma", en: "Programme" },
  network: { nl: "Netwerk", en: "Network" },
  training: { nl: "Training", en: "Training" },
  information: { nl: "Informatie", en: "Information" },
  tool: { nl: "Hulpmiddel", en: "Tool" },
  event: { nl: "Evenement", en: "Event" },
  procurement: { nl: "Inkoopprogramma", en: "Procurement programme" },
  loket: { nl: "Loket", en: "Help desk" },
};

export const STATUS_LABELS: Record<Status, Localised> = {
  open: { nl: "Open", en: "Open" },
  doorlopend: { nl: "Doorlopend", en: "Ongoing" },
  verwacht: { nl: "Verwacht", en: "Expected" },
  gesloten: { nl: "Gesloten", en: "Closed" },
  historisch: { nl: "Historisch", en: "Historical" },
};

export const COVERAGE_LABELS: Record<CoverageLevel, Localised> = {
  eu: { nl: "Europees", en: "European" },
  national: { nl: "Landelijk", en: "National" },
  province: { nl: "Provinciaal", en: "Provincial" },
  res_region: { nl: "Regionaal", en: "Regional" },
  municipality: { nl: "Gemeentelijk", en: "Municipal" },
};

export const SIZE_CLASS_LABELS: Record<SizeClass, Localised> = {
  micro: { nl: "Minder dan 10 mensen (micro)", en: "Fewer than 10 people (micro)" },
  klein: { nl: "10 tot 50 mensen (klein)", en: "10 to 50 people (small)" },
  middel: { nl: "50 tot 250 mensen (middelgroot)", en: "50 to 250 people (medium)" },
  groot: { nl: "250 mensen of meer (groot)", en: "250 people or more (large)" },
};

export const HELP_LABELS: Record<Help, Localised> = {
  informatie: { nl: "Informatie", en: "Information" },
  voorbeelden: { nl: "Voorbeelden van andere bedrijven", en: "Examples from other businesses" },
  advies: { nl: "Advies", en: "Advice" },
  financiering: {
    nl: "Geld: subsidie, lening of belastingvoordeel",
    en: "Money: subsidy, loan or tax relief",
  },
  partners: { nl: "Partners om mee samen te werken", en: "Partners to work with" },
  training: { nl: "Training", en: "Training" },
  regelgeving: { nl: "Hulp met regels en vergunningen", en: "Help with rules and permits" },
  inkoop: { nl: "Circulair inkopen", en: "Circular purchasing" },
};

/** What a company gets from an instrument of each kind, as a sentence for the card when the catalogue names no amount (ADR 0088). */
/** A barrier's status in the register and its yearly summary (ADR 0096), as a coordinator reads it. */
export const BARRIER_STATUS_LABELS: Record<BarrierStatus, Localised> = {
  nieuw: { nl: "nieuw", en: "new" },
  in_behandeling: { nl: "in behandeling", en: "in progress" },
  doorgestuurd: { nl: "doorgestuurd", en: "passed on" },
  beantwoord: { nl: "beantwoord", en: "answered" },
  opgelost: { nl: "opgelost", en: "solved" },
  afgewezen: { nl: "afgewezen", en: "declined" },
};

/** The kinds of competent body a barrier goes to, as a coordinator picks one and a visitor reads it (ADR 0096). */
export const BARRIER_BODY_KIND_LABELS: Record<BarrierBodyKind, Localised> = {
  ministerie: { nl: "Ministerie", en: "Ministry" },
  omgevingsdienst: { nl: "Omgevingsdienst", en: "Environmental service (omgevingsdienst)" },
  provincie: { nl: "Provincie", en: "Province" },
  gemeente: { nl: "Gemeente", en: "Municipality" },
  anders: { nl: "Andere instantie", en: "Other body" },
};

export const KIND_OFFER_SENTENCES: Record<Kind, Localised> = {
  subsidy: {
    nl: "Een subsidie. Het bedrag hangt af van uw project; de aanbieder noemt het.",
    en: "A subsidy. The amount depends on your project; the provider states it.",
  },
  voucher: {
    nl: "Een voucher: een bijdrage in de kosten van advies of onderzoek.",
    en: "A voucher: a contribution to the costs of advice or research.",
  },
  tax_scheme: {
    nl: "Een belastingvoordeel: u betaalt minder belasting.",
    en: "A tax benefit: you pay less tax.",
  },
  finance: {
    nl: "Financiering: een lening, garantie of investering.",
    en: "Finance: a loan, guarantee or investment.",
  },
  advice: {
    nl: "Advies voor uw bedrijf.",
    en: "Advice for your business.",
  },
  programme: {
    nl: "Een programma met begeleiding.",
    en: "A programme with guidance.",
  },
  network: {
    nl: "Een netwerk: u leert van andere ondernemers.",
    en: "A network: you learn from other entrepreneurs.",
  },
  training: {
    nl: "Een training of cursus.",
    en: "A training or course.",
  },
  information: {
    nl: "Informatie en uitleg.",
    en: "Information and explanation.",
  },
  tool: {
    nl: "Een hulpmiddel dat u zelf gebruikt.",
    en: "A tool you use yourself.",
  },
  event: {
    nl: "Een bijeenkomst.",
    en: "A meeting or event.",
  },
  procurement: {
    nl: "Een inkoopprogramma.",
    en: "A procurement programme.",
  },
  loket: {
    nl: "Een loket dat u verder helpt.",
    en: "A help desk that helps you further.",
  },
};

/** Size classes as they read inside a sentence ("Bedrijven met minder dan 10 mensen"), for the card's audience line. */
export const SIZE_CLASS_PHRASES: Record<SizeClass, Localised> = {
  micro: {
    nl: "minder dan 10 mensen",
    en: "fewer than 10 people",
  },
  klein: {
    nl: "10 tot 50 mensen",
    en: "10 to 50 people",
  },
  middel: {
    nl: "50 tot 250 mensen",
    en: "50 to 250 people",
  },
  groot: {
    nl: "250 mensen of meer",
    en: "250 people or more",
  },
};

/** Phases abbreviated for the heat map's column heads, with a key under the table (ADR 0089). */
export const PHASE_ABBREVIATIONS: Record<Phase, Localised> = {
  starter: { nl: "S", en: "S" },
  peloton: { nl: "P", en: "P" },
  koploper: { nl: "K", en: "F" },
};

/** Where unmet demand was heard, in words (ADR 0094). */
export const DEMAND_SOURCE_LABELS: Record<DemandSource, Localised> = {
  route: { nl: "Route zonder bruikbaar aanbod", en: "Route without usable offer" },
  search: { nl: "Zoekopdracht zonder bruikbaar aanbod", en: "Search without usable offer" },
  intake_no_offer: { nl: "Intake: geen passend aanbod", en: "Intake: no suitable offer" },
  decline_capacity: { nl: "Afgewezen: geen capaciteit", en: "Declined: no capacity" },
  decline_fit: { nl: "Afgewezen: past niet", en: "Declined: does not fit" },
};

/** What a coordinator decides about a gap. */
export const GAP_DECISION_LABELS: Record<GapDecision, Localised> = {
  aanvullen: { nl: "Aanvullen: nieuw aanbod maken", en: "Add: create new offer" },
  opschalen: { nl: "Opschalen: bestaand aanbod groter maken", en: "Scale up: extend existing offer" },
  samenvoegen: { nl: "Samenvoegen: aanbod bundelen", en: "Merge: bundle the offer" },
  stoppen: { nl: "Stoppen: aanbod beëindigen", en: "Stop: end the offer" },
  accepteren: { nl: "Accepteren: het gat blijft", en: "Accept: the gap stays" },
};

/** Where a gap's register entry stands. */
export const GAP_STATUS_LABELS: Record<GapStatus, Localised> = {
  open: { nl: "Open", en: "Open" },
  in_behandeling: { nl: "In behandeling", en: "In progress" },
  afgerond: { nl: "Afgerond", en: "Done" },
};

/** The one name of each goal indicator (ADR 0095); the process indicators count over the last 12 months. */
export const GOAL_INDICATOR_LABELS: Record<GoalIndicator, Localised> = {
  regions_with_three_stars: {
    nl: "Aantal regio's met minstens 3 sterren",
    en: "Number of regions with at least 3 stars",
  },
  coverage_gaps: { nl: "Aantal gaten in het aanbod", en: "Number of gaps in the offer" },
  intake_requests: {
    nl: "Aantal intakeaanvragen (laatste 12 maanden)",
    en: "Number of intake requests (last 12 months)",
  },
  referrals_helped_rate: {
    nl: "Aandeel verwijzingen met uitkomst geholpen (%)",
    en: "Share of referrals with outcome helped (%)",
  },
  measures_recorded: {
    nl: "Aantal genomen maatregelen (laatste 12 maanden)",
    en: "Number of measures taken (last 12 months)",
  },
  material_kg_saved: {
    nl: "Bespaard materiaal in kg (laatste 12 maanden)",
    en: "Material saved in kg (last 12 months)",
  },
  co2e_kg_avoided: {
    nl: "Vermeden uitstoot in kg CO2e (laatste 12 maanden)",
    en: "Emissions avoided in kg CO2e (last 12 months)",
  },
  euro_saved: { nl: "Bespaarde euro's (laatste 12 maanden)", en: "Euros saved (last 12 months)" },
};

/** Where a company stands with one step or measure of Mijn route (ADR 0091). */
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, Localised> = {
  open: { nl: "Nog niet begonnen", en: "Not started" },
  bezig: { nl: "Bezig", en: "In progress" },
  gedaan: { nl: "Gedaan", en: "Done" },
  niet_voor_ons: { nl: "Niet voor ons", en: "Not for us" },
};

export const RESULT_BASIS_LABELS: Record<ResultBasis, Localised> = {
  geschat: { nl: "Geschat", en: "Estimated" },
  gemeten: { nl: "Gemeten", en: "Measured" },
};

/** Every vocabulary's labels by the name the catalogue's facets and the API's taxonomies use. */
export const VOCABULARY_LABELS = {
  journey_step: JOURNEY_STEP_LABELS,
  phase: PHASE_LABELS,
  theme: THEME_LABELS,
  kind: KIND_LABELS,
  status: STATUS_LABELS,
  coverage: COVERAGE_LABELS,
  size_class: SIZE_CLASS_LABELS,
  help: HELP_LABELS,
  demand_source: DEMAND_SOURCE_LABELS,
  gap_decision: GAP_DECISION_LABELS,
  gap_status: GAP_STATUS_LABELS,
} as const;
export type VocabularyName = keyof typeof VOCABULARY_LABELS;

/** The label of a code in a vocabulary, or the code itself when it is not (or no longer) in it. */
export function vocabularyLabel(vocabulary: VocabularyName, code: string, lang: Lang): string {
  const labels: Record<string, Localised> = VOCABULARY_LABELS[vocabulary];
  return labels[code]?.[lang] ?? code;
}

/** A vocabulary's labels in one language, for a module's message catalogue (`step: labelsIn(JOURNEY_STEP_LABELS, "nl")`). */
export function labelsIn<Code extends string>(
  labels: Record<Code, Localised>,
  lang: Lang,
): Record<Code, string> {
  return Object.fromEntries(
    Object.entries<Localised>(labels).map(([code, label]) => [code, label[lang]]),
  ) as Record<Code, string>;
}
