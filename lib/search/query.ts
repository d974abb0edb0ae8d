import "@/lib/security/zod-jitless";
import { z } from "zod";
import * as E from "@/db/enums";
import { zipToPoint } from "@/db/geo";
import { canonicalLanguage } from "@/lib/languages";
import { DEFAULT_PER_PAGE, DEFAULT_RADIUS, MAX_PER_PAGE, MAX_RADIUS, SEARCH_PATH } from "./constants";
import { placeFromWords, toZipLocation, type PlaceChoice, type PlaceOffer } from "./place-phrase";
import { canonicalCity } from "./places";
import { FILTERS, filterDef, type Filter, type FilterDef, type PlaceFilter } from "./registry";

/**
 * The search query model: ONE parser from URL search params, used by the /clinics page (lenient:
 * a bad value is dropped with a plain notice and the default used) and by GET /api/clinics (strict:
 * the first bad value is an error naming the parameter). Unknown parameters are ignored. Every value
 * that comes out of here is an enum value, a number, a boolean, or a canonical state, city, ZIP or
 * language name; only `q` is free text, and it never enters a filter.
 */

export const SORTS = ["relevance", "price", "score", "distance", "verified"] as const;
export type Sort = (typeof SORTS)[number];

const MAX_PAGE = 10_000;
/** Dollars; higher limits are surely a typo. */
const MAX_PRICE = 100_000;
export const MAX_Q_LENGTH = 200;

export type ZipLocation = { code: string; lat: number; lng: number; city: string; state: E.UsState };

type NonPlace = Exclude<Filter, { kind: "place" }>;
/** What a filter holds in a query, by its kind in the registry. */
type ValueOf<F> = F extends { kind: "flag"; token: infer T }
  ? T | null
  : F extends { kind: "flag" }
    ? boolean
    : F extends { kind: "many"; choices: readonly (infer C)[] }
      ? C[]
      : F extends { kind: "choice"; choices: readonly (infer C)[] }
        ? C | null
        : F extends { kind: "range" }
          ? number | null
          : never;

/** The filters of a query, one field per registry entry (the place filters are typed below). */
type FilterValues = { -readonly [F in NonPlace as F["param"]]: ValueOf<F> };

export type SearchQuery = {
  q: string;
  state: E.UsState | null;
  city: string | null;
  zip: ZipLocation | null;
  radius: number;
  telehealthIn: E.UsState | null;
} & FilterValues & {
    sort: Sort;
    page: number;
    perPage: number;
  };

const emptyValue = (f: FilterDef): unknown =>
  f.kind === "many" ? [] : f.kind === "flag" && f.token === undefined ? false : null;

export const DEFAULT_QUERY: Readonly<SearchQuery> = Object.freeze({
  q: "",
  state: null,
  city: null,
  zip: null,
  radius: DEFAULT_RADIUS,
  telehealthIn: null,
  ...(Object.fromEntries(
    (FILTERS as readonly FilterDef[]).filter((f) => f.kind !== "place").map((f) => [f.param, emptyValue(f)]),
  ) as FilterValues),
  sort: "relevance",
  page: 1,
  perPage: DEFAULT_PER_PAGE,
});

export type ParamName = keyof SearchQuery;

/** What went wrong with one parameter: `message` for API clients, `notice` for people. */
export type QueryIssue = { parameter: ParamName; message: string; notice: string };

export type ParseResult =
  | {
      ok: true;
      query: SearchQuery;
      notices: QueryIssue[];
      placeChoices?: PlaceChoice[];
      /** Words that read as no place but misspell one ("Austn tx"): the search near it. */
      placeGuess?: PlaceOffer;
      /** The words asked for a place near the searcher ("near me") and gave none. */
      askPlace?: boolean;
    }
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

/** The spec of a registry filter that is not a place: its schema follows its kind. */
function filterSpec(f: FilterDef): Spec {
  const schema =
    f.param === "language"
      ? languageSchema
      : f.kind === "range"
        ? dollarsSchema
        : f.kind === "flag"
          ? f.token === undefined
            ? boolSchema
            : lowerEnum([f.token])
          : lowerEnum(f.choices as readonly [string, ...string[]]);
  const expected =
    f.expected ??
    (f.kind === "range"
      ? `a number of dollars from 0 to ${MAX_PRICE}`
      : f.kind === "flag"
        ? (f.token ?? BOOL_EXPECTED)
        : oneOf(f.choices ?? []));
  return { schema, many: f.kind === "many", what: f.what, expected };
}

const place = (param: PlaceFilter["param"], schema: Spec["schema"]): Spec => {
  const f = filterDef(param)!;
  return { schema, what: f.what, expected: f.expected ?? "" };
};

const SPECS = {
  q: { schema: z.string().max(MAX_Q_LENGTH), what: "the search words", expected: `at most ${MAX_Q_LENGTH} characters` },
  state: place("state", stateSchema),
  city: place("city", z.string()),
  zip: place("zip", zipSchema),
  radius: place("radius", wholeNumber(1, MAX_RADIUS)),
  telehealthIn: place("telehealthIn", stateSchema),
  ...(Object.fromEntries(
    (FILTERS as readonly FilterDef[]).filter((f) => f.kind !== "place").map((f) => [f.param, filterSpec(f)]),
  ) as Record<NonPlace["param"], Spec>),
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

  return {
    ok: true,
    query,
    notices,
    ...(place.choices ? { placeChoices: place.choices } : {}),
    ...(place.guess ? { placeGuess: place.guess } : {}),
    ...(place.askPlace ? { askPlace: true } : {}),
  };
}

/**
 * Parses search params for a page: whatever cannot be used is dropped with a notice, so this
 * always succeeds (`parseSearchQuery`'s lenient mode).
 */
export function parseLenient(input: Input): Extract<ParseResult, { ok: true }> {
  const parsed = parseSearchQuery(input, "lenient");
  if (!parsed.ok) throw new Error("lenient parsing never fails");
  return parsed;
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
export function searchHref(q: SearchQuery, change: Partial<SearchQuery> = {}, path = SEARCH_PATH): string {
  const keepsPage = Object.keys(change).every((k) => k === "page" || k === "sort" || k === "perPage");
  const next = { ...q, ...(keepsPage ? {} : { page: 1 }), ...change };
  // A default sort follows the location (nearest first near a ZIP code); distance needs one.
  if (change.sort === undefined && q.sort === defaultSort(q)) next.sort = defaultSort(next);
  if (next.sort === "distance" && !next.zip) next.sort = "relevance";
  const qs = toSearchParams(next).toString();
  return qs ? `${path}?${qs}` : path;
}
