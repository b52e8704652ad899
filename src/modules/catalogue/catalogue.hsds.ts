import { type Lang, pick } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import {
  COVERAGE_LEVELS,
  JOURNEY_STEPS,
  KINDS,
  PHASES,
  R_STRATEGIES,
  SIZE_CLASSES,
  STATUSES,
  type Status,
  THEMES,
} from "../vocabulary/index.js";
import type { InstrumentRow, OrganizationRow } from "./catalogue.repository.js";
import type { InstrumentRecord, OrganizationRecord } from "./catalogue.schemas.js";
import { HSDS_STATUS } from "./catalogue.status.js";
import { LABELS, uuidFor } from "./catalogue.vocabulary.js";

/**
 * Presenters from rows to Open Referral HSDS 3.0 objects plus our documented profile fields (docs/api-profile.md).
 * Texts come in the requested language; the other language is in the profile field `translations`.
 */
export const PROFILE_PATH = "/api/profile";

// Our status vocabulary mapped on HSDS's four service statuses (catalogue.status.ts); the exact status is the
// profile field `status_detail`.
const hsdsStatus = (status: string) => HSDS_STATUS[status as Status] ?? "inactive";

type TaxonomyDefinition = {
  key: string;
  name: Record<Lang, string>;
  labels: string;
  values: readonly string[];
};
export const TAXONOMIES: TaxonomyDefinition[] = [
  {
    key: "journey_step",
    name: { nl: "Klantreisstap", en: "Journey step" },
    labels: "journey_step",
    values: JOURNEY_STEPS,
  },
  { key: "phase", name: { nl: "Fase", en: "Phase" }, labels: "phase", values: PHASES },
  { key: "theme", name: { nl: "Circulair thema", en: "Circular theme" }, labels: "theme", values: THEMES },
  { key: "kind", name: { nl: "Soort instrument", en: "Kind of instrument" }, labels: "kind", values: KINDS },
  { key: "status", name: { nl: "Status", en: "Status" }, labels: "status", values: STATUSES },
  { key: "r_strategy", name: { nl: "R-ladder", en: "R-ladder" }, labels: "r_strategy", values: R_STRATEGIES },
  {
    key: "size_class",
    name: { nl: "Bedrijfsgrootte", en: "Company size" },
    labels: "size_class",
    values: SIZE_CLASSES,
  },
  { key: "coverage", name: { nl: "Bereik", en: "Coverage" }, labels: "coverage", values: COVERAGE_LEVELS },
];

/** An HSDS taxonomy object. */
export function toHsdsTaxonomy(taxonomy: TaxonomyDefinition, lang: Lang, absoluteUrl: AbsoluteUrl) {
  return {
    id: uuidFor("taxonomy", taxonomy.key),
    name: taxonomy.key,
    description: taxonomy.name[lang],
    uri: absoluteUrl(`${PROFILE_PATH}#taxonomy-${taxonomy.key}`),
    version: "1.0",
  };
}

/** An HSDS taxonomy_term object. */
export function toHsdsTaxonomyTerm(
  taxonomy: TaxonomyDefinition,
  value: string,
  lang: Lang,
  absoluteUrl: AbsoluteUrl,
) {
  const label = LABELS[taxonomy.labels]?.[value]?.[lang] ?? value;
  return {
    id: uuidFor("taxonomy_term", `${taxonomy.key}:${value}`),
    code: value,
    name: label,
    description: `${taxonomy.name[lang]}: ${label}`,
    taxonomy: taxonomy.key,
    taxonomy_id: uuidFor("taxonomy", taxonomy.key),
    language: lang,
    term_uri: absoluteUrl(`${PROFILE_PATH}#taxonomy-${taxonomy.key}`),
  };
}

