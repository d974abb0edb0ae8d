import { z } from "zod";

/**
 * Every enumerated value in the data model, in one place. `db/schema.ts` builds the Postgres enums
 * from these arrays and the rest of the code validates with the zod schemas below, so the two can
 * never drift apart.
 */
export const CLINIC_TYPES = [
  "infusion_clinic",
  "psychiatry_practice",
  "kap_practice",
  "telehealth",
  "hospital_program",
] as const;
export const ROUTES = [
  "iv_infusion",
  "im_injection",
  "sublingual_lozenge",
  "oral",
  "esketamine_nasal",
  "at_home",
] as const;
export const CONDITIONS = [
  "depression",
  "treatment_resistant_depression",
  "ptsd",
  "anxiety",
  "ocd",
  "bipolar_depression",
  "chronic_pain",
  "substance_use",
  "postpartum_depression",
] as const;
export const NEW_PATIENT_STATUSES = ["accepting", "waitlist", "not_accepting"] as const;
export const MEDICAL_LEADS = ["md", "do", "np", "pa", "crna"] as const;
export const INTEGRATION_THERAPY = ["included", "add_on", "referral_only", "none"] as const;
export const INTEGRATION_BY = ["licensed_therapist", "coach", "peer", "none"] as const;
export const INTEGRATION_FORMATS = ["in_person", "virtual"] as const;
export const SUPPORT_GROUPS = ["none", "in_person", "virtual", "both"] as const;
export const ON_CALL = ["none", "nurse", "clinician", "coach"] as const;
export const ON_CALL_HOURS = ["business", "extended", "always"] as const;
export const DIGITAL_TOOLS = ["app", "journal", "workbook", "outcome_tracking"] as const;
export const LIFESTYLE = ["nutrition", "movement", "breathwork", "meditation", "sleep"] as const;
export const INSURANCE = ["none", "spravato_only", "in_network", "superbill"] as const;
export const PRICE_SOURCES = ["clinic_reported", "verified", "sample"] as const;
export const LISTING_STATUSES = ["draft", "published", "suspended"] as const;
export const DATA_SOURCES = ["sample", "clinic", "import", "editorial"] as const;
export const USER_ROLES = ["member", "admin"] as const;
export const MEMBER_ROLES = ["owner", "editor"] as const;
export const CLAIM_STATUSES = ["pending", "approved", "rejected"] as const;
export const CLAIM_METHODS = ["email_domain", "manual"] as const;
export const IMPORT_STATUSES = ["queued", "running", "done", "failed"] as const;

/** USPS codes of the 50 states and DC. */
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
  "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
  "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const; // prettier-ignore

export const clinicTypeSchema = z.enum(CLINIC_TYPES);
export const routeSchema = z.enum(ROUTES);
export const conditionSchema = z.enum(CONDITIONS);
export const newPatientStatusSchema = z.enum(NEW_PATIENT_STATUSES);
export const medicalLeadSchema = z.enum(MEDICAL_LEADS);
export const integrationTherapySchema = z.enum(INTEGRATION_THERAPY);
export const integrationBySchema = z.enum(INTEGRATION_BY);
export const integrationFormatSchema = z.enum(INTEGRATION_FORMATS);
export const supportGroupsSchema = z.enum(SUPPORT_GROUPS);
export const onCallSchema = z.enum(ON_CALL);
export const onCallHoursSchema = z.enum(ON_CALL_HOURS);
export const digitalToolSchema = z.enum(DIGITAL_TOOLS);
export const lifestyleSchema = z.enum(LIFESTYLE);
export const insuranceSchema = z.enum(INSURANCE);
export const priceSourceSchema = z.enum(PRICE_SOURCES);
export const listingStatusSchema = z.enum(LISTING_STATUSES);
export const dataSourceSchema = z.enum(DATA_SOURCES);
export const userRoleSchema = z.enum(USER_ROLES);
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export const claimMethodSchema = z.enum(CLAIM_METHODS);
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export const usStateSchema = z.enum(US_STATES);

export type ClinicType = z.infer<typeof clinicTypeSchema>;
export type Route = z.infer<typeof routeSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type IntegrationTherapy = z.infer<typeof integrationTherapySchema>;
export type SupportGroups = z.infer<typeof supportGroupsSchema>;
export type OnCall = z.infer<typeof onCallSchema>;
export type OnCallHours = z.infer<typeof onCallHoursSchema>;
export type Insurance = z.infer<typeof insuranceSchema>;
export type UsState = z.infer<typeof usStateSchema>;
