CREATE TABLE "referral_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"referral_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "referral_reminders" (
	"referral_id" integer NOT NULL,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_reminders_referral_id_status_pk" PRIMARY KEY("referral_id","status")
);
--> statement-breakpoint
CREATE TABLE "referral_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"referral_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_user_id" integer,
	"resolution" text
);
--> statement-breakpoint
ALTER TABLE "referral_events" ADD COLUMN "actor_kind" text;--> statement-breakpoint
ALTER TABLE "referral_events" ADD COLUMN "kind" text DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "referral_monitor_facts" ADD COLUMN "delivery" text;--> statement-breakpoint
ALTER TABLE "referral_links" ADD CONSTRAINT "referral_links_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_reminders" ADD CONSTRAINT "referral_reminders_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_tasks" ADD CONSTRAINT "referral_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_tasks" ADD CONSTRAINT "referral_tasks_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_tasks" ADD CONSTRAINT "referral_tasks_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_links_referral_idx" ON "referral_links" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referral_tasks_open_idx" ON "referral_tasks" USING btree ("case_id","done_at");--> statement-breakpoint
CREATE INDEX "referral_tasks_referral_idx" ON "referral_tasks" USING btree ("referral_id");