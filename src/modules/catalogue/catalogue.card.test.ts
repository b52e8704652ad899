import { describe, expect, it } from "vitest";
import {
  audienceText,
  type CardFacts,
  commonReasons,
  distinctReasons,
  firstSentence,
  offerText,
  whenText,
} from "./catalogue.card.js";

const facts = (overrides: Partial<CardFacts> = {}): CardFacts => ({
  refId: "x",
  slug: "x",
  name: { nl: "X", en: "X" },
  kind: "subsidy",
  providerName: "RVO",
  sizeClasses: [],
  sbiSections: [],
  coverage: { level: "national", codes: ["NL"] },
  status: "doorlopend",
  ...overrides,
});

describe("instrument card", () => {
  it("says what you get from the money fields, and only the kind of help when there is no amount", () => {
    expect(offerText(facts({ amountMin: 5000, amountMax: 20000 }), "nl")).toMatch(
      /^Subsidie: €\s5\.000 tot €\s20\.000\.$/,
    );
    expect(offerText(facts({ percentage: 50 }), "en")).toBe("Subsidy: 50% of your costs.");
    expect(offerText(facts({ kind: "network" }), "nl")).toBe("Een netwerk: u leert van andere ondernemers.");
    expect(offerText(facts({ kind: "advice" }), "nl")).not.toMatch(/€|gratis/);
  });

  it("says when from the status: open until a date, doorlopend, or verwacht without a month", () => {
    expect(whenText(facts({ status: "open", windowClose: "2027-03-31" }), "nl")).toBe(
      "Open tot en met 31 maart 2027.",
    );
    expect(whenText(facts({ status: "doorlopend" }), "en")).toBe("Ongoing: you can apply at any time.");
    expect(whenText(facts({ status: "doorlopend", kind: "network" }), "nl")).toBe(
      "Doorlopend: u kunt er altijd gebruik van maken.",
    );
    expect(whenText(facts({ status: "verwacht", expected: null }), "nl")).toMatch(/nieuwe ronde/);
  });

  it("names the sectors for whom: up to three by name, more as the first two and how many others", () => {
    const names = {
      sectorName: (code: string) =>
        ({
          "10": "Voedingsmiddelen",
          "11": "Dranken",
          "22": "Kunststof",
          "55": "Hotels",
          "56": "Restaurants",
        })[code],
      placeName: (code: string) => code,
    };
    expect(audienceText(facts({ sbiSections: ["C"], sbiDivisions: ["10", "22"] }), "nl", names)).toBe(
      "Bedrijven van elke grootte, in voedingsmiddelen en kunststof, in heel Nederland.",
    );
    const many = facts({ sbiSections: ["C", "I"], sbiDivisions: ["10", "11", "55", "56"] });
    expect(audienceText(many, "nl", names)).toBe(
      "Bedrijven van elke grootte, in voedingsmiddelen, dranken en 2 andere sectoren, in heel Nederland.",
    );
    expect(audienceText(many, "en", names)).toContain("in voedingsmiddelen, dranken and 2 other sectors");
  });

  it("takes the first sentence of the application text as the first step", () => {
    expect(firstSentence("Vraag het aan bij RVO. Dat duurt een uur.")).toBe("Vraag het aan bij RVO.");
    expect(firstSentence("Bel ons")).toBe("Bel ons");
  });

  it("drops a reason every card shares and keeps a list of one as it is", () => {
    expect(
      distinctReasons([
        ["Landelijk", "Past bij uw fase"],
        ["Landelijk", "Beschikbaar in Overijssel"],
        ["Landelijk"],
      ]),
    ).toEqual([["Past bij uw fase"], ["Beschikbaar in Overijssel"], []]);
    expect(distinctReasons([["Landelijk"]])).toEqual([["Landelijk"]]);
  });

  it("in a list of three or more, a reason on more than half of the cards is said once, not on each card", () => {
    const lists = [
      ["Helpt bij uw volgende stap", "Landelijk", "Speciaal voor uw sector"],
      ["Helpt bij uw volgende stap", "Beschikbaar in Overijssel"],
      ["Helpt bij uw volgende stap", "Landelijk"],
      ["Landelijk", "Biedt wat u zoekt: geld"],
    ];
    // "Helpt…" is on 3 of 4 and "Landelijk" on 3 of 4: both common; what is on one or two cards stays on the card.
    expect(commonReasons(lists)).toEqual(["Helpt bij uw volgende stap", "Landelijk"]);
    expect(distinctReasons(lists)).toEqual([
      ["Speciaal voor uw sector"],
      ["Beschikbaar in Overijssel"],
      [],
      ["Biedt wat u zoekt: geld"],
    ]);
    // Exactly half is not "most": with two of four it stays on the cards.
    expect(commonReasons([["a"], ["a"], ["b"], ["c"]])).toEqual([]);
    // Two cards: only what both share is common.
    expect(commonReasons([["a", "b"], ["a"]])).toEqual(["a"]);
    expect(commonReasons([["a"]])).toEqual([]);
  });
});
