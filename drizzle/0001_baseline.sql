CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "knowledge_events" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online" boolean NOT NULL,
	"place" text,
	"region_code" text,
	"organiser" text NOT NULL,
	"instrument_ref_id" text,
	"registration_url" text,
	"is_example" boolean NOT NULL,
	"origin" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_examples" (
	"slug" text PRIMARY KEY NOT NULL,
	"company" text NOT NULL,
	"title" jsonb NOT NULL,
	"sbi_section" text NOT NULL,
	"sbi_division" text,
	"sector_package" text,
	"province_code" text,
	"region_code" text,
	"municipality_code" text,
	"strategies" text[] NOT NULL,
	"themes" text[] NOT NULL,
	"what_they_did" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"instrument_ref_ids" text[] NOT NULL,
	"year" integer,
	"sources" jsonb NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_measure_packages" (
	"slug" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" jsonb NOT NULL,
	"intro" jsonb NOT NULL,
	"sbi_sections" text[] NOT NULL,
	"sbi_divisions" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_measures" (
	"code" text PRIMARY KEY NOT NULL,
	"package_slug" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"strategy" text NOT NULL,
	"theme" text NOT NULL,
	"horizon" text NOT NULL,
	"cost" text NOT NULL,
	"benefit" jsonb NOT NULL,
	"difficulty" text NOT NULL,
	"instrument_ref_ids" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_roadmaps" (
	"slug" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb NOT NULL,
	"measure_package_slug" text,
	"horizons" jsonb NOT NULL,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "r_strategies" (
	"code" text PRIMARY KEY NOT NULL,
	"step" integer NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"group_nl" text NOT NULL,
	"group_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sbi_codes" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "sbi_codes_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"region_code" text NOT NULL,
	"region_basis" text NOT NULL,
	"vintage" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"iso_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_provinces" (
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "region_provinces_region_code_province_code_pk" PRIMARY KEY("region_code","province_code")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scan_results" (
	"id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD CONSTRAINT "knowledge_measures_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_roadmaps" ADD CONSTRAINT "knowledge_roadmaps_measure_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("measure_package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD CONSTRAINT "catalogue_instruments_organization_id_catalogue_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."catalogue_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("status","run_at") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "knowledge_events_starts_idx" ON "knowledge_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "knowledge_events_region_idx" ON "knowledge_events" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_examples_section_idx" ON "knowledge_examples" USING btree ("sbi_section");--> statement-breakpoint
CREATE INDEX "knowledge_examples_region_idx" ON "knowledge_examples" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_measures_package_idx" ON "knowledge_measures" USING btree ("package_slug");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_nl_idx" ON "catalogue_instruments" USING gin ("search_nl");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_en_idx" ON "catalogue_instruments" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_journey_steps_idx" ON "catalogue_instruments" USING gin ("journey_steps");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_phases_idx" ON "catalogue_instruments" USING gin ("phases");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_themes_idx" ON "catalogue_instruments" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_coverage_keys_idx" ON "catalogue_instruments" USING gin ("coverage_keys");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_organization_idx" ON "catalogue_instruments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_status_idx" ON "catalogue_instruments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalogue_search_words_trgm_idx" ON "catalogue_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_province_idx" ON "municipalities" USING btree ("province_code");