-- Measure packages name the plain sector choices they answer, and every measure carries the public source of its
-- cost and benefit (issue 17). Both tables hold only curated content that loadKnowledgeContent writes again at every
-- start, so they are emptied rather than given invented defaults; a roadmap's package link is set null by its
-- foreign key until that same load restores it.
DELETE FROM "knowledge_measures";--> statement-breakpoint
DELETE FROM "knowledge_measure_packages";--> statement-breakpoint
ALTER TABLE "knowledge_measure_packages" ADD COLUMN "sector_choices" text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD COLUMN "cost_basis" text NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD COLUMN "cost_indication" jsonb;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD COLUMN "cost_source" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD COLUMN "benefit_indication" jsonb;--> statement-breakpoint
ALTER TABLE "knowledge_measures" ADD COLUMN "benefit_source" jsonb NOT NULL;