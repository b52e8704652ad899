import { describe, expect, it } from "vitest";
import {
  createTrigramIndex,
  matchKeyOf,
  normaliseName,
  trigramSimilarity,
  trigramsOf,
  withoutSuffix,
} from "./regions.places.js";

describe("normaliseName", () => {
  it("ignores case, accents and punctuation", () => {
    expect(normaliseName("Súdwest-Fryslân")).toBe("sudwest fryslan");
    expect(normaliseName("Súdwest Fryslân")).toBe("sudwest fryslan");
    expect(normaliseName("'s-Gravenhage")).toBe("s gravenhage");
    expect(normaliseName("  GOËNGA ")).toBe("goenga");
  });
});

describe("withoutSuffix", () => {
  it.each([
    ["Bergen (NH)", "Bergen"],
    ["Bergen L", "Bergen"],
    ["Hengelo (Gld)", "Hengelo"],
    ["Hengelo (O.)", "Hengelo"],
    ["Haren Gn", "Haren"],
    ["Harkstede GN", "Harkstede"],
    ["Rijswijk (GLD)", "Rijswijk"],
    ["Beers NB", "Beers"],
    ["Elst Ut", "Elst"],
    ["Bavel AC", "Bavel"],
    ["Bleskensgraaf ca", "Bleskensgraaf"],
    ["Loo Gld", "Loo"],
  ])("%s → %s", (name, expected) => {
    expect(withoutSuffix(name)).toBe(expected);
  });

  it("keeps names whose last word only looks like a suffix", () => {
    for (const name of ["De Pol", "Smalle Ee", "Nieuwer Ter Aa", "Den Ham", "Bergen aan Zee", "Den Ilp"])
      expect(withoutSuffix(name)).toBe(name);
  });

  it("drops 'gem <municipality>' only when it names the place's own municipality", () => {
    expect(withoutSuffix("Alteveer gem Hoogeveen", "Hoogeveen")).toBe("Alteveer");
    expect(withoutSuffix("Spaarndam gem. Haarlem", "Haarlem")).toBe("Spaarndam");
    expect(withoutSuffix("Alteveer gem Hoogeveen", "De Wolden")).toBe("Alteveer gem Hoogeveen");
    expect(matchKeyOf("Hengelo (Gld)", "Bronckhorst")).toBe("hengelo");
  });
});

describe("trigrams as pg_trgm makes them", () => {
  it("pads each word with two spaces in front and one behind, and counts each trigram once", () => {
    // "  ab " → "  a", " ab", "ab "; "  aaaa " → "  a", " aa", "aaa" (twice, counted once), "aa ".
    expect(trigramsOf("ab")).toHaveLength(3);
    expect(trigramsOf("aaaa")).toHaveLength(4);
    expect(trigramsOf("ab ab")).toHaveLength(3);
    expect(trigramsOf("")).toEqual([]);
  });

  it("similarity is shared / union in single precision", () => {
    // enschde: 8 trigrams, enschede: 9, 6 shared → 6 / 11.
    expect(trigramSimilarity("enschde", "enschede")).toBe(Math.fround(6 / 11));
    expect(trigramSimilarity("enschede", "enschede")).toBe(1);
    expect(trigramSimilarity("", "enschede")).toBe(0);
  });

  it("ranks keys at or above 0.3, best first, ties in code-point order", () => {
    const index = createTrigramIndex(["enschede", "ens", "emmen", "den ham", "denekamp", "den haag"]);
    expect(index.similar("enschde", 10).map((found) => found.key)).toEqual(["enschede", "ens"]);
    expect(index.similar("den haag", 2).map((found) => found.key)).toEqual(["den haag", "den ham"]);
    expect(index.similar("xyz", 10)).toEqual([]);
    // The index agrees with the pairwise measure.
    for (const found of index.similar("denhaag", 10))
      expect(found.similarity).toBe(trigramSimilarity("denhaag", found.key));
  });
});
