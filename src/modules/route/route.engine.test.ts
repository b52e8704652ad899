import { describe, expect, it } from "vitest";
import { oracleEligible, oracleScore } from "../../../tests/oracles/route-scorer.js";
import type { MatchableInstrument } from "../catalogue/index.js";
import { curatedMatchableInstruments } from "../catalogue/index.js";
import { HELP_KINDS, THEMES } from "../vocabulary/index.js";
import { loadRouteReferenceData } from "./route.data.js";
import {
  assessInstruments,
  buildRoute,
  determineNextStep,
  determinePhase,
  ROUTE_WEIGHTS,
  type RouteProfile,
  strategiesForSector,
} from "./route.engine.js";
import { describeReason } from "./route.present.js";
import { MOTIVATIONS, STAGES } from "./route.vocabulary.js";

const reference = loadRouteReferenceData();
const curated = await curatedMatchableInstruments()();
const TODAY = "2026-11-27";

const twente = {
  municipalityCode: "GM0153",
  regionCode: "ES04",
  regionName: "Twente",
  provinceCode: "PV23",
  provinceName: "Overijssel",
};
const amsterdam = {
  municipalityCode: "GM0363",
  regionCode: "ES16",
  regionName: "Noord-Holland Zuid",
  provinceCode: "PV27",
  provinceName: "Noord-Holland",
};

const profile = (overrides: Partial<RouteProfile> = {}): RouteProfile => ({
  location: twente,
  sbiSection: "C",
  motivations: [],
  themes: [],
  help: [],
  ...overrides,
});

let counter = 0;
/** A neutral instrument that fits everyone a little; tests change one property at a time. */
const instrument = (overrides: Partial<MatchableInstrument> = {}): MatchableInstrument => {
  counter++;
  return {
    id: `test-${counter}`,
    refId: `test-${String(counter).padStart(3, "0")}`,
    slug: `test-${counter}`,
    name: { nl: `Test ${counter}`, en: `Test ${counter}` },
    kind: "advice",
    journeySteps: ["informeren"],
    phases: ["starter"],
    themes: [],
    rStrategies: [],
    sbiSections: [],
    coverage: { level: "national", codes: ["NL"] },
    sizeClasses: [],
    status: "doorlopend",
    windowClose: null,
    hasEvidence: false,
    providerName: `Provider ${counter}`,
    ...overrides,
  };
};

/** The engine's hard filters for one instrument. */
const isEligible = (item: MatchableInstrument, p: RouteProfile, today: string) =>
  assessInstruments({
    profile: p,
    instruments: [item],
    sectorStrategies: reference.sectorStrategies,
    today,
  })[0]!.eligible;

const rank = (p: RouteProfile, instruments: MatchableInstrument[], limit = 10) =>
  buildRoute({ profile: p, instruments, sectorStrategies: reference.sectorStrategies, today: TODAY, limit });

describe("phase and next step", () => {
  it.each([
    [undefined, "starter", true],
    ["orienteren", "starter", false],
    ["ideeen", "peloton", false],
    ["invoeren", "peloton", false],
    ["verankeren", "peloton", false],
    ["koploper", "koploper", false],
  ] as const)("stage %s gives phase %s", (stage, phase, assumed) => {
    expect(determinePhase(stage)).toEqual({ phase, assumed });
  });

  it.each([
    [undefined, [], [], "informeren"],
    ["orienteren", ["informatie", "voorbeelden"], [], "informeren"],
    ["orienteren", ["voorbeelden"], [], "inspireren"],
    ["ideeen", ["advies"], [], "kansen_identificeren"],
    ["invoeren", ["financiering"], [], "invoering"],
    ["invoeren", ["partners"], [], "ketensamenwerking"],
    ["verankeren", ["regelgeving"], [], "verankering"],
    ["koploper", ["financiering"], [], "invoering"],
    ["koploper", ["financiering"], ["ketensamenwerking"], "ketensamenwerking"],
    ["koploper", ["partners", "financiering"], [], "ketensamenwerking"],
  ] as const)("stage %s with help %j and themes %j: next step %s", (stage, help, themes, step) => {
    expect(determineNextStep(stage, [...help], [...themes])).toBe(step);
  });
});

