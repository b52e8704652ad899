import { describe, expect, it } from "vitest";
import { plural } from "./index.js";

const municipalities = { one: "{count} gemeente", other: "{count} gemeenten" };
const found = { one: "{count} instrument found for “{q}”", other: "{count} instruments found for “{q}”" };

describe("plural (Intl.PluralRules)", () => {
  it("chooses the Dutch form by the number", () => {
    expect(plural("nl", 1, municipalities)).toBe("1 gemeente");
    expect(plural("nl", 0, municipalities)).toBe("0 gemeenten");
    expect(plural("nl", 2, municipalities)).toBe("2 gemeenten");
    expect(plural("nl", 21, municipalities)).toBe("21 gemeenten");
  });

  it("chooses the English form and fills the other placeholders", () => {
    expect(plural("en", 1, found, { q: "hout" })).toBe("1 instrument found for “hout”");
    expect(plural("en", 0, found, { q: "hout" })).toBe("0 instruments found for “hout”");
    expect(plural("en", 3, found, { q: "hout" })).toBe("3 instruments found for “hout”");
  });

  it("formats the count in the language, and a fraction is never singular", () => {
    expect(plural("nl", 1234, municipalities)).toBe("1.234 gemeenten");
    expect(plural("en", 1234, { one: "{count} file", other: "{count} files" })).toBe("1,234 files");
    expect(plural("en", 1.5, { one: "{count} file", other: "{count} files" })).toBe("1.5 files");
  });
});
