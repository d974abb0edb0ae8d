CREATE TYPE "public"."price_reminder_kind" AS ENUM('90_days', '12_months');--> statement-breakpoint
CREATE TABLE "price_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" "price_reminder_kind" NOT NULL,
	"price_date" date,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "price_reminders" ADD CONSTRAINT "price_reminders_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_reminders" ADD CONSTRAINT "price_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_reminders_token_key" ON "price_reminders" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "price_reminders_clinic_idx" ON "price_reminders" USING btree ("clinic_id","sent_at");