-- Each session keeps its own idle window and idle end (issue 13, ADR 0073): instances with different
-- SESSION_IDLE_MINUTES no longer end or purge each other's sessions. Sessions open at the upgrade get the default
-- window of 30 minutes from their last request.
ALTER TABLE "sessions" ADD COLUMN "idle_minutes" integer;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "idle_expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "sessions" SET "idle_minutes" = 30, "idle_expires_at" = "last_seen_at" + interval '30 minutes';--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "idle_minutes" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "idle_expires_at" SET NOT NULL;
