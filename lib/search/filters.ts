import { METERS_PER_MILE, type Circle } from "@/db/geo";
import { circleBox, type OutsideFinder } from "./geo";
import type { ParamName, SearchQuery } from "./query";
import { choicesOf, FILTERS, type FilterDef } from "./registry";
import { FILTERABLE_ATTRIBUTES, SAFE_FILTER_VALUE, type FilterableAttribute } from "./settings";

/**
 * Search filters as a small expression tree, built only from a parsed `SearchQuery`. Meilisearch
 * gets it as a filter string (`toMeiliFilter`), the PostgreSQL fallback as SQL (`lib/search/fallback.ts`),
 * so both answer the same question. Attributes come from an allowlist and values are enum values,
 * numbers, booleans or canonical names; the compiler re-checks both and throws on anything else.
 */

export type Cond =
  | { op: "eq"; attr: FilterableAttribute; value: string | boolean }
  | { op: "in"; attr: FilterableAttribute; values: readonly string[] }
  | { op: "lte"; attr: FilterableAttribute; value: number }
  /** The attribute holds no value (a listing with no price, for the "don't list prices" offer). */
  | { op: "null"; attr: FilterableAttribute }
  /** Within a circle. For Meilisearch, `outside` holds the ids in its bounding box but outside it (see `resolveGeo`). */
  | ({ op: "geo"; outside?: readonly string[] } & Circle)
  | { op: "and"; items: readonly Cond[] }
  | { op: "or"; items: readonly Cond[] };

const and = (items: readonly Cond[]): Cond => (items.length === 1 ? items[0]! : { op: "and", items });
/** Both conditions, either, or none. */
export const andAlso = (a?: Cond, b?: Cond): Cond | undefined => (a && b ? and([a, b]) : (a ?? b));
/** OR; alternatives that are all `IN` lists of one attribute merge into one list. */
function or(items: readonly Cond[]): Cond {
  if (items.length === 1) return items[0]!;
  const first = items[0];
  if (first?.op === "in" && items.every((i) => i.op === "in" && i.attr === first.attr)) {
    const values = items.flatMap((i) => (i.op === "in" ? i.values : []));
    return { op: "in", attr: first.attr, values: [...new Set(values)] };
  }
  return { op: "or", items };
}

// ---------------------------------------------------------------- facets

/**
 * A filter parameter with counts beside its choices. `cond(value)` is the filter one choice adds;
 * the count of a choice is the sum of the Meilisearch facet values `sum(value)` of `attr` (every
 * attribute summed over more than one value holds one value per document, so nothing is counted twice).
 */
export type Facet = {
  param: ParamName;
  attr: FilterableAttribute;
  choices: readonly string[];
  cond: (value: string) => Cond;
  sum: (value: string) => readonly string[];
  /** Every value of `attr` a choice sums, once each, in choice order. */
  values: readonly string[];
  /** The condition under which a document's `attr` holds `value` (one of `values`). */
  holds: (value: string) => Cond;
};

/** The condition one choice of a registry filter adds. */
function choiceCond(f: FilterDef, value: string): Cond {
  const attr = f.attr as FilterableAttribute;
  switch (f.kind) {
    case "flag":
      return f.stored ? { op: "in", attr, values: f.stored } : { op: "eq", attr, value: true };
    case "range":
      return { op: "lte", attr, value: Number(value) };
    default:
      return { op: "in", attr, values: f.matches?.[value] ?? [value] };
  }
}

/** The facet of a registry filter, from its kind. */
function facetOf(f: FilterDef): Facet {
  const sum = (v: string) => (f.kind === "flag" ? (f.stored ?? ["true"]) : (f.matches?.[v] ?? [v]));
  const attr = f.attr as FilterableAttribute;
  return {
    param: f.param as ParamName,
    attr: (f.buckets ?? f.attr) as FilterableAttribute,
    choices: choicesOf(f),
    cond: (v) => choiceCond(f, v),
    sum,
    values: [...new Set(choicesOf(f).flatMap(sum))],
    // A price limit's value is the limit (the document lists the limits its price is within).
    holds: (v) =>
      f.kind === "range"
        ? choiceCond(f, v)
        : f.kind === "flag" && !f.stored
          ? { op: "eq", attr, value: true }
          : { op: "in", attr, values: [v] },
  };
}

