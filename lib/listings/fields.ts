import { dateShort, NO_VALUE, usd } from "@/lib/format";
import * as L from "@/lib/labels";
import { GLOSSARY, type GlossaryKey } from "@/lib/labels";

/**
 * THE LISTING FIELDS: one declaration per field a clinic edits. Words for the editor (label, section,
 * help, the words of its options), how a form enters it, and the history's before → after text.
 * Pure; safe in the browser. Nothing here imports the schema: `schema.ts` reads these declarations.
 *
 * A simple fact (yes/no, one choice, several choices, or text) is declared whole here:
 * - `input` gives its schema entry (server validation, CSV import), its form kind and its blank
 *   value (`schema.ts`, `declaredSchema`), so it needs no hand-written entry there;
 * - `shown` places it where people read a listing: a fact on the profile, a row of the compare
 *   table and a key of the public API (`lib/listings/shown.ts`), in the part that matches its
 *   `section` (aftercare → "After a session" / Aftercare / `aftercare`; prices → "Insurance and
 *   payment" / Cost / `payment`; care → "Treatment" / Care / top level; logistics → "Where and
 *   when" / Place and hours / top level). A field without `shown` is not public.
 * Fields with rules of their own (prices, numbers, addresses, lists typed as text) keep their
 * hand-written schema entries in `schema.ts` and their own places on the profile.
 */

export type SectionKey = "aftercare" | "prices" | "care" | "logistics" | "contact";

export const SECTIONS: readonly { key: SectionKey; title: string; intro: string }[] = [
  {
    key: "aftercare",
    title: "Aftercare",
    intro: "What you offer between and after treatments. This is what people on this site look for first.",
  },
  {
    key: "prices",
    title: "Prices",
    intro:
      "Cash prices in US dollars. Leave a price empty if you do not want to list it. When you change a price, it is shown as “from the clinic” with today's date.",
  },
  { key: "care", title: "Care", intro: "How you treat and who leads treatment." },
  { key: "logistics", title: "Place and hours", intro: "Where you are, who you can see, and when." },
  { key: "contact", title: "Name and contact", intro: "How people reach you." },
];

type Options = Readonly<Record<string, string>>;
type Values = readonly [string, ...string[]];

/**
 * How a simple fact is entered and checked; its schema entry, form kind and blank value derive from
 * this. bool: a tick box (blank: false); choice: one of `values` (blank: the first); many: any of
 * `values` (blank: none); text: free text up to `max` characters (blank: ""), `what` names it in
 * messages ("Keep {what} under …").
 */
export type FieldInput =
  | { kind: "bool" }
  | { kind: "choice"; values: Values }
  | { kind: "many"; values: Values }
  | { kind: "text"; max: number; what: string };

/**
 * Where people read a simple fact (see the note at the top): `title` labels it on the profile and
 * in the compare table, `term` adds a glossary explanation, `better` says which way the compare row
 * ranks (default: yes is better for a yes/no fact, and no ranking otherwise; "higher" ranks a
 * many-choice fact by how many it offers).
 */
type FieldShown = { title: string; term?: GlossaryKey; better?: "higher" | null };

export type FieldInfo = {
  label: string;
  section: SectionKey;
  help?: string;
  /** The words of each stored value (select and checkbox fields). */
  options?: Options;
  input?: FieldInput;
  shown?: FieldShown;
};

const g = (k: keyof typeof GLOSSARY) => GLOSSARY[k].definition;

const FIELDS = {
  integrationTherapy: {
    label: "Integration therapy",
    section: "aftercare",
    help: g("integration"),
    options: L.INTEGRATION_THERAPY_LABELS,
  },
  integrationBy: { label: "Who leads integration", section: "aftercare", options: L.INTEGRATION_BY_LABELS },
  integrationFormats: {
    label: "Integration formats",
    section: "aftercare",
    options: L.INTEGRATION_FORMAT_LABELS,
  },
  supportGroups: { label: "Support groups", section: "aftercare", options: L.SUPPORT_GROUPS_LABELS },
  followUp24h: { label: "We check in within 24 hours after each treatment", section: "aftercare" },
  onCall: {
    label: "Who patients can call between visits",
    section: "aftercare",
    help: g("onCall"),
    options: L.ON_CALL_LABELS,
  },
  onCallHours: { label: "When they can call", section: "aftercare", options: L.ON_CALL_HOURS_LABELS },
  prepSessions: { label: "Preparation sessions before the first treatment", section: "aftercare" },
  measurementBasedCare: {
    label: "We track progress with standard questionnaires (e.g. PHQ-9)",
    section: "aftercare",
    help: g("measurementBasedCare"),
  },
  digitalTools: { label: "Tools between sessions", section: "aftercare", options: L.DIGITAL_TOOL_LABELS },
  lifestyle: { label: "Lifestyle programs", section: "aftercare", options: L.LIFESTYLE_LABELS },
  recoveryRoom: { label: "We have a recovery room", section: "aftercare", help: g("recoveryRoom") },
  aftercareWeeks: { label: "Weeks of aftercare after the first series", section: "aftercare" },
  writtenPlan: {
    label: "We give each patient a written aftercare plan",
    section: "aftercare",
    help: "A plan on paper or in the app for the weeks after treatment: check-ins, boosters, who to call.",
    input: { kind: "bool" },
    shown: { title: "Written aftercare plan" },
  },
  aftercareNotes: { label: "Anything else about your aftercare", section: "aftercare" },
  consultFee: { label: "Consultation fee ($)", section: "prices" },
  sessionMin: { label: "Price per session, lowest ($)", section: "prices" },
  sessionMax: { label: "Price per session, highest ($)", section: "prices" },
  seriesSessions: { label: "Sessions in your series", section: "prices", help: g("inductionSeries") },
  seriesMin: { label: "Series price, lowest ($)", section: "prices" },
  seriesMax: { label: "Series price, highest ($)", section: "prices" },
  boosterMin: { label: "Booster price, lowest ($)", section: "prices", help: g("booster") },
  boosterMax: { label: "Booster price, highest ($)", section: "prices" },
  integrationSessionFee: { label: "Integration session fee ($)", section: "prices" },
  groupSessionFee: { label: "Support group fee per session ($)", section: "prices" },
  insurance: { label: "Insurance", section: "prices", options: L.INSURANCE_LABELS },
  hsaFsa: { label: "Patients can pay with HSA or FSA", section: "prices", help: g("hsaFsa") },
  financing: { label: "We offer financing", section: "prices", help: g("financing") },
  slidingScale: { label: "We offer a sliding scale", section: "prices", help: g("slidingScale") },
  refundPolicy: { label: "Refund and cancellation policy", section: "prices" },
  clinicType: { label: "Type of clinic", section: "care", options: L.CLINIC_TYPE_LABELS },
  routes: { label: "Ways you give treatment", section: "care", options: L.ROUTE_LABELS },
  conditions: { label: "Conditions you treat", section: "care", options: L.CONDITION_LABELS },
  medicalLead: {
    label: "Medical lead",
    section: "care",
    help: g("medicalLead"),
    options: L.MEDICAL_LEAD_LABELS,
  },
  remsCertified: { label: "REMS certified for Spravato", section: "care", help: g("rems") },
  street: { label: "Street address", section: "logistics" },
  city: { label: "City", section: "logistics" },
  state: { label: "State", section: "logistics", options: L.STATE_NAMES },
  postalCode: { label: "ZIP code", section: "logistics", help: "We use it to place you on the map." },
  statesServed: {
    label: "States you serve online",
    section: "logistics",
    help: "Two-letter codes separated by commas, like CA, NV, OR. Leave empty if you only see people in person.",
  },
  newPatientStatus: { label: "New patients", section: "logistics", options: L.NEW_PATIENT_STATUS_LABELS },
  waitDays: { label: "Typical wait for a first visit (days)", section: "logistics" },
  languages: {
    label: "Languages",
    section: "logistics",
    help: "Separate them with commas, like English, Spanish.",
  },
  eveningHours: { label: "Evening appointments", section: "logistics" },
  weekendHours: { label: "Weekend appointments", section: "logistics" },
  name: { label: "Clinic name", section: "contact" },
  description: {
    label: "About the clinic",
    section: "contact",
    help: "Plain text. Links and formatting are shown as typed.",
  },
  website: { label: "Website", section: "contact", help: "Starts with https://" },
  phone: { label: "Phone", section: "contact" },
  contactEmail: { label: "Email for patients", section: "contact" },
} satisfies Record<string, FieldInfo>;

type Fields = typeof FIELDS;
export type ListingField = keyof Fields;
export const FIELD_INFO: Readonly<Record<ListingField, FieldInfo>> = FIELDS;
/** Every editable field, in the editor's order (also the CSV columns' order). */
export const LISTING_FIELDS = Object.keys(FIELDS) as ListingField[];

/** The fields shown (`shown`) in these sections: the public API's keys for them, as a type. */
export type ShownIn<S extends SectionKey> = {
  [K in ListingField]: Fields[K] extends { section: S; shown: FieldShown } ? K : never;
}[ListingField];

/** The fields declared whole by their `input`, and each one's input (typed, for the schema). */
export type DeclaredInputs = {
  [K in ListingField as Fields[K] extends { input: FieldInput } ? K : never]: Fields[K] extends {
    input: infer I;
  }
    ? I
    : never;
};
export type DeclaredField = keyof DeclaredInputs;
export const DECLARED_FIELDS = LISTING_FIELDS.filter((f) => FIELD_INFO[f].input) as DeclaredField[];

