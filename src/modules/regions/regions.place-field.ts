import { format, type Lang } from "../../i18n/index.js";
import { regionsMessages } from "./regions.messages.js";
import { withoutSuffix } from "./regions.places.js";
import type { Geography, Municipality, PlaceLookup, PlaceOption } from "./regions.service.js";

/**
 * One way for every field that asks for a municipality (home, /route, /regio, scan, intake, barrier form, /aanbod):
 * the typed text goes through `geography.lookupPlace`; a name of several municipalities or a typo comes back as a
 * problem plus radio buttons (`{field}-keuze`, the municipality code) that the next round trip reads.
 */

/** The query or form parameter that carries the municipality picked from a choice or a suggestion. */
export const placeChoiceParam = (field: string) => `${field}-keuze`;

/** The radio buttons shown under the field: the municipalities a name can mean. */
export type PlaceChoiceModel = {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
};

export type PlaceFieldResult =
  | {
      ok: true;
      municipality: Municipality;
      /** The place typed, when it is not the municipality's own name ("Scheveningen"); else undefined. */
      placeName?: string;
    }
  | { ok: false; problem: string; choice?: PlaceChoiceModel };

/** Checks a municipality field as typed (and the choice made under it, if any). */
/** The longest place name the field takes (the longest municipality name, "Valkenburg aan de Geul", has 22 characters). */
export const MAX_PLACE_LENGTH = 100;

export function checkPlaceField(
  geography: Geography,
  lang: Lang,
  field: string,
  typed: string | undefined,
  chosenCode?: string,
): PlaceFieldResult {
  const t = regionsMessages[lang];
  const name = (typed ?? "").trim();
  // No Dutch place name comes near this; say the text is too long rather than "we do not know <5,000 characters>".
  if (name.length > MAX_PLACE_LENGTH)
    return {
      ok: false,
      problem: format(t.placeTooLong, { max: String(MAX_PLACE_LENGTH), length: String(name.length) }),
    };
  const lookup = geography.lookupPlace(typed ?? "", chosenCode);
  switch (lookup.kind) {
    case "found":
      return {
        ok: true,
        municipality: lookup.option.municipality,
        placeName: lookup.option.ownName ? undefined : lookup.option.placeName,
      };
    case "empty":
      return { ok: false, problem: t.placeEmpty };
    case "unknown":
      return { ok: false, problem: format(t.placeUnknown, { name }) };
    case "choice":
      return {
        ok: false,
        problem: format(t.placeChoice, { count: lookup.options.length, name: lookup.options[0]!.placeName }),
        choice: choiceModel(
          geography,
          lang,
          field,
          lookup,
          format(t.placeChoiceLegend, { name: lookup.options[0]!.placeName }),
        ),
      };
    case "suggestions": {
      const suggestions = [...new Set(lookup.options.map((option) => option.placeName))].join(
        t.placeSuggestionJoin,
      );
      return {
        ok: false,
        problem: format(t.placeSuggestion, { name, suggestions }),
        choice: choiceModel(geography, lang, field, lookup, format(t.placeSuggestionLegend, { suggestions })),
      };
    }
  }
}

function choiceModel(
  geography: Geography,
  lang: Lang,
  field: string,
  lookup: Extract<PlaceLookup, { options: PlaceOption[] }>,
  legend: string,
): PlaceChoiceModel {
  return {
    name: placeChoiceParam(field),
    legend,
    options: lookup.options.map((option) => ({
      value: option.municipality.code,
      label: placeOptionLabel(geography, option, lang),
    })),
  };
}

/** A municipality a name can mean, in words: "Bergen (Limburg)", "Hengelo, gemeente Bronckhorst (Gelderland)". */
export function placeOptionLabel(geography: Geography, option: PlaceOption, lang: Lang): string {
  const t = regionsMessages[lang];
  const province = geography.province(option.municipality.provinceCode)?.name ?? "";
  return option.ownName
    ? format(t.placeOption, { name: option.municipality.displayName, province })
    : format(t.placeOptionIn, {
        place: option.placeName,
        municipality: option.municipality.displayName,
        province,
      });
}

/** "Scheveningen ligt in de gemeente Den Haag.", when a page was reached by a place name of that municipality. */
export function placeNote(
  geography: Geography,
  lang: Lang,
  placeName: string | undefined,
  municipalityCode: string,
): string | undefined {
  if (!placeName) return undefined;
  const option = geography.placeIn(placeName, municipalityCode);
  if (!option) return undefined;
  return format(regionsMessages[lang].placeNote, {
    place: option.placeName,
    municipality: option.municipality.displayName,
  });
}

/**
 * The picker's list: every municipality by the name people use, and with its province where the CBS name carries a
 * suffix ("Hengelo (Overijssel)" for "Hengelo (O.)"), which the look-up reads back.
 */
export function municipalityPickerOptions(geography: Geography): { code: string; name: string }[] {
  return geography.municipalities
    .map((municipality) => ({
      code: municipality.code,
      name:
        withoutSuffix(municipality.name) === municipality.name
          ? municipality.displayName
          : format(regionsMessages.nl.placeOption, {
              name: municipality.displayName,
              province: geography.province(municipality.provinceCode)?.name ?? "",
            }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
