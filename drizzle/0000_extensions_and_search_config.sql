-- Extensions and text search configurations that tables and queries rely on (ADR 0005). Both extensions ship with
-- PGlite and are trusted on PostgreSQL 13+. unaccent folds accents (Fryslân → fryslan); pg_trgm serves typo matching.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
