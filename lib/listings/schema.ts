import "@/lib/security/zod-jitless";
import { z } from "zod";
import * as E from "@/db/enums";
import type { Clinic } from "@/db/schema";
import { count } from "@/lib/format";
import {
  declaredInput,
  DECLARED_FIELDS,
  FIELD_KIND,
  LISTING_FIELDS,
  PRICE_FIELDS,
  type DeclaredField,
  type DeclaredInputs,
  type FieldInput,
  type ListingField,
} from "./fields";

/**
 * THE schema of what a clinic may edit on its listing, shared by the browser (validation on submit,
 * live preview), the server actions, the admin "create listing" form and the CSV import. Input is
 * what a form or a CSV cell holds (text, "on" for a ticked box, lists); output is ready for the
 * database (prices in integer cents, empty text as null).
 *
 * Privileged fields (status, dataSource, lastVerifiedAt, priceSource, priceUpdatedAt, slug, id,
 * version, lat/lng) are simply not here, and the object is strict: an unknown field is an error.
 *
 * A simple fact declared whole in fields.ts (its `input`: yes/no, one choice, several, text) gets
 * its entry, form kind and blank value from that declaration (`declaredSchema`, `DECLARED_BLANK`);
 * the entries below are the fields with rules of their own.
 */

/** The most a price field may hold: $100,000. */
const MAX_PRICE_CENTS = 10_000_000;

/**
 * Text that PostgreSQL cannot store as written: a NUL byte, or half of a surrogate pair (a broken
 * emoji). The one rule for every free-text field of a form, an API body and a CSV cell, so such text
 * gets a message on its own field instead of a server error or a silent "\uFFFD".
 */
// eslint-disable-next-line no-control-regex -- finding the NUL byte is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT_MESSAGE =
  "This text holds a character that can’t be saved (a NUL byte or half of an emoji). Remove it and try again.";
const isStorableText = (s: string) => !UNSTORABLE.test(s);
/** A string that `isStorableText`; for other schemas that take free text. */
export const storableString = () => z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Text; empty → "" (for NOT NULL text columns). */
const text = (max: number, what: string) =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z
      .string({ error: `${what} must be text.` })
      .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
      .trim()
      .max(max, `Keep ${what} under ${count(max)} characters.`),
  );

/** Required text. */
const requiredText = (max: number, what: string) =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z
      .string({ error: `Enter ${what}.` })
      .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
      .trim()
      .min(1, `Enter ${what}.`)
      .max(max, `Keep ${what} under ${count(max)} characters.`),
  );

/** Optional text; empty → null. Unstorable characters are refused before the field's own rule. */
const optionalText = <T extends z.ZodType<string | null, string>>(inner: T) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === "string" ? v.trim() : v),
    z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).pipe(inner).nullable(),
  );

/** A price typed in dollars ("450", "$1,200.50") → integer cents; empty → null (not listed). */
const money = z.preprocess(
  (v) => (v == null ? "" : typeof v === "number" ? String(v) : v),
  z.string({ error: "Enter an amount in dollars, like 450." }).transform((raw, ctx) => {
    const s = raw.trim();
    if (s === "") return null;
    const m = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
    if (!m?.[1]) {
      ctx.addIssue({
        code: "custom",
        message: "Enter an amount in dollars, like 450 or 450.50 (no letters).",
      });
      return z.NEVER;
    }
    const cents = Number(m[1].replace(/,/g, "")) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
    if (cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: "custom", message: "That is more than $100,000. Check the amount." });
      return z.NEVER;
    }
    return cents;
  }),
);

