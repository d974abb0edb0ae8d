import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinicCostInputs } from "@/db/schema";
import { routeSchema, usStateSchema, type Route, type UsState } from "@/db/enums";
import { slugify } from "@/db/seed/names";
import { AFTERCARE_WEEKS_TARGET } from "@/lib/aftercare";
import { CACHE_TAGS } from "@/lib/cache";
import { cachedFigures } from "@/lib/cached-figures";
import {
  aftercareAdds,
  paymentCounts,
  stateRouteMedians,
  type AftercareAdds,
  type Median,
  type PaymentCounts,
} from "./breakdowns";
import { FEATURES, type FeatureKey } from "./features";
import { priceMovement, type PriceMovement } from "./movement";
import { binCounts, quartiles, trimBins, type Quartiles, type Weighted } from "./stats";

/**
 * Cost and aftercare figures for the nation, a state or a city, computed in PostgreSQL from
 * published listings only (read from `clinic_cost_inputs`, the narrow copy of `clinics` that triggers
 * keep equal to it: db/schema.ts `clinicCostInputs`), and cached (`unstable_cache`, tagged, revalidated after at most
 * a minute and at once when a listing changes, see `lib/cached-figures.ts` and `lib/cache.ts`).
 *
 * Where a listing counts:
 * - a physical clinic counts in its own state and city;
 * - a telehealth service counts in every state in its `statesServed` (not in its home state unless
 *   it serves it), never in a city's figures, and once in the national figures.
 *
 * The per-session price of a listing is the low end of its listed range (`least(session_min,
 * session_max)`, so a range with one end missing reads as a single price). A listing that offers
 * several routes lists one price, so it counts under each route it offers.
 *
 * Course estimates and aftercare scores are the listing's stored derived facts (`course_low`,
 * `course_high`, `aftercare_score`, …: db/schema.ts `derivedColumns`), computed at every write by
 * the cost model and the score of lib/aftercare, never restated in SQL.
 */

/** Per-session price histogram: $100 bins, the last one "$2,000 and up". */
const PRICE_BIN_CENTS = 10_000;
const PRICE_LAST_BIN = 20;
/** Course-estimate histogram: $1,000 bins, the last one "$15,000 and up". */
const COURSE_BIN_CENTS = 100_000;
const COURSE_LAST_BIN = 15;
/** A city gets its own page when at least this many clinics are located there. */
export const MIN_CITY_CLINICS = 5;
/** How many clinics the "strongest aftercare" lists show. */
const TOP_CLINICS = 10;

export type Scope =
  { kind: "nation" } | { kind: "state"; state: UsState } | { kind: "city"; state: UsState; city: string };

/** Per-session price of listings offering a route (`route` null: every priced listing once). Cents. */
export type RoutePrice = { route: Route | null; count: number } & Quartiles;
type Histogram = { width: number; bins: number[]; lastIsOverflow: boolean };
type FeatureShare = { key: FeatureKey; count: number; share: number };
type CourseFigures = {
  /** Listings with a known estimate. */
  count: number;
  /** Listings whose prices do not allow an estimate. */
  unknown: number;
  low: Quartiles | null;
  high: Quartiles | null;
  /** Midpoints of the estimates. */
  histogram: Histogram;
};
export type Figures = {
  computedAt: string;
  clinics: number;
  /** Telehealth services among `clinics`. */
  telehealth: number;
  /** Listings with a per-session price. */
  priced: number;
  routes: RoutePrice[];
  priceHistogram: Histogram;
  course: CourseFigures;
  features: FeatureShare[];
  /** How clinics can be paid (lib/costs/breakdowns.ts). */
  payment: PaymentCounts;
  /** Course cost by integration model and aftercare score band, per route (lib/costs/breakdowns.ts). */
  aftercareAdds: AftercareAdds;
};
export type CityRow = {
  city: string;
  slug: string;
  clinics: number;
  medianPrice: number | null;
  integrationShare: number;
};
export type TopClinic = {
  slug: string;
  name: string;
  city: string;
  state: string;
  telehealth: boolean;
  score: number;
};
export type StateRow = {
  state: UsState;
  clinics: number;
  /** Clinics with a per-session price: the sample of `medianPrice`. */
  priced: number;
  medianPrice: number | null;
  /** Median per-session price per route, with the clinics it rests on. */
  routes: Partial<Record<Route, Median>>;
  shares: Record<FeatureKey, number>;
};

/** `movement`: the median price per route month by month (lib/costs/movement.ts). */
export type NationCosts = Figures & { states: StateRow[]; movement: PriceMovement };
export type StateCosts = Figures & {
  cities: CityRow[];
  top: TopClinic[];
  scoreMedian: number | null;
  movement: PriceMovement;
};
export type CityCosts = Figures & { top: TopClinic[]; scoreMedian: number | null };

