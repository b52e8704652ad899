CREATE TABLE "saved_route_cases" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"route_id" integer NOT NULL,
	"consented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_route_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"route_id" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"material_kg" numeric,
	"material_basis" text,
	"euro" numeric,
	"euro_basis" text,
	"co2e_kg" numeric,
	"co2e_basis" text,
	"results_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_routes" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"sbi" text NOT NULL,
	"sbi_section" text NOT NULL,
	"size_class" text,
	"stage" text,
	"help" text[] NOT NULL,
	"themes" text[] NOT NULL,
	"start_phase" text NOT NULL,
	"start_step" text NOT NULL,
	"package_slug" text,
	"origin" text NOT NULL,
	"scan_result_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"email" text,
	"email_lang" text,
	"email_token_hash" text,
	"email_sealed_link" text,
	"email_requested_at" timestamp with time zone,
	"email_confirmed_at" timestamp with time zone,
	CONSTRAINT "saved_routes_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "saved_route_cases" ADD CONSTRAINT "saved_route_cases_route_id_saved_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."saved_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_route_items" ADD CONSTRAINT "saved_route_items_route_id_saved_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."saved_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_route_items_route_kind_code" ON "saved_route_items" USING btree ("route_id","kind","code");--> statement-breakpoint
CREATE INDEX "saved_route_items_results_at" ON "saved_route_items" USING btree ("results_at");