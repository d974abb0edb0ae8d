import "@/lib/security/zod-jitless";
import { z } from "zod";
import * as E from "@/db/enums";
import { zipToPoint } from "@/db/seed/places";
import { canonicalLanguage, type Language } from "@/lib/languages";
import { DEFAULT_PER_PAGE, DEFAULT_RADIUS, MAX_PER_PAGE, MAX_RADIUS } from "./constants";
import { placeFromWords, toZipLocation, type PlaceChoice } from "./place-phrase";
import { canonicalCity } from "./places";

/**
 * The search query model: ONE parser from URL search params, used by the /clinics page (lenient:
 * a bad value is dropped with a plain notice and the default used) and by GET /api/clinics (strict:
 * the first bad value is an error naming the parameter). Unknown parameters are ignored. Every value
 * that comes out of here is an enum value, a number, a boolean, or a canonical state, city, ZIP or
 * language name; only `q` is free text, and it never enters a filter.
 */

export const SORTS = ["relevance", "price", "score", "distance", "verified"] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_PAGE = 10_000;
/** Dollars; higher limits are surely a typo. */
export const MAX_PRICE = 100_000;
export const MAX_Q_LENGTH = 200;

/** Integration choices a searcher can ask for ("none" is not something to look for). */
export const INTEGRATION_CHOICES = ["included", "add_on", "referral_only"] as const;
export const GROUP_CHOICES = ["any", "in_person", "virtual"] as const;

export type ZipLocation = { code: string; lat: number; lng: number; city: string; state: E.UsState };

export type SearchQuery = {
  q: string;
  state: E.UsState | null;
  city: string | null;
  zip: ZipLocation | null;
  radius: number;
  telehealthIn: E.UsState | null;
  type: E.ClinicType[];
  route: E.Route[];
  condition: E.Condition[];
  integration: (typeof INTEGRATION_CHOICES)[number][];
  therapist: "licensed" | null;
  followUp24h: boolean;
  groups: (typeof GROUP_CHOICES)[number] | null;
  onCall: boolean;
  onCallHours: E.OnCallHours[];
  prep: boolean;
  mbc: boolean;
  tools: (typeof E.DIGITAL_TOOLS)[number][];
  lifestyle: (typeof E.LIFESTYLE)[number][];
  recoveryRoom: boolean;
  maxSessionPrice: number | null;
  maxCourse: number | null;
  insurance: E.Insurance[];
  hsaFsa: boolean;
  financing: boolean;
  slidingScale: boolean;
  accepting: boolean;
  language: Language[];
  evening: boolean;
  weekend: boolean;
  sort: Sort;
  page: number;
  perPage: number;
};

export const DEFAULT_QUERY: Readonly<SearchQuery> = Object.freeze({
  q: "",
  state: null,
  city: null,
  zip: null,
  radius: DEFAULT_RADIUS,
  telehealthIn: null,
  type: [],
  route: [],
  condition: [],
  integration: [],
  therapist: null,
  followUp24h: false,
  groups: null,
  onCall: false,
  onCallHours: [],
  prep: false,
  mbc: false,
  tools: [],
  lifestyle: [],
  recoveryRoom: false,
  maxSessionPrice: null,
  maxCourse: null,
  insurance: [],
  hsaFsa: false,
  financing: false,
  slidingScale: false,
  accepting: false,
  language: [],
  evening: false,
  weekend: false,
  sort: "relevance",
  page: 1,
  perPage: DEFAULT_PER_PAGE,
});

export type ParamName = keyof SearchQuery;

/** What went wrong with one parameter: `message` for API clients, `notice` for people. */
export type QueryIssue = { parameter: ParamName; message: string; notice: string };

export type ParseResult =
  | { ok: true; query: SearchQuery; notices: QueryIssue[]; placeChoices?: PlaceChoice[] }
  | { ok: false; error: QueryIssue };

// ---------------------------------------------------------------- value schemas