// ---------------------------------------------------------------- SQL pieces

/** A listing's per-session price (alias `c`): the low end of its listed range. */
export const PRICE = sql`least(c.session_min, c.session_max)`;

/** Which listings count in a scope (table alias `c`, or `clinics`); see the rules at the top. */
export function scopeWhere(scope: Scope, alias: "c" | "clinics" = "c"): SQL {
  const c = sql.raw(alias);
  switch (scope.kind) {
    case "nation":
      return sql`${c}.status = 'published'`;
    case "state":
      return sql`${c}.status = 'published' and (
        (${c}.clinic_type <> 'telehealth' and ${c}.state = ${scope.state})
        or (${c}.clinic_type = 'telehealth' and ${scope.state} = any(${c}.states_served)))`;
    case "city":
      return sql`${c}.status = 'published' and ${c}.clinic_type <> 'telehealth'
        and ${c}.state = ${scope.state} and ${c}.city = ${scope.city}`;
  }
}

/**
 * When a listing has each feature (alias `c`). Derived facts are the stored columns (db/schema.ts
 * `derivedColumns`); the rest read one field each.
 */
const FEATURE_SQL: Record<FeatureKey, SQL> = {
  integration: sql`c.integration_therapy = 'included'`,
  "integration-any": sql`c.offers_integration`,
  licensed: sql`c.integration_licensed`,
  followup: sql`c.follow_up_24h`,
  oncall: sql`c.on_call <> 'none'`,
  "oncall-247": sql`c.on_call <> 'none' and c.on_call_hours = 'always'`,
  groups: sql`c.support_groups <> 'none'`,
  prep: sql`c.has_prep`,
  measurement: sql`c.measurement_based_care`,
  tools: sql`cardinality(c.digital_tools) >= 1`,
  lifestyle: sql`cardinality(c.lifestyle) >= 1`,
  "recovery-room": sql`c.recovery_room`,
  weeks8: sql`c.aftercare_weeks >= ${AFTERCARE_WEEKS_TARGET}`,
};

/** `count(*) filter (where …) as f0, f1, …` in `FEATURES` order. */
const featureCounts = sql.join(
  FEATURES.map((f, i) => sql`count(*) filter (where ${FEATURE_SQL[f.key]})::int as ${sql.raw(`f${i}`)}`),
  sql`, `,
);
const featureColumns = z.object(Object.fromEntries(FEATURES.map((_, i) => [`f${i}`, z.number().int()])));

function shares(row: Record<string, number>, total: number): FeatureShare[] {
  return FEATURES.map((f, i) => {
    const count = row[`f${i}`] ?? 0;
    return { key: f.key, count, share: total > 0 ? count / total : 0 };
  });
}

const cents = (x: number | null) => (x === null ? null : Math.round(x));
const centsQuartiles = (q: readonly [number, number, number]): Quartiles => ({
  p25: Math.round(q[0]),
  median: Math.round(q[1]),
  p75: Math.round(q[2]),
});

// ---------------------------------------------------------------- queries

const quartileArray = z.tuple([z.number(), z.number(), z.number()]);

async function routePrices(db: Db, scope: Scope): Promise<RoutePrice[]> {
  const where = scopeWhere(scope);
  const q = sql`percentile_cont(array[0.25, 0.5, 0.75]::float8[]) within group (order by ${PRICE})::float8[]`;
  const rows = z
    .array(z.object({ route: routeSchema.nullable(), n: z.number().int(), q: quartileArray }))
    .parse(
      await db.execute(sql`
        select null::text as route, count(*)::int as n, ${q} as q
          from ${clinicCostInputs} c where ${where} and ${PRICE} is not null
          having count(*) > 0
        union all
        select r.route::text, count(*)::int, ${q}
          from ${clinicCostInputs} c cross join lateral unnest(c.routes) as r(route)
          where ${where} and ${PRICE} is not null
          group by r.route`),
    );
  return rows
    .map((r) => ({ route: r.route, count: r.n, ...centsQuartiles(r.q) }))
    .sort((a, b) => (a.route === null ? -1 : b.route === null ? 1 : b.count - a.count));
}

async function priceHistogram(db: Db, scope: Scope): Promise<Histogram> {
  const rows = z.array(z.object({ bin: z.number().int(), n: z.number().int() })).parse(
    await db.execute(sql`
      select least(floor(${PRICE} / ${PRICE_BIN_CENTS}), ${PRICE_LAST_BIN})::int as bin, count(*)::int as n
      from ${clinicCostInputs} c where ${scopeWhere(scope)} and ${PRICE} is not null
      group by 1`),
  );
  return histogram(
    rows.map((r) => ({ value: r.bin * PRICE_BIN_CENTS, weight: r.n })),
    PRICE_BIN_CENTS,
    PRICE_LAST_BIN,
  );
}

