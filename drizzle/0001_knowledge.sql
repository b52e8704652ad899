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
ALTER TABLE "knowledge_measures" ADD CONSTRAINT "knowledge_measures_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_roadmaps" ADD CONSTRAINT "knowledge_roadmaps_measure_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("measure_package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_events_starts_idx" ON "knowledge_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "knowledge_events_region_idx" ON "knowledge_events" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_examples_section_idx" ON "knowledge_examples" USING btree ("sbi_section");--> statement-breakpoint
CREATE INDEX "knowledge_examples_region_idx" ON "knowledge_examples" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_measures_package_idx" ON "knowledge_measures" USING btree ("package_slug");