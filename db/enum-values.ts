/**
 * Every enumerated value in the data model, in one place, with no schema library: client components
 * (the filter panel, through the filter registry) import these, and zod must not reach the browser.
 * `db/schema.ts` builds the Postgres enums from these arrays and `db/enums.ts` adds the zod schemas,
 * so the two can never drift apart.
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
/** A listing held for an editor because of its wording: waiting, accepted as written, or the words were taken out. */
export const WORDING_REVIEW_STATUSES = ["pending", "approved", "cleared"] as const;
/** Why someone reports a problem with a listing, and how an editor resolves the report. */
export const PROBLEM_REASONS = [
  "wrong_price",
  "closed_or_moved",
  "aftercare_not_as_listed",
  "misleading_claims",
  "other",
] as const;
export const PROBLEM_RESOLUTIONS = ["fixed", "not_a_problem", "listing_changed"] as const;
/** The two price reminders an owner gets: prices 90 days old, and prices over a year old. */
export const PRICE_REMINDER_KINDS = ["90_days", "12_months"] as const;
/** A patient's report on a clinic (lib/patient-reports): "Did you get this?" for each claimed support. */
export const SUPPORT_ANSWERS = ["yes", "no", "not_offered", "dont_know"] as const;
/** "Were you charged what the listing says?" */
export const CHARGED_ANSWERS = ["yes", "more", "less", "dont_know"] as const;
/** A report's optional comment: published only once an editor approves it. */
export const COMMENT_STATUSES = ["pending", "approved", "rejected"] as const;
/** A clinic's dispute of a report: upheld takes the report out of every count and page. */
export const DISPUTE_STATUSES = ["open", "upheld", "dismissed"] as const;

/** USPS codes of the 50 states and DC. */
export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
  "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
  "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const; // prettier-ignore

export type ClinicType = (typeof CLINIC_TYPES)[number];
export type Route = (typeof ROUTES)[number];
export type Condition = (typeof CONDITIONS)[number];
export type IntegrationTherapy = (typeof INTEGRATION_THERAPY)[number];
export type SupportAnswer = (typeof SUPPORT_ANSWERS)[number];
export type ChargedAnswer = (typeof CHARGED_ANSWERS)[number];
export type SupportGroups = (typeof SUPPORT_GROUPS)[number];
export type OnCall = (typeof ON_CALL)[number];
export type OnCallHours = (typeof ON_CALL_HOURS)[number];
export type Insurance = (typeof INSURANCE)[number];
export type UsState = (typeof US_STATES)[number];