/** Every counted filter, in registry order. */
export const FACETS: readonly Facet[] = (FILTERS as readonly FilterDef[])
  .filter((f) => f.attr && (f.kind === "place" ? f.facet === true : f.facet !== false))
  .map(facetOf);

const FACET_BY_PARAM = new Map(FACETS.map((f) => [f.param, f]));

// ---------------------------------------------------------------- groups

/** The location parameters act together, as one group. */
export const PLACE_PARAMS = (FILTERS as readonly FilterDef[])
  .filter((f) => f.kind === "place")
  .map((f) => f.param as ParamName);

/** "place" for the location parameters, else the one parameter a group holds. */
export type GroupKey = "place" | ParamName;

/**
 * One active filter: a set of parameters that filter together (OR inside, AND between groups), the
 * condition it adds, and the facets it counts. Counts for a group's own choices are taken as if the
 * group were not applied ("disjunctive faceting"), so choosing one option never hides the others.
 */
export type FilterGroup = {
  key: GroupKey;
  params: readonly ParamName[];
  cond: Cond;
  facets: readonly Facet[];
};

/** The values of a parameter as strings ([] when it holds its default). */
function selected(q: SearchQuery, param: ParamName): string[] {
  const v = q[param];
  if (Array.isArray(v)) return v.map(String);
  if (v === null || v === false || v === "") return [];
  return [String(v)];
}

function placeGroup(q: SearchQuery): FilterGroup | undefined {
  const local: Cond[] = [];
  if (q.state) local.push({ op: "eq", attr: "state", value: q.state });
  if (q.city) local.push({ op: "eq", attr: "city", value: q.city });
  if (q.zip) local.push({ op: "geo", lat: q.zip.lat, lng: q.zip.lng, meters: q.radius * METERS_PER_MILE });
  const online: Cond | undefined = q.telehealthIn
    ? { op: "eq", attr: "telehealthStates", value: q.telehealthIn }
    : undefined;
  const parts = [...(local.length ? [and(local)] : []), ...(online ? [online] : [])];
  if (parts.length === 0) return undefined;
  return {
    key: "place",
    params: PLACE_PARAMS,
    // Near me, or online in my state: either will do.
    cond: or(parts),
    facets: [FACET_BY_PARAM.get("state")!, FACET_BY_PARAM.get("telehealthIn")!],
  };
}

/** The active filter groups of a query, in a fixed order. */
export function filterGroups(q: SearchQuery): FilterGroup[] {
  const groups: FilterGroup[] = [];
  const place = placeGroup(q);
  if (place) groups.push(place);
  for (const facet of FACETS) {
    if (PLACE_PARAMS.includes(facet.param)) continue;
    const values = selected(q, facet.param);
    if (values.length === 0) continue;
    groups.push({
      key: facet.param,
      params: [facet.param],
      cond: or(values.map(facet.cond)),
      facets: [facet],
    });
  }
  return groups;
}

/** Facets whose counts come from the main query: those of parameters no active group holds. */
export function idleFacets(groups: readonly FilterGroup[]): Facet[] {
  const busy = new Set(groups.flatMap((g) => g.facets));
  return FACETS.filter((f) => !busy.has(f));
}

/** The AND of every group's condition, leaving out `except` (for disjunctive counts and relaxing). */
export function combined(groups: readonly FilterGroup[], except?: GroupKey): Cond | undefined {
  const items = groups.filter((g) => g.key !== except).map((g) => g.cond);
  return items.length === 0 ? undefined : and(items);
}

export type FacetCounts = Partial<Record<ParamName, Record<string, number>>>;

/** Counts per choice from a Meilisearch facet distribution. */
export function countsFromDistribution(
  facets: readonly Facet[],
  dist: Record<string, Record<string, number>> | undefined,
): FacetCounts {
  const out: FacetCounts = {};
  for (const f of facets) {
    const values = dist?.[f.attr] ?? {};
    out[f.param] = Object.fromEntries(
      f.choices.map((c) => [c, f.sum(c).reduce((s, v) => s + (values[v] ?? 0), 0)]),
    );
  }
  return out;
}