function histogram(observations: Weighted[], width: number, lastBin: number): Histogram {
  const bins = trimBins(binCounts(observations, width, lastBin));
  return { width, bins, lastIsOverflow: bins.length === lastBin + 1 };
}

async function counts(db: Db, scope: Scope) {
  const [row] = z
    .array(
      z
        .object({ clinics: z.number().int(), telehealth: z.number().int(), priced: z.number().int() })
        .and(featureColumns),
    )
    .parse(
      await db.execute(sql`
        select count(*)::int as clinics,
               count(*) filter (where c.clinic_type = 'telehealth')::int as telehealth,
               count(*) filter (where ${PRICE} is not null)::int as priced,
               ${featureCounts}
        from ${clinicCostInputs} c where ${scopeWhere(scope)}`),
    );
  if (!row) throw new Error("count query returned no row");
  return {
    clinics: row.clinics,
    telehealth: row.telehealth,
    priced: row.priced,
    features: shares(row, row.clinics),
  };
}

const courseRow = z.object({ low: z.number().int().nullable(), high: z.number().int().nullable() });

async function courseFigures(db: Db, scope: Scope): Promise<CourseFigures> {
  const rows = z.array(courseRow).parse(
    await db.execute(sql`select c.course_low as low, c.course_high as high from ${clinicCostInputs} c
      where ${scopeWhere(scope)}`),
  );
  const low: Weighted[] = [];
  const high: Weighted[] = [];
  const mid: Weighted[] = [];
  let unknown = 0;
  for (const e of rows) {
    if (e.low === null || e.high === null) {
      unknown += 1;
      continue;
    }
    low.push({ value: e.low, weight: 1 });
    high.push({ value: e.high, weight: 1 });
    mid.push({ value: (e.low + e.high) / 2, weight: 1 });
  }
  const round = (q: Quartiles | null) =>
    q && { p25: Math.round(q.p25), median: Math.round(q.median), p75: Math.round(q.p75) };
  return {
    count: low.reduce((s, o) => s + o.weight, 0),
    unknown,
    low: round(quartiles(low)),
    high: round(quartiles(high)),
    histogram: histogram(mid, COURSE_BIN_CENTS, COURSE_LAST_BIN),
  };
}

async function figures(db: Db, scope: Scope): Promise<Figures> {
  const [c, routes, priceBins, course, payment, adds] = await Promise.all([
    counts(db, scope),
    routePrices(db, scope),
    priceHistogram(db, scope),
    courseFigures(db, scope),
    paymentCounts(db, scope),
    aftercareAdds(db, scope),
  ]);
  return {
    computedAt: new Date().toISOString(),
    clinics: c.clinics,
    telehealth: c.telehealth,
    priced: c.priced,
    routes,
    priceHistogram: priceBins,
    course,
    features: c.features,
    payment,
    aftercareAdds: adds,
  };
}

/** Published clinics located in a state, by city (telehealth services have no city here). */
async function cityRows(db: Db, state: UsState): Promise<CityRow[]> {
  const rows = z
    .array(
      z.object({
        city: z.string(),
        n: z.number().int(),
        median: z.number().nullable(),
        integration: z.number().int(),
      }),
    )
    .parse(
      await db.execute(sql`
        select c.city, count(*)::int as n,
               percentile_cont(0.5) within group (order by ${PRICE})::float8 as median,
               count(*) filter (where ${FEATURE_SQL.integration})::int as integration
        from ${clinicCostInputs} c where ${scopeWhere({ kind: "state", state })} and c.clinic_type <> 'telehealth'
        group by c.city order by n desc, c.city`),
    );
  return rows.map((r) => ({
    city: r.city,
    slug: slugify(r.city),
    clinics: r.n,
    medianPrice: cents(r.median),
    integrationShare: r.n > 0 ? r.integration / r.n : 0,
  }));
}

const scoreRow = z.object({
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  state: z.string(),
  telehealth: z.boolean(),
  score: z.number().int(),
});

/**
 * The listings of a state or city with the highest aftercare score (ties by name), and the median
 * score (the stored `aftercare_score`, computed by `aftercareScore` at every write).
 */
