-- Derived facts of each listing, stored (db/schema.ts `derivedColumns`, computed by `deriveListing`
-- in lib/aftercare/derived.ts). The placeholder defaults only let the columns be added to a table
-- that has rows, and are dropped again: `derived_version` 0 marks every existing row as not yet
-- computed, and `runMigrations` (lib/listings/derived.ts) recomputes such rows with the TypeScript
-- definition right after the SQL migrations (`backfillDerived`), so no rule is restated in SQL.
ALTER TABLE "clinics" ADD COLUMN "derived_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "aftercare_score" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "aftercare_supports" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "aftercare_parts" jsonb DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "course_low" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "course_high" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "session_price" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "session_price_package" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "telehealth" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "telehealth_states" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "offers_integration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "integration_licensed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "has_prep" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "on_call_hours_offered" "on_call_hours";--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "group_formats" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ALTER COLUMN "derived_version" DROP DEFAULT, ALTER COLUMN "aftercare_score" DROP DEFAULT,
  ALTER COLUMN "aftercare_supports" DROP DEFAULT, ALTER COLUMN "aftercare_parts" DROP DEFAULT,
  ALTER COLUMN "telehealth" DROP DEFAULT, ALTER COLUMN "telehealth_states" DROP DEFAULT,
  ALTER COLUMN "offers_integration" DROP DEFAULT, ALTER COLUMN "integration_licensed" DROP DEFAULT,
  ALTER COLUMN "has_prep" DROP DEFAULT, ALTER COLUMN "group_formats" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "clinics_session_price_idx" ON "clinics" USING btree ("session_price");--> statement-breakpoint
CREATE INDEX "clinics_course_low_idx" ON "clinics" USING btree ("course_low");--> statement-breakpoint
CREATE INDEX "clinics_aftercare_score_idx" ON "clinics" USING btree ("aftercare_score");--> statement-breakpoint
-- The written aftercare plan (a listing field clinics edit; issue 15.3).
ALTER TABLE "clinics" ADD COLUMN "written_plan" boolean DEFAULT false NOT NULL;