import { describe, expect, it } from "vitest";
import { buildReferralPicker, type PickerCompany, type PickerInstrument } from "./referrals.picker.js";

const instrument = (refId: string, overrides: Partial<PickerInstrument> = {}): PickerInstrument => ({
  refId,
  name: { nl: refId, en: refId },
  providerId: "p",
  providerName: "Aanbieder",
  coverage: { level: "national", codes: ["NL"] },
  sizeClasses: [],
  status: "doorlopend",
  ...overrides,
});

const enschede: PickerCompany = {
  regionCode: "ES04",
  provinceCodes: ["PV23"],
  municipalityCode: "GM0153",
  sizeClass: null,
};

describe("the referral picker", () => {
  const build = (instruments: PickerInstrument[], ranked: string[] = [], company = enschede) =>
    buildReferralPicker({ instruments, company, ranked, delivery: () => "account", lang: "nl" });

  it("keeps what reaches the company: national, its province, its region, its municipality", () => {
    const picker = build([
      instrument("landelijk"),
      instrument("eu", { coverage: { level: "eu", codes: ["EU"] } }),
      instrument("overijssel", { coverage: { level: "province", codes: ["PV25", "PV23"] } }),
      instrument("twente", { coverage: { level: "res_region", codes: ["ES04"] } }),
      instrument("enschede", { coverage: { level: "municipality", codes: ["GM0153"] } }),
      instrument("limburg", { coverage: { level: "province", codes: ["PV31"] } }),
      instrument("zwolle", { coverage: { level: "res_region", codes: ["ES05"] } }),
      instrument("hengelo", { coverage: { level: "municipality", codes: ["GM0164"] } }),
    ]);
    expect(picker.fitting.map((option) => option.refId)).toEqual([
      "enschede",
      "eu",
      "landelijk",
      "overijssel",
      "twente",
    ]);
    expect(picker.outside.map((option) => [option.refId, option.misfit])).toEqual([
      ["hengelo", "region"],
      ["limburg", "region"],
      ["zwolle", "region"],
    ]);
  });

  it("offers only what a company can use today, and marks what is not for its size", () => {
    const picker = build(
      [
        instrument("open", { status: "open" }),
        instrument("verwacht", { status: "verwacht" }),
        instrument("gesloten", { status: "gesloten" }),
        instrument("klein", { sizeClasses: ["micro", "klein"] }),
        instrument("iedereen", { sizeClasses: ["micro", "klein", "middel", "groot"] }),
      ],
      [],
      { ...enschede, sizeClass: "groot" },
    );
    expect(picker.fitting.map((option) => option.refId)).toEqual(["iedereen", "open"]);
    expect(picker.outside).toMatchObject([{ refId: "klein", misfit: "size" }]);
  });

  it("puts the route's ranking first in its own order, the rest by name (Dutch collation), and says how each travels", () => {
    const picker = buildReferralPicker({
      instruments: [
        instrument("b", { name: { nl: "Beta", en: "Beta" } }),
        instrument("a", { name: { nl: "alfa", en: "alfa" } }),
        instrument("c", { name: { nl: "Ça", en: "Ça" }, providerId: "mail" }),
        instrument("z", { name: { nl: "Zeta", en: "Zeta" }, status: "verwacht" }),
        instrument("d", { name: { nl: "Delta", en: "Delta" }, providerId: "" }),
      ],
      company: enschede,
      ranked: ["z", "d", "b"],
      delivery: (providerId) =>
        providerId === "mail" ? "mail" : providerId === "p" ? "account" : "warme_overdracht",
      lang: "nl",
    });
    expect(picker.recommended.map((option) => option.refId)).toEqual(["d", "b"]);
    expect(picker.fitting.map((option) => option.refId)).toEqual(["a", "c"]);
    expect(picker.recommended[0]!.delivery).toBe("warme_overdracht");
    expect(picker.fitting.map((option) => option.delivery)).toEqual(["account", "mail"]);
  });
});