/** An HSDS organization. Contact data only when the provider publishes it. */
export function toHsdsOrganization(row: OrganizationRow, lang: Lang) {
  return {
    id: row.id,
    name: row.name,
    alternate_name: row.alternateName ?? undefined,
    description: pick(row.description, lang),
    website: row.website ?? undefined,
    email: row.email ?? undefined,
    phones: row.phone
      ? [{ id: uuidFor("phone", row.refId), organization_id: row.id, number: row.phone }]
      : [],
    ref_id: row.refId,
    kind: row.kind,
  };
}

/** An HSDS service with the profile fields; validates against HSDS 3.0 service.json (tested for every instrument). */
export function toHsdsService(
  row: InstrumentRow,
  organization: OrganizationRow | undefined,
  lang: Lang,
  absoluteUrl: AbsoluteUrl,
) {
  const other: Lang = lang === "nl" ? "en" : "nl";
  const attribute = (taxonomyKey: string, value: string) => {
    const taxonomy = TAXONOMIES.find((t) => t.key === taxonomyKey)!;
    const term = toHsdsTaxonomyTerm(taxonomy, value, lang, absoluteUrl);
    return {
      id: uuidFor("attribute", `${row.refId}:${taxonomyKey}:${value}`),
      link_id: row.id,
      link_type: taxonomyKey,
      link_entity: "service",
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    };
  };
  const money =
    row.amountMax !== null || row.amountMin !== null || row.percentage !== null
      ? [
          {
            id: uuidFor("cost_option", row.refId),
            service_id: row.id,
            option: lang === "nl" ? "Wat u krijgt" : "What you get",
            currency: "EUR",
            amount: row.amountMax ?? row.amountMin ?? undefined,
            amount_description: pick(row.benefit, lang),
            valid_from: row.windowOpen ?? undefined,
            valid_to: row.windowClose ?? undefined,
          },
        ]
      : [];
  return {
    id: row.id,
    organization_id: row.organizationId,
    name: pick(row.name, lang),
    alternate_name: pick(row.name, other),
    description: `${pick(row.summary, lang)}\n\n${pick(row.description, lang)}`,
    url: row.website ?? undefined,
    status: hsdsStatus(row.status),
    application_process: pick(row.howToApply, lang),
    eligibility_description: `${pick(row.audience, lang)}\n\n${pick(row.conditions, lang)}`,
    assured_date: row.lastVerified,
    last_modified: row.updatedAt.toISOString(),
    alert: row.statusNote ? pick(row.statusNote, lang) : undefined,
    organization: organization ? toHsdsOrganization(organization, lang) : undefined,
    service_areas: serviceAreas(row),
    cost_options: money,
    attributes: [
      ...row.journeySteps.map((value) => attribute("journey_step", value)),
      ...row.phases.map((value) => attribute("phase", value)),
      ...row.themes.map((value) => attribute("theme", value)),
      attribute("kind", row.kind),
      attribute("status", row.status),
      ...row.rStrategies.map((value) => attribute("r_strategy", value)),
      ...row.sizeClasses.map((value) => attribute("size_class", value)),
    ],
    languages: [
      { id: uuidFor("language", `${row.refId}:nl`), service_id: row.id, name: "Nederlands", code: "nl" },
      { id: uuidFor("language", `${row.refId}:en`), service_id: row.id, name: "English", code: "en" },
    ],
    // Profile fields (docs/api-profile.md).
    ref_id: row.refId,
    slug: row.slug,
    page_url: absoluteUrl(`/aanbod/${row.slug}`),
    kind: row.kind,
    status_detail: row.status,
    expected_window: row.expected
      ? `${row.expected.year}-${String(row.expected.month).padStart(2, "0")}`
      : null,
    last_verified: row.lastVerified,
    journey_steps: row.journeySteps,
    phases: row.phases,
    themes: row.themes,
    r_strategies: row.rStrategies,
    sbi_sections: row.sbiSections,
    sbi_divisions: row.sbiDivisions,
    coverage: { level: row.coverageLevel, codes: row.coverageCodes },
    size_classes: row.sizeClasses,
    consortium_rules: row.consortiumRules ? pick(row.consortiumRules, lang) : null,
    money: {
      amount_min: row.amountMin,
      amount_max: row.amountMax,
      percentage: row.percentage,
      pot: row.pot,
      pot_year: row.potYear,
      window_open: row.windowOpen,
      window_close: row.windowClose,
      allocation: row.allocation,
    },
    evidence: row.evidence ? { text: pick(row.evidence, lang), source: row.evidence.source } : null,
    reach: row.reach ? { text: pick(row.reach, lang), source: row.reach.source } : null,
    general_finance: row.generalFinance,
    recurrence: row.recurrence,
    past_windows: row.pastWindows,
    partners: row.partners,
    synthetic: row.synthetic,
    translations: {
      [other]: {
        name: pick(row.name, other),
        summary: pick(row.summary, other),
        description: pick(row.description, other),
        application_process: pick(row.howToApply, other),
      },
    },
  };
}

