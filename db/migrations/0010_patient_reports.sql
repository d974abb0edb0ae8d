CREATE TYPE "public"."charged_answer" AS ENUM('yes', 'more', 'less', 'dont_know');--> statement-breakpoint
CREATE TYPE "public"."comment_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('open', 'upheld', 'dismissed');--> statement-breakpoint
CREATE TABLE "patient_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"treatment_start" date NOT NULL,
	"route" "route" NOT NULL,
	"answers" jsonb NOT NULL,
	"charged" charged_answer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"comment_status" "comment_status",
	"comment_decided_by" text,
	"comment_decided_at" timestamp with time zone,
	"reply" text,
	"reply_by" text,
	"reply_at" timestamp with time zone,
	"dispute_status" "dispute_status",
	"dispute_reason" text,
	"disputed_by" text,
	"disputed_at" timestamp with time zone,
	"dispute_decided_by" text,
	"dispute_decided_at" timestamp with time zone,
	"sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "patient_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_comment_decided_by_users_id_fk" FOREIGN KEY ("comment_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_reply_by_users_id_fk" FOREIGN KEY ("reply_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_disputed_by_users_id_fk" FOREIGN KEY ("disputed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_reports" ADD CONSTRAINT "patient_reports_dispute_decided_by_users_id_fk" FOREIGN KEY ("dispute_decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patient_reports_user_clinic_key" ON "patient_reports" USING btree ("user_id","clinic_id");--> statement-breakpoint
CREATE INDEX "patient_reports_clinic_idx" ON "patient_reports" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "patient_reports_comment_pending_idx" ON "patient_reports" USING btree ("updated_at") WHERE "patient_reports"."comment_status" = 'pending';--> statement-breakpoint
CREATE INDEX "patient_reports_dispute_open_idx" ON "patient_reports" USING btree ("disputed_at") WHERE "patient_reports"."dispute_status" = 'open';