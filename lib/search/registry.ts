import type { Clinic } from "@/db/schema";
import * as E from "@/db/enum-values";
import {
  CLINIC_TYPE_LABELS,
  CONDITION_LABELS,
  DIGITAL_TOOL_LABELS,
  GLOSSARY,
  INSURANCE_LABELS,
  INTEGRATION_THERAPY_LABELS,
  LIFESTYLE_LABELS,
  ON_CALL_HOURS_LABELS,
  ROUTE_LABELS,
  STATE_NAMES,
} from "@/lib/labels";
import { LANGUAGES } from "@/lib/languages";
import { usd } from "@/lib/format";
import { COURSE_PRICE_STEPS, DEFAULT_RADIUS, MAX_RADIUS, SESSION_PRICE_STEPS } from "./constants";

/**
 * THE FILTER REGISTRY: one declaration per search filter. Everything else derives from it:
 *
 * - the `SearchQuery` type, its defaults and its parser (`lib/search/query.ts`);
 * - the facets and filter conditions (`lib/search/filters.ts`), the Meilisearch filterable
 *   attributes (`lib/search/settings.ts`) and the search document's filter fields
 *   (`filterFields`, spread into `toSearchDocument`), whose version (`DOC_VERSION`) is a hash of
 *   this registry;
 * - the PostgreSQL fallback's SQL for each attribute (its `column`, in `lib/search/fallback.ts`);
 * - the filter panel, chips and "search without …" hints (`lib/search/labels.ts`,
 *   `components/search/filter-panel.tsx`) and the element ids of the panel (`fieldId`);
 * - the parameter table of `docs/api.md` (`lib/search/api-docs.ts`, checked by a unit test);
 * - the parity tests (`test/search-parity.int.test.ts`), which try every filter on both engines.
 *
 * Adding a filter is adding an entry here (plus the listing field it reads, when it is new: its
 * column in db/schema.ts, its declaration in lib/listings/fields.ts, a sample value in
 * db/seed/generate.ts; see docs/ARCHITECTURE.md, "Adding a filter". A fact derived from other
 * fields is a stored derived column, computed in lib/aftercare/derived.ts).
 * Pure and free of server code. It stays on the server: the filter panel (a server component) reads
 * it and hands the browser's filter fields (`components/search/filter-fields.tsx`) only their
 * values, words and counts.
 */

type FilterKind = "flag" | "choice" | "many" | "range" | "place";

/** Where a filter sits in the panel. Within a section, filters keep registry order. */
export type PanelSection = "where" | "cost" | "availability" | "aftercare" | "treatment" | "access";

/**
 * The panel's sections, in the order the panel shows them (on a wide screen and in the phone's
 * filter sheet alike): what a first-time patient decides on first (place, price and how to pay,
 * whether new patients are taken), then aftercare, then the rest.
 */
export const PANEL_SECTIONS: readonly {
  key: PanelSection;
  title: string;
  /** Open even with none of its filters on. */
  open: boolean;
  intro?: string;
}[] = [
  { key: "where", title: "Where", open: true },
  { key: "cost", title: "Cost and payment", open: true },
  { key: "availability", title: "Availability", open: true },
  { key: "aftercare", title: "Aftercare", open: true, intro: brief(GLOSSARY.aftercare.definition) },
  { key: "treatment", title: "Treatment", open: false },
  { key: "access", title: "Hours and languages", open: false },
];

/** How the fallback compares an attribute: a text value, a text array, a boolean or a number. */
export type SqlType = "text" | "array" | "bool" | "number";

