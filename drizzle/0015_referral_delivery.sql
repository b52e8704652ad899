ALTER TABLE "organisations" ADD COLUMN "referral_email" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "delivery" text;