const TRUE = ["true", "1", "on", "yes"] as const;
const FALSE = ["false", "0", "off", "no"] as const;
const boolSchema = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum([...TRUE, ...FALSE]))
  .transform((s) => (TRUE as readonly string[]).includes(s));

const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(values));

const stateSchema = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(E.usStateSchema);

/** A whole number from min to max, written with digits only. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Dollars: digits with optional cents ("450", "450.50"), 0 to MAX_PRICE, rounded down to whole dollars. */
const dollarsSchema = z
  .string()
  .transform((s) => s.replace(/^\$/, "").replace(/,/g, ""))
  .pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/))
  .transform((s) => Math.floor(Number(s)))
  .pipe(z.number().int().min(0).max(MAX_PRICE));

const zipSchema = z
  .string()
  .regex(/^\d{5}(-\d{4})?$/)
  .transform((s, ctx) => {
    const p = zipToPoint(s);
    if (!p) {
      ctx.addIssue({ code: "custom", message: "unknown ZIP code" });
      return z.NEVER;
    }
    return toZipLocation(p);
  });

const languageSchema = z.string().transform((s, ctx) => {
  const l = canonicalLanguage(s);
  if (!l) {
    ctx.addIssue({ code: "custom", message: "unknown language" });
    return z.NEVER;
  }
  return l;
});

/** How each parameter reads, what it is called in plain words, and what the API says is allowed. */
type Spec = {
  schema: z.ZodType<unknown, string>;
  many?: boolean;
  /** Plain words for notices: "We ignored … for {what}". */
  what: string;
  /** For API errors: "{name} must be {expected}". */
  expected: string;
};

const oneOf = (values: readonly string[]) => `one of: ${values.join(", ")}`;
const BOOL_EXPECTED = "true or false";

const SPECS = {
  q: { schema: z.string().max(MAX_Q_LENGTH), what: "the search words", expected: `at most ${MAX_Q_LENGTH} characters` },
  state: { schema: stateSchema, what: "the state", expected: "a two-letter US state code such as CA" },
  city: { schema: z.string(), what: "the city", expected: "the name of a US city (in `state`, when given)" },
  zip: { schema: zipSchema, what: "the ZIP code", expected: "a known 5-digit US ZIP code" },
  radius: { schema: wholeNumber(1, MAX_RADIUS), what: "the distance", expected: `a whole number of miles from 1 to ${MAX_RADIUS}` },
  telehealthIn: { schema: stateSchema, what: "the state for online care", expected: "a two-letter US state code such as CA" },
  type: { schema: lowerEnum(E.CLINIC_TYPES), many: true, what: "the kind of clinic", expected: oneOf(E.CLINIC_TYPES) },
  route: { schema: lowerEnum(E.ROUTES), many: true, what: "the way ketamine is given", expected: oneOf(E.ROUTES) },
  condition: { schema: lowerEnum(E.CONDITIONS), many: true, what: "the condition", expected: oneOf(E.CONDITIONS) },
  integration: { schema: lowerEnum(INTEGRATION_CHOICES), many: true, what: "integration therapy", expected: oneOf(INTEGRATION_CHOICES) },
  therapist: { schema: lowerEnum(["licensed"]), what: "who leads integration", expected: "licensed" },
  followUp24h: { schema: boolSchema, what: "the 24-hour check-in", expected: BOOL_EXPECTED },
  groups: { schema: lowerEnum(GROUP_CHOICES), what: "support groups", expected: oneOf(GROUP_CHOICES) },
  onCall: { schema: boolSchema, what: "on-call help", expected: BOOL_EXPECTED },
  onCallHours: { schema: lowerEnum(E.ON_CALL_HOURS), many: true, what: "on-call hours", expected: oneOf(E.ON_CALL_HOURS) },
  prep: { schema: boolSchema, what: "preparation sessions", expected: BOOL_EXPECTED },
  mbc: { schema: boolSchema, what: "progress tracking", expected: BOOL_EXPECTED },
  tools: { schema: lowerEnum(E.DIGITAL_TOOLS), many: true, what: "tools between sessions", expected: oneOf(E.DIGITAL_TOOLS) },
  lifestyle: { schema: lowerEnum(E.LIFESTYLE), many: true, what: "healthy-habit programs", expected: oneOf(E.LIFESTYLE) },
  recoveryRoom: { schema: boolSchema, what: "recovery room", expected: BOOL_EXPECTED },
  maxSessionPrice: { schema: dollarsSchema, what: "the price per session", expected: `a number of dollars from 0 to ${MAX_PRICE}` },
  maxCourse: { schema: dollarsSchema, what: "the course price", expected: `a number of dollars from 0 to ${MAX_PRICE}` },
  insurance: { schema: lowerEnum(E.INSURANCE), many: true, what: "insurance", expected: oneOf(E.INSURANCE) },
  hsaFsa: { schema: boolSchema, what: "HSA/FSA", expected: BOOL_EXPECTED },
  financing: { schema: boolSchema, what: "payment plans", expected: BOOL_EXPECTED },
  slidingScale: { schema: boolSchema, what: "sliding-scale prices", expected: BOOL_EXPECTED },
  accepting: { schema: boolSchema, what: "taking new patients", expected: BOOL_EXPECTED },
  language: { schema: languageSchema, many: true, what: "the language", expected: "a language name such as Spanish" },
  evening: { schema: boolSchema, what: "evening hours", expected: BOOL_EXPECTED },
  weekend: { schema: boolSchema, what: "weekend hours", expected: BOOL_EXPECTED },
  sort: { schema: lowerEnum(SORTS), what: "the order", expected: oneOf(SORTS) },
  page: { schema: wholeNumber(1, MAX_PAGE), what: "the page number", expected: `a whole number from 1 to ${MAX_PAGE}` },
  perPage: { schema: wholeNumber(1, MAX_PER_PAGE), what: "the number of results per page", expected: `a whole number from 1 to ${MAX_PER_PAGE}` },
} satisfies Record<ParamName, Spec>; // prettier-ignore

