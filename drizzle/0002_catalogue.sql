CREATE TABLE "catalogue_instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ref_id" text NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"partners" text[] NOT NULL,
	"kind" text NOT NULL,
	"summary" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"benefit" jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"how_to_apply" jsonb NOT NULL,
	"journey_steps" text[] NOT NULL,
	"phases" text[] NOT NULL,
	"themes" text[] NOT NULL,
	"r_strategies" text[] NOT NULL,
	"sbi_sections" text[] NOT NULL,
	"coverage_level" text NOT NULL,
	"coverage_codes" text[] NOT NULL,
	"coverage_keys" text[] NOT NULL,
	"size_classes" text[] NOT NULL,
	"consortium_rules" jsonb,
	"amount_min" double precision,
	"amount_max" double precision,
	"percentage" double precision,
	"pot" double precision,
	"pot_year" integer,
	"window_open" date,
	"window_close" date,
	"allocation" text,
	"status" text NOT NULL,
	"status_note" jsonb,
	"last_verified" date NOT NULL,
	"certainty" jsonb,
	"website" text,
	"evidence" jsonb,
	"keywords" jsonb NOT NULL,
	"search_extra" text DEFAULT '' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_nl" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('cl_dutch'::regconfig, coalesce(name->>'nl', '') || ' ' || coalesce(keywords->>'nl', '')), 'A') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(summary->>'nl', '') || ' ' || search_extra), 'B') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(description->>'nl', '') || ' ' || coalesce(audience->>'nl', '') || ' ' || coalesce(benefit->>'nl', '')), 'C') || setweight(to_tsvector('cl_dutch'::regconfig, coalesce(conditions->>'nl', '') || ' ' || coalesce(how_to_apply->>'nl', '') || ' ' || coalesce(evidence->>'nl', '')), 'D')) STORED,
	"search_en" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('cl_english'::regconfig, coalesce(name->>'en', '') || ' ' || coalesce(keywords->>'en', '')), 'A') || setweight(to_tsvector('cl_english'::regconfig, coalesce(summary->>'en', '') || ' ' || coalesce(name->>'nl', '') || ' ' || search_extra), 'B') || setweight(to_tsvector('cl_english'::regconfig, coalesce(description->>'en', '') || ' ' || coalesce(audience->>'en', '') || ' ' || coalesce(benefit->>'en', '')), 'C') || setweight(to_tsvector('cl_english'::regconfig, coalesce(conditions->>'en', '') || ' ' || coalesce(how_to_apply->>'en', '') || ' ' || coalesce(evidence->>'en', '')), 'D')) STORED,
	CONSTRAINT "catalogue_instruments_ref_id_unique" UNIQUE("ref_id"),
	CONSTRAINT "catalogue_instruments_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "catalogue_organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ref_id" text NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" jsonb NOT NULL,
	"website" text,
	"email" text,
	"phone" text,
	"kind" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_organizations_ref_id_unique" UNIQUE("ref_id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD CONSTRAINT "catalogue_instruments_organization_id_catalogue_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."catalogue_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_nl_idx" ON "catalogue_instruments" USING gin ("search_nl");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_en_idx" ON "catalogue_instruments" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_journey_steps_idx" ON "catalogue_instruments" USING gin ("journey_steps");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_phases_idx" ON "catalogue_instruments" USING gin ("phases");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_themes_idx" ON "catalogue_instruments" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_coverage_keys_idx" ON "catalogue_instruments" USING gin ("coverage_keys");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_organization_idx" ON "catalogue_instruments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_status_idx" ON "catalogue_instruments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalogue_search_words_trgm_idx" ON "catalogue_search_words" USING gin ("word" gin_trgm_ops);