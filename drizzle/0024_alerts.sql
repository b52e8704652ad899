CREATE TABLE "alert_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"deadline" date,
	"detected_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_subscribers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"lang" text NOT NULL,
	"unsubscribe_token" text NOT NULL,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_subscribers_email_unique" UNIQUE("email"),
	CONSTRAINT "alert_subscribers_unsubscribe_token_unique" UNIQUE("unsubscribe_token")
);
--> statement-breakpoint
CREATE TABLE "alert_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"subscriber_id" integer NOT NULL,
	"kind" text NOT NULL,
	"instrument_ref" text,
	"area_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text,
	"municipality_code" text,
	"sector" text,
	"sbi_section" text,
	"step" text,
	"phase" text,
	"instrument_kind" text,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_watch" (
	"key" text PRIMARY KEY NOT NULL,
	"status" text,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "alert_items" ADD CONSTRAINT "alert_items_subscription_id_alert_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."alert_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_subscriber_id_alert_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."alert_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_items_once_idx" ON "alert_items" USING btree ("subscription_id","item_key");--> statement-breakpoint
CREATE INDEX "alert_subscriptions_subscriber_idx" ON "alert_subscriptions" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "alert_subscriptions_instrument_idx" ON "alert_subscriptions" USING btree ("kind","instrument_ref");--> statement-breakpoint
CREATE INDEX "alert_subscriptions_confirm_idx" ON "alert_subscriptions" USING btree ("confirm_token_hash");