describe("sector strategies", () => {
  it("uses the division's row when there is one, else the section's", () => {
    expect(strategiesForSector(reference.sectorStrategies, "C", "13").codes).toEqual(["R2", "R8"]);
    expect(strategiesForSector(reference.sectorStrategies, "C", "12").codes).toEqual([
      "R2",
      "R4",
      "R6",
      "R8",
    ]);
    expect(strategiesForSector(reference.sectorStrategies, "C").reason?.nl).toContain("industrie");
  });

  it("covers all 21 SBI 2008 sections", () => {
    for (const section of "ABCDEFGHIJKLMNOPQRSTU")
      expect(strategiesForSector(reference.sectorStrategies, section).codes.length).toBeGreaterThan(0);
  });

  it("every plain-language sector choice is a valid SBI 2008 code", () => {
    expect(reference.sectorChoices).toHaveLength(25);
    for (const choice of reference.sectorChoices)
      expect(
        reference.sections.has(choice.code) || reference.sectionOfDivision.has(choice.code),
        choice.code,
      ).toBe(true);
  });
});

describe("hard filters", () => {
  it("keeps open, doorlopend and verwacht instruments, never general SME finance", () => {
    expect(isEligible(instrument({ status: "open" }), profile(), TODAY)).toBe(true);
    expect(isEligible(instrument({ status: "doorlopend" }), profile(), TODAY)).toBe(true);
    // Between rounds: offered, labelled, even though its last window closed before today.
    expect(isEligible(instrument({ status: "verwacht", windowClose: "2024-09-04" }), profile(), TODAY)).toBe(
      true,
    );
    expect(isEligible(instrument({ status: "doorlopend", generalFinance: true }), profile(), TODAY)).toBe(
      false,
    );
    expect(isEligible(instrument({ status: "gesloten" }), profile(), TODAY)).toBe(false);
    expect(isEligible(instrument({ status: "historisch" }), profile(), TODAY)).toBe(false);
  });

  it("drops an open instrument whose window closed before today", () => {
    expect(isEligible(instrument({ status: "open", windowClose: "2026-11-26" }), profile(), TODAY)).toBe(
      false,
    );
    expect(isEligible(instrument({ status: "open", windowClose: TODAY }), profile(), TODAY)).toBe(true);
  });

  it("reaches the company directly, via its region or province, or nationally; EU everywhere", () => {
    const at = (coverage: MatchableInstrument["coverage"]) =>
      isEligible(instrument({ coverage }), profile(), TODAY);
    expect(at({ level: "municipality", codes: ["GM0153"] })).toBe(true);
    expect(at({ level: "municipality", codes: ["GM0363"] })).toBe(false);
    expect(at({ level: "res_region", codes: ["ES04"] })).toBe(true);
    expect(at({ level: "res_region", codes: ["ES05"] })).toBe(false);
    expect(at({ level: "province", codes: ["PV23", "PV25"] })).toBe(true);
    expect(at({ level: "province", codes: ["PV27"] })).toBe(false);
    expect(at({ level: "national", codes: ["NL"] })).toBe(true);
    expect(at({ level: "eu", codes: [] })).toBe(true);
  });

  it("respects size classes when the size is known", () => {
    const forSmall = instrument({ sizeClasses: ["micro", "klein"] });
    expect(isEligible(forSmall, profile({ sizeClass: "klein" }), TODAY)).toBe(true);
    expect(isEligible(forSmall, profile({ sizeClass: "groot" }), TODAY)).toBe(false);
    expect(isEligible(forSmall, profile(), TODAY)).toBe(true);
  });

  it("never recommends a closed, historic or out-of-area curated instrument", () => {
    for (const stage of [undefined, ...STAGES]) {
      const route = rank(profile({ location: amsterdam, stage, help: ["financiering"] }), curated);
      for (const { instrument: item } of route.recommendations) {
        expect(["open", "doorlopend", "verwacht"]).toContain(item.status);
        expect(item.generalFinance).toBe(false);
        if (item.coverage.level === "province") expect(item.coverage.codes).toContain("PV27");
      }
    }
  });
});

