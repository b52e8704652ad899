-- Place names (issue 16 item 6, ADR 0077): every name that leads to a municipality — CBS municipality names, BAG
-- woonplaatsen and our aliases — with a normalised match key; the trigram index serves the pg_trgm oracle path.
CREATE TABLE "place_names" (
	"name" text NOT NULL,
	"municipality_code" text NOT NULL,
	"kind" text NOT NULL,
	"match_key" text NOT NULL,
	CONSTRAINT "place_names_kind_name_municipality_code_pk" PRIMARY KEY("kind","name","municipality_code")
);
--> statement-breakpoint
ALTER TABLE "place_names" ADD CONSTRAINT "place_names_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "place_names_match_key_trgm_idx" ON "place_names" USING gin ("match_key" gin_trgm_ops);