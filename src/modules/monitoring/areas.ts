import type { Area } from "../auth/index.js";

/** The region codes an area covers (national: all; a province: the regions that lie in it, also across a border). */
export function regionsInArea(area: Area, regions: { code: string; provinceCodes: string[] }[]): string[] {
  if (area.level === "national") return regions.map((region) => region.code);
  if (area.level === "region") return regions.filter((r) => r.code === area.code).map((r) => r.code);
  return regions.filter((region) => region.provinceCodes.includes(area.code)).map((region) => region.code);
}
