import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Saved scan answers behind /scan/resultaat/{id}. Only codes (size class, municipality code, SBI code, stage and
 * the chosen vocabulary items): nothing that identifies a person or a company. The id is 128 random bits, so the
 * address cannot be guessed.
 */
export const scanResults = pgTable("scan_results", {
  id: text("id").primaryKey(),
  answers: jsonb("answers").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
