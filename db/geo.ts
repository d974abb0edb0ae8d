import zipcodes from "zipcodes";
import { US_STATES, type UsState } from "./enum-values";

/**
 * Places on the earth, used by the search (lib/search), the listing writes (lib/listings) and the
 * sample data (db/seed): the distance the search filters and sorts by, and the point of a US ZIP code
 * (from the `zipcodes` dataset). One module, below both, so neither restates it.
 */

export const EARTH_KM = 6371;
export const METERS_PER_MILE = 1609.344;

/** A circle on the earth: centre and radius in metres. */
export type Circle = { lat: number; lng: number; meters: number };

/** Great-circle distance in metres (haversine). */
export function distanceMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * 1000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ZipPoint {
  zip: string;
  city: string;
  state: UsState;
  lat: number;
  lng: number;
}

const STATES: ReadonlySet<string> = new Set(US_STATES);

function isUsState(s: string): s is UsState {
  return STATES.has(s);
}

/** Great-circle distance in kilometres . */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return distanceMeters(lat1, lng1, lat2, lng2) / 1000;
}

/**
 * The point of a US ZIP code (50 states and DC), or undefined for an unknown code, a code without
 * coordinates, or one outside the states. Accepts "12345" and ZIP+4 "12345-6789".
 */
export function zipToPoint(zip: string): ZipPoint | undefined {
  const m = /^(\d{5})(?:-\d{4})?$/.exec(zip.trim());
  if (!m?.[1]) return undefined;
  return toZipPoint(zipcodes.codes[m[1]]);
}

/** A `zipcodes` entry as a point, or undefined without coordinates or outside the states. */
export function toZipPoint(e: (typeof zipcodes.codes)[string]): ZipPoint | undefined {
  // Codes without a location carry 0 (or nothing) as coordinates; no US ZIP code lies on either zero line.
  if (!e || !e.latitude || !e.longitude || !isUsState(e.state)) return undefined;
  return { zip: e.zip, city: e.city, state: e.state, lat: e.latitude, lng: e.longitude };
}

let usPoints: ZipPoint[] | undefined;

/**
 * The US ZIP code whose point is nearest to `lat`/`lng` ("use my location"), or undefined when none
 * lies within `withinMiles` (somewhere outside the states). A scan of every ZIP point: a few
 * milliseconds, on a request that is rare.
 */
export function nearestZip(lat: number, lng: number, withinMiles = 60): ZipPoint | undefined {
  usPoints ??= Object.values(zipcodes.codes).flatMap((e) => toZipPoint(e) ?? []);
  let best: ZipPoint | undefined;
  let bestMeters = withinMiles * METERS_PER_MILE;
  for (const p of usPoints) {
    // A cheap box first: a degree of latitude is ~69 miles.
    if (Math.abs(p.lat - lat) * 69 * METERS_PER_MILE > bestMeters) continue;
    const d = distanceMeters(lat, lng, p.lat, p.lng);
    if (d <= bestMeters) {
      best = p;
      bestMeters = d;
    }
  }
  return best;
}
