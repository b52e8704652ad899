import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { readDataCsv } from "../../db/data-files.js";
import { placeOptionLabel } from "./regions.place-field.js";
import { createTrigramIndex, matchKeyOf, normaliseName, type PlaceNameRow } from "./regions.places.js";
import { createRegionsRepository } from "./regions.repository.js";
import { type Geography, loadGeography, type PlaceLookup } from "./regions.service.js";

const optionsOf = (lookup: PlaceLookup) =>
  lookup.kind === "found" ? [lookup.option] : "options" in lookup ? lookup.options : [];

/** Typos the way people make them: a letter left out, two swapped, one wrong. Deterministic. */
function typosOf(key: string): string[] {
  const middle = Math.floor(key.length / 2);
  return [
    key.slice(0, middle) + key.slice(middle + 1),
    key.slice(0, middle - 1) + key[middle] + key[middle - 1] + key.slice(middle + 1),
    `${key.slice(0, middle)}x${key.slice(middle + 1)}`,
  ].filter((typo) => typo.trim() && typo !== key);
}

describeEachDatabase("place names", (database) => {
  let geography: Geography;
  let rows: PlaceNameRow[];
  const repository = () => createRegionsRepository(database().db);
  beforeAll(async () => {
    geography = await loadGeography(repository());
    rows = await repository().listPlaceNames();
  });

  const lookup = (typed: string, chosen?: string) => geography.lookupPlace(typed, chosen);
  const labels = (typed: string) =>
    optionsOf(lookup(typed)).map((option) => placeOptionLabel(geography, option, "nl"));

  it("holds every woonplaats, every municipality and the aliases", () => {
    const count = (kind: string) => rows.filter((row) => row.kind === kind).length;
    expect(count("woonplaats")).toBe(2502);
    expect(count("municipality")).toBe(342);
    expect(rows.length).toBe(2502 + 342 + readDataCsv("reference/place-aliases.csv").length);
  });

  it("every one of the 2,502 woonplaatsen leads to its municipality, as written and without its BAG suffix", () => {
    const failures: string[] = [];
    for (const place of readDataCsv("reference/woonplaatsen.csv")) {
      const written = lookup(place.woonplaats!);
      const bare = lookup(matchKeyOf(place.woonplaats!, place.gemeente_naam));
      for (const [how, result] of [
        ["as written", written],
        ["without suffix", bare],
      ] as const)
        if (!optionsOf(result).some((option) => option.municipality.code === place.gemeente_code))
          failures.push(`${place.woonplaats} (${how}) → ${result.kind}`);
      // Written with its suffix, a place is never a choice unless the same spelling exists in two municipalities.
      if (written.kind !== "found" && written.kind !== "choice")
        failures.push(`${place.woonplaats} → ${written.kind}`);
    }
    expect(failures).toEqual([]);
  });

  it("a name of two or three municipalities is a choice, never a silent pick", () => {
    const municipalitiesByKey = new Map<string, Set<string>>();
    for (const row of rows)
      municipalitiesByKey.set(
        row.matchKey,
        (municipalitiesByKey.get(row.matchKey) ?? new Set()).add(row.municipalityCode),
      );
    const shared = [...municipalitiesByKey].filter(([, codes]) => codes.size > 1);
    // The 70 names of the CBS list, plus those the BAG suffix kept apart (Hengelo, Bergen, Rijswijk, Haren …).
    expect(shared.length).toBeGreaterThanOrEqual(70);
    for (const [key, codes] of shared) {
      const result = lookup(key);
      expect(result.kind, key).toBe("choice");
      expect(new Set(optionsOf(result).map((option) => option.municipality.code)), key).toEqual(codes);
    }
  });

  it("Hengelo is a choice of two: Hengelo (Overijssel) or Hengelo in Bronckhorst (Gelderland)", () => {
    expect(lookup("Hengelo").kind).toBe("choice");
    expect(labels("Hengelo")).toEqual(["Hengelo (Overijssel)", "Hengelo, gemeente Bronckhorst (Gelderland)"]);
    expect(optionsOf(lookup("hengelo")).map((option) => option.municipality.code)).toEqual([
      "GM0164",
      "GM1876",
    ]);
    // The BAG and CBS spellings, and the choice's own labels, each lead to one.
    expect(labels("Hengelo (Gld)")).toEqual(["Hengelo, gemeente Bronckhorst (Gelderland)"]);
    expect(labels("Hengelo (O.)")).toEqual(["Hengelo (Overijssel)"]);
    expect(labels("Hengelo (Overijssel)")).toEqual(["Hengelo (Overijssel)"]);
    expect(labels("Hengelo, gemeente Bronckhorst (Gelderland)")).toEqual([
      "Hengelo, gemeente Bronckhorst (Gelderland)",
    ]);
    // The choice made under the field settles it.
    const chosen = lookup("Hengelo", "GM1876");
    expect(chosen.kind === "found" && chosen.option.municipality.name).toBe("Bronckhorst");
  });

  it("Bergen is a choice: Bergen (Noord-Holland) or Bergen (Limburg)", () => {
    expect(lookup("Bergen").kind).toBe("choice");
    expect(labels("Bergen").sort()).toEqual(["Bergen (Limburg)", "Bergen (Noord-Holland)"]);
    expect(labels("Bergen L")).toEqual(["Bergen (Limburg)"]);
    expect(labels("Bergen (NH)")).toEqual(["Bergen (Noord-Holland)"]);
    expect(labels("bergen limburg")).toEqual(["Bergen (Limburg)"]);
  });

  it.each([
    ["Den Bosch", "GM0796"],
    ["den bosch", "GM0796"],
    ["'s-Hertogenbosch", "GM0796"],
    ["Hertogenbosch", "GM0796"],
    ["Súdwest Fryslân", "GM1900"],
    ["sudwest fryslan", "GM1900"],
    ["Súdwest-Fryslân", "GM1900"],
    ["SUDWEST-FRYSLAN", "GM1900"],
    ["Den Haag", "GM0518"],
    ["The Hague", "GM0518"],
    ["'s-Gravenhage", "GM0518"],
    ["GM0153", "GM0153"],
    ["gm0153", "GM0153"],
  ])("%s is the municipality %s itself", (typed, code) => {
    const result = lookup(typed);
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    expect(result.option.municipality.code).toBe(code);
    expect(result.option.ownName).toBe(true);
  });

  it.each([
    ["Scheveningen", "GM0518", "Scheveningen", "Den Haag"],
    ["scheveningen", "GM0518", "Scheveningen", "Den Haag"],
    ["Vathorst", "GM0307", "Vathorst", "Amersfoort"],
    ["Sneek", "GM1900", "Sneek", "Súdwest-Fryslân"],
    ["Rosmalen", "GM0796", "Rosmalen", "'s-Hertogenbosch"],
    ["Hoogvliet", "GM0599", "Hoogvliet", "Rotterdam"],
  ])("%s is a place in %s", (typed, code, placeName, municipalityName) => {
    const result = lookup(typed);
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    expect(result.option).toMatchObject({ placeName, ownName: false });
    expect(result.option.municipality).toMatchObject({ code, displayName: municipalityName });
    expect(geography.placeIn(typed, code)?.placeName).toBe(placeName);
    expect(geography.placeIn(typed, "GM0153")).toBeUndefined();
  });

  it("a typo gets suggestions: Enschde → Enschede", () => {
    const result = lookup("Enschde");
    expect(result.kind).toBe("suggestions");
    expect(labels("Enschde")).toEqual(["Enschede (Overijssel)"]);
    const chosen = lookup("Enschde", "GM0153");
    expect(chosen.kind === "found" && chosen.option.municipality.code).toBe("GM0153");
    // A choice that is not among the suggestions is ignored.
    expect(lookup("Enschde", "GM0363").kind).toBe("suggestions");
    expect(lookup("Atlantis").kind).toBe("unknown");
    expect(lookup("   ").kind).toBe("empty");
  });

  it("the in-memory suggestions rank exactly as pg_trgm's similarity() does in this database", async () => {
    const index = createTrigramIndex(rows.map((row) => row.matchKey));
    const keys = [...new Set(rows.map((row) => row.matchKey))].sort();
    const queries = [
      "enschde",
      "amstredam",
      "rotterdm",
      "hengeloo",
      "sudwest",
      "den bosh",
      "s gravenhage",
      "x",
      ...keys.filter((_, at) => at % 29 === 0).flatMap(typosOf),
    ];
    expect(queries.length).toBeGreaterThan(200);
    for (const query of queries) {
      const fast = index.similar(query, 10);
      const plain = await repository().similarPlaceKeys(query, 10);
      expect(fast, query).toEqual(plain.map((row) => ({ key: row.key, similarity: Number(row.similarity) })));
    }
  });

  it("normalises what it compares the same way on both paths", () => {
    for (const row of rows.slice(0, 200)) expect(normaliseName(row.matchKey)).toBe(row.matchKey);
  });
});
