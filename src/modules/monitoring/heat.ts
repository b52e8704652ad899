/**
 * The colour scales of the monitor's figures (ADR 0089): the coverage heat map and the star map. Each shade names the
 * colour of the number printed on it; `contrastRatio` (WCAG 2.x) lets a test hold every pair to 4.5:1. The CSS in
 * src/web/assets/app.css carries the same colours under `cl-heat-{n}` and `cl-stars-{n}`.
 */

/** One step of the coverage scale: counts from `min` to `max` (inclusive; `max` null = and more). */
export type HeatShade = { level: number; min: number; max: number | null; background: string; text: string };

/**
 * Sequential blues (ColorBrewer "Blues"), light to dark. 0 is white with a hatch and a bold number (a gap), so it
 * differs from 1 by pattern and weight as well as by colour; the darkest two carry white numbers.
 */
export const HEAT_SHADES: readonly HeatShade[] = [
  { level: 0, min: 0, max: 0, background: "#ffffff", text: "#1a1a1a" },
  { level: 1, min: 1, max: 1, background: "#c6dbef", text: "#1a1a1a" },
  { level: 2, min: 2, max: 2, background: "#9ecae1", text: "#1a1a1a" },
  { level: 3, min: 3, max: 4, background: "#6baed6", text: "#1a1a1a" },
  { level: 4, min: 5, max: 7, background: "#2171b5", text: "#ffffff" },
  { level: 5, min: 8, max: null, background: "#08306b", text: "#ffffff" },
];
/** The hatch lines drawn over the 0 shade: the number must be readable on them too. */
export const GAP_HATCH = "#d4d4d4";

/** The shade of a count. */
export function heatShade(count: number): HeatShade {
  return (
    HEAT_SHADES.find((shade) => count >= shade.min && (shade.max === null || count <= shade.max)) ??
    HEAT_SHADES[HEAT_SHADES.length - 1]!
  );
}

/** Star-map fills, 0 to 5 stars: white, then greens with 1 star clearly darker than 0 (see the test). */
export const STAR_SHADES = ["#ffffff", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#00441b"] as const;

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
