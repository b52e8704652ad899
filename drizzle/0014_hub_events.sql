ALTER TABLE "knowledge_events" ADD COLUMN "organisation_id" text;--> statement-breakpoint
CREATE INDEX "knowledge_events_organisation_idx" ON "knowledge_events" USING btree ("organisation_id");