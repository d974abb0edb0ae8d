import type * as E from "@/db/enums";

/**
 * Plain-language words for every value the data model stores, written for an 8th-grade reader.
 * Each map is a `Record` over its enum, so adding an enum value without a label is a type error.
 * Type-only imports: this module is safe to use from client components.
 */

type Values<T extends readonly string[]> = T[number];
type Labels<T extends readonly string[]> = Readonly<Record<Values<T>, string>>;

export const CLINIC_TYPE_LABELS: Labels<typeof E.CLINIC_TYPES> = {
  infusion_clinic: "Infusion clinic",
  psychiatry_practice: "Psychiatry practice",
  kap_practice: "Ketamine-assisted therapy practice",
  telehealth: "Online (telehealth) service",
  hospital_program: "Hospital program",
};

export const ROUTE_LABELS: Labels<typeof E.ROUTES> = {
  iv_infusion: "IV infusion",
  im_injection: "IM injection",
  sublingual_lozenge: "Lozenge under the tongue",
  oral: "Pill or liquid by mouth",
  esketamine_nasal: "Esketamine nasal spray (Spravato)",
  at_home: "At-home program",
};

export const CONDITION_LABELS: Labels<typeof E.CONDITIONS> = {
  depression: "Depression",
  treatment_resistant_depression: "Depression that other treatments have not helped",
  ptsd: "PTSD",
  anxiety: "Anxiety",
  ocd: "OCD",
  bipolar_depression: "Bipolar depression",
  chronic_pain: "Chronic pain",
  substance_use: "Alcohol or drug use",
  postpartum_depression: "Depression after having a baby",
};

export const NEW_PATIENT_STATUS_LABELS: Labels<typeof E.NEW_PATIENT_STATUSES> = {
  accepting: "Taking new patients",
  waitlist: "Waitlist for new patients",
  not_accepting: "Not taking new patients",
};

export const MEDICAL_LEAD_LABELS: Labels<typeof E.MEDICAL_LEADS> = {
  md: "Medical doctor (MD)",
  do: "Osteopathic doctor (DO)",
  np: "Nurse practitioner (NP)",
  pa: "Physician assistant (PA)",
  crna: "Nurse anesthetist (CRNA)",
};

export const INTEGRATION_THERAPY_LABELS: Labels<typeof E.INTEGRATION_THERAPY> = {
  included: "Included in the price",
  add_on: "Add-on (extra cost)",
  referral_only: "Referral only",
  none: "Not offered",
};

export const INTEGRATION_BY_LABELS: Labels<typeof E.INTEGRATION_BY> = {
  licensed_therapist: "A licensed therapist",
  coach: "A coach",
  peer: "A peer who has been through treatment",
  none: "Not stated",
};

export const INTEGRATION_FORMAT_LABELS: Labels<typeof E.INTEGRATION_FORMATS> = {
  in_person: "In person",
  virtual: "Online",
};

export const SUPPORT_GROUPS_LABELS: Labels<typeof E.SUPPORT_GROUPS> = {
  none: "No support groups",
  in_person: "In person only",
  virtual: "Online only",
  both: "In person and online",
};

export const ON_CALL_LABELS: Labels<typeof E.ON_CALL> = {
  none: "No one on call",
  nurse: "A nurse",
  clinician: "A clinician",
  coach: "A coach",
};

export const ON_CALL_HOURS_LABELS: Labels<typeof E.ON_CALL_HOURS> = {
  business: "Business hours only",
  extended: "Extended hours (some evenings or weekends)",
  always: "Any time, day or night",
};

export const DIGITAL_TOOL_LABELS: Labels<typeof E.DIGITAL_TOOLS> = {
  app: "Phone app",
  journal: "Journal",
  workbook: "Workbook",
  outcome_tracking: "Progress tracking",
};

export const LIFESTYLE_LABELS: Labels<typeof E.LIFESTYLE> = {
  nutrition: "Nutrition",
  movement: "Exercise and movement",
  breathwork: "Breathing practice",
  meditation: "Meditation",
  sleep: "Sleep",
};

export const INSURANCE_LABELS: Labels<typeof E.INSURANCE> = {
  none: "Self-pay only",
  spravato_only: "Insurance for Spravato only",
  in_network: "In network with some insurers",
  superbill: "Superbill for you to send your insurer",
};

export const PRICE_SOURCE_LABELS: Labels<typeof E.PRICE_SOURCES> = {
  clinic_reported: "Prices from the clinic",
  verified: "Prices checked by our editors",
  sample: "Sample prices (not a real clinic)",
};

export const LISTING_STATUS_LABELS: Labels<typeof E.LISTING_STATUSES> = {
  draft: "Draft",
  published: "Live",
  suspended: "Hidden",
};

export const DATA_SOURCE_LABELS: Labels<typeof E.DATA_SOURCES> = {
  sample: "Sample data (not a real clinic)",
  clinic: "From the clinic",
  import: "From a public list",
  editorial: "From our editors",
};

const USER_ROLE_LABELS: Labels<typeof E.USER_ROLES> = {
  member: "Member",
  admin: "Editor (admin)",
};

export const MEMBER_ROLE_LABELS: Labels<typeof E.MEMBER_ROLES> = {
  owner: "Owner",
  editor: "Editor",
};

export const CLAIM_STATUS_LABELS: Labels<typeof E.CLAIM_STATUSES> = {
  pending: "Waiting for review",
  approved: "Approved",
  rejected: "Not approved",
};

export const CLAIM_METHOD_LABELS: Labels<typeof E.CLAIM_METHODS> = {
  email_domain: "Clinic email address",
  manual: "Checked by hand",
};

export const IMPORT_STATUS_LABELS: Labels<typeof E.IMPORT_STATUSES> = {
  queued: "Waiting to start",
  running: "Importing",
  done: "Finished",
  failed: "Failed (nothing was imported)",
};

const WORDING_REVIEW_STATUS_LABELS: Labels<typeof E.WORDING_REVIEW_STATUSES> = {
  pending: "Waiting for an editor",
  approved: "Accepted as written",
  cleared: "The words were taken out",
};

/** Why a visitor reports a problem with a listing ("Report a problem with this listing"). */
export const PROBLEM_REASON_LABELS: Labels<typeof E.PROBLEM_REASONS> = {
  wrong_price: "The prices are wrong",
  closed_or_moved: "The clinic has closed or moved",
  aftercare_not_as_listed: "The aftercare is not as listed",
  misleading_claims: "The listing makes misleading claims",
  other: "Something else",
};

/** How an editor resolved such a report (the reporter is told in these words). */
export const PROBLEM_RESOLUTION_LABELS: Labels<typeof E.PROBLEM_RESOLUTIONS> = {
  fixed: "Fixed: we corrected the listing",
  not_a_problem: "Not a problem: the listing is right as it is",
  listing_changed: "The listing has changed since (the clinic updated it)",
};

export const PRICE_REMINDER_KIND_LABELS: Labels<typeof E.PRICE_REMINDER_KINDS> = {
  "90_days": "Prices 90 days old",
  "12_months": "Prices over a year old",
};

/** A patient's answer to "Did you get this?" (patient reports). */
export const SUPPORT_ANSWER_LABELS: Labels<typeof E.SUPPORT_ANSWERS> = {
  yes: "Yes",
  no: "No",
  not_offered: "It was not offered to me",
  dont_know: "I don’t know",
};

/** A patient's answer to "Were you charged what the listing says?". */
export const CHARGED_ANSWER_LABELS: Labels<typeof E.CHARGED_ANSWERS> = {
  yes: "Yes",
  more: "I was charged more",
  less: "I was charged less",
  dont_know: "I don’t know",
};

/** Where a patient's comment stands (shown to its author and the clinic). */
export const COMMENT_STATUS_LABELS: Labels<typeof E.COMMENT_STATUSES> = {
  pending: "Waiting for an editor",
  approved: "Published",
  rejected: "Not published",
};

/** Where a clinic's dispute of a report stands. */
export const DISPUTE_STATUS_LABELS: Labels<typeof E.DISPUTE_STATUSES> = {
  open: "Disputed: waiting for an editor",
  upheld: "Dispute upheld: the report is not shown or counted",
  dismissed: "Dispute dismissed: the report stands",
};

/** Full state names by USPS code (the 50 states and DC). */
export const STATE_NAMES: Labels<typeof E.US_STATES> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
};

/**
 * The 50 states and DC in alphabetical order of their names. Plain code-unit order: the names are
 * ASCII letters and spaces, so it is the same order `localeCompare` gives, without starting the
 * browser's ICU collator while a page hydrates (see `lib/format.ts`).
 */
export const STATES_BY_NAME: readonly Values<typeof E.US_STATES>[] = (
  Object.keys(STATE_NAMES) as Values<typeof E.US_STATES>[]
).sort((a, b) => (STATE_NAMES[a] < STATE_NAMES[b] ? -1 : 1));

/**
 * Every label map, keyed by the name of its value list in `db/enums.ts`. The labels test walks the
 * exports of `db/enums.ts` through this map, so a new enum without labels fails the test.
 */
export const ENUM_LABELS = {
  CLINIC_TYPES: CLINIC_TYPE_LABELS,
  ROUTES: ROUTE_LABELS,
  CONDITIONS: CONDITION_LABELS,
  NEW_PATIENT_STATUSES: NEW_PATIENT_STATUS_LABELS,
  MEDICAL_LEADS: MEDICAL_LEAD_LABELS,
  INTEGRATION_THERAPY: INTEGRATION_THERAPY_LABELS,
  INTEGRATION_BY: INTEGRATION_BY_LABELS,
  INTEGRATION_FORMATS: INTEGRATION_FORMAT_LABELS,
  SUPPORT_GROUPS: SUPPORT_GROUPS_LABELS,
  ON_CALL: ON_CALL_LABELS,
  ON_CALL_HOURS: ON_CALL_HOURS_LABELS,
  DIGITAL_TOOLS: DIGITAL_TOOL_LABELS,
  LIFESTYLE: LIFESTYLE_LABELS,
  INSURANCE: INSURANCE_LABELS,
  PRICE_SOURCES: PRICE_SOURCE_LABELS,
  LISTING_STATUSES: LISTING_STATUS_LABELS,
  DATA_SOURCES: DATA_SOURCE_LABELS,
  USER_ROLES: USER_ROLE_LABELS,
  MEMBER_ROLES: MEMBER_ROLE_LABELS,
  CLAIM_STATUSES: CLAIM_STATUS_LABELS,
  CLAIM_METHODS: CLAIM_METHOD_LABELS,
  IMPORT_STATUSES: IMPORT_STATUS_LABELS,
  WORDING_REVIEW_STATUSES: WORDING_REVIEW_STATUS_LABELS,
  PROBLEM_REASONS: PROBLEM_REASON_LABELS,
  PROBLEM_RESOLUTIONS: PROBLEM_RESOLUTION_LABELS,
  PRICE_REMINDER_KINDS: PRICE_REMINDER_KIND_LABELS,
  SUPPORT_ANSWERS: SUPPORT_ANSWER_LABELS,
  CHARGED_ANSWERS: CHARGED_ANSWER_LABELS,
  COMMENT_STATUSES: COMMENT_STATUS_LABELS,
  DISPUTE_STATUSES: DISPUTE_STATUS_LABELS,
  US_STATES: STATE_NAMES,
} as const satisfies Record<string, Readonly<Record<string, string>>>;

export type GlossaryEntry = { readonly term: string; readonly definition: string };

/**
 * Short explanations (one or two sentences, our own words) of terms a patient may not know, for use
 * where the term appears and on /guide.
 */
export const GLOSSARY = {
  ketamine: {
    term: "Ketamine",
    definition:
      "A medicine first used for anesthesia. At lower doses, doctors use it to treat depression and some other conditions, often when other treatments have not helped.",
  },
  kap: {
    term: "KAP (ketamine-assisted psychotherapy)",
    definition:
      "Talk therapy combined with ketamine treatment. A therapist helps you prepare, supports you during the session, and helps you make sense of it afterward.",
  },
  esketamine: {
    term: "Esketamine (Spravato)",
    definition:
      "A nasal spray form of ketamine approved by the FDA for depression that other treatments have not helped. You take it at a certified clinic and stay there for at least two hours afterward.",
  },
  rems: {
    term: "REMS certification",
    definition:
      "An FDA safety program. A clinic must be certified in it before it can give Spravato, which means following set rules for monitoring you during and after each dose.",
  },
  integration: {
    term: "Integration therapy",
    definition:
      "Sessions with a therapist or guide after a ketamine treatment. You talk through what came up and turn it into changes in your daily life.",
  },
  aftercare: {
    term: "Aftercare",
    definition:
      "The support a clinic gives you between and after treatments: check-ins, therapy, groups and help when you need it.",
  },
  inductionSeries: {
    term: "Induction series",
    definition:
      "The first round of treatment, often 6 sessions over 2 to 3 weeks. Many clinics sell it as a package.",
  },
  booster: {
    term: "Booster",
    definition:
      "A single treatment given weeks or months after the first series to help the benefits last. How often you need one varies from person to person.",
  },
  measurementBasedCare: {
    term: "Measurement-based care",
    definition:
      "The clinic asks you to fill out short, standard questionnaires, such as the PHQ-9 for depression, to check whether treatment is working and adjust it if not.",
  },
  phq9: {
    term: "PHQ-9",
    definition:
      "A 9-question form about how you have felt over the past two weeks. Clinics use your score to track depression over time.",
  },
  superbill: {
    term: "Superbill",
    definition:
      "A detailed receipt from the clinic. You pay the clinic first, then send the superbill to your insurer to ask for some money back.",
  },
  hsaFsa: {
    term: "HSA / FSA",
    definition:
      "Health savings and flexible spending accounts let you pay for medical care with money set aside before taxes. Ketamine treatment can often be paid this way.",
  },
  slidingScale: {
    term: "Sliding scale",
    definition: "Lower prices for people with lower incomes. Ask the clinic what proof of income it needs.",
  },
  financing: {
    term: "Financing",
    definition:
      "A payment plan that spreads the cost over months. Check the interest rate and fees before you sign.",
  },
  iv: {
    term: "IV (intravenous) infusion",
    definition:
      "The medicine drips slowly into a vein through a thin tube in your arm, usually over about 40 minutes, while staff watch you.",
  },
  im: {
    term: "IM (intramuscular) injection",
    definition: "A shot of medicine into a muscle, usually in the upper arm. It is quicker than an IV.",
  },
  sublingual: {
    term: "Sublingual lozenge (troche)",
    definition:
      "A small tablet you hold under your tongue or in your cheek until it dissolves. Often used in therapy sessions or at-home programs.",
  },
  atHome: {
    term: "At-home program",
    definition:
      "A clinician prescribes ketamine lozenges or tablets that you take at home, with online check-ins. You need another adult with you during each dose.",
  },
  telehealth: {
    term: "Telehealth",
    definition: "Care by video call or phone instead of in person.",
  },
  recoveryRoom: {
    term: "Recovery room",
    definition:
      "A quiet, supervised room where you rest after a treatment until the effects wear off and it is safe to go home.",
  },
  onCall: {
    term: "On-call help",
    definition:
      "A nurse, clinician or coach you can reach by phone between visits if you feel unwell or have questions.",
  },
  medicalLead: {
    term: "Medical lead",
    definition:
      "The licensed medical professional in charge of your treatment. Depending on the state, this can be a doctor, nurse practitioner, physician assistant or nurse anesthetist.",
  },
  md: {
    term: "MD (medical doctor)",
    definition: "A physician who went to medical school. Psychiatrists and anesthesiologists are MDs or DOs.",
  },
  do: {
    term: "DO (doctor of osteopathic medicine)",
    definition: "A fully licensed physician, trained much like an MD, with extra focus on the whole body.",
  },
  np: {
    term: "NP (nurse practitioner)",
    definition:
      "A nurse with advanced training who can diagnose and prescribe. Some focus on mental health (PMHNP).",
  },
  pa: {
    term: "PA (physician assistant)",
    definition: "A licensed clinician who diagnoses and treats patients, working with a physician.",
  },
  crna: {
    term: "CRNA (certified registered nurse anesthetist)",
    definition:
      "A nurse with advanced training in giving anesthesia. Some infusion clinics are led by CRNAs, who are trained to watch over people during IV treatment.",
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryKey = keyof typeof GLOSSARY;