describe("ranking", () => {
  it("puts regional before provincial before national at equal fit, and says where", () => {
    const national = instrument({ kind: "advice" });
    const provincial = instrument({ kind: "network", coverage: { level: "province", codes: ["PV23"] } });
    const regional = instrument({ kind: "event", coverage: { level: "res_region", codes: ["ES04"] } });
    const route = rank(profile(), [national, provincial, regional]);
    expect(route.recommendations.map((r) => r.instrument)).toEqual([regional, provincial, national]);
    expect(route.recommendations[0]!.reasons).toContainEqual({
      code: "proximity",
      level: "region",
      place: "Twente",
    });
    expect(route.recommendations[1]!.reasons).toContainEqual({
      code: "proximity",
      level: "province",
      place: "Overijssel",
    });
  });

  it("rewards the next step, the phase and the help asked for, with a reason for each", () => {
    const fits = instrument({ kind: "subsidy", journeySteps: ["invoering"], phases: ["peloton"] });
    const other = instrument({ kind: "event", journeySteps: ["informeren"], phases: ["starter"] });
    const route = rank(profile({ stage: "invoeren", help: ["financiering"] }), [other, fits]);
    expect(route.phase).toBe("peloton");
    expect(route.nextStep).toBe("invoering");
    const [first] = route.recommendations;
    expect(first!.instrument).toBe(fits);
    expect(first!.score).toBe(
      ROUTE_WEIGHTS.step + ROUTE_WEIGHTS.phase + ROUTE_WEIGHTS.helpKind + ROUTE_WEIGHTS.proximityNational,
    );
    expect(first!.reasons.map((reason) => reason.code)).toEqual(["step", "phase", "help", "proximity"]);
  });

  it("sinks instruments made for other sectors and lifts those for the company's own", () => {
    const ownSector = instrument({ sbiSections: ["C"] });
    const general = instrument();
    const otherSector = instrument({ sbiSections: ["F"] });
    const route = rank(profile(), [otherSector, general, ownSector]);
    expect(route.recommendations.map((r) => r.instrument)).toEqual([ownSector, general, otherSector]);
    // Made for the sector beats a generic equal that has evidence and a fresher check (issue 17).
    const sectorMade = instrument({ sbiSections: ["C"], stale: true });
    const provenGeneral = instrument({ hasEvidence: true });
    expect(rank(profile(), [provenGeneral, sectorMade]).recommendations[0]!.instrument).toBe(sectorMade);
  });

  it("never lets an instrument made for other sectors outrank a generic one that fits the step and phase", () => {
    const company = profile({
      motivations: ["kosten_besparen", "nieuwe_omzet"],
      themes: ["productieproces", "productontwerp"],
      help: ["advies"],
    });
    const strategies = strategiesForSector(reference.sectorStrategies, "C").codes;
    // Everything else in its favour: the help asked for, both themes, both motivations, the sector's strategies,
    // regional reach and evidence; only it is made for construction.
    const otherSector = instrument({
      sbiSections: ["F"],
      kind: "advice",
      themes: ["productieproces", "productontwerp"],
      rStrategies: strategies,
      coverage: { level: "res_region", codes: [twente.regionCode] },
      hasEvidence: true,
    });
    const generic = instrument({ kind: "event" });
    const route = rank(company, [otherSector, generic]);
    expect(route.recommendations.map((r) => r.instrument)).toEqual([generic, otherSector]);
    expect(route.recommendations[1]!.reasons.map((r) => r.code)).not.toContain("sector");
  });

  it("gives two sectors in one province different top fives where the catalogue has a sector item", () => {
    const zwolle = {
      municipalityCode: "GM0193",
      regionCode: "ES05",
      regionName: "West-Overijssel",
      provinceCode: "PV23",
      provinceName: "Overijssel",
    };
    // The quick route (no stage): a bakery in Zwolle and a metal workshop in Enschede, both in Overijssel.
    const bakery = rank(profile({ location: zwolle, sbiSection: "C", sbiDivision: "10" }), curated, 5);
    const metal = rank(profile({ location: twente, sbiSection: "C", sbiDivision: "25" }), curated, 5);
    const refIds = (route: ReturnType<typeof rank>) => route.recommendations.map((r) => r.instrument.refId);
    expect(refIds(bakery)).not.toEqual(refIds(metal));
    for (const [route, division] of [
      [bakery, "10"],
      [metal, "25"],
    ] as const) {
      const sectorMade = route.recommendations.filter((r) =>
        r.reasons.some((reason) => reason.code === "sector"),
      );
      expect(sectorMade.length).toBeGreaterThan(0);
      for (const { instrument: item } of sectorMade) expect(item.sbiDivisions ?? []).toContain(division);
      // The sector item for one trade is not in the other trade's top five.
      const other = route === bakery ? metal : bakery;
      for (const { instrument: item } of sectorMade) expect(refIds(other)).not.toContain(item.refId);
    }
  });

  it("narrows a sector to the divisions an instrument names: a plastics scheme is not for every manufacturer", () => {
    const plastics = instrument({ sbiSections: ["C", "E"], sbiDivisions: ["22"] });
    const general = instrument();
    const scoreFor = (company: RouteProfile, item: MatchableInstrument) =>
      rank(company, [item]).recommendations[0]!.score;
    const base = scoreFor(profile(), general);
    const plasticsMaker = profile({ sbiSection: "C", sbiDivision: "22" });
    expect(scoreFor(plasticsMaker, plastics)).toBe(base + ROUTE_WEIGHTS.sector);
    expect(rank(plasticsMaker, [plastics]).recommendations[0]!.reasons.map((r) => r.code)).toContain(
      "sector",
    );
    // Metalworking is in section C too, but not in the divisions named: it sinks like another sector.
    expect(scoreFor(profile({ sbiSection: "C", sbiDivision: "25" }), plastics)).toBe(
      base + ROUTE_WEIGHTS.otherSector,
    );
    // A company that gave only its section may or may not fit: neither bonus nor penalty.
    expect(scoreFor(profile({ sbiSection: "C" }), plastics)).toBe(base);
    // A section the instrument does not narrow (waste, E) counts whole.
    expect(scoreFor(profile({ sbiSection: "E", sbiDivision: "38" }), plastics)).toBe(
      base + ROUTE_WEIGHTS.sector,
    );
    expect(scoreFor(profile({ sbiSection: "F" }), plastics)).toBe(base + ROUTE_WEIGHTS.otherSector);
  });

  it("offers a loan or investment only to a company that asks for money; a tax scheme stays", () => {
    const loan = instrument({ kind: "finance" });
    const tax = instrument({ kind: "tax_scheme" });
    const advice = instrument({ kind: "advice" });
    const scoreFor = (help: RouteProfile["help"], item: MatchableInstrument) =>
      rank(profile({ help }), [item]).recommendations[0]!.score;
    expect(scoreFor(["advies"], loan)).toBe(scoreFor([], advice) + ROUTE_WEIGHTS.financeUnasked);
    expect(scoreFor(["advies"], tax)).toBe(scoreFor([], advice));
    expect(scoreFor(["financiering"], loan)).toBe(scoreFor([], advice) + ROUTE_WEIGHTS.helpKind);
    const top = rank(profile({ help: ["partners"] }), [loan, advice, instrument({ kind: "network" })], 3);
    expect(top.recommendations.at(-1)!.instrument).toBe(loan);
  });

  it("keeps the top 5 diverse: not five of one kind when other kinds fit almost as well", () => {
    const subsidies = Array.from({ length: 8 }, () => instrument({ kind: "subsidy", hasEvidence: true }));
    const others = ["network", "training", "information", "event"].map((kind) => instrument({ kind }));
    const top5 = rank(profile(), [...subsidies, ...others], 5).recommendations;
    const kinds = new Set(top5.map((r) => r.instrument.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    expect(top5.filter((r) => r.instrument.kind === "subsidy").length).toBeLessThanOrEqual(2);
  });

  it("lets a second offer of a kind the company asked for through sooner, but not five of it", () => {
    const networks = Array.from({ length: 8 }, () => instrument({ kind: "network", hasEvidence: true }));
    // A tool that serves the motivation but not the help: it fits a little less than a network.
    const tool = instrument({ kind: "tool", themes: ["productieproces"], hasEvidence: true });
    const others = ["information", "event", "programme"].map((kind) =>
      instrument({ kind, hasEvidence: true }),
    );
    const company = profile({ help: ["partners"], motivations: ["kosten_besparen"] });
    const route = rank(company, [...networks, tool, ...others], 5);
    const network = route.recommendations[0]!;
    const toolScore = rank(company, [tool]).recommendations[0]!.score;
    // The gap lies between the two penalties: a second network of an unasked kind would lose, an asked one wins.
    expect(network.score - toolScore).toBeGreaterThan(ROUTE_WEIGHTS.sameKindAsked);
    expect(network.score - toolScore).toBeLessThan(ROUTE_WEIGHTS.sameKind);
    const kinds = route.recommendations.map((r) => r.instrument.kind);
    expect(kinds.slice(0, 2)).toEqual(["network", "network"]);
    expect(kinds.filter((kind) => kind === "network").length).toBeLessThanOrEqual(3);
    expect(kinds).toContain("tool");
  });

  it("answers every kind of help asked for near the top: finance next to partners", () => {
    const networks = Array.from({ length: 5 }, () => instrument({ kind: "network", hasEvidence: true }));
    const loan = instrument({ kind: "loan", phases: ["peloton"], hasEvidence: true });
    const top3 = (help: RouteProfile["help"]) =>
      rank(profile({ help }), [...networks, loan], 3).recommendations.map((r) => r.instrument);
    expect(top3(["partners", "financiering"])).toContain(loan);
    expect(top3(["partners"])).not.toContain(loan);
    // The bonus orders the list; the score shown is still the instrument's own.
    const route = rank(profile({ help: ["partners", "financiering"] }), [...networks, loan], 3);
    const shown = route.recommendations.find((r) => r.instrument === loan)!;
    expect(shown.score).toBe(
      ROUTE_WEIGHTS.step + ROUTE_WEIGHTS.helpKind + ROUTE_WEIGHTS.proximityNational + ROUTE_WEIGHTS.evidence,
    );
  });

  it("returns at most the limit, in a stable order", () => {
    const many = Array.from({ length: 40 }, () => instrument());
    const first = rank(profile(), many, 10).recommendations.map((r) => r.instrument.refId);
    const again = rank(profile(), [...many].reverse(), 10).recommendations.map((r) => r.instrument.refId);
    expect(first).toHaveLength(10);
    expect(again).toEqual(first);
  });

  it("gives exactly the readable oracle's filter verdict, score and reasons, for every instrument and profile", () => {
    const synthetic = Array.from({ length: 300 }, (_, index) =>
      instrument({
        kind: ["subsidy", "network", "procurement", "loket", "tool", "finance"][index % 6]!,
        journeySteps: [["informeren"], ["invoering", "verankering"], ["ketensamenwerking"]][index % 3]!,
        phases: [["starter"], ["peloton", "koploper"], ["koploper"]][index % 3]!,
        themes: [THEMES[index % 8]!, THEMES[(index * 3) % 8]!],
        rStrategies: index % 2 ? ["R2", "R8"] : [],
        sbiSections: index % 7 === 0 ? ["C"] : index % 11 === 0 ? ["F"] : index % 5 === 0 ? ["C", "E"] : [],
        sbiDivisions: index % 5 === 0 ? (index % 2 ? ["13"] : ["22"]) : [],
        coverage:
          index % 4 === 0
            ? { level: "province", codes: ["PV23"] }
            : index % 4 === 1
              ? { level: "res_region", codes: ["ES16"] }
              : { level: "national", codes: ["NL"] },
        sizeClasses: index % 3 === 0 ? ["micro"] : [],
        status: index % 9 === 0 ? "gesloten" : "open",
        windowClose: index % 13 === 0 ? "2020-01-01" : null,
        hasEvidence: index % 2 === 0,
      }),
    );
    // Words the code does not know yet (a catalogue ahead of the vocabulary) match nothing, and a size list of
    // only unknown classes still excludes a company of a known size.
    const unknownWords = [
      instrument({ journeySteps: ["opschalen"], phases: ["starter", "nieuwkomer"] }),
      instrument({ themes: ["water", "inkoop"], rStrategies: ["R10", "R2"] }),
      instrument({ sizeClasses: ["zzp"] }),
      instrument({ sizeClasses: ["zzp", "micro"] }),
    ];
    let compared = 0;
    for (const stage of [undefined, ...STAGES])
      for (const location of [twente, amsterdam]) {
        const p = profile({
          location,
          stage,
          sizeClass: "micro",
          sbiDivision: "13",
          motivations: [MOTIVATIONS[STAGES.indexOf(stage ?? "orienteren")]!, "klantvraag"],
          themes: [THEMES[STAGES.indexOf(stage ?? "orienteren")]!],
          help: [HELP_KINDS[STAGES.indexOf(stage ?? "orienteren")]!, "partners"],
        });
        const assessed = assessInstruments({
          profile: p,
          instruments: [...curated, ...synthetic, ...unknownWords],
          sectorStrategies: reference.sectorStrategies,
          today: TODAY,
        });
        for (const { instrument: item, eligible, score, reasons } of assessed) {
          expect(eligible, item.refId).toBe(oracleEligible(item, p, TODAY));
          if (eligible)
            expect({ score, reasons }, item.refId).toEqual(oracleScore(item, p, reference.sectorStrategies));
          compared += eligible ? 1 : 0;
        }
      }
    // Most of the list passes the filters somewhere: the comparison covered the scores, not just the verdicts.
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("reasons in words", () => {
  it("reads well in Dutch and English", () => {
    const names = reference.strategyNames;
    expect(describeReason({ code: "phase", phase: "peloton" }, "nl", names)).toBe(
      "Past bij uw fase: peloton",
    );
    expect(describeReason({ code: "proximity", level: "region", place: "Twente" }, "nl", names)).toBe(
      "Beschikbaar in Twente",
    );
    expect(describeReason({ code: "proximity", level: "region", place: "Twente" }, "en", names)).toBe(
      "Available in Twente",
    );
    expect(describeReason({ code: "themes", themes: ["inkoop", "recycling"] }, "nl", names)).toBe(
      "Gaat over inkoop en recycling",
    );
    expect(describeReason({ code: "strategies", strategies: ["R2", "R8"] }, "en", names)).toBe(
      "Fits what circular working in your sector often means: R2 reduce and R8 recycle",
    );
  });
});
