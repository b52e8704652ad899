ALTER TABLE "organisations" ADD COLUMN "public_kind" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "public_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "visiting_address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "opening_hours" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "last_verified" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Organisations seeded as demo data before this column existed: their names carry "(demo" (ADR 0081).
UPDATE "organisations" SET "is_demo" = true WHERE "name" LIKE '%(demo%';
