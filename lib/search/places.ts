import zipcodes from "zipcodes";
import { US_STATES, type UsState } from "@/db/enums";
import { zipToPoint, type ZipPoint } from "@/db/geo";
import { getPlaces } from "@/db/seed/places";
import { SAFE_FILTER_VALUE } from "./settings";

/**
 * Cities a searcher can type, by the names the postal service uses (from the `zipcodes`
 * dataset). A city filter only ever carries a name from this list, never raw text.
 */

const STATES: ReadonlySet<string> = new Set(US_STATES);

/** "St. Louis" and "saint louis" both become "saint louis"; "Ft Myers" becomes "fort myers"; "d'" is "d ". */
export function normalizeCity(input: string): string {
  return input
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[.,']/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^st /, "saint ")
    .replace(/^ft /, "fort ")
    .replace(/^mt /, "mount ");
}

/** One city in one state: the dataset's spelling, how many distinct ZIP-code points it has, and its first one. */
export type CityEntry = { city: string; state: UsState; points: number; first: ZipPoint | undefined };

/**
 * The tables below, one per server process on `globalThis`: each Next.js bundle (the instrumentation
 * hook that warms them, the proxy, the pages, the route handlers) loads its own copy of this module,
 * and a module-level table was built again by each, on its first search with words.
 */
const g = globalThis as unknown as {
  __atlasCityIndex?: Map<string, Map<UsState, CityEntry>>;
  __atlasCityCentres?: Map<string, ZipPoint>;
};

/** normalized name → state → the city. Built once (about 40,000 codes), then cached. */
function cityIndex() {
  if (g.__atlasCityIndex) return g.__atlasCityIndex;
  const index = new Map<string, Map<UsState, CityEntry>>();
  const seen = new Set<string>();
  for (const e of Object.values(zipcodes.codes)) {
    // A few "cities" are businesses with a ZIP code of their own ("At&t"); they are not places.
    if (!e || !STATES.has(e.state) || !SAFE_FILTER_VALUE.test(e.city)) continue;
    const key = normalizeCity(e.city);
    let byState = index.get(key);
    if (!byState) index.set(key, (byState = new Map()));
    let entry = byState.get(e.state as UsState);
    if (!entry)
      byState.set(
        e.state as UsState,
        (entry = { city: e.city, state: e.state as UsState, points: 0, first: undefined }),
      );
    const point = zipToPoint(e.zip);
    if (!point) continue;
    entry.first ??= point;
    // Several codes (PO boxes, large organisations) share one point; count places, not codes.
    const at = `${key}|${e.state}|${point.lat.toFixed(3)},${point.lng.toFixed(3)}`;
    if (seen.has(at)) continue;
    seen.add(at);
    entry.points++;
  }
  return (g.__atlasCityIndex = index);
}

/** Every US state a city of this name (any spelling `normalizeCity` accepts) is in, biggest first. */
export function citiesNamed(input: string): CityEntry[] {
  if (input.length > 60) return [];
  const byState = cityIndex().get(normalizeCity(input));
  return byState
    ? [...byState.values()].sort((a, b) => b.points - a.points || a.state.localeCompare(b.state))
    : [];
}

/**
 * The point a city is searched from: the same point the sample data places the city's clinics around
 * (`getPlaces` in db/seed/places.ts: the city's ZIP code nearest the centroid of its ZIP-code points),
 * or, for a town with a single ZIP-code point, that point. Always a real ZIP code, so it fits `zip=`.
 */
export function cityPoint(entry: CityEntry): ZipPoint | undefined {
  const centres = (g.__atlasCityCentres ??= new Map(
    getPlaces().map((p) => [
      `${p.city}|${p.state}`,
      { zip: p.zip, city: p.city, state: p.state, lat: p.lat, lng: p.lng },
    ]),
  ));
  return centres.get(`${entry.city}|${entry.state}`) ?? entry.first;
}

/**
 * The dataset's spelling of a city, in `state` when one is given (anywhere in the US otherwise), or
 * undefined when no US city has that name. Input is limited to 60 characters.
 */
export function canonicalCity(input: string, state?: UsState): string | undefined {
  if (input.length > 60) return undefined;
  const byState = cityIndex().get(normalizeCity(input));
  if (!byState) return undefined;
  if (state) return byState.get(state)?.city;
  return byState.values().next().value?.city;
}

/** Builds the city tables (a second or two) so the first search with words does not wait for them. */
export function warmPlaces(): void {
  const [city] = citiesNamed("chicago");
  if (city) cityPoint(city);
}
