ALTER TABLE "catalogue_instruments" ADD COLUMN "reach" jsonb;--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD COLUMN "recurrence" jsonb;--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD COLUMN "past_windows" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD COLUMN "general_finance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- One status vocabulary (ADR 0079): an oversubscribed scheme is closed; the note says why.
UPDATE "catalogue_instruments" SET "status" = 'gesloten' WHERE "status" = 'overtekend';
