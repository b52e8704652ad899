CREATE TABLE "region_star_levels" (
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"stars" integer NOT NULL,
	CONSTRAINT "region_star_levels_region_code_day_pk" PRIMARY KEY("region_code","day")
);
--> statement-breakpoint
ALTER TABLE "monitoring_goals" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "monitoring_goals" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_goals" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_goals" ADD CONSTRAINT "monitoring_goals_parent_id_monitoring_goals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."monitoring_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_goals_parent_scope_idx" ON "monitoring_goals" USING btree ("parent_id","scope_code");