import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinicCostInputs } from "@/db/schema";
import { INTEGRATION_THERAPY, integrationTherapySchema, routeSchema, usStateSchema } from "@/db/enums";
import type { IntegrationTherapy, Route, UsState } from "@/db/enums";
import { SCORE_BANDS, type ScoreBand } from "./bands";
import { PRICE, scopeWhere, type Scope } from "./queries";

/**
 * Figures the cost pages added for issue 14, each one SQL query over the published listings in a
 * scope (the same scope rules as lib/costs/queries.ts), percentiles in PostgreSQL:
 * - what a first course costs by integration model and by aftercare score band, per route;
 * - how many clinics take insurance or HSA/FSA money;
 * - the median per-session price per route in each state (the map's colours).
 *
 * Derived facts (aftercare score, low end of the course estimate) are the listing's stored columns
 * (db/schema.ts `derivedColumns`, computed by lib/aftercare/derived.ts).
 */

/** A median with the number of clinics it rests on. Cents. */
export type Median = { count: number; median: number };

export type AftercareAdds = {
  /** route → integration model → median low-end course estimate. */
  byModel: { route: Route; model: IntegrationTherapy; count: number; median: number }[];
  /** route → aftercare score band → median low-end course estimate. */
  byBand: { route: Route; band: ScoreBand; count: number; median: number }[];
};

const int = (n: number) => sql.raw(String(Math.trunc(n)));

/** `case when score >= 70 then 'high' …`: the band of an aftercare score, from `SCORE_BANDS`. */
function bandSql(score: SQL): SQL {
  const whens = [...SCORE_BANDS]
    .sort((a, b) => b.min - a.min)
    .map((b) => sql`when ${score} >= ${int(b.min)} then ${sql.raw(`'${b.key}'`)}`);
  return sql`(case ${sql.join(whens, sql` `)} end)`;
}

const addsRow = z.object({
  route: routeSchema,
  model: integrationTherapySchema.nullable(),
  band: z.enum(SCORE_BANDS.map((b) => b.key) as [ScoreBand, ...ScoreBand[]]).nullable(),
  n: z.number().int(),
  median: z.number(),
});

/**
 * Median of the low end of the first-course estimate (the stored `course_low`, the same number the
 * search sorts by) by route × integration model and by route × aftercare score band. A listing
 * counts under each route it offers, like the per-session prices; listings without an estimate
 * are left out.
 */
export async function aftercareAdds(db: Db, scope: Scope): Promise<AftercareAdds> {
  const rows = z.array(addsRow).parse(
    await db.execute(sql`
      select r.route::text as route, x.model, x.band, count(*)::int as n,
             percentile_cont(0.5) within group (order by x.course)::float8 as median
      from (
        select c.routes, c.integration_therapy::text as model,
               c.course_low as course, ${bandSql(sql`c.aftercare_score`)} as band
        from ${clinicCostInputs} c where ${scopeWhere(scope)}
      ) x
      cross join lateral unnest(x.routes) as r(route)
      where x.course is not null
      group by grouping sets ((r.route, x.model), (r.route, x.band))`),
  );
  const out: AftercareAdds = { byModel: [], byBand: [] };
  for (const r of rows) {
    const median = Math.round(r.median);
    // grouping sets: a row has its model or its band, the other is null
    if (r.model !== null && r.band === null)
      out.byModel.push({ route: r.route, model: r.model, count: r.n, median });
    else if (r.band !== null && r.model === null)
      out.byBand.push({ route: r.route, band: r.band, count: r.n, median });
  }
  const modelOrder = (m: IntegrationTherapy) => INTEGRATION_THERAPY.indexOf(m);
  const bandOrder = (b: ScoreBand) => SCORE_BANDS.findIndex((x) => x.key === b);
  out.byModel.sort((a, b) => a.route.localeCompare(b.route) || modelOrder(a.model) - modelOrder(b.model));
  out.byBand.sort((a, b) => a.route.localeCompare(b.route) || bandOrder(a.band) - bandOrder(b.band));
  return out;
}

/** How clinics can pay: counts over every clinic in the scope (the search facets' definitions). */
export type PaymentCounts = {
  inNetwork: number;
  superbill: number;
  spravatoOnly: number;
  /** Any of the three above (`insurance` is not `none`). */
  anyInsurance: number;
  hsaFsa: number;
};

export async function paymentCounts(db: Db, scope: Scope): Promise<PaymentCounts> {
  const [row] = z
    .array(
      z.object({
        inNetwork: z.number().int(),
        superbill: z.number().int(),
        spravatoOnly: z.number().int(),
        anyInsurance: z.number().int(),
        hsaFsa: z.number().int(),
      }),
    )
    .parse(
      await db.execute(sql`
        select count(*) filter (where c.insurance = 'in_network')::int as "inNetwork",
               count(*) filter (where c.insurance = 'superbill')::int as superbill,
               count(*) filter (where c.insurance = 'spravato_only')::int as "spravatoOnly",
               count(*) filter (where c.insurance <> 'none')::int as "anyInsurance",
               count(*) filter (where c.hsa_fsa)::int as "hsaFsa"
        from ${clinicCostInputs} c where ${scopeWhere(scope)}`),
    );
  if (!row) throw new Error("payment query returned no row");
  return row;
}

/** Per state: the median per-session price per route (telehealth services count in each state they serve). */
export async function stateRouteMedians(db: Db): Promise<Map<UsState, Partial<Record<Route, Median>>>> {
  const rows = z
    .array(z.object({ state: z.string(), route: routeSchema, n: z.number().int(), median: z.number() }))
    .parse(
      await db.execute(sql`
        select s.st as state, r.route::text as route, count(*)::int as n,
               percentile_cont(0.5) within group (order by ${PRICE})::float8 as median
        from ${clinicCostInputs} c
        cross join lateral unnest(
          case when c.clinic_type = 'telehealth' then c.states_served else array[c.state] end) as s(st)
        cross join lateral unnest(c.routes) as r(route)
        where ${scopeWhere({ kind: "nation" })} and ${PRICE} is not null
        group by 1, 2`),
    );
  const out = new Map<UsState, Partial<Record<Route, Median>>>();
  for (const r of rows) {
    const state = usStateSchema.safeParse(r.state);
    if (!state.success) continue;
    const entry = out.get(state.data) ?? {};
    entry[r.route] = { count: r.n, median: Math.round(r.median) };
    out.set(state.data, entry);
  }
  return out;
}
