import {
  createTrigramIndex,
  normaliseName,
  type PlaceNameRow,
  SIMILARITY_THRESHOLD,
  withoutSuffix,
} from "./regions.places.js";
import type { RegionsRepository } from "./regions.repository.js";

export { normaliseName } from "./regions.places.js";

export type Province = { code: string; name: string; alternateName: string | null };
export type Municipality = {
  code: string;
  /** The CBS name: "Hengelo (O.)", "'s-Gravenhage". */
  name: string;
  /** The name people use, without the CBS suffix: "Hengelo", "Den Haag" (place-aliases.csv `common_name`). */
  displayName: string;
  provinceCode: string;
  regionCode: string;
};
export type Region = { code: string; name: string; provinceCodes: string[]; municipalityCodes: string[] };

/** A municipality that a typed name can mean, and the place it names there. */
export type PlaceOption = {
  municipality: Municipality;
  /** The place as the data writes it, without the BAG suffix: "Hengelo", "Scheveningen", "Sneek". */
  placeName: string;
  /** The name is the municipality's own (its CBS, common or other name), so there is nothing to explain. */
  ownName: boolean;
};

/** What a typed municipality or place name leads to. */
export type PlaceLookup =
  | { kind: "empty" }
  | { kind: "found"; option: PlaceOption }
  /** The name belongs to more than one municipality: the person chooses. */
  | { kind: "choice"; options: PlaceOption[] }
  /** No name matches; these look like it (trigram similarity, best first). */
  | { kind: "suggestions"; options: PlaceOption[] }
  | { kind: "unknown" };

/** The whole geography in memory: 12 + 30 + 342 rows and ~2,900 place names, loaded once and read on every request. */
export type Geography = {
  provinces: Province[];
  regions: Region[];
  municipalities: Municipality[];
  province(code: string): Province | undefined;
  region(code: string): Region | undefined;
  municipality(code: string): Municipality | undefined;
  /**
   * Finds the municipality a person means by what they type: a municipality or place name in any case, with or
   * without accents and BAG suffix, a CBS code, or one of our own choice labels ("Hengelo (Overijssel)").
   * `chosenCode` is the municipality picked from an earlier choice or suggestion for the same text.
   */
  lookupPlace(typed: string, chosenCode?: string): PlaceLookup;
  /** The place named in a municipality, when the name is not the municipality's own ("Scheveningen" in GM0518). */
  placeIn(placeName: string, municipalityCode: string): PlaceOption | undefined;
};

/** Longer input is not a place name; it is cut before matching so a pasted text costs no more than a name. */
const MAX_TYPED_LENGTH = 100;
/** Suggestions: at most this many names, each within this distance of the best similarity. */
const MAX_SUGGESTED_NAMES = 3;
const SUGGESTION_MARGIN = 0.2;
const MAX_OPTIONS = 6;
const OWN_NAME_KINDS = new Set(["municipality", "common_name", "other_name"]);

/** Loads the geography and the place names into memory. */
export async function loadGeography(repository: RegionsRepository): Promise<Geography> {
  const [provinceRows, regionRows, links, municipalityRows, placeRows] = await Promise.all([
    repository.listProvinces(),
    repository.listRegions(),
    repository.listRegionProvinces(),
    repository.listMunicipalities(),
    repository.listPlaceNames(),
  ]);
  const provinces = provinceRows.map(({ code, name, alternateName }) => ({ code, name, alternateName }));
  const commonNames = new Map(
    placeRows.filter((row) => row.kind === "common_name").map((row) => [row.municipalityCode, row.name]),
  );
  const municipalities: Municipality[] = municipalityRows.map(({ code, name, provinceCode, regionCode }) => ({
    code,
    name,
    displayName: commonNames.get(code) ?? withoutSuffix(name),
    provinceCode,
    regionCode,
  }));
  const regions: Region[] = regionRows.map(({ code, name }) => ({
    code,
    name,
    provinceCodes: links
      .filter((link) => link.regionCode === code)
      .map((link) => link.provinceCode)
      .sort(),
    municipalityCodes: municipalities.filter((m) => m.regionCode === code).map((m) => m.code),
  }));
  const byCode = <T extends { code: string }>(items: T[]) => new Map(items.map((item) => [item.code, item]));
  const provinceIndex = byCode(provinces);
  const regionIndex = byCode(regions);
  const municipalityIndex = byCode(municipalities);
  const places = createPlaceIndex(placeRows, municipalityIndex, provinces);
  return {
    provinces,
    regions,
    municipalities,
    province: (code) => provinceIndex.get(code),
    region: (code) => regionIndex.get(code.toUpperCase()),
    municipality: (code) => municipalityIndex.get(code.toUpperCase()),
    lookupPlace: places.lookup,
    placeIn(placeName, municipalityCode) {
      const found = places.lookup(placeName);
      const options = found.kind === "found" ? [found.option] : found.kind === "choice" ? found.options : [];
      return options.find((option) => option.municipality.code === municipalityCode && !option.ownName);
    },
  };
}

