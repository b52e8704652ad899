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
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"outcome" text NOT NULL,
	"client_key" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"provider_id" text,
	"region_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"organisation_id" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
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
CREATE TABLE "case_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"author_user_id" integer,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_token" text NOT NULL,
	"hub_id" text NOT NULL,
	"region_code" text NOT NULL,
	"municipality_code" text,
	"sbi_section" text,
	"scan_result_id" text,
	"company_name" text NOT NULL,
	"kvk_number" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"question" text NOT NULL,
	"status" text DEFAULT 'nieuw' NOT NULL,
	"assigned_user_id" integer,
	"next_steps" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_public_token_unique" UNIQUE("public_token")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"hub_id" text NOT NULL,
	"purpose" text NOT NULL,
	"text_version" text NOT NULL,
	"retention_months" integer NOT NULL,
	"given_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hubs" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"description" jsonb NOT NULL,
	"email" text NOT NULL,
	"intake_open" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"region_code" text,
	"sbi_section" text,
	"source" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"instrument_ref_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"terms" text DEFAULT '' NOT NULL,
	"changed_by_user_id" integer,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"referral_id" integer,
	"description" text NOT NULL,
	"material_kg" numeric,
	"euro" numeric,
	"co2e_kg" numeric,
	"basis" text NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"transport" text
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"referral_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason_code" text,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" integer,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"instrument_ref_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"outcome" text,
	"outcome_reason" text,
	"due_at" timestamp with time zone,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
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
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_instruments" ADD CONSTRAINT "catalogue_instruments_organization_id_catalogue_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."catalogue_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD CONSTRAINT "knowledge_measures_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_roadmaps" ADD CONSTRAINT "knowledge_roadmaps_measure_package_slug_knowledge_measure_packages_slug_fk" FOREIGN KEY ("measure_package_slug") REFERENCES "public"."knowledge_measure_packages"("slug") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_hub_id_organisations_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hubs" ADD CONSTRAINT "hubs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_versions" ADD CONSTRAINT "listing_versions_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("status","run_at") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_identities_key" ON "user_identities" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_nl_idx" ON "catalogue_instruments" USING gin ("search_nl");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_search_en_idx" ON "catalogue_instruments" USING gin ("search_en");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_journey_steps_idx" ON "catalogue_instruments" USING gin ("journey_steps");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_phases_idx" ON "catalogue_instruments" USING gin ("phases");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_themes_idx" ON "catalogue_instruments" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_coverage_keys_idx" ON "catalogue_instruments" USING gin ("coverage_keys");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_organization_idx" ON "catalogue_instruments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "catalogue_instruments_status_idx" ON "catalogue_instruments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalogue_search_words_trgm_idx" ON "catalogue_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_events_starts_idx" ON "knowledge_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "knowledge_events_region_idx" ON "knowledge_events" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_examples_section_idx" ON "knowledge_examples" USING btree ("sbi_section");--> statement-breakpoint
CREATE INDEX "knowledge_examples_region_idx" ON "knowledge_examples" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "knowledge_measures_package_idx" ON "knowledge_measures" USING btree ("package_slug");--> statement-breakpoint
CREATE INDEX "cases_hub_idx" ON "cases" USING btree ("hub_id","status");--> statement-breakpoint
CREATE INDEX "cases_email_idx" ON "cases" USING btree ("contact_email");--> statement-breakpoint
CREATE INDEX "journey_events_type_idx" ON "journey_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "listing_versions_ref_idx" ON "listing_versions" USING btree ("instrument_ref_id","version");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_provider_idx" ON "referrals" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "referrals_due_idx" ON "referrals" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_province_idx" ON "municipalities" USING btree ("province_code");