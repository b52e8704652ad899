CREATE TABLE "barriers" (
	"id" serial PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"theme" text NOT NULL,
	"rule" text,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"reporter_kind" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"consent_version" text,
	"consent_purpose" text,
	"consent_at" timestamp with time zone,
	"status" text DEFAULT 'nieuw' NOT NULL,
	"category" text,
	"responsible_body" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"goal_id" integer NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_event_daily" (
	"day" date NOT NULL,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "journey_event_daily_day_region_code_type_source_pk" PRIMARY KEY("day","region_code","type","source")
);
--> statement-breakpoint
CREATE TABLE "monitoring_goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" text NOT NULL,
	"scope_level" text NOT NULL,
	"scope_code" text,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"starts_on" date NOT NULL,
	"deadline" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "journey_events_type_idx";--> statement-breakpoint
ALTER TABLE "goal_values" ADD CONSTRAINT "goal_values_goal_id_monitoring_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."monitoring_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "barriers_region_idx" ON "barriers" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "barriers_province_idx" ON "barriers" USING btree ("province_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_values_goal_day_idx" ON "goal_values" USING btree ("goal_id","measured_on");--> statement-breakpoint
CREATE INDEX "journey_event_daily_type_day_idx" ON "journey_event_daily" USING btree ("type","day");--> statement-breakpoint
CREATE INDEX "journey_events_time_region_type_idx" ON "journey_events" USING btree ("occurred_at","region_code","type");