/** The place-name index: exact keys (with and without suffix) and trigram suggestions over the match keys. */
function createPlaceIndex(
  rows: PlaceNameRow[],
  municipalities: Map<string, Municipality>,
  provinces: Province[],
) {
  const exact = new Map<string, PlaceOption[]>();
  const register = (key: string, option: PlaceOption) => {
    if (!key) return;
    const options = exact.get(key);
    if (!options) exact.set(key, [option]);
    else if (!options.some((known) => known === option)) options.push(option);
  };
  for (const row of rows) {
    const municipality = municipalities.get(row.municipalityCode);
    if (!municipality) continue;
    const placeName =
      row.kind === "municipality" ? municipality.displayName : withoutSuffix(row.name, municipality.name);
    const ownName =
      OWN_NAME_KINDS.has(row.kind) ||
      normaliseName(placeName) === normaliseName(withoutSuffix(municipality.name)) ||
      normaliseName(placeName) === normaliseName(municipality.displayName);
    const option: PlaceOption = { municipality, placeName, ownName };
    register(normaliseName(row.name), option);
    register(row.matchKey, option);
    // "'s-Hertogenbosch" is also typed without its article.
    if (row.matchKey.startsWith("s ")) register(row.matchKey.slice(2), option);
  }
  const trigrams = createTrigramIndex(rows.map((row) => row.matchKey));

  /** One option per municipality: its own name first, then in name order. */
  const optionsFor = (key: string): PlaceOption[] => {
    const best = new Map<string, PlaceOption>();
    for (const option of exact.get(key) ?? []) {
      const known = best.get(option.municipality.code);
      if (!known || (option.ownName && !known.ownName)) best.set(option.municipality.code, option);
    }
    return [...best.values()].sort(
      (a, b) =>
        Number(b.ownName) - Number(a.ownName) ||
        a.municipality.displayName.localeCompare(b.municipality.displayName, "nl"),
    );
  };

  // "Hengelo (Overijssel)", "Hengelo, gemeente Bronckhorst (Gelderland)", "Bergen Limburg": a name with the
  // province (and municipality) our choice labels add, so a label typed or pasted back finds its one municipality.
  const provinceKeys = new Map<string, string>();
  for (const province of provinces) {
    provinceKeys.set(normaliseName(province.name), province.code);
    if (province.alternateName) provinceKeys.set(normaliseName(province.alternateName), province.code);
  }
  const qualified = new RegExp(
    `^(.+?)(?: (?:gemeente|municipality of) (.+?))? (${[...provinceKeys.keys()].join("|")})$`,
  );
  const optionsForQualified = (key: string): PlaceOption[] => {
    const match = qualified.exec(key);
    if (!match) return [];
    const [, place, municipalityKey, provinceKey] = match;
    return optionsFor(place!).filter(
      (option) =>
        option.municipality.provinceCode === provinceKeys.get(provinceKey!) &&
        (!municipalityKey ||
          normaliseName(option.municipality.displayName) === municipalityKey ||
          normaliseName(withoutSuffix(option.municipality.name)) === municipalityKey),
    );
  };

  const suggestionsFor = (key: string): PlaceOption[] => {
    const similar = trigrams.similar(key, MAX_SUGGESTED_NAMES);
    const best = similar[0]?.similarity ?? 0;
    const options = new Map<string, PlaceOption>();
    for (const { key: suggested, similarity } of similar) {
      if (similarity < Math.max(SIMILARITY_THRESHOLD, best - SUGGESTION_MARGIN)) break;
      for (const option of optionsFor(suggested))
        if (!options.has(option.municipality.code) && options.size < MAX_OPTIONS)
          options.set(option.municipality.code, option);
    }
    return [...options.values()];
  };

  function lookup(typed: string, chosenCode?: string): PlaceLookup {
    const key = normaliseName(typed.slice(0, MAX_TYPED_LENGTH));
    if (!key) return { kind: "empty" };
    const code = /^gm ?(\d{4})$/.exec(key);
    if (code) {
      const municipality = municipalities.get(`GM${code[1]}`);
      return municipality
        ? { kind: "found", option: { municipality, placeName: municipality.displayName, ownName: true } }
        : { kind: "unknown" };
    }
    let options = optionsFor(key);
    if (options.length === 0) options = optionsForQualified(key);
    const suggestions = options.length === 0 ? suggestionsFor(key) : [];
    const chosen = chosenCode
      ? [...options, ...suggestions].find((option) => option.municipality.code === chosenCode.toUpperCase())
      : undefined;
    if (chosen) return { kind: "found", option: chosen };
    if (options.length === 1) return { kind: "found", option: options[0]! };
    if (options.length > 1) return { kind: "choice", options };
    if (suggestions.length) return { kind: "suggestions", options: suggestions };
    return { kind: "unknown" };
  }

  return { lookup };
}

export type RegionGroup = { province: Province; regions: (Region & { sharedWith: Province[] })[] };

/** Regions grouped by province; a region that spans two provinces is listed under both. */
export function groupRegionsByProvince(geography: Geography): RegionGroup[] {
  return geography.provinces.map((province) => ({
    province,
    regions: geography.regions
      .filter((region) => region.provinceCodes.includes(province.code))
      .map((region) => ({
        ...region,
        sharedWith: region.provinceCodes
          .filter((code) => code !== province.code)
          .map((code) => geography.province(code)!)
          .filter(Boolean),
      })),
  }));
}
