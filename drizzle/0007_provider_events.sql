-- Providers keep their own events in the workspace (issue 7): which provider keeps an event, and whether it is
-- called off. Curated events keep provider_id null.
ALTER TABLE "knowledge_events" ADD COLUMN "provider_id" text;--> statement-breakpoint
ALTER TABLE "knowledge_events" ADD COLUMN "cancelled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "knowledge_events_provider_idx" ON "knowledge_events" USING btree ("provider_id");
