import { describe, expect, it } from "vitest";
import { createVocabulary, minimumMatch, planQuery, termToTsquery } from "./catalogue.query.js";
import { buildSynonyms } from "./catalogue.synonyms.js";
import { normaliseText, singularForms, splitCompound, tokenise } from "./catalogue.text.js";

const vocabulary = createVocabulary([
  "keten",
  "ketensamenwerking",
  "subsidie",
  "subsidies",
  "textiel",
  "recycling",
  "circulaire",
  "bouw",
  "haalbaarheidsproject",
]);
const synonyms = buildSynonyms([
  ["keten", "ketensamenwerking", "samenwerken in de keten", "supply chain"],
  ["subsidie", "grant"],
]);

describe("catalogue text helpers", () => {
  it("normalises diacritics and case", () => {
    expect(normaliseText("Fryslân Économie")).toBe("fryslan economie");
    expect(tokenise("Wet- en regelgeving, R&D")).toEqual(["wet", "en", "regelgeving", "r", "d"]);
  });

  it("splits Dutch compounds on known words, with linking s", () => {
    const known = (word: string) => vocabulary.hasExact(word);
    expect(splitCompound("ketensamenwerkingssubsidie", known)).toEqual(["ketensamenwerking", "subsidie"]);
    expect(splitCompound("textielrecycling", known)).toEqual(["textiel", "recycling"]);
    expect(splitCompound("circulairebouw", known)).toEqual(["circulaire", "bouw"]);
    expect(splitCompound("onbekendwoord", known)).toBeUndefined();
  });

  it("knows Dutch and English plural forms", () => {
    expect(singularForms("subsidies")).toContain("subsidie");
    expect(singularForms("cursussen")).toContain("cursus");
    expect(singularForms("grondstoffen")).toContain("grondstof");
  });
});

describe("planQuery", () => {
  it("expands a phrase into its synonym group", () => {
    const [term] = planQuery("samenwerken in de keten", vocabulary, synonyms);
    expect(term!.alternatives).toContainEqual(["ketensamenwerking"]);
    expect(term!.alternatives).toContainEqual(["supply", "chain"]);
  });

  it("drops stop words and turns a word into prefix alternatives", () => {
    const terms = planQuery("de subsidies", vocabulary, synonyms);
    expect(terms).toHaveLength(1);
    expect(termToTsquery(terms[0]!)).toContain("subsidie:*");
    expect(termToTsquery(terms[0]!)).toContain("grant:*");
  });

  it("splits an unknown compound and asks for a typo correction only when it cannot", () => {
    const [compound] = planQuery("ketensamenwerkingssubsidie", vocabulary, synonyms);
    expect(compound!.alternatives).toContainEqual(["ketensamenwerking", "subsidie"]);
    expect(compound!.needsCorrection).toBe(false);
    const [typo] = planQuery("haalbaarheitsproject", vocabulary, synonyms);
    expect(typo!.needsCorrection).toBe(true);
  });

  it("requires all of two words and two of three", () => {
    expect(minimumMatch(1)).toBe(1);
    expect(minimumMatch(2)).toBe(2);
    expect(minimumMatch(3)).toBe(2);
  });
});
