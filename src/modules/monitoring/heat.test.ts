import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio, GAP_HATCH, HEAT_SHADES, heatShade, STAR_SHADES } from "./heat.js";
import { goalShare } from "./views/goals-page.js";

const css = readFileSync(new URL("../../web/assets/app.css", import.meta.url), "utf8");
/** The declarations of one rule of app.css, by its exact selector. */
const rule = (selector: string) => {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf("}", start));
};

describe("the monitor's colour scales (ADR 0089)", () => {
  it("prints every count at 4.5:1 or more on its shade, and the 0 on its hatch lines too", () => {
    for (const shade of HEAT_SHADES)
      expect(contrastRatio(shade.text, shade.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(HEAT_SHADES[0]!.text, GAP_HATCH)).toBeGreaterThanOrEqual(4.5);
  });

  it("is sequential: each shade darker than the one before, 0 and 1 clearly apart", () => {
    for (let index = 1; index < HEAT_SHADES.length; index++)
      expect(contrastRatio(HEAT_SHADES[index]!.background, "#ffffff")).toBeGreaterThan(
        contrastRatio(HEAT_SHADES[index - 1]!.background, "#ffffff"),
      );
    expect(contrastRatio(HEAT_SHADES[0]!.background, HEAT_SHADES[1]!.background)).toBeGreaterThanOrEqual(1.4);
  });

  it("gives every count exactly one shade", () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 40].map((count) => heatShade(count).level)).toEqual([
      0, 1, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it("the stylesheet carries the same colours as the scale", () => {
    for (const shade of HEAT_SHADES) {
      const declarations = rule(`.cl-theme .cl-heat-${shade.level}`);
      expect(declarations).toContain(`background-color: ${shade.background};`);
      expect(declarations).toContain(`color: ${shade.text};`);
    }
    expect(rule(".cl-theme .cl-heat-0")).toContain(GAP_HATCH);
    STAR_SHADES.forEach((fill, stars) => {
      expect(rule(`.cl-stars-${stars}`)).toContain(`fill: ${fill};`);
    });
  });

  it("on the star map, 1 star stands apart from 0 and every level from the next", () => {
    expect(contrastRatio(STAR_SHADES[0], STAR_SHADES[1])).toBeGreaterThanOrEqual(1.5);
    for (let stars = 1; stars < STAR_SHADES.length; stars++)
      expect(contrastRatio(STAR_SHADES[stars]!, "#ffffff")).toBeGreaterThan(
        contrastRatio(STAR_SHADES[stars - 1]!, "#ffffff"),
      );
  });
});

describe("goal progress at a glance", () => {
  it("measures the way from baseline to target, up or down, within 0 and 1", () => {
    expect(goalShare(10, 0, 4)).toBeCloseTo(0.6);
    expect(goalShare(0, 20, 5)).toBeCloseTo(0.25);
    expect(goalShare(0, 20, 30)).toBe(1);
    expect(goalShare(10, 0, 12)).toBe(0);
    expect(goalShare(5, 5, 5)).toBe(1);
  });
});
