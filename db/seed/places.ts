import zipcodes from "zipcodes";
import type { UsState } from "../enums";
import type { Prng } from "./prng";
import { distanceKm, toZipPoint, type ZipPoint } from "../geo";

/** A real US city (from the `zipcodes` package) that sample clinics can be placed in. */
export interface Place {
  city: string;
  state: UsState;
  /** The city's point: the coordinates of `zip`. */
  lat: number;
  lng: number;
  /** The city's most central ZIP code. */
  zip: string;
  /** Relative chance of a sample clinic being placed here. */
  weight: number;
  /** The city's ZIP codes with their own coordinates, within `NEARBY_ZIP_KM` of the city's point. */
  zips: readonly ZipPoint[];
}

/**
 * How strongly big cities dominate. A city's ZIP-code count stands in for its population; raising it to
 * a power above 1 concentrates clinics in metros, as real clinics are (1.5: New York, Houston, Chicago
 * and Los Angeles get ~2–4 % of listings each, a town with two ZIP codes ~0.01 %).
 */
const METRO_EXPONENT = 1.5;

/**
 * Per-state multipliers on top of the ZIP-code proxy, chosen so that CA, NY, IL, TX and FL are the five
 * states with the most listings (as DESIGN.md asks) with a clear gap to the sixth (OH, PA). DC's ZIP
 * count is inflated by federal-agency codes, hence its damping.
 */
const STATE_FACTOR: Partial<Record<UsState, number>> = {
  CA: 2.2,
  NY: 2.4,
  IL: 2.6,
  TX: 1.3,
  FL: 1.6,
  DC: 0.4,
};

/** Cities with fewer distinct ZIP points are left out: they are villages, or businesses with a ZIP of their own. */
const MIN_ZIP_POINTS = 2;

/** Clinics are placed near one of a city's ZIP points within this distance of the city's point. */
const NEARBY_ZIP_KM = 6.5;

/**
 * Some `zipcodes` "cities" are businesses or military post offices with a ZIP code of their own
 * ("Shell Oil Box 150", "Bank Of New York", "Apo"); these words never occur in a real city's name there.
 */
const NOT_A_CITY =
  /\b(inc|co|corp|company|bank|firms|mail|insurance|services?|afb|apo|fpo|dpo|box|brm|irs|contest|lending)\b|[^a-z .'-]/i;

let cache: { places: Place[]; stateWeights: Map<UsState, number> } | undefined;

function build() {
  // Group ZIP points by city. Several ZIP codes (PO boxes, large organisations) share the city
  // centre's coordinates; counting distinct points rather than codes keeps those from inflating a city.
  const byCity = new Map<string, Map<string, ZipPoint>>();
  for (const entry of Object.values(zipcodes.codes)) {
    const p = toZipPoint(entry);
    if (!p || NOT_A_CITY.test(p.city)) continue;
    const key = `${p.city}|${p.state}`;
    let points = byCity.get(key);
    if (!points) byCity.set(key, (points = new Map()));
    const at = `${p.lat.toFixed(3)},${p.lng.toFixed(3)}`;
    if (!points.has(at)) points.set(at, p);
  }

  const places: Place[] = [];
  for (const pointMap of byCity.values()) {
    const points = [...pointMap.values()].sort((a, b) => a.zip.localeCompare(b.zip));
    if (points.length < MIN_ZIP_POINTS) continue;
    const meanLat = points.reduce((s, p) => s + p.lat, 0) / points.length;
    const meanLng = points.reduce((s, p) => s + p.lng, 0) / points.length;
    // The ZIP nearest the centroid is the city's representative: a real, inhabited point.
    let centre = points[0] as ZipPoint;
    let best = Infinity;
    for (const p of points) {
      const d = distanceKm(meanLat, meanLng, p.lat, p.lng);
      if (d < best) [best, centre] = [d, p];
    }
    places.push({
      city: centre.city,
      state: centre.state,
      lat: centre.lat,
      lng: centre.lng,
      zip: centre.zip,
      weight: points.length ** METRO_EXPONENT * (STATE_FACTOR[centre.state] ?? 1),
      zips: points.filter((p) => distanceKm(centre.lat, centre.lng, p.lat, p.lng) <= NEARBY_ZIP_KM),
    });
  }
  // A stable order, so a weighted draw picks the same place on every machine whatever the object key order.
  places.sort((a, b) => a.state.localeCompare(b.state) || a.city.localeCompare(b.city));

  const stateWeights = new Map<UsState, number>();
  for (const p of places) stateWeights.set(p.state, (stateWeights.get(p.state) ?? 0) + p.weight);
  return { places, stateWeights };
}

/** Every city sample clinics can be placed in, with its weight. Computed once, then cached. */
export function getPlaces(): readonly Place[] {
  cache ??= build();
  return cache.places;
}

/** The sum of the place weights per state: how likely a listing is to be in each state. */
export function getStateWeights(): ReadonlyMap<UsState, number> {
  cache ??= build();
  return cache.stateWeights;
}

/** A uniformly random point within `maxKm` of (lat, lng), rounded to 6 decimals (about 10 cm). */
export function randomPointNear(rng: Prng, lat: number, lng: number, maxKm: number) {
  const r = maxKm * Math.sqrt(rng.float()); // sqrt: uniform over the disc, not bunched at its centre
  const theta = 2 * Math.PI * rng.float();
  const dLat = (r * Math.cos(theta)) / 111.32;
  const dLng = (r * Math.sin(theta)) / (111.32 * Math.cos((lat * Math.PI) / 180));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lat: round(lat + dLat), lng: round(lng + dLng) };
}
