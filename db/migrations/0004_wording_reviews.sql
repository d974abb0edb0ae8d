CREATE TYPE "public"."wording_review_status" AS ENUM('pending', 'approved', 'cleared');--> statement-breakpoint
CREATE TABLE "wording_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"status" "wording_review_status" DEFAULT 'pending' NOT NULL,
	"matches" jsonb NOT NULL,
	"saved_by" text,
	"version" integer NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "flagged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wording_reviews" ADD CONSTRAINT "wording_reviews_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wording_reviews" ADD CONSTRAINT "wording_reviews_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wording_reviews" ADD CONSTRAINT "wording_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wording_reviews_one_pending_key" ON "wording_reviews" USING btree ("clinic_id") WHERE "wording_reviews"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "wording_reviews_status_idx" ON "wording_reviews" USING btree ("status","updated_at");