export type FilterDef = {
  /** The URL / API parameter. */
  readonly param: string;
  readonly kind: FilterKind;
  /** The search document's field that filters use (also a Meilisearch filterable attribute). */
  readonly attr?: string;
  /** The allowed values (choice, many, place with a list). */
  readonly choices?: readonly string[];
  /** Words per choice (defaults to the choice itself). */
  readonly choiceLabels?: Readonly<Record<string, string>>;
  /** flag: the value that turns it on, when not `true` (the query then holds it or null). */
  readonly token?: string;
  /** flag: matches a document whose `attr` holds any of these (else: `attr` is true). */
  readonly stored?: readonly string[];
  /** choice/many: the stored values one choice stands for (else: the choice itself). */
  readonly matches?: Readonly<Record<string, readonly string[]>>;
  /** range: the price limits offered, and the document field listing the limits a listing is within. */
  readonly steps?: readonly number[];
  readonly buckets?: string;
  /** range: how a chip names a limit ("Per session $500 or less"). */
  readonly chip?: string;
  /** Counted beside its choices (place filters other than state and online care are not). */
  readonly facet?: boolean;
  /** many: only choices with results (or chosen) are shown. */
  readonly countedOnly?: boolean;
  /**
   * The listing column the filter reads, the same in the search document and in the fallback's SQL.
   * A fact derived from other fields is a stored derived column (db/schema.ts `derivedColumns`),
   * never a formula here. range: a column of cents; the document and the filter use whole dollars.
   */
  readonly column?: keyof Clinic;
  /** How the fallback compares it. */
  readonly type?: SqlType;
  /** Heading or checkbox text, and a line of help under it. */
  readonly title: string;
  readonly hint?: string;
  /** Named in "Search without {relax}". */
  readonly relax: string;
  /** Named in notices: "We ignored … for {what}". */
  readonly what: string;
  readonly section: PanelSection;
  /**
   * Words people type for this filter ("group therapy", "check-in"): when a search's words find
   * little, the way out reads them as this filter (`lib/search/suggestions.ts`, `filterWords`), with
   * `value` as the filter's value. Lower case; a hyphen is a space.
   */
  readonly typed?: { readonly phrases: readonly string[]; readonly value: true | string | readonly string[] };
  /** For docs/api.md: the values column (default: from the kind and choices) and the meaning. */
  readonly api: { readonly values?: string; readonly meaning: string };
  /** For API errors: "{param} must be {expected}" (default: from the kind and choices). */
  readonly expected?: string;
};

/** The first sentence of a glossary definition: enough beside a checkbox. */
function brief(definition: string): string {
  return definition.split(/(?<=\.)\s/)[0] ?? definition;
}

const GROUP_VALUES = {
  any: ["in_person", "virtual", "both"],
  in_person: ["in_person", "both"],
  virtual: ["virtual", "both"],
} as const;
const ON_CALL_ANYONE = E.ON_CALL.filter((x) => x !== "none");

