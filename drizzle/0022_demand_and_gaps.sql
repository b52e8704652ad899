CREATE TABLE "demand_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"sector" text,
	"step" text NOT NULL,
	"phase" text,
	"help" text,
	"source" text NOT NULL,
	"day" date NOT NULL,
	"dedupe_key" text
);
--> statement-breakpoint
CREATE TABLE "gap_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"step" text NOT NULL,
	"sector" text DEFAULT '' NOT NULL,
	"organisation_id" text NOT NULL,
	"decision" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gap_entries" ADD CONSTRAINT "gap_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_records_day_region_idx" ON "demand_records" USING btree ("day","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_records_dedupe_idx" ON "demand_records" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "gap_entries_cell_idx" ON "gap_entries" USING btree ("region_code","step","sector");--> statement-breakpoint
CREATE INDEX "gap_entries_organisation_idx" ON "gap_entries" USING btree ("organisation_id");