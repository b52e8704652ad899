import type { Lang, Localised } from "../../i18n/index.js";
import { pick } from "../../i18n/index.js";
import { type CoverageLevel, isAvailable, type SizeClass } from "../vocabulary/index.js";

/** What the picker needs of an instrument: the catalogue's MatchableInstrument has all of it. */
export type PickerInstrument = {
  refId: string;
  name: Localised;
  providerId?: string;
  providerName: string;
  coverage: { level: CoverageLevel; codes: string[] };
  sizeClasses: string[];
  status: string;
};

/** Where the company is and how big it is, as far as the dossier knows. */
export type PickerCompany = {
  regionCode: string;
  /** The provinces of the company's municipality, or of its region when the municipality is unknown. */
  provinceCodes: string[];
  municipalityCode: string | null;
  sizeClass: SizeClass | null;
};

/** How a referral reaches the provider (auth module's referralDeliveryFor): shown before the adviser sends it. */
export type DeliveryRoute = "account" | "mail" | "warme_overdracht";

export type PickerOption = {
  refId: string;
  name: string;
  providerName: string;
  delivery: DeliveryRoute;
  /** Why it does not fit the company: outside its region, or not for its size. Null when it fits. */
  misfit: "region" | "size" | null;
};

export type ReferralPicker = {
  /** The route engine's ranking for this company, best first, as far as those instruments can be referred to. */
  recommended: PickerOption[];
  /** The other usable instruments for the company's region and size, by name. */
  fitting: PickerOption[];
  /** Usable instruments that do not fit the company, by name; shown only on request. */
  outside: PickerOption[];
};

/** Whether an instrument's coverage reaches the company (national and EU instruments reach everyone). */
function reaches(coverage: PickerInstrument["coverage"], company: PickerCompany): boolean {
  switch (coverage.level) {
    case "eu":
    case "national":
      return true;
    case "province":
      return coverage.codes.some((code) => company.provinceCodes.includes(code));
    case "res_region":
      return coverage.codes.includes(company.regionCode);
    case "municipality":
      return company.municipalityCode !== null && coverage.codes.includes(company.municipalityCode);
  }
}

/**
 * The instruments the adviser can refer this company to (issue 15 item 6): only what a company can use today
 * (isAvailable), the route's ranking for the company first, then the rest for its region and size by name; what lies
 * outside its region or is not for its size apart, with the reason.
 */
export function buildReferralPicker(input: {
  instruments: readonly PickerInstrument[];
  company: PickerCompany;
  /** The route engine's recommendations for the company, best first (ref_ids). */
  ranked: readonly string[];
  delivery: (providerId: string) => DeliveryRoute;
  lang: Lang;
}): ReferralPicker {
  const { company, lang } = input;
  const collator = new Intl.Collator(lang === "en" ? "en-GB" : "nl-NL", { sensitivity: "base" });
  const options = input.instruments
    .filter((instrument) => isAvailable(instrument.status))
    .map((instrument): PickerOption => {
      const sizeFits =
        !company.sizeClass ||
        instrument.sizeClasses.length === 0 ||
        instrument.sizeClasses.includes(company.sizeClass);
      return {
        refId: instrument.refId,
        name: pick(instrument.name, lang),
        providerName: instrument.providerName,
        delivery: input.delivery(instrument.providerId ?? ""),
        misfit: !reaches(instrument.coverage, company) ? "region" : sizeFits ? null : "size",
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || a.refId.localeCompare(b.refId));
  const rank = new Map(input.ranked.map((refId, place) => [refId, place]));
  const fits = options.filter((option) => option.misfit === null);
  return {
    recommended: fits
      .filter((option) => rank.has(option.refId))
      .sort((a, b) => rank.get(a.refId)! - rank.get(b.refId)!),
    fitting: fits.filter((option) => !rank.has(option.refId)),
    outside: options.filter((option) => option.misfit !== null),
  };
}

/** A company's instruments and the route's ranking for it; the composition root builds this from the route module. */
export type DossierFit = {
  instruments: PickerInstrument[];
  ranked: string[];
  sizeClass: SizeClass | null;
};
export type DossierFitLookup = (company: {
  regionCode: string;
  municipalityCode: string | null;
  sbiSection: string | null;
  scanResultId: string | null;
}) => Promise<DossierFit>;
