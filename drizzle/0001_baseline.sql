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
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD CONSTRAINT "knowledge_measures_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_roadmaps" ADD CONSTRAINT "knowledge_roadmaps_measure_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("measure_package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_province_idx" ON "municipalities" USING btree ("province_code");