/** Every parameter name, in the order canonical URLs list them. */
export const PARAM_NAMES = Object.keys(SPECS) as ParamName[];

/** Shortens what a person typed for a notice, so a long or odd value cannot flood the page. */
function shown(raw: string): string {
  const clean = raw.replace(/\p{Cc}/gu, " ").trim(); // control characters
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function issue(name: ParamName, raw: string | null, message?: string): QueryIssue {
  const spec: Spec = SPECS[name];
  return {
    parameter: name,
    message:
      message ??
      `${name} must be ${spec.expected}${raw === null ? "" : `; got ${JSON.stringify(shown(raw))}`}`,
    notice:
      raw === null
        ? `We ignored ${spec.what} because it was given more than once.`
        : `We ignored “${shown(raw)}” for ${spec.what} because we couldn't use it.`,
  };
}

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

/** The non-empty, trimmed values of `name` (forms send empty fields as `name=`). */
function valuesOf(input: Input, name: string): string[] {
  const raw =
    input instanceof URLSearchParams
      ? input.getAll(name)
      : ([] as (string | undefined)[]).concat(input[name] ?? []).filter((v) => v !== undefined);
  return raw.map((v) => v.trim()).filter((v) => v !== "");
}

/**
 * Parses search params into a `SearchQuery`. `lenient` (pages) drops what it cannot use, with a
 * notice each; `strict` (API) stops at the first bad parameter.
 */
export function parseSearchQuery(input: Input, mode: "lenient" | "strict"): ParseResult {
  const query: SearchQuery = { ...DEFAULT_QUERY };
  const notices: QueryIssue[] = [];
  const mutable = query as Record<ParamName, unknown>;
  let sortGiven = false;

  for (const name of PARAM_NAMES) {
    const spec: Spec = SPECS[name];
    const values = valuesOf(input, name);
    if (values.length === 0) continue;
    if (!spec.many && values.length > 1) {
      const problem = issue(name, null, `${name} may be given only once`);
      if (mode === "strict") return { ok: false, error: problem };
      notices.push(problem);
      values.splice(1);
    }
    const good: unknown[] = [];
    let bad: string | undefined;
    for (const v of values) {
      const r = spec.schema.safeParse(v);
      if (r.success) {
        if (!good.includes(r.data)) good.push(r.data);
      } else bad ??= v;
    }
    if (bad !== undefined) {
      const problem = issue(name, bad);
      if (mode === "strict") return { ok: false, error: problem };
      notices.push(problem);
    }
    if (good.length === 0) continue;
    mutable[name] = spec.many ? good : good[0];
    if (name === "sort") sortGiven = true;
  }

  // A city is kept only as the dataset spells it (in the chosen state, when there is one).
  if (query.city !== null) {
    const raw = query.city;
    query.city = canonicalCity(raw, query.state ?? undefined) ?? null;
    if (query.city === null) {
      const where = query.state ? ` in ${query.state}` : "";
      const problem: QueryIssue = {
        parameter: "city",
        message: `city must be ${SPECS.city.expected}; no US city${where} is called ${JSON.stringify(shown(raw))}`,
        notice: `We couldn't find a city called “${shown(raw)}”${where}, so we searched without it.`,
      };
      if (mode === "strict") return { ok: false, error: problem };
      notices.push(problem);
    }
  }

  // Search words that name a US place ("Austin 78701", "Austin, TX") set the location; the rest stay words.
  const place = placeFromWords(query);
  Object.assign(query, place.change);
  notices.push(...place.notices);

  if (query.sort === "distance" && query.zip === null) {
    const problem: QueryIssue = {
      parameter: "sort",
      message: "sort may be distance only with a location: give zip",
      notice: "We can sort by distance only when you search near a ZIP code, so we used the usual order.",
    };
    if (mode === "strict") return { ok: false, error: problem };
    notices.push(problem);
    query.sort = "relevance";
  } else if (!sortGiven && query.zip !== null) {
    query.sort = "distance";
  }

  return { ok: true, query, notices, ...(place.choices ? { placeChoices: place.choices } : {}) };
}

/** The default sort for a query: nearest first when searching near a ZIP code. */
export const defaultSort = (q: Pick<SearchQuery, "zip">): Sort => (q.zip ? "distance" : "relevance");

/** One parameter's values as URL strings (empty when it holds its default). */
function paramValues(q: SearchQuery, name: ParamName): string[] {
  const v = q[name];
  if (name === "sort") return v === defaultSort(q) ? [] : [String(v)];
  if (name === "radius") return q.zip && v !== DEFAULT_RADIUS ? [String(v)] : [];
  if (name === "zip") return q.zip ? [q.zip.code] : [];
  if (name === "page") return v === 1 ? [] : [String(v)];
  if (name === "perPage") return v === DEFAULT_PER_PAGE ? [] : [String(v)];
  if (Array.isArray(v)) return v.map(String);
  if (v === null || v === false || v === "") return [];
  return [String(v)];
}

/** The canonical URL search params of a query: defaults left out, parameters in a fixed order. */
export function toSearchParams(q: SearchQuery): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of PARAM_NAMES) for (const v of paramValues(q, name)) out.append(name, v);
  return out;
}

/** `/clinics?…` for a query, optionally changed (e.g. `{ page: 3 }`). Changing a filter goes back to page 1. */
export function searchHref(q: SearchQuery, change: Partial<SearchQuery> = {}, path = "/clinics"): string {
  const keepsPage = Object.keys(change).every((k) => k === "page" || k === "sort" || k === "perPage");
  const next = { ...q, ...(keepsPage ? {} : { page: 1 }), ...change };
  // A default sort follows the location (nearest first near a ZIP code); distance needs one.
  if (change.sort === undefined && q.sort === defaultSort(q)) next.sort = defaultSort(next);
  if (next.sort === "distance" && !next.zip) next.sort = "relevance";
  const qs = toSearchParams(next).toString();
  return qs ? `${path}?${qs}` : path;
}
