import { EARTH_KM, type Circle } from "@/db/geo";

/**
 * Distance without Meilisearch's geo index. Meilisearch 1.21 rewrites its whole geo R-tree on every
 * document write (1.3–1.6 s per write at 100,000 listings), so the index keeps plain numeric `lat`
 * and `lng` and a radius is asked for as:
 *
 *   the circle's bounding box (two numeric ranges)  AND NOT id IN [listings in the box but outside the circle]
 *
 * The listings in the box's corners are found in PostgreSQL with the same distance expression the
 * fallback filters with, so both engines draw the same circle. Ordering by distance is done in the
 * app (`lib/search/nearest.ts`). The SQL side is in `lib/search/geo-sql.ts`.
 */

/** A latitude range and one or two longitude ranges (two when the box crosses the 180° meridian). */
export type Box = { minLat: number; maxLat: number; lng: [number, number][] };

/** The smallest latitude/longitude box holding the whole circle (exact on a sphere, plus a hair). */
export function circleBox(c: Circle): Box {
  const deg = 180 / Math.PI;
  const angle = c.meters / (EARTH_KM * 1000); // radians of arc
  const margin = 1e-9; // floating point: a listing on the circle's edge stays inside the box
  const minLat = c.lat - angle * deg - margin;
  const maxLat = c.lat + angle * deg + margin;
  if (minLat <= -90 || maxLat >= 90) return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), lng: [[-180, 180]] };
  const s = Math.sin(angle) / Math.cos(c.lat / deg);
  if (s >= 1) return { minLat, maxLat, lng: [[-180, 180]] };
  const dLng = Math.asin(s) * deg + margin;
  const lo = c.lng - dLng;
  const hi = c.lng + dLng;
  if (lo < -180) return { minLat, maxLat, lng: [[lo + 360, 180], [-180, hi]] };
  if (hi > 180) return { minLat, maxLat, lng: [[lo, 180], [-180, hi - 360]] };
  return { minLat, maxLat, lng: [[lo, hi]] };
} // prettier-ignore

/** Finds the ids of listings (any status) in a circle's bounding box but outside the circle. */
export type OutsideFinder = (circle: Circle) => Promise<readonly string[]>;