function serviceAreas(row: InstrumentRow) {
  if (row.coverageLevel === "national" || row.coverageLevel === "eu")
    return [
      {
        id: uuidFor("service_area", `${row.refId}:${row.coverageLevel}`),
        service_id: row.id,
        name: row.coverageLevel === "eu" ? "Europese Unie" : "Nederland",
        extent_type: "country",
        extent: row.coverageLevel === "eu" ? "EU" : "NL",
      },
    ];
  return row.coverageCodes.map((code) => ({
    id: uuidFor("service_area", `${row.refId}:${code}`),
    service_id: row.id,
    name: code,
    description: row.coverageLevel,
    extent_type: "cbs_code",
    extent: code,
  }));
}

/** A row back in the exchange format (the import's input), for CSV and JSON export. */
export function toRecord(row: InstrumentRow, providerRefId: string): InstrumentRecord {
  return {
    ref_id: row.refId,
    slug: row.slug,
    name: row.name,
    provider_id: providerRefId,
    partners: row.partners,
    kind: row.kind as InstrumentRecord["kind"],
    summary: row.summary,
    description: row.description,
    audience: row.audience,
    benefit: row.benefit,
    conditions: row.conditions,
    how_to_apply: row.howToApply,
    journey_steps: row.journeySteps as InstrumentRecord["journey_steps"],
    phases: row.phases as InstrumentRecord["phases"],
    themes: row.themes as InstrumentRecord["themes"],
    r_strategies: row.rStrategies as InstrumentRecord["r_strategies"],
    sbi_sections: row.sbiSections,
    sbi_divisions: row.sbiDivisions,
    coverage: { level: row.coverageLevel as InstrumentRecord["coverage"]["level"], codes: row.coverageCodes },
    size_classes: row.sizeClasses as InstrumentRecord["size_classes"],
    consortium_rules: row.consortiumRules,
    money: {
      amount_min: row.amountMin,
      amount_max: row.amountMax,
      percentage: row.percentage,
      pot: row.pot,
      pot_year: row.potYear,
      window_open: row.windowOpen,
      window_close: row.windowClose,
      allocation: row.allocation as InstrumentRecord["money"]["allocation"],
    },
    status: row.status as InstrumentRecord["status"],
    status_note: row.statusNote,
    last_verified: row.lastVerified,
    certainty: row.certainty,
    website: row.website,
    evidence: row.evidence,
    reach: row.reach,
    general_finance: row.generalFinance,
    recurrence: row.recurrence,
    past_windows: row.pastWindows,
    keywords: row.keywords,
  };
}

/** An organization row back in the exchange format. */
export function toOrganizationRecord(row: OrganizationRow): OrganizationRecord {
  return {
    id: row.refId,
    name: row.name,
    alternate_name: row.alternateName,
    description: row.description,
    website: row.website,
    email: row.email,
    phone: row.phone,
    kind: row.kind,
  };
}
