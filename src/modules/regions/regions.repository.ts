import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import {
  type PlaceNameKind,
  type PlaceNameRow,
  SIMILARITY_THRESHOLD,
  type SimilarKey,
} from "./regions.places.js";
import { municipalities, placeNames, provinces, regionProvinces, regions } from "./regions.tables.js";

export type MunicipalityRow = typeof municipalities.$inferSelect;

/** Reads the geography. The data changes once a year, so callers may cache what it returns. */
export function createRegionsRepository(db: Database) {
  return {
    listProvinces: () => db.select().from(provinces).orderBy(asc(provinces.name)),
    listRegions: () => db.select().from(regions).orderBy(asc(regions.code)),
    listRegionProvinces: () => db.select().from(regionProvinces),
    listMunicipalities: () => db.select().from(municipalities).orderBy(asc(municipalities.name)),
    findRegion: async (code: string) => (await db.select().from(regions).where(eq(regions.code, code)))[0],
    listPlaceNames: async (): Promise<PlaceNameRow[]> =>
      (await db.select().from(placeNames)).map((row) => ({ ...row, kind: row.kind as PlaceNameKind })),

    /**
     * Match keys that look like a normalised query, by pg_trgm's similarity(), best first: the plain path that the
     * in-memory suggestions are held equal to (ADR 0077) and that `npm run bench:places` times.
     */
    similarPlaceKeys: (query: string, limit: number) =>
      queryRows<SimilarKey>(
        db,
        sql`select k.match_key as key, similarity(k.match_key, ${query})::float8 as similarity
          from (select distinct match_key from place_names where match_key % ${query}) k
          where similarity(k.match_key, ${query}) >= ${SIMILARITY_THRESHOLD}
          order by similarity desc, k.match_key collate "C" limit ${limit}`,
      ),
  };
}

export type RegionsRepository = ReturnType<typeof createRegionsRepository>;
