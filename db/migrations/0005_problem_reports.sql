CREATE TYPE "public"."problem_reason" AS ENUM('wrong_price', 'closed_or_moved', 'aftercare_not_as_listed', 'misleading_claims', 'other');--> statement-breakpoint
CREATE TYPE "public"."problem_status" AS ENUM('open', 'fixed', 'not_a_problem', 'listing_changed');--> statement-breakpoint
CREATE TABLE "problem_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"reason" "problem_reason" NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"email" text,
	"status" "problem_status" DEFAULT 'open' NOT NULL,
	"resolution_note" text DEFAULT '' NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_reports_status_idx" ON "problem_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "problem_reports_clinic_idx" ON "problem_reports" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "problem_reports_email_idx" ON "problem_reports" USING btree ("email");