/** The input of a declared field. */
export const declaredInput = (f: DeclaredField): FieldInput => FIELD_INFO[f].input as FieldInput;

// ---------------------------------------------------------------- how a form enters each field

/** How each field is entered in a form (and so how FormData is read). */
export type FieldKind =
  "text" | "textarea" | "url" | "email" | "tel" | "money" | "int" | "bool" | "select" | "checkboxes" | "list";

const INPUT_KIND = { bool: "bool", choice: "select", many: "checkboxes", text: "textarea" } as const;

/** The form kind of every field that is not declared by its `input`. */
const HAND_KIND: Readonly<Record<Exclude<ListingField, DeclaredField>, FieldKind>> = {
  integrationTherapy: "select",
  integrationBy: "select",
  integrationFormats: "checkboxes",
  supportGroups: "select",
  followUp24h: "bool",
  onCall: "select",
  onCallHours: "select",
  prepSessions: "int",
  measurementBasedCare: "bool",
  digitalTools: "checkboxes",
  lifestyle: "checkboxes",
  recoveryRoom: "bool",
  aftercareWeeks: "int",
  aftercareNotes: "textarea",
  consultFee: "money",
  sessionMin: "money",
  sessionMax: "money",
  seriesSessions: "int",
  seriesMin: "money",
  seriesMax: "money",
  boosterMin: "money",
  boosterMax: "money",
  integrationSessionFee: "money",
  groupSessionFee: "money",
  insurance: "select",
  hsaFsa: "bool",
  financing: "bool",
  slidingScale: "bool",
  refundPolicy: "textarea",
  clinicType: "select",
  routes: "checkboxes",
  conditions: "checkboxes",
  medicalLead: "select",
  remsCertified: "bool",
  street: "text",
  city: "text",
  state: "select",
  postalCode: "text",
  statesServed: "list",
  newPatientStatus: "select",
  waitDays: "int",
  languages: "list",
  eveningHours: "bool",
  weekendHours: "bool",
  name: "text",
  description: "textarea",
  website: "url",
  phone: "tel",
  contactEmail: "email",
};

export const FIELD_KIND: Readonly<Record<ListingField, FieldKind>> = {
  ...HAND_KIND,
  ...(Object.fromEntries(DECLARED_FIELDS.map((f) => [f, INPUT_KIND[declaredInput(f).kind]])) as Record<
    DeclaredField,
    FieldKind
  >),
};

/** Fields whose change makes the listing's prices clinic-reported as of today. */
export const PRICE_FIELDS = [
  "consultFee",
  "sessionMin",
  "sessionMax",
  "seriesSessions",
  "seriesMin",
  "seriesMax",
  "boosterMin",
  "boosterMax",
  "integrationSessionFee",
  "groupSessionFee",
] as const satisfies readonly ListingField[];

/** Labels of the columns only editors and the system change (for the history). */
const OTHER_LABELS: Readonly<Record<string, string>> = {
  status: "Listing status",
  dataSource: "Data source",
  lastVerifiedAt: "Last checked by our editors",
  priceSource: "Where the prices come from",
  priceUpdatedAt: "Prices last updated",
  slug: "Web address name",
  lat: "Map latitude",
  lng: "Map longitude",
};

const OTHER_OPTIONS: Readonly<Record<string, Options>> = {
  status: L.LISTING_STATUS_LABELS,
  dataSource: L.DATA_SOURCE_LABELS,
  priceSource: L.PRICE_SOURCE_LABELS,
};

export function fieldLabel(field: string): string {
  return FIELD_INFO[field as ListingField]?.label.replace(/ \(\$\)$/, "") ?? OTHER_LABELS[field] ?? field;
}

/** A stored value as words: "$450", "Yes", "IV infusion, IM injection", "Not listed". */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") {
    return (PRICE_FIELDS as readonly string[]).includes(field) ? "Not listed" : NO_VALUE;
  }
  const info = FIELD_INFO[field as ListingField] as FieldInfo | undefined;
  const kind = FIELD_KIND[field as ListingField] as string | undefined;
  const options = info?.options ?? OTHER_OPTIONS[field];
  if (kind === "money" && typeof value === "number") return usd(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    return value.map((v) => (options && typeof v === "string" ? (options[v] ?? v) : String(v))).join(", ");
  }
  if (field === "lastVerifiedAt" || field === "priceUpdatedAt") return dateShort(String(value));
  if (options && typeof value === "string") return options[value] ?? value;
  return String(value);
}

/** The editable fields of one section, in display order. */
export function sectionFields(section: SectionKey): ListingField[] {
  return (Object.keys(FIELD_INFO) as ListingField[]).filter((f) => FIELD_INFO[f].section === section);
}