// ---------------------------------------------------------------- Meilisearch

const ALLOWED: ReadonlySet<string> = new Set(FILTERABLE_ATTRIBUTES);

export class UnsafeFilterError extends Error {
  readonly code = "unsafe_filter";
}

function attribute(a: string): string {
  if (!ALLOWED.has(a)) throw new UnsafeFilterError(`attribute not allowed in a filter: ${a}`);
  return a;
}

function literal(v: string | boolean): string {
  if (typeof v === "boolean") return String(v);
  if (!SAFE_FILTER_VALUE.test(v))
    throw new UnsafeFilterError(`value not allowed in a filter: ${JSON.stringify(v)}`);
  // Quoted, with the two characters that could end the quote escaped (none can occur after the check).
  return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function number(n: number): string {
  if (!Number.isFinite(n)) throw new UnsafeFilterError(`not a finite number: ${n}`);
  return String(n);
}

/** Listings by id (ids are checked like any other value). */
export function idsFilter(ids: readonly string[]): string {
  if (ids.length === 0) throw new UnsafeFilterError("an empty IN list matches nothing");
  return `id IN [${ids.map(literal).join(", ")}]`;
}

/** Coordinates with a fixed number of decimals (never exponent notation). */
const coordinate = (n: number) => n.toFixed(9);

/** A circle as Meilisearch sees it: its bounding box, less the listings in the box's corners. */
function geoFilter(c: Extract<Cond, { op: "geo" }>): string {
  [c.lat, c.lng, c.meters].forEach(number);
  if (!c.outside) throw new Error("a radius filter needs the listings outside it first (resolveGeo)");
  const box = circleBox(c);
  const lng = box.lng.map(([lo, hi]) => `lng >= ${coordinate(lo)} AND lng <= ${coordinate(hi)}`);
  const parts = [
    `lat >= ${coordinate(box.minLat)}`,
    `lat <= ${coordinate(box.maxLat)}`,
    lng.length === 1 ? lng[0]! : `(${lng.map((r) => `(${r})`).join(" OR ")})`,
  ];
  if (c.outside.length) parts.push(`NOT ${idsFilter(c.outside)}`);
  return `(${parts.join(" AND ")})`;
}

/** A Meilisearch filter expression for a condition. */
export function toMeiliFilter(c: Cond): string {
  switch (c.op) {
    case "eq":
      return `${attribute(c.attr)} = ${literal(c.value)}`;
    case "in":
      if (c.values.length === 0) throw new UnsafeFilterError("an empty IN list matches nothing");
      return `${attribute(c.attr)} IN [${c.values.map(literal).join(", ")}]`;
    case "lte":
      return `${attribute(c.attr)} <= ${number(c.value)}`;
    case "null":
      return `${attribute(c.attr)} IS NULL`;
    case "geo":
      return geoFilter(c);
    case "and":
    case "or":
      return c.items.length === 1
        ? toMeiliFilter(c.items[0]!)
        : `(${c.items.map(toMeiliFilter).join(c.op === "and" ? " AND " : " OR ")})`;
  }
}

/** The condition with every radius given the ids Meilisearch must leave out (see `lib/search/geo.ts`). */
export async function resolveGeo(cond: Cond, outside: OutsideFinder): Promise<Cond> {
  switch (cond.op) {
    case "geo":
      return { ...cond, outside: await outside(cond) };
    case "and":
    case "or":
      return { op: cond.op, items: await Promise.all(cond.items.map((i) => resolveGeo(i, outside))) };
    default:
      return cond;
  }
}

/** `resolveGeo` for every group. */
export function resolveGroups(
  groups: readonly FilterGroup[],
  outside: OutsideFinder,
): Promise<FilterGroup[]> {
  return Promise.all(groups.map(async (g) => ({ ...g, cond: await resolveGeo(g.cond, outside) })));
}
