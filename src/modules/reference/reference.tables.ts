import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** SBI codes (sections and 2-digit divisions); a code only means something together with its version. */
export const sbiCodes = pgTable(
  "sbi_codes",
  {
    version: text("version").notNull(),
    code: text("code").notNull(),
    level: text("level", { enum: ["section", "division"] }).notNull(),
    parentCode: text("parent_code"),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (table) => [primaryKey({ columns: [table.version, table.code] })],
);

/** The R-ladder of circular strategies, R0 (refuse) to R9 (recover). */
export const rStrategies = pgTable("r_strategies", {
  code: text("code").primaryKey(),
  step: integer("step").notNull(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  groupNl: text("group_nl").notNull(),
  groupEn: text("group_en").notNull(),
  descriptionNl: text("description_nl").notNull(),
  descriptionEn: text("description_en").notNull(),
});
