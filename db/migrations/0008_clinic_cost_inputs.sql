-- The narrow copy of each listing that the cost figures read (db/schema.ts `clinicCostInputs`), kept
-- by triggers on "clinics" in the writing statement itself: whatever writes listings (the listing
-- service, the seed, the import, a script) leaves it equal to "clinics". A deleted listing's row
-- goes by the foreign key. The column list is in `copy_clinic_cost_inputs` only, in the table's
-- column order.
CREATE TABLE "clinic_cost_inputs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"clinic_type" "clinic_type" NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"states_served" text[] NOT NULL,
	"routes" "route"[] NOT NULL,
	"status" "listing_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"session_min" integer,
	"session_max" integer,
	"insurance" "insurance" NOT NULL,
	"hsa_fsa" boolean NOT NULL,
	"integration_therapy" "integration_therapy" NOT NULL,
	"support_groups" "support_groups" NOT NULL,
	"follow_up_24h" boolean NOT NULL,
	"on_call" "on_call" NOT NULL,
	"on_call_hours" "on_call_hours",
	"measurement_based_care" boolean NOT NULL,
	"digital_tools" "digital_tool"[] NOT NULL,
	"lifestyle" "lifestyle"[] NOT NULL,
	"recovery_room" boolean NOT NULL,
	"aftercare_weeks" integer NOT NULL,
	"aftercare_score" integer NOT NULL,
	"course_low" integer,
	"course_high" integer,
	"offers_integration" boolean NOT NULL,
	"integration_licensed" boolean NOT NULL,
	"has_prep" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinic_cost_inputs" ADD CONSTRAINT "clinic_cost_inputs_id_clinics_id_fk" FOREIGN KEY ("id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_cost_inputs_state_city_idx" ON "clinic_cost_inputs" USING btree ("state","city");--> statement-breakpoint
CREATE INDEX "clinics_updated_at_idx" ON "clinics" USING btree ("updated_at");--> statement-breakpoint
CREATE FUNCTION "copy_clinic_cost_inputs"("ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "clinic_cost_inputs" WHERE "id" = ANY ("ids");
  INSERT INTO "clinic_cost_inputs"
  SELECT "id", "slug", "name", "clinic_type", "city", "state", "states_served", "routes", "status",
         "created_at", "session_min", "session_max", "insurance", "hsa_fsa", "integration_therapy",
         "support_groups", "follow_up_24h", "on_call", "on_call_hours", "measurement_based_care",
         "digital_tools", "lifestyle", "recovery_room", "aftercare_weeks", "aftercare_score",
         "course_low", "course_high", "offers_integration", "integration_licensed", "has_prep"
  FROM "clinics" WHERE "id" = ANY ("ids");
$$;--> statement-breakpoint
CREATE FUNCTION "clinics_copy_cost_inputs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "copy_clinic_cost_inputs"(ARRAY(SELECT "id" FROM "new_rows"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "clinics_cost_inputs_insert" AFTER INSERT ON "clinics"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "clinics_copy_cost_inputs"();--> statement-breakpoint
CREATE TRIGGER "clinics_cost_inputs_update" AFTER UPDATE ON "clinics"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "clinics_copy_cost_inputs"();--> statement-breakpoint
SELECT "copy_clinic_cost_inputs"(ARRAY(SELECT "id" FROM "clinics"));