/** A whole number typed as text; empty → `empty`. */
const whole = <N extends number | null>(min: number, max: number, what: string, empty: N) =>
  z.preprocess(
    (v) => (v == null ? "" : typeof v === "number" ? String(v) : v),
    z.string({ error: `Enter ${what} as a whole number.` }).transform((raw, ctx): number | N => {
      const s = raw.trim();
      if (s === "") return empty;
      if (!/^\d+$/.test(s)) {
        ctx.addIssue({ code: "custom", message: `Enter ${what} as a whole number, like 6.` });
        return z.NEVER;
      }
      const n = Number(s);
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Enter ${what} between ${min} and ${max}.` });
        return z.NEVER;
      }
      return n;
    }),
  );

const TRUE = new Set(["on", "true", "yes", "y", "1"]);
const FALSE = new Set(["", "off", "false", "no", "n", "0"]);
/** A tick box ("on" or absent) or a CSV cell ("yes"/"no"). */
const bool = z.preprocess(
  (v) => {
    if (typeof v === "boolean" || v == null) return v ?? false;
    if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
    }
    return v;
  },
  z.boolean({ error: "Answer yes or no." }),
);

/** One value from a fixed list. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.enum(values, { error: "Choose one of the options." }),
  );

/** One value from a fixed list, or empty → null. */
const maybeOneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === "string" ? v.trim() : v),
    z.enum(values, { error: "Choose one of the options." }).nullable(),
  );

const splitList = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : v == null
      ? []
      : v;

/** Several values from a fixed list: ticked boxes, or "a; b" in a CSV cell. Duplicates dropped. */
const manyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    splitList,
    z
      .array(z.enum(values, { error: "Choose from the options shown." }), {
        error: "Choose from the options shown.",
      })
      .transform((a) => [...new Set(a)]),
  );

const PHONE = /^\+?[0-9().\-\s]{7,25}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

/** http(s) only: `javascript:`, `data:` and other schemes are refused. */
export const webUrlSchema = z
  .string()
  .max(300, "Keep the web address under 300 characters.")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (
        (u.protocol === "http:" || u.protocol === "https:") &&
        u.hostname.includes(".") &&
        !u.username &&
        !u.password
      );
    } catch {
      return false; // not parseable as a URL: the message below explains
    }
  }, "Enter a full web address that starts with https:// (or http://).");

/** The schema entries written by hand: every field not declared whole by its `input` in fields.ts. */
const HAND_SHAPE = {
  // ---------------- aftercare
  integrationTherapy: oneOf(E.INTEGRATION_THERAPY),
  integrationBy: oneOf(E.INTEGRATION_BY),
  integrationFormats: manyOf(E.INTEGRATION_FORMATS),
  supportGroups: oneOf(E.SUPPORT_GROUPS),
  followUp24h: bool,
  onCall: oneOf(E.ON_CALL),
  onCallHours: maybeOneOf(E.ON_CALL_HOURS),
  prepSessions: whole(0, 20, "the number of preparation sessions", 0),
  measurementBasedCare: bool,
  digitalTools: manyOf(E.DIGITAL_TOOLS),
  lifestyle: manyOf(E.LIFESTYLE),
  recoveryRoom: bool,
  aftercareWeeks: whole(0, 104, "the number of weeks", 0),
  aftercareNotes: text(2000, "the aftercare notes"),
  // ---------------- prices
  consultFee: money,
  sessionMin: money,
  sessionMax: money,
  seriesSessions: whole(1, 30, "the number of sessions in the series", null),
  seriesMin: money,
  seriesMax: money,
  boosterMin: money,
  boosterMax: money,
  integrationSessionFee: money,
  groupSessionFee: money,
  insurance: oneOf(E.INSURANCE),
  hsaFsa: bool,
  financing: bool,
  slidingScale: bool,
  refundPolicy: text(1000, "the refund policy"),
  // ---------------- care
  clinicType: oneOf(E.CLINIC_TYPES),
  routes: manyOf(E.ROUTES).refine((a) => a.length > 0, "Choose at least one way you give treatment."),
  conditions: manyOf(E.CONDITIONS),
  medicalLead: maybeOneOf(E.MEDICAL_LEADS),
  remsCertified: bool,
  // ---------------- logistics
  street: optionalText(z.string().max(200, "Keep the street address under 200 characters.")),
  city: requiredText(80, "the city"),
  state: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(E.US_STATES, { error: "Choose a US state." }),
  ),
  postalCode: optionalText(z.string().regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code, like 90210.")),
  statesServed: z.preprocess(
    (v) =>
      Array.isArray(splitList(v))
        ? (splitList(v) as unknown[]).map((s) => (typeof s === "string" ? s.toUpperCase() : s))
        : v,
    z
      .array(z.enum(E.US_STATES, { error: "Use two-letter state codes, like CA, NY." }))
      .transform((a) => [...new Set(a)].sort()),
  ),
  newPatientStatus: oneOf(E.NEW_PATIENT_STATUSES),
  waitDays: whole(0, 365, "the wait in days", null),
  languages: z.preprocess(
    splitList,
    z
      .array(
        z
          .string()
          .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
          .trim()
          .min(1)
          .max(40, "Keep each language under 40 characters."),
      )
      .min(1, "List at least one language, like English.")
      .max(15, "List at most 15 languages."),
  ),
  eveningHours: bool,
  weekendHours: bool,
  // ---------------- contact
  name: requiredText(120, "the clinic's name"),
  description: text(2000, "the description"),
  website: optionalText(webUrlSchema),
  phone: optionalText(z.string().regex(PHONE, "Enter a phone number, like (555) 010-0199.")),
  contactEmail: optionalText(z.email({ error: "Enter an email address, like hello@clinic.com." }).max(254)),
} satisfies Record<Exclude<ListingField, DeclaredField>, z.ZodType>;

type Values<I> = I extends { values: infer V extends readonly [string, ...string[]] } ? V : never;
/** The schema entry a field's `input` declares, as a type. */
type DeclaredSchema<I> = I extends { kind: "bool" }
  ? typeof bool
  : I extends { kind: "choice" }
    ? ReturnType<typeof oneOf<Values<I>>>
    : I extends { kind: "many" }
      ? ReturnType<typeof manyOf<Values<I>>>
      : ReturnType<typeof text>;

/** The schema entry of a field declared by its `input` (fields.ts). */
function declaredSchema(input: FieldInput): z.ZodType {
  switch (input.kind) {
    case "bool":
      return bool;
    case "choice":
      return oneOf(input.values);
    case "many":
      return manyOf(input.values);
    case "text":
      return text(input.max, input.what);
  }
}

type Shape = typeof HAND_SHAPE & { [K in DeclaredField]: DeclaredSchema<DeclaredInputs[K]> };

/** Every field's schema entry, in the editor's order. */
const SHAPE = Object.fromEntries(
  LISTING_FIELDS.map((f) => [
    f,
    f in HAND_SHAPE
      ? HAND_SHAPE[f as keyof typeof HAND_SHAPE]
      : declaredSchema(declaredInput(f as DeclaredField)),
  ]),
) as Shape;

const PAIRS = [
  ["sessionMin", "sessionMax"],
  ["seriesMin", "seriesMax"],
  ["boosterMin", "boosterMax"],
] as const;

export const listingInputSchema = z
  .strictObject(SHAPE, {
    error: (iss) => (iss.code === "unrecognized_keys" ? "This field cannot be changed here." : undefined),
  })
  .superRefine((v, ctx) => {
    for (const [lo, hi] of PAIRS) {
      const a = v[lo];
      const b = v[hi];
      if (a != null && b != null && b < a) {
        ctx.addIssue({
          code: "custom",
          path: [hi],
          message: "The highest price must be at least the lowest price.",
        });
      }
    }
    if ((v.seriesMin != null || v.seriesMax != null) && v.seriesSessions == null) {
      ctx.addIssue({
        code: "custom",
        path: ["seriesSessions"],
        message: "Say how many sessions the series price covers.",
      });
    }
    if (v.onCall !== "none" && v.onCallHours == null) {
      ctx.addIssue({ code: "custom", path: ["onCallHours"], message: "Say when someone can be reached." });
    }
    if (v.clinicType === "telehealth" && v.statesServed.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["statesServed"],
        message: "List the states where you treat patients online, like CA, NV.",
      });
    }
  })
  // Nobody is on call → no hours to show.
  .transform((v) => ({ ...v, onCallHours: v.onCall === "none" ? null : v.onCallHours }));

/** What a valid form or CSV row becomes: every editable column, in database units. */
export type ListingValues = z.output<typeof listingInputSchema>;

export type FieldErrors = Partial<Record<ListingField | "_form", string>>;

/** The first message per field (the form shows one message under each field). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      out._form ??= `These fields cannot be changed here: ${issue.keys.join(", ")}.`;
      continue;
    }
    const key = (typeof issue.path[0] === "string" ? issue.path[0] : "_form") as ListingField | "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Today's date in UTC as YYYY-MM-DD (the `priceUpdatedAt` format). */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * The price rule: when any price changes, the prices become "from the clinic" as of today (a
 * verified price that a clinic edits is no longer verified). Returns the extra columns to write.
 */
export function priceRule(
  row: Pick<Clinic, (typeof PRICE_FIELDS)[number]>,
  values: Partial<Pick<ListingValues, (typeof PRICE_FIELDS)[number]>>,
  now = new Date(),
): Partial<Pick<Clinic, "priceSource" | "priceUpdatedAt">> {
  const changed = PRICE_FIELDS.some(
    (f) => values[f] !== undefined && (values[f] ?? null) !== (row[f] ?? null),
  );
  return changed ? { priceSource: "clinic_reported", priceUpdatedAt: todayUtc(now) } : {};
}

// ---------------------------------------------------------------- form <-> values

/** Keys Next.js adds to a server action's FormData; never listing fields. */
const isFrameworkKey = (k: string) => k.startsWith("$ACTION");

/**
 * A listing form's FormData as schema input. Unticked boxes are absent from FormData, so every tick
 * box and checkbox group gets its "off" value first. Keys in `reserved` (e.g. id, version) are left
 * out; any other unknown key is kept so that the strict schema rejects it.
 */
export function formDataToInput(fd: FormData, reserved: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of LISTING_FIELDS) {
    if (FIELD_KIND[f] === "bool") out[f] = false;
    if (FIELD_KIND[f] === "checkboxes") out[f] = [];
  }
  for (const key of new Set(fd.keys())) {
    if (isFrameworkKey(key) || reserved.includes(key)) continue;
    const kind = FIELD_KIND[key as ListingField] as string | undefined;
    const all = fd.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    out[key] =
      kind === "checkboxes"
        ? all
        : kind === "bool"
          ? all.includes("on") || all.includes("true")
          : (all[0] ?? "");
  }
  return out;
}

/** "45000" cents → "450"; "45050" → "450.50". */
function centsToDollarsInput(cents: number | null | undefined): string {
  if (cents == null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

type FormValue = string | string[] | boolean;
export type FormValues = Record<ListingField, FormValue>;

/** A stored listing (or valid values) as the form's initial values. */
export function toFormValues(row: Pick<Clinic, ListingField> | ListingValues): FormValues {
  const out = {} as FormValues;
  for (const f of LISTING_FIELDS) {
    const v = (row as Record<string, unknown>)[f];
    switch (FIELD_KIND[f]) {
      case "money":
        out[f] = centsToDollarsInput(v as number | null);
        break;
      case "bool":
        out[f] = Boolean(v);
        break;
      case "checkboxes":
        out[f] = (v as string[] | null) ?? [];
        break;
      case "list":
        out[f] = ((v as string[] | null) ?? []).join(", ");
        break;
      default:
        out[f] = v == null ? "" : String(v);
    }
  }
  return out;
}

/** The editable columns of a stored row (for conflict and restore comparisons). */
export function pickListingValues(row: Pick<Clinic, ListingField>): Pick<Clinic, ListingField> {
  return Object.fromEntries(LISTING_FIELDS.map((f) => [f, row[f]])) as Pick<Clinic, ListingField>;
}

/** The blank value of a field declared by its `input`: false, the first choice, none, or "". */
function declaredBlank(input: FieldInput): unknown {
  switch (input.kind) {
    case "bool":
      return false;
    case "choice":
      return input.values[0];
    case "many":
      return [];
    case "text":
      return "";
  }
}

/** The declared fields' blank values (also what test rows start from). */
export const DECLARED_BLANK = Object.fromEntries(
  DECLARED_FIELDS.map((f) => [f, declaredBlank(declaredInput(f))]),
) as Pick<ListingValues, DeclaredField>;

/** A listing with nothing filled in: the start of the admin's "create" form and of every CSV row. */
export const BLANK_LISTING: ListingValues = {
  ...DECLARED_BLANK,
  integrationTherapy: "none",
  integrationBy: "none",
  integrationFormats: [],
  supportGroups: "none",
  followUp24h: false,
  onCall: "none",
  onCallHours: null,
  prepSessions: 0,
  measurementBasedCare: false,
  digitalTools: [],
  lifestyle: [],
  recoveryRoom: false,
  aftercareWeeks: 0,
  aftercareNotes: "",
  consultFee: null,
  sessionMin: null,
  sessionMax: null,
  seriesSessions: null,
  seriesMin: null,
  seriesMax: null,
  boosterMin: null,
  boosterMax: null,
  integrationSessionFee: null,
  groupSessionFee: null,
  insurance: "none",
  hsaFsa: false,
  financing: false,
  slidingScale: false,
  refundPolicy: "",
  clinicType: "infusion_clinic",
  routes: [],
  conditions: [],
  medicalLead: null,
  remsCertified: false,
  street: null,
  city: "",
  state: "CA",
  postalCode: null,
  statesServed: [],
  newPatientStatus: "accepting",
  waitDays: null,
  languages: ["English"],
  eveningHours: false,
  weekendHours: false,
  name: "",
  description: "",
  website: null,
  phone: null,
  contactEmail: null,
};

// ---------------------------------------------------------------- the edit request around the values

/** The hidden fields that travel with a listing form. */
export const editEnvelopeSchema = z.object({
  id: z.uuid({ error: "Unknown listing." }),
  version: z.coerce.number({ error: "The form is out of date; reload the page." }).int().min(1),
});