async function topByScore(db: Db, scope: Scope): Promise<{ top: TopClinic[]; scoreMedian: number | null }> {
  const rows = z.array(scoreRow).parse(
    await db.execute(sql`
      select c.slug, c.name, c.city, c.state, c.clinic_type = 'telehealth' as telehealth,
             c.aftercare_score as score
      from ${clinicCostInputs} c where ${scopeWhere(scope)}`),
  );
  const scored = rows.map((r) => ({ row: r, score: r.score }));
  scored.sort(
    (a, b) =>
      b.score - a.score || a.row.name.localeCompare(b.row.name) || a.row.slug.localeCompare(b.row.slug),
  );
  const median = quartiles(scored.map((s) => ({ value: s.score, weight: 1 })))?.median ?? null;
  return {
    top: scored.slice(0, TOP_CLINICS).map(({ row, score }) => ({
      slug: row.slug,
      name: row.name,
      city: row.city,
      state: row.state,
      telehealth: row.telehealth,
      score,
    })),
    scoreMedian: median,
  };
}

/** Per-state figures for the map: telehealth services count in each state they serve. */
async function stateRows(db: Db): Promise<StateRow[]> {
  const byRoute = await stateRouteMedians(db);
  const rows = z
    .array(
      z
        .object({
          state: z.string(),
          n: z.number().int(),
          priced: z.number().int(),
          median: z.number().nullable(),
        })
        .and(featureColumns),
    )
    .parse(
      await db.execute(sql`
        select s.st as state, count(*)::int as n, count(${PRICE})::int as priced,
               percentile_cont(0.5) within group (order by ${PRICE})::float8 as median,
               ${featureCounts}
        from ${clinicCostInputs} c
        cross join lateral unnest(
          case when c.clinic_type = 'telehealth' then c.states_served else array[c.state] end) as s(st)
        where ${scopeWhere({ kind: "nation" })}
        group by s.st`),
    );
  const out: StateRow[] = [];
  for (const r of rows) {
    const state = usStateSchema.safeParse(r.state);
    if (!state.success) continue; // a served-state code we do not map (e.g. a territory)
    const s = shares(r, r.n);
    out.push({
      state: state.data,
      clinics: r.n,
      priced: r.priced,
      medianPrice: cents(r.median),
      routes: byRoute.get(state.data) ?? {},
      shares: Object.fromEntries(s.map((x) => [x.key, x.share])) as Record<FeatureKey, number>,
    });
  }
  return out.sort((a, b) => a.state.localeCompare(b.state));
}

// ---------------------------------------------------------------- uncached entry points (tests, scripts)

export async function nationCosts(db: Db): Promise<NationCosts> {
  const scope: Scope = { kind: "nation" };
  const [f, states, movement] = await Promise.all([
    figures(db, scope),
    stateRows(db),
    priceMovement(db, scope),
  ]);
  return { ...f, states, movement };
}

export async function stateCosts(db: Db, state: UsState): Promise<StateCosts> {
  const scope: Scope = { kind: "state", state };
  const [f, cities, top, movement] = await Promise.all([
    figures(db, scope),
    cityRows(db, state),
    topByScore(db, scope),
    priceMovement(db, scope),
  ]);
  return { ...f, cities, ...top, movement };
}

export async function cityCosts(db: Db, state: UsState, city: string): Promise<CityCosts> {
  const scope: Scope = { kind: "city", state, city };
  const [f, top] = await Promise.all([figures(db, scope), topByScore(db, scope)]);
  return { ...f, ...top };
}

/** Every city page that exists: cities with at least `MIN_CITY_CLINICS` clinics located there. */
export async function cityPages(db: Db): Promise<{ state: UsState; city: string; slug: string }[]> {
  const rows = z.array(z.object({ state: z.string(), city: z.string() })).parse(
    await db.execute(sql`
      select c.state, c.city from ${clinicCostInputs} c
      where ${scopeWhere({ kind: "nation" })} and c.clinic_type <> 'telehealth'
      group by c.state, c.city having count(*) >= ${MIN_CITY_CLINICS}
      order by c.state, c.city`),
  );
  return rows.flatMap((r) => {
    const state = usStateSchema.safeParse(r.state);
    return state.success ? [{ state: state.data, city: r.city, slug: slugify(r.city) }] : [];
  });
}

// ---------------------------------------------------------------- cached entry points (pages)

export const getNationCosts = cachedFigures("costs-nation", nationCosts, () => [
  CACHE_TAGS.costs,
  CACHE_TAGS.costsNation,
]);

export const getStateCosts = cachedFigures("costs-state", stateCosts, (state: UsState) => [
  CACHE_TAGS.costs,
  CACHE_TAGS.costsState(state),
]);

/** A listing change invalidates its whole state, cities included. */
export const getCityCosts = cachedFigures("costs-city", cityCosts, (state: UsState, _city: string) => [
  CACHE_TAGS.costs,
  CACHE_TAGS.costsState(state),
]);

export const getCityPages = cachedFigures("costs-city-pages", cityPages, () => [
  CACHE_TAGS.costs,
  CACHE_TAGS.costsNation,
]);
