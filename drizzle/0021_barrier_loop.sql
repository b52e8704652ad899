CREATE TABLE "barrier_forwardings" (
	"id" serial PRIMARY KEY NOT NULL,
	"barrier_id" integer NOT NULL,
	"body_kind" text NOT NULL,
	"body_name" text NOT NULL,
	"organisation_id" text,
	"to_address" text,
	"due_at" timestamp with time zone NOT NULL,
	"token_hash" text,
	"link_expires_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	"answered_by_user_id" integer,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "contact_lang" text;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "public_answer" text;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "reporter_told_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "barriers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "barrier_forwardings" ADD CONSTRAINT "barrier_forwardings_barrier_id_barriers_id_fk" FOREIGN KEY ("barrier_id") REFERENCES "public"."barriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "barrier_forwardings_barrier_idx" ON "barrier_forwardings" USING btree ("barrier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "barrier_forwardings_token_idx" ON "barrier_forwardings" USING btree ("token_hash");