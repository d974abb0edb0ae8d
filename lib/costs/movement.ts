import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinicCostInputs } from "@/db/schema";
import { ROUTES, routeSchema, type Route } from "@/db/enums";
import { PRICE, scopeWhere, type Scope } from "./queries";
import { isFew } from "./sample";

/**
 * Price movement: the median per-session price of each route at the end of each of the last
 * `MOVEMENT_MONTHS` months (the current month: now), computed in PostgreSQL from the listings and
 * their revisions (`listing_revisions`).
 *
 * A listing's price at an instant is read back from its revisions: the `before` of the first
 * revision after that instant that changed `sessionMin` (or `sessionMax`), or the value it has
 * now when none did. So a listing whose price never changed counts with its price of today, and
 * one changed in March counts with its old price for the months before. A listing counts from the
 * month it was created, under the routes it offers now and in the places it counts in now (the
 * scope rules of lib/costs/queries.ts): only its price is taken as it was then. The price is the
 * same as everywhere on the cost pages: the low end of the listed range (`PRICE`).
 *
 * A month whose median rests on few clinics (`isFew`) is marked; a route whose every month has
 * enough clinics is `enough` and gets a line on the chart.
 */
const MOVEMENT_MONTHS = 12;

/** `clinics`: listings with a price in that month; `median` in cents, null when there are none. */
type MovementPoint = { month: string; clinics: number; median: number | null };
type MovementSeries = { route: Route; points: MovementPoint[]; enough: boolean };
export type PriceMovement = {
  /** "2025-12" … "2026-11", oldest first. */
  months: string[];
  series: MovementSeries[];
};

/** The last `MOVEMENT_MONTHS` calendar months (UTC) up to `now`'s, each with the instant its price is read at. */
function movementMonths(now: Date): { month: string; at: string }[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return Array.from({ length: MOVEMENT_MONTHS }, (_, i) => {
    const start = new Date(Date.UTC(y, m - (MOVEMENT_MONTHS - 1) + i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    return {
      month: start.toISOString().slice(0, 7),
      at: (end < now ? end : now).toISOString(),
    };
  });
}

const rowSchema = z.array(
  z.object({ month: z.string(), route: routeSchema, n: z.number().int(), median: z.number() }),
);

export async function priceMovement(db: Db, scope: Scope, now = new Date()): Promise<PriceMovement> {
  const points = movementMonths(now);
  const first = points[0]!.at;
  // Price steps per listing: each price revision after the first instant closes a step whose price
  // is the `before` of the next revision of each field (reading back from today's values); the last
  // step runs from the newest revision on, at today's price.
  const rows = rowSchema.parse(
    await db.execute(sql`
      with pts as (
        select p.i::int as i, p.month, p.at
        from rows from (jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as (month text, at timestamptz))
          with ordinality as p(month, at, i)
      ),
      sc as materialized (
        select c.id, c.routes, c.created_at, c.session_min, c.session_max, ${PRICE} as price
        from ${clinicCostInputs} c where ${scopeWhere(scope)}
      ),
      ev as materialized (
        select r.clinic_id, r.created_at as t, r.id,
               r.changes ? 'sessionMin' as has_min, (r.changes -> 'sessionMin' ->> 'before')::int as min_before,
               r.changes ? 'sessionMax' as has_max, (r.changes -> 'sessionMax' ->> 'before')::int as max_before
        from listing_revisions r join sc on sc.id = r.clinic_id
        where r.created_at > ${first}::timestamptz and (r.changes ? 'sessionMin' or r.changes ? 'sessionMax')
      ),
      grouped as (
        select ev.*,
               count(*) filter (where has_min) over w as g_min,
               count(*) filter (where has_max) over w as g_max
        from ev
        window w as (partition by clinic_id order by t desc, id desc rows between unbounded preceding and current row)
      ),
      steps as (
        select g.clinic_id, g.t as hi,
               lag(g.t) over (partition by g.clinic_id order by g.t, g.id) as lo,
               least(
                 case when g.g_min = 0 then sc.session_min
                      else first_value(g.min_before) over (partition by g.clinic_id, g.g_min order by g.t desc, g.id desc) end,
                 case when g.g_max = 0 then sc.session_max
                      else first_value(g.max_before) over (partition by g.clinic_id, g.g_max order by g.t desc, g.id desc) end
               ) as price
        from grouped g join sc on sc.id = g.clinic_id
        union all
        select sc.id, null, last.t, sc.price
        from sc left join (select clinic_id, max(t) as t from ev group by clinic_id) last on last.clinic_id = sc.id
      ),
      -- The months each step counts in: the instants at or after both the listing's creation and the
      -- step's start, and before its end. The instants rise, so that is a run of months [a, b]:
      -- width_bucket counts the instants at or before a time (one microsecond less: strictly before).
      ats as (select array_agg(at order by i) as ats from pts),
      spans as (
        select s.price, sc.routes,
               width_bucket(greatest(sc.created_at, s.lo) - interval '1 microsecond', ats.ats) + 1 as a,
               coalesce(width_bucket(s.hi - interval '1 microsecond', ats.ats), ${MOVEMENT_MONTHS}) as b
        from steps s join sc on sc.id = s.clinic_id cross join ats
        where s.price is not null
      ),
      -- How many listings have each price in each month, per route, without listing every month of
      -- every listing: +1 where a run starts, -1 after it ends, summed up to each month.
      deltas as (
        select r.route, x.price, d.i, sum(d.n)::int as n
        from spans x
        cross join lateral (values (x.a, 1), (x.b + 1, -1)) as d(i, n)
        cross join lateral unnest(x.routes) as r(route)
        where x.a <= x.b
        group by 1, 2, 3
      ),
      counted as (
        select p.i, p.month, d.route, d.price, sum(d.n)::int as n
        from pts p join deltas d on d.i <= p.i
        group by 1, 2, 3, 4
        having sum(d.n) > 0
      ),
      cum as (
        select month, route, price, n,
               sum(n) over (partition by month, route order by price) as upto,
               sum(n) over (partition by month, route) as total
        from counted
      )
      -- The median of the listings' prices (what percentile_cont(0.5) gives): the mean of the prices
      -- at the two middle positions (0-based floor and ceil of (n - 1) / 2) of the sorted prices.
      select month, route::text as route, max(total)::int as n,
             (min(price) filter (where upto > floor((total - 1) / 2.0))
              + min(price) filter (where upto > ceil((total - 1) / 2.0)))::float8 / 2 as median
      from cum
      group by month, route`),
  );
  const byKey = new Map(rows.map((r) => [`${r.route} ${r.month}`, r]));
  const series: MovementSeries[] = [];
  for (const route of ROUTES) {
    if (!rows.some((r) => r.route === route)) continue;
    const pts = points.map(({ month }): MovementPoint => {
      const r = byKey.get(`${route} ${month}`);
      return { month, clinics: r?.n ?? 0, median: r ? Math.round(r.median) : null };
    });
    series.push({ route, points: pts, enough: pts.every((p) => !isFew(p.clinics)) });
  }
  return { months: points.map((p) => p.month), series };
}
