CREATE TYPE "public"."claim_method" AS ENUM('email_domain', 'manual');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."clinic_type" AS ENUM('infusion_clinic', 'psychiatry_practice', 'kap_practice', 'telehealth', 'hospital_program');--> statement-breakpoint
CREATE TYPE "public"."condition" AS ENUM('depression', 'treatment_resistant_depression', 'ptsd', 'anxiety', 'ocd', 'bipolar_depression', 'chronic_pain', 'substance_use', 'postpartum_depression');--> statement-breakpoint
CREATE TYPE "public"."data_source" AS ENUM('sample', 'clinic', 'import', 'editorial');--> statement-breakpoint
CREATE TYPE "public"."digital_tool" AS ENUM('app', 'journal', 'workbook', 'outcome_tracking');--> statement-breakpoint
CREATE TYPE "public"."insurance" AS ENUM('none', 'spravato_only', 'in_network', 'superbill');--> statement-breakpoint
CREATE TYPE "public"."integration_by" AS ENUM('licensed_therapist', 'coach', 'peer', 'none');--> statement-breakpoint
CREATE TYPE "public"."integration_format" AS ENUM('in_person', 'virtual');--> statement-breakpoint
CREATE TYPE "public"."integration_therapy" AS ENUM('included', 'add_on', 'referral_only', 'none');--> statement-breakpoint
CREATE TYPE "public"."lifestyle" AS ENUM('nutrition', 'movement', 'breathwork', 'meditation', 'sleep');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'published', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."medical_lead" AS ENUM('md', 'do', 'np', 'pa', 'crna');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'editor');--> statement-breakpoint
CREATE TYPE "public"."new_patient_status" AS ENUM('accepting', 'waitlist', 'not_accepting');--> statement-breakpoint
CREATE TYPE "public"."on_call" AS ENUM('none', 'nurse', 'clinician', 'coach');--> statement-breakpoint
CREATE TYPE "public"."on_call_hours" AS ENUM('business', 'extended', 'always');--> statement-breakpoint
CREATE TYPE "public"."price_source" AS ENUM('clinic_reported', 'verified', 'sample');--> statement-breakpoint
CREATE TYPE "public"."route" AS ENUM('iv_infusion', 'im_injection', 'sublingual_lozenge', 'oral', 'esketamine_nasal', 'at_home');--> statement-breakpoint
CREATE TYPE "public"."support_groups" AS ENUM('none', 'in_person', 'virtual', 'both');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('member', 'admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" "claim_status" DEFAULT 'pending' NOT NULL,
	"method" "claim_method" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinic_members" (
	"user_id" text NOT NULL,
	"clinic_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_members_user_id_clinic_id_pk" PRIMARY KEY("user_id","clinic_id")
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"clinic_type" "clinic_type" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"phone" text,
	"contact_email" text,
	"street" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"postal_code" text,
	"lat" double precision,
	"lng" double precision,
	"states_served" text[] DEFAULT '{}'::text[] NOT NULL,
	"routes" "route"[] DEFAULT '{}' NOT NULL,
	"conditions" "condition"[] DEFAULT '{}' NOT NULL,
	"new_patient_status" "new_patient_status" DEFAULT 'accepting' NOT NULL,
	"wait_days" integer,
	"medical_lead" "medical_lead",
	"rems_certified" boolean DEFAULT false NOT NULL,
	"languages" text[] DEFAULT '{English}'::text[] NOT NULL,
	"evening_hours" boolean DEFAULT false NOT NULL,
	"weekend_hours" boolean DEFAULT false NOT NULL,
	"integration_therapy" "integration_therapy" DEFAULT 'none' NOT NULL,
	"integration_by" "integration_by" DEFAULT 'none' NOT NULL,
	"integration_formats" "integration_format"[] DEFAULT '{}' NOT NULL,
	"support_groups" "support_groups" DEFAULT 'none' NOT NULL,
	"follow_up_24h" boolean DEFAULT false NOT NULL,
	"on_call" "on_call" DEFAULT 'none' NOT NULL,
	"on_call_hours" "on_call_hours",
	"prep_sessions" integer DEFAULT 0 NOT NULL,
	"measurement_based_care" boolean DEFAULT false NOT NULL,
	"digital_tools" "digital_tool"[] DEFAULT '{}' NOT NULL,
	"lifestyle" "lifestyle"[] DEFAULT '{}' NOT NULL,
	"recovery_room" boolean DEFAULT false NOT NULL,
	"aftercare_weeks" integer DEFAULT 0 NOT NULL,
	"aftercare_notes" text DEFAULT '' NOT NULL,
	"consult_fee" integer,
	"session_min" integer,
	"session_max" integer,
	"series_sessions" integer,
	"series_min" integer,
	"series_max" integer,
	"booster_min" integer,
	"booster_max" integer,
	"integration_session_fee" integer,
	"group_session_fee" integer,
	"insurance" "insurance" DEFAULT 'none' NOT NULL,
	"hsa_fsa" boolean DEFAULT false NOT NULL,
	"financing" boolean DEFAULT false NOT NULL,
	"sliding_scale" boolean DEFAULT false NOT NULL,
	"refund_policy" text DEFAULT '' NOT NULL,
	"price_source" "price_source" DEFAULT 'clinic_reported' NOT NULL,
	"price_updated_at" date,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"data_source" "data_source" NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" text,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" "user_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_members" ADD CONSTRAINT "clinic_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_members" ADD CONSTRAINT "clinic_members_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "claims_clinic_idx" ON "claims" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "clinic_members_clinic_idx" ON "clinic_members" USING btree ("clinic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinics_slug_key" ON "clinics" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "clinics_state_city_idx" ON "clinics" USING btree ("state","city");--> statement-breakpoint
CREATE INDEX "clinics_status_idx" ON "clinics" USING btree ("status");--> statement-breakpoint
CREATE INDEX "listing_revisions_clinic_idx" ON "listing_revisions" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" USING btree ("next_attempt_at") WHERE "search_outbox"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");