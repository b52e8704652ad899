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
