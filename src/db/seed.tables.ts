import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Which content each start-up data set was last loaded from (ADR 0082): a hash over its data files, the loader's
 * options and the schema. A start whose hash matches skips that set's load; a changed file changes the hash.
 */
export const dataFileLoads = pgTable("data_file_loads", {
  name: text("name").primaryKey(),
  contentHash: text("content_hash").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
