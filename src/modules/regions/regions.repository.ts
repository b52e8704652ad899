import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { municipalities, provinces, regionProvinces, regions } from "./regions.tables.js";

export type MunicipalityRow = typeof municipalities.$inferSelect;

/** Reads the geography. The data changes once a year, so callers may cache what it returns. */
export function createRegionsRepository(db: Database) {
  return {
    listProvinces: () => db.select().from(provinces).orderBy(asc(provinces.name)),
    listRegions: () => db.select().from(regions).orderBy(asc(regions.code)),
    listRegionProvinces: () => db.select().from(regionProvinces),
    listMunicipalities: () => db.select().from(municipalities).orderBy(asc(municipalities.name)),
    findRegion: async (code: string) => (await db.select().from(regions).where(eq(regions.code, code)))[0],
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
