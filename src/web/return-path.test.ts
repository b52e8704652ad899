import { describe, expect, it } from "vitest";
import { returnPathOr, sameOriginPath } from "./return-path.js";

describe("sameOriginPath", () => {
  it("keeps a path of this service with its query and fragment, normalised as a browser would", () => {
    expect(sameOriginPath("/werkruimte/dossiers/1?tab=notities#notities")).toBe(
      "/werkruimte/dossiers/1?tab=notities#notities",
    );
    expect(sameOriginPath("/a/../werkruimte")).toBe("/werkruimte");
    expect(sameOriginPath("/zoek?q=één")).toBe("/zoek?q=%C3%A9%C3%A9n");
  });

  it("refuses whatever a browser could take off the site, and control characters a header cannot carry", () => {
    for (const value of [
      undefined,
      "",
      "werkruimte",
      "//evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\nSet-Cookie: x=1",
      "/\\evil.example",
      "/\u0000",
      "/\u007f",
      "https://evil.example/",
      "javascript:alert(1)",
      " /werkruimte",
    ])
      expect(sameOriginPath(value), JSON.stringify(value)).toBeUndefined();
    expect(returnPathOr("/\t/evil.example", "/werkruimte")).toBe("/werkruimte");
  });
});
