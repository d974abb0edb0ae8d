import "server-only";
import { and, between, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";
import { TtlCache } from "./facet-cache";
import { EARTH_KM, type Circle } from "@/db/geo";
import { circleBox, type Box, type OutsideFinder } from "./geo";

/** The SQL half of `lib/search/geo.ts`: the same box and distance, for the fallback and the corner ids. */

const c = clinics;

/** Where a listing lies: the `lat` and `lng` columns of `clinics`, or of its copy `clinic_search`. */
export type Place = { lat: AnyPgColumn; lng: AnyPgColumn };

/** Distance in metres from a point to the listing, in SQL (the same haversine as `distanceMeters`). */
export function distanceSql(lat: number, lng: number, at: Place = c): SQL {
  return sql`(2 * ${EARTH_KM * 1000} * asin(least(1, sqrt(
    power(sin(radians(${at.lat} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${at.lat})) * power(sin(radians(${at.lng} - ${lng}) / 2), 2)))))`;
}

/** The listing lies in the box (cheap, uses the lat/lng index). */
function boxSql(b: Box, at: Place = c): SQL {
  return and(between(at.lat, b.minLat, b.maxLat), or(...b.lng.map(([lo, hi]) => between(at.lng, lo, hi))))!;
}

/** The listing lies within the circle. */
export function withinSql(circle: Circle, at: Place = c): SQL {
  return sql`(${boxSql(circleBox(circle), at)} and ${distanceSql(circle.lat, circle.lng, at)} <= ${circle.meters})`;
}

const circleKey = (k: Circle) => `${k.lat},${k.lng},${k.meters}`;

/**
 * An `OutsideFinder` over PostgreSQL, with answers kept for 10 seconds: which listings lie where
 * changes only when a listing is added or moves, and a search index is a moment behind anyway. At
 * most 300 circles are kept: a wide one's list can hold thousands of ids.
 */
export function outsideFinder(db: Db, cache = new TtlCache<readonly string[]>(10_000, 300)): OutsideFinder {
  return async (circle) => {
    const key = circleKey(circle);
    const known = cache.get(key);
    if (known) return known;
    const [row] = await db.execute<{ ids: string[] }>(sql`
      select coalesce(array_agg(${c.id}::text order by ${c.id}::text), '{}') as ids from ${c}
      where ${boxSql(circleBox(circle))} and ${distanceSql(circle.lat, circle.lng)} > ${circle.meters}`);
    const ids = row?.ids ?? [];
    cache.set(key, ids);
    return ids;
  };
}