export const FILTERS = [
  // ---------------------------------------------------------------- where (one group: see placeGroup)
  {
    param: "state",
    kind: "place",
    attr: "state",
    column: "state",
    type: "text",
    choices: E.US_STATES,
    choiceLabels: STATE_NAMES,
    facet: true,
    title: "State",
    relax: "the state",
    what: "the state",
    section: "where",
    api: { values: "USPS code: `CA`, `ny` …", meaning: "clinics located in this state" },
    expected: "a two-letter US state code such as CA",
  },
  {
    param: "city",
    kind: "place",
    attr: "city",
    column: "city",
    type: "text",
    title: "City",
    relax: "the city",
    what: "the city",
    section: "where",
    api: {
      values: "a US city name: `Los Angeles`, `st. louis` …",
      meaning:
        "clinics in this city (in `state`, when given). Matched to the postal spelling without regard to case; an unknown city is an error",
    },
    expected: "the name of a US city (in `state`, when given)",
  },
  {
    param: "zip",
    kind: "place",
    title: "Near ZIP code",
    relax: "the ZIP code",
    what: "the ZIP code",
    section: "where",
    api: {
      values: "a 5-digit US ZIP code (ZIP+4 accepted)",
      meaning: "clinics within `radius` miles of this ZIP code's point",
    },
    expected: "a known 5-digit US ZIP code",
  },
  {
    param: "radius",
    kind: "place",
    title: "Within",
    relax: "the distance",
    what: "the distance",
    section: "where",
    api: {
      values: `whole miles, 1–${MAX_RADIUS}; default \`${DEFAULT_RADIUS}\``,
      meaning: "used with `zip`",
    },
    expected: `a whole number of miles from 1 to ${MAX_RADIUS}`,
  },
  {
    param: "telehealthIn",
    kind: "place",
    attr: "telehealthStates",
    column: "telehealthStates",
    type: "array",
    choices: E.US_STATES,
    choiceLabels: STATE_NAMES,
    facet: true,
    title: "Also show online care available in",
    relax: "online care",
    what: "the state for online care",
    section: "where",
    api: {
      values: "USPS code",
      meaning:
        "online (telehealth) care for people in this state. With `state`, `city` or `zip` it **adds** online services to the local clinics (either matches)",
    },
    expected: "a two-letter US state code such as CA",
  },
  // ---------------------------------------------------------------- treatment
  {
    param: "route",
    kind: "many",
    attr: "routes",
    column: "routes",
    type: "array",
    choices: E.ROUTES,
    choiceLabels: ROUTE_LABELS,
    title: "How ketamine is given",
    relax: "how ketamine is given",
    what: "the way ketamine is given",
    section: "treatment",
    api: { meaning: "how ketamine is given" },
  },
  {
    param: "condition",
    kind: "many",
    attr: "conditions",
    column: "conditions",
    type: "array",
    choices: E.CONDITIONS,
    choiceLabels: CONDITION_LABELS,
    title: "What it treats",
    relax: "the condition",
    what: "the condition",
    section: "treatment",
    api: { meaning: "conditions treated" },
  },
  {
    param: "type",
    kind: "many",
    attr: "clinicType",
    column: "clinicType",
    type: "text",
    choices: E.CLINIC_TYPES,
    choiceLabels: CLINIC_TYPE_LABELS,
    title: "Kind of clinic",
    relax: "the kind of clinic",
    what: "the kind of clinic",
    section: "treatment",
    api: { meaning: "kind of clinic" },
  },
  // ---------------------------------------------------------------- aftercare
  {
    param: "integration",
    kind: "many",
    attr: "integrationTherapy",
    column: "integrationTherapy",
    type: "text",
    // "none" is not something to look for.
    choices: ["included", "add_on", "referral_only"],
    choiceLabels: {
      included: INTEGRATION_THERAPY_LABELS.included,
      add_on: INTEGRATION_THERAPY_LABELS.add_on,
      referral_only: "Referral to a therapist",
    },
    title: "Integration therapy",
    hint: GLOSSARY.integration.definition,
    relax: "integration therapy",
    typed: {
      phrases: ["integration therapy", "integration"],
      value: ["included", "add_on", "referral_only"],
    },
    what: "integration therapy",
    section: "aftercare",
    api: {
      meaning: "integration therapy: in the price, at extra cost, or a referral to an outside therapist",
    },
  },
  {
    param: "therapist",
    kind: "flag",
    token: "licensed",
    attr: "integrationByLicensed",
    column: "integrationLicensed",
    type: "bool",
    title: "Integration led by a licensed therapist",
    relax: "a licensed therapist",
    typed: { phrases: ["licensed therapist", "therapist led"], value: "licensed" },
    what: "who leads integration",
    section: "aftercare",
    api: { meaning: "integration therapy is led by a licensed therapist" },
  },
  {
    param: "followUp24h",
    kind: "flag",
    attr: "followUp24h",
    column: "followUp24h",
    type: "bool",
    title: "Check-in within 24 hours",
    relax: "the 24-hour check-in",
    typed: {
      phrases: ["24 hour check in", "24 hour follow up", "check in", "check ins", "follow up", "followup"],
      value: true,
    },
    what: "the 24-hour check-in",
    section: "aftercare",
    api: { meaning: "the clinic checks in within 24 hours of each treatment" },
  },
  {
    param: "groups",
    kind: "choice",
    attr: "supportGroups",
    column: "supportGroups",
    type: "text",
    choices: ["any", "in_person", "virtual"],
    matches: GROUP_VALUES,
    choiceLabels: { any: "Any support group", in_person: "In person", virtual: "Online" },
    title: "Support groups",
    relax: "support groups",
    typed: { phrases: ["group therapy", "support groups", "support group", "groups", "group"], value: "any" },
    what: "support groups",
    section: "aftercare",
    api: {
      meaning:
        "support groups of any kind, with in-person meetings, or with online meetings (`both` formats count for either)",
    },
  },
  {
    param: "onCall",
    kind: "flag",
    attr: "onCall",
    column: "onCall",
    type: "text",
    stored: ON_CALL_ANYONE,
    title: "Someone to call between visits",
    hint: brief(GLOSSARY.onCall.definition),
    relax: "on-call help",
    typed: { phrases: ["on call", "someone to call", "24 7 support", "after hours"], value: true },
    what: "on-call help",
    section: "aftercare",
    api: { meaning: "a nurse, clinician or coach can be reached between visits" },
  },
  {
    param: "onCallHours",
    kind: "many",
    attr: "onCallHours",
    column: "onCallHoursOffered",
    type: "text",
    choices: E.ON_CALL_HOURS,
    choiceLabels: ON_CALL_HOURS_LABELS,
    title: "When you can call",
    relax: "on-call hours",
    what: "on-call hours",
    section: "aftercare",
    api: { meaning: "when on-call help is available" },
  },
  {
    param: "prep",
    kind: "flag",
    attr: "hasPrepSessions",
    column: "hasPrep",
    type: "bool",
    title: "Preparation session before treatment",
    relax: "preparation sessions",
    typed: {
      phrases: ["preparation sessions", "preparation session", "prep session", "preparation"],
      value: true,
    },
    what: "preparation sessions",
    section: "aftercare",
    api: { meaning: "at least one preparation session before treatment" },
  },
  {
    param: "mbc",
    kind: "flag",
    attr: "measurementBasedCare",
    column: "measurementBasedCare",
    type: "bool",
    title: "Tracks your progress",
    hint: "Short questionnaires, like the PHQ-9, check whether treatment is working.",
    relax: "progress tracking",
    typed: { phrases: ["progress tracking", "measurement based care", "phq 9"], value: true },
    what: "progress tracking",
    section: "aftercare",
    api: { meaning: "measurement-based care: progress tracked with standard questionnaires (e.g. PHQ-9)" },
  },
  {
    param: "tools",
    kind: "many",
    attr: "digitalTools",
    column: "digitalTools",
    type: "array",
    choices: E.DIGITAL_TOOLS,
    choiceLabels: DIGITAL_TOOL_LABELS,
    title: "Tools between sessions",
    relax: "tools between sessions",
    what: "tools between sessions",
    section: "aftercare",
    api: { meaning: "tools between sessions" },
  },
  {
    param: "lifestyle",
    kind: "many",
    attr: "lifestyle",
    column: "lifestyle",
    type: "array",
    choices: E.LIFESTYLE,
    choiceLabels: LIFESTYLE_LABELS,
    title: "Healthy-habit programs",
    relax: "healthy-habit programs",
    what: "healthy-habit programs",
    section: "aftercare",
    api: { meaning: "healthy-habit programs" },
  },
  {
    param: "recoveryRoom",
    kind: "flag",
    attr: "recoveryRoom",
    column: "recoveryRoom",
    type: "bool",
    title: "Recovery room",
    hint: brief(GLOSSARY.recoveryRoom.definition),
    relax: "the recovery room",
    typed: { phrases: ["recovery room"], value: true },
    what: "recovery room",
    section: "aftercare",
    api: { meaning: "a supervised recovery room" },
  },
  {
    param: "writtenPlan",
    kind: "flag",
    attr: "writtenPlan",
    column: "writtenPlan",
    type: "bool",
    title: "Written aftercare plan",
    hint: "You leave with a written plan for the weeks after treatment.",
    relax: "the written aftercare plan",
    typed: { phrases: ["written aftercare plan", "aftercare plan", "written plan"], value: true },
    what: "a written aftercare plan",
    section: "aftercare",
    api: { meaning: "the clinic gives each patient a written aftercare plan" },
  },
  {
    param: "patientConfirmed",
    kind: "flag",
    attr: "patientConfirmed",
    column: "patientConfirmed",
    type: "bool",
    title: "Aftercare confirmed by patients",
    hint: "At least 3 patients reported, and at least two in three of them got each support the clinic lists.",
    relax: "patient confirmation",
    what: "patient confirmation",
    section: "aftercare",
    api: {
      meaning:
        "at least 3 published patient reports, and each aftercare support the listing claims confirmed by at least 2/3 of the reports asked about it",
    },
  },
  // ---------------------------------------------------------------- cost and payment
  {
    param: "maxSessionPrice",
    kind: "range",
    attr: "sessionPrice",
    column: "sessionPrice",
    type: "number",
    buckets: "sessionUnder",
    steps: SESSION_PRICE_STEPS,
    chip: "Per session",
    title: "Price per session",
    relax: "the price per session",
    what: "the price per session",
    section: "cost",
    api: {
      values: "dollars, 0–100000 (`450`, `450.50`, `$1,000`; cents are dropped)",
      meaning:
        "the lowest effective price per session is at most this: the single-session price or a package's price divided by its sessions, whichever is lower (`sessionPrice`). Listings with neither are left out (`suggestions` offers them)",
    },
  },
  {
    param: "maxCourse",
    kind: "range",
    attr: "courseLow",
    column: "courseLow",
    type: "number",
    buckets: "courseUnder",
    steps: COURSE_PRICE_STEPS,
    chip: "Course",
    title: "Price of a first course",
    hint: "Our estimate of a typical first course: a consultation, 6 sessions, 3 integration sessions and 2 boosters, at the low end of the clinic's prices.",
    relax: "the course price",
    what: "the course price",
    section: "cost",
    api: {
      values: "dollars, 0–100000",
      meaning:
        "the low end of our first-course estimate is at most this (consult, 6 sessions, 3 integration sessions, 2 boosters; see `/methodology`)",
    },
  },
  {
    param: "insurance",
    kind: "many",
    attr: "insurance",
    column: "insurance",
    type: "text",
    choices: E.INSURANCE,
    choiceLabels: INSURANCE_LABELS,
    title: "Insurance",
    relax: "insurance",
    what: "insurance",
    section: "cost",
    api: { meaning: "how the clinic works with insurance" },
  },
  {
    param: "hsaFsa",
    kind: "flag",
    attr: "hsaFsa",
    column: "hsaFsa",
    type: "bool",
    title: "Takes HSA / FSA",
    hint: brief(GLOSSARY.hsaFsa.definition),
    relax: "HSA / FSA",
    what: "HSA/FSA",
    section: "cost",
    api: { meaning: "HSA / FSA cards accepted" },
  },
  {
    param: "financing",
    kind: "flag",
    attr: "financing",
    column: "financing",
    type: "bool",
    title: "Payment plans",
    hint: brief(GLOSSARY.financing.definition),
    relax: "payment plans",
    what: "payment plans",
    section: "cost",
    api: { meaning: "payment plans" },
  },
  {
    param: "slidingScale",
    kind: "flag",
    attr: "slidingScale",
    column: "slidingScale",
    type: "bool",
    title: "Sliding-scale prices",
    hint: brief(GLOSSARY.slidingScale.definition),
    relax: "sliding-scale prices",
    what: "sliding-scale prices",
    section: "cost",
    api: { meaning: "income-based prices" },
  },
  // ---------------------------------------------------------------- availability, then hours and languages
  {
    param: "accepting",
    kind: "flag",
    attr: "accepting",
    column: "newPatientStatus",
    type: "text",
    stored: ["accepting"],
    title: "Taking new patients",
    relax: "taking new patients",
    what: "taking new patients",
    section: "availability",
    api: { meaning: "taking new patients now" },
  },
  {
    param: "evening",
    kind: "flag",
    attr: "eveningHours",
    column: "eveningHours",
    type: "bool",
    title: "Evening hours",
    relax: "evening hours",
    what: "evening hours",
    section: "access",
    api: { meaning: "evening hours" },
  },
  {
    param: "weekend",
    kind: "flag",
    attr: "weekendHours",
    column: "weekendHours",
    type: "bool",
    title: "Weekend hours",
    relax: "weekend hours",
    what: "weekend hours",
    section: "access",
    api: { meaning: "weekend hours" },
  },
  {
    param: "language",
    kind: "many",
    attr: "languages",
    column: "languages",
    type: "array",
    choices: LANGUAGES,
    countedOnly: true,
    title: "Languages",
    relax: "the language",
    what: "the language",
    section: "access",
    api: {
      values: `_many_: ${LANGUAGES.map((l) => `\`${l}\``).join(", ")} (any case)`,
      meaning: "languages spoken",
    },
    expected: "a language name such as Spanish",
  },
] as const satisfies readonly FilterDef[];

export type Filter = (typeof FILTERS)[number];
export type PlaceFilter = Extract<Filter, { kind: "place" }>;

type DocValue<F> = F extends { kind: "range" }
  ? number | null
  : F extends { column: infer K extends keyof Clinic }
    ? Clinic[K]
    : never;

/** The filter fields of a search document, typed from the registry. */
export type FilterFields = {
  -readonly [F in Extract<Filter, { attr: string }> as F["attr"]]: DocValue<F>;
} & { -readonly [F in Extract<Filter, { buckets: string }> as F["buckets"]]: number[] };

/** Every filter by parameter, typed as the general shape. */
const FILTER_BY_PARAM: ReadonlyMap<string, FilterDef> = new Map(
  (FILTERS as readonly FilterDef[]).map((f) => [f.param, f]),
);

export function filterDef(param: string): FilterDef | undefined {
  return FILTER_BY_PARAM.get(param);
}

/** The document fields filters name: each filter's attribute and price buckets. */
export type FilterAttribute =
  Extract<Filter, { attr: string }>["attr"] | Extract<Filter, { buckets: string }>["buckets"];

/** Every attribute a filter may name, in registry order (and the document version, for rebuilds). */
export const FILTER_ATTRIBUTES = [
  ...new Set(
    (FILTERS as readonly FilterDef[]).flatMap((f) => [
      ...(f.attr ? [f.attr] : []),
      ...(f.buckets ? [f.buckets] : []),
    ]),
  ),
] as FilterAttribute[];

/** The value of one choice for the query: what `SearchQuery[param]` holds when it is on. */
export function flagValue(f: FilterDef): string {
  return f.token ?? "true";
}

/** The choices a filter offers, as URL values. */
export function choicesOf(f: FilterDef): readonly string[] {
  if (f.kind === "flag") return [flagValue(f)];
  if (f.kind === "range") return (f.steps ?? []).map(String);
  return f.choices ?? [];
}

/** The words of a choice. */
export function choiceWords(f: FilterDef, value: string): string {
  if (f.kind === "range") return `${usd(Number(value) * 100)} or less`;
  return f.choiceLabels?.[value] ?? (f.kind === "flag" ? f.title : value);
}

/** Cents to whole dollars for the index (filters and sorts compare dollars). */
export const dollars = (cents: number | null) => (cents == null ? null : Math.round(cents / 100));

const within = (price: number | null, steps: readonly number[]) =>
  price == null ? [] : steps.filter((s) => price <= s);

/** The filter fields of a listing's search document (see `toSearchDocument`). */
export function filterFields(c: Clinic): FilterFields {
  const out: Record<string, unknown> = {};
  for (const f of FILTERS as readonly FilterDef[]) {
    if (!f.attr || !f.column) continue;
    const stored = c[f.column];
    const value = f.kind === "range" ? dollars(stored as number | null) : stored;
    out[f.attr] = value;
    if (f.buckets) out[f.buckets] = within(value as number | null, f.steps ?? []);
  }
  return out as FilterFields;
}

/** The element ids of the panel (see `fieldId`). */
export { fieldId } from "./field-id";

/**
 * A fingerprint of the registry's shape for the index (see `DOC_VERSION`): a positive 31-bit
 * number that changes when a filter, its attribute, its values or its column changes.
 */
export function registryFingerprint(salt: number): number {
  const shape = (FILTERS as readonly FilterDef[]).map((f) => [
    f.param,
    f.kind,
    f.attr ?? null,
    f.buckets ?? null,
    f.steps ?? null,
    f.stored ?? null,
    f.matches ?? null,
    f.column ?? null,
  ]);
  // FNV-1a: small, stable, and the same on the server and in tests.
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify([salt, shape])) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 1;
}
