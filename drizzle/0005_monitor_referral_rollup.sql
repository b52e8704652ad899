CREATE TABLE "referral_monitor_facts" (
	"referral_id" integer PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"instrument_ref_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"outcome_at" timestamp with time zone,
	"outcome" text,
	"decline_reason" text,
	"lead_ms" bigint
);
--> statement-breakpoint
ALTER TABLE "referral_monitor_facts" ADD CONSTRAINT "referral_monitor_facts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_monitor_facts_created_idx" ON "referral_monitor_facts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "referrals_updated_idx" ON "referrals" USING btree ("updated_at");--> statement-breakpoint
-- Fill the rollup with the referrals already there (the same select as referralMonitoringFacts().figures.refresh).
INSERT INTO "referral_monitor_facts" ("referral_id", "region_code", "instrument_ref_id", "status", "created_at", "deadline_at", "outcome_at", "outcome", "decline_reason", "lead_ms")
SELECT id, region_code, instrument_ref_id, status, created_at, deadline_at, outcome_at, outcome, decline_reason,
       (extract(epoch from outcome_at - created_at) * 1000)::bigint
FROM (
  SELECT r.id, c.region_code, r.instrument_ref_id, r.status,
         date_trunc('milliseconds', r.created_at) AS created_at,
         date_trunc('milliseconds', CASE WHEN r.status = 'verlopen' THEN e.ended_at ELSE r.due_at END) AS deadline_at,
         date_trunc('milliseconds', CASE WHEN r.status <> 'verlopen' AND r.outcome IS NOT NULL THEN e.ended_at END) AS outcome_at,
         CASE WHEN r.status <> 'verlopen' THEN r.outcome END AS outcome,
         CASE WHEN r.status = 'afgewezen' THEN r.reason_code END AS decline_reason
  FROM "referrals" r
  JOIN "cases" c ON c.id = r.case_id
  LEFT JOIN LATERAL (
    SELECT max(ev.occurred_at) AS ended_at FROM "referral_events" ev
    WHERE ev.referral_id = r.id AND ev.to_status = r.status
  ) e ON r.outcome IS NOT NULL
) AS facts;
