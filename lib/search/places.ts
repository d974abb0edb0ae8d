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
  __atlasSpellings?: Map<string, { key: string; entry: CityEntry }[]>;
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

/**
 * Optimal string alignment distance between `a` and `b` (insertions, deletions, substitutions and
 * swaps of two neighbouring letters, each 1), or `max + 1` once it is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/**
 * Cities in `state` (or, without one, cities with at least `minPoints` ZIP-code points anywhere) whose
 * name is within `max` edits of `input`'s (`editDistance`, on `normalizeCity`'s form), nearest
 * spelling first, then biggest. For "did you mean": "austn" is 1 edit from Austin.
 */
export function citiesSpeltLike(
  input: string,
  max: number,
  where: { state: UsState } | { minPoints: number },
): { entry: CityEntry; distance: number }[] {
  if (input.length > 60) return [];
  const key = normalizeCity(input);
  const group = "state" in where ? where.state : `>=${where.minPoints}`;
  // The names to compare, by state or size: a few hundred, not the 19,000 of the whole index.
  const groups = (g.__atlasSpellings ??= new Map<string, { key: string; entry: CityEntry }[]>());
  let names = groups.get(group);
  if (!names) {
    names = [];
    for (const [k, byState] of cityIndex())
      for (const entry of byState.values())
        if ("state" in where ? entry.state === where.state : entry.points >= where.minPoints)
          names.push({ key: k, entry });
    groups.set(group, names);
  }
  return names
    .map((n) => ({ entry: n.entry, distance: editDistance(key, n.key, max) }))
    .filter((n) => n.distance <= max)
    .sort((a, b) => a.distance - b.distance || b.entry.points - a.entry.points);
}

/** Builds the city tables (a second or two) so the first search with words does not wait for them. */
export function warmPlaces(): void {
  const [city] = citiesNamed("chicago");
  if (city) cityPoint(city);
}
