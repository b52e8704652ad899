import { foldDiacritics } from "../../i18n/index.js";
import type { RegionsRepository } from "./regions.repository.js";

export type Province = { code: string; name: string; alternateName: string | null };
export type Municipality = { code: string; name: string; provinceCode: string; regionCode: string };
export type Region = { code: string; name: string; provinceCodes: string[]; municipalityCodes: string[] };

/** The whole geography in memory: 12 + 30 + 342 rows, loaded once and read on every request. */
export type Geography = {
  provinces: Province[];
  regions: Region[];
  municipalities: Municipality[];
  province(code: string): Province | undefined;
  region(code: string): Region | undefined;
  municipality(code: string): Municipality | undefined;
  /** Finds a municipality by what a person types: any case, with or without accents, common short names. */
  findMunicipalityByName(name: string): Municipality | undefined;
};

// Names people use that differ from the CBS spelling.
const MUNICIPALITY_ALIASES: Record<string, string> = {
  "den haag": "GM0518",
  "the hague": "GM0518",
  "den bosch": "GM0796",
  "s hertogenbosch": "GM0796",
  hertogenbosch: "GM0796",
  "s gravenhage": "GM0518",
  gravenhage: "GM0518",
};

/** Lower case, no accents, no punctuation: how names are compared. */
export function normaliseName(name: string): string {
  return foldDiacritics(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Loads the geography into memory. */
export async function loadGeography(repository: RegionsRepository): Promise<Geography> {
  const [provinceRows, regionRows, links, municipalityRows] = await Promise.all([
    repository.listProvinces(),
    repository.listRegions(),
    repository.listRegionProvinces(),
    repository.listMunicipalities(),
  ]);
  const provinces = provinceRows.map(({ code, name, alternateName }) => ({ code, name, alternateName }));
  const municipalities = municipalityRows.map(({ code, name, provinceCode, regionCode }) => ({
    code,
    name,
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
  const nameIndex = new Map(municipalities.map((m) => [normaliseName(m.name), m]));
  return {
    provinces,
    regions,
    municipalities,
    province: (code) => provinceIndex.get(code),
    region: (code) => regionIndex.get(code.toUpperCase()),
    municipality: (code) => municipalityIndex.get(code.toUpperCase()),
    findMunicipalityByName(name) {
      const key = normaliseName(name);
      if (!key) return undefined;
      const alias = MUNICIPALITY_ALIASES[key];
      if (alias) return municipalityIndex.get(alias);
      const codeMatch = /^gm ?(\d{4})$/.exec(key);
      if (codeMatch) return municipalityIndex.get(`GM${codeMatch[1]}`);
      return nameIndex.get(key);
    },
  };
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
