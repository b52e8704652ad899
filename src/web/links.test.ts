import { describe, expect, it } from "vitest";
import { absoluteUrlOn } from "./links.js";

describe("absoluteUrlOn", () => {
  const absoluteUrl = absoluteUrlOn("https://circulair-loket.example");

  it("puts a path of this service on the configured origin, query and fragment kept", () => {
    expect(absoluteUrl("/aanbod/mit-regeling")).toBe("https://circulair-loket.example/aanbod/mit-regeling");
    expect(absoluteUrl("/agenda?lang=en#dag")).toBe("https://circulair-loket.example/agenda?lang=en#dag");
  });

  it("refuses anything but a path (a link elsewhere is a programming error) and anything but an origin", () => {
    for (const path of ["//evil.example/x", "https://evil.example/", "aanbod", ""])
      expect(() => absoluteUrl(path)).toThrow(/not a path/);
    expect(() => absoluteUrlOn("https://circulair-loket.example/")).toThrow(/not an origin/);
    expect(() => absoluteUrlOn("https://circulair-loket.example/pad")).toThrow(/not an origin/);
  });
});
