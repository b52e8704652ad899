import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** The 12 provinces (CBS codes PV20–PV31). */
export const provinces = pgTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  alternateName: text("alternate_name"),
  isoCode: text("iso_code").notNull(),
});

/** The 30 RES regions (ES01–ES30): the regional level at which lokets work. */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  sourceName: text("source_name").notNull(),
});

/** A region can straddle two provinces (Foodvalley: Gelderland and Utrecht). */
export const regionProvinces = pgTable(
  "region_provinces",
  {
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
  },
  (table) => [primaryKey({ columns: [table.regionCode, table.provinceCode] })],
);

/** Municipalities of the CBS 2025 division; each belongs to one province and one RES region. */
export const municipalities = pgTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    /** How the region membership is known: taken from the source, or derived from a merger. */
    regionBasis: text("region_basis").notNull(),
    vintage: integer("vintage").notNull(),
  },
  (table) => [
    index("municipalities_region_idx").on(table.regionCode),
    index("municipalities_province_idx").on(table.provinceCode),
  ],
);

/**
 * Every name that leads to a municipality: its CBS name, the BAG woonplaatsen (CBS 2026) and our aliases (ADR 0077).
 * One name may lead to several municipalities ("Hengelo", "Bergen").
 */
export const placeNames = pgTable(
  "place_names",
  {
    /** As the source writes it: "Hengelo (Gld)", "Súdwest-Fryslân", "Den Haag". */
    name: text("name").notNull(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    /** municipality | woonplaats | common_name | other_name | part (regions.places.ts). */
    kind: text("kind").notNull(),
    /** Lower case, without accents, punctuation or the BAG suffix: "hengelo". */
    matchKey: text("match_key").notNull(),
  },
  // The service reads the whole table once at start-up (ADR 0077); the trigram index serves the pg_trgm path that the
  // in-memory suggestions are held equal to and compared with.
  (table) => [
    primaryKey({ columns: [table.kind, table.name, table.municipalityCode] }),
    index("place_names_match_key_trgm_idx").using("gin", sql`${table.matchKey} gin_trgm_ops`),
  ],
);
