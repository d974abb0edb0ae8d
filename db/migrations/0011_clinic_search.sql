-- The PostgreSQL search fallback's narrow table (db/schema.ts `clinicSearch`, lib/search/search-table.ts),
-- kept by triggers on "clinics" in the writing statement itself, like "clinic_cost_inputs" (0008): every
-- insert and update rewrites the listings' rows through "copy_clinic_search", and a deleted listing's
-- row goes by the foreign key. The copy function below is a placeholder: its body, which computes
-- "facet_values" from the filter registry, is generated and installed by the migrate step
-- (`installSearchTable`, run by `runMigrations` after the SQL migrations), which then fills the table.
CREATE TABLE "clinic_search" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" "listing_status" NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"last_verified_at" timestamp with time zone,
	"aftercare_score" integer NOT NULL,
	"session_price" integer,
	"course_low" integer,
	"facet_values" smallint[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinic_search" ADD CONSTRAINT "clinic_search_id_clinics_id_fk" FOREIGN KEY ("id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "copy_clinic_search"("ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "clinic_search" WHERE "id" = ANY ("ids");
$$;--> statement-breakpoint
CREATE FUNCTION "clinics_copy_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "copy_clinic_search"(ARRAY(SELECT "id" FROM "new_rows"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "clinics_search_insert" AFTER INSERT ON "clinics"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "clinics_copy_search"();--> statement-breakpoint
CREATE TRIGGER "clinics_search_update" AFTER UPDATE ON "clinics"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "clinics_copy_search"();
