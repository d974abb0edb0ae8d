import "server-only";
import { and, between, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";
import { TtlCache } from "./facet-cache";
import { circleBox, EARTH_KM, type Box, type Circle, type OutsideFinder } from "./geo";

/** The SQL half of `lib/search/geo.ts`: the same box and distance, for the fallback and the corner ids. */

const c = clinics;

/** Distance in metres from a point to the listing, in SQL (the same haversine as `distanceMeters`). */
export function distanceSql(lat: number, lng: number): SQL {
  return sql`(2 * ${EARTH_KM * 1000} * asin(least(1, sqrt(
    power(sin(radians(${c.lat} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${c.lat})) * power(sin(radians(${c.lng} - ${lng}) / 2), 2)))))`;
}

/** The listing lies in the box (cheap, uses the lat/lng index); `lat` and `lng` name its columns. */
export function boxSql(b: Box, lat: SQL = sql`${c.lat}`, lng: SQL = sql`${c.lng}`): SQL {
  return and(between(lat, b.minLat, b.maxLat), or(...b.lng.map(([lo, hi]) => between(lng, lo, hi))))!;
}

/** The listing lies within the circle. */
export function withinSql(circle: Circle): SQL {
  return sql`(${boxSql(circleBox(circle))} and ${distanceSql(circle.lat, circle.lng)} <= ${circle.meters})`;
}

const circleKey = (k: Circle) => `${k.lat},${k.lng},${k.meters}`;

type Waiting = { circle: Circle; resolve: (ids: readonly string[]) => void; reject: (err: unknown) => void };

/**
 * An `OutsideFinder` over PostgreSQL, with answers kept for 10 seconds: which listings lie where
 * changes only when a listing is added or moves, and a search index is a moment behind anyway.
 * Circles asked for in the same tick around the same point (nearest-first counts several) are
 * answered by one statement that reads the largest box once. At most 300 circles are kept: a wide
 * one's list can hold thousands of ids.
 */
export function outsideFinder(db: Db, cache = new TtlCache<readonly string[]>(10_000, 300)): OutsideFinder {
  let waiting: Waiting[] = [];

  async function answer(group: Waiting[]) {
    const { lat, lng } = group[0]!.circle;
    const largest = group.reduce((a, w) => (w.circle.meters > a.meters ? w.circle : a), group[0]!.circle);
    const b = sql.raw("b");
    const inBox = (box: Box) => boxSql(box, sql.raw("b.lat"), sql.raw("b.lng"));
    const columns = group.map(
      (w, i) =>
        sql`coalesce(array_agg(b.id order by b.id) filter (where ${inBox(circleBox(w.circle))} and b.d > ${w.circle.meters}), '{}') as ${sql.raw(`o${i}`)}`,
    );
    const [row] = await db.execute<Record<string, string[]>>(sql`select ${sql.join(columns, sql`, `)} from (
        select ${c.id}::text as id, ${c.lat} as lat, ${c.lng} as lng, ${distanceSql(lat, lng)} as d
        from ${c} where ${boxSql(circleBox(largest))}) ${b}`);
    group.forEach((w, i) => {
      const ids = row?.[`o${i}`] ?? [];
      cache.set(circleKey(w.circle), ids);
      w.resolve(ids);
    });
  }

  function flush() {
    const batch = waiting;
    waiting = [];
    const byCentre = new Map<string, Waiting[]>();
    for (const w of batch) {
      const k = `${w.circle.lat},${w.circle.lng}`;
      byCentre.set(k, [...(byCentre.get(k) ?? []), w]);
    }
    for (const group of byCentre.values())
      answer(group).catch((err: unknown) => group.forEach((w) => w.reject(err)));
  }

  return (circle) => {
    const hit = cache.get(circleKey(circle));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      if (waiting.length === 0) queueMicrotask(flush);
      waiting.push({ circle, resolve, reject });
    });
  };
}
