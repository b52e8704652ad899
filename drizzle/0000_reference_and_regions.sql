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
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_provinces" ADD CONSTRAINT "region_provinces_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_province_idx" ON "municipalities" USING btree ("province_code");