import { createHash } from "node:crypto";
import { z } from "zod";
import type { MeiliClient } from "./client";
import { resolveGeo, toMeiliFilter } from "./filters";
import { TtlCache } from "./facet-cache";
import { distanceMeters, type Circle } from "@/db/geo";
import type { OutsideFinder } from "./geo";

/**
 * "Nearest first" without Meilisearch's geo sort (see `lib/search/geo.ts`): the coordinates of the
 * nearest matching listings are fetched (only id, lat and lng), ordered here by exact distance, and
 * cut to the page. Listings without a place (online services) follow, by id, as in the fallback.
 */

/** At most this many listings' coordinates are fetched in one go (more only for a page deeper than that). */
const NEAREST_FETCH = 1000;
/** Circles counted at once around the point: the search radius, half of it, a quarter… */
const RINGS = 7;
/** How many more circles to try when none of those fits (the search then falls back to PostgreSQL). */
const MAX_ROUNDS = 8;

const pointSchema = z.object({ id: z.string(), lat: z.number(), lng: z.number() });
const pointsSchema = z.object({ hits: z.array(pointSchema) });
const countSchema = z.object({ totalHits: z.number().int() });
const idsSchema = z.object({ hits: z.array(z.object({ id: z.string() })) });

const both = (...filters: (string | undefined)[]) =>
  filters
    .filter((f): f is string => !!f)
    .map((f) => `(${f})`)
    .join(" AND ");

export type NearestRequest = {
  meili: MeiliClient;
  indexUid: string;
  /** The search words, as Meilisearch gets them. */
  q: string;
  /** The compiled filter of the whole search (geo already resolved), if any. */
  filter: string | undefined;
  /** The searched point, and the search radius (the largest circle counted first). */
  from: Circle;
  /** The page as positions in the whole ordered result: [start, end). */
  start: number;
  end: number;
  outside: OutsideFinder;
  /** How many coordinates one query may fetch (NEAREST_FETCH; smaller in tests). */
  fetch?: number;
};

/** Counts of results within a circle, by words, filter and radius, kept a few seconds like facet counts. */
const counts = new TtlCache<number>(10_000, 5000);

/**
 * The ids of positions [start, end) of the results ordered nearest first. The smallest of the
 * circles "search radius, half of it, a quarter…" that holds the page is found by counting (a
 * binary search, 3 counts), its listings' coordinates fetched and ordered here. When the search
 * radius holds too few (online services reach further), or a circle holds too many to fetch, the
 * circles in between are counted until one fits.
 */
export async function nearestIds(r: NearestRequest): Promise<string[]> {
  const index = r.meili.index(r.indexUid);
  const limit = Math.max(r.fetch ?? NEAREST_FETCH, r.end * 2);
  const placed = both(r.filter, "lat EXISTS");
  const within = async (meters: number) =>
    both(
      placed,
      toMeiliFilter(await resolveGeo({ op: "geo", lat: r.from.lat, lng: r.from.lng, meters }, r.outside)),
    );
  const count = async (filter: string) => {
    // Hashed: a wide circle's filter carries thousands of ids.
    const key = createHash("sha256").update(`${r.indexUid}|${r.q}|${filter}`).digest("base64");
    const known = counts.get(key);
    if (known !== undefined) return known;
    const { totalHits } = countSchema.parse(
      await index.search(r.q, { filter, matchingStrategy: "all", page: 1, hitsPerPage: 0 }),
    );
    counts.set(key, totalHits);
    return totalHits;
  };

  /** The circle of `meters` around the point: its filter and how many results it holds. */
  const probe = async (meters: number) => {
    const filter = await within(meters);
    return { meters, filter, n: await count(filter) };
  };

  const radius = (k: number) => r.from.meters / 2 ** k;
  // The total with a place, and the ring the binary search starts at (its count is then cached).
  const [placedTotal] = await Promise.all([count(placed), probe(radius(RINGS >> 1))]);
  const ids: string[] = [];

  if (r.start < placedTotal) {
    const need = Math.min(r.end, placedTotal);
    // Binary search for the smallest ring holding `need`; counts shrink as rings do.
    let best: Awaited<ReturnType<typeof probe>> | undefined;
    let tooFew = 0; // the largest radius known to hold fewer than `need`
    for (let lo = 0, hi = RINGS - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      const p = await probe(radius(mid));
      if (p.n >= need) [best, lo] = [p, mid + 1];
      else [tooFew, hi] = [Math.max(tooFew, p.meters), mid - 1];
    }
    let chosen = best && best.n <= limit ? best.filter : !best && placedTotal <= limit ? placed : undefined;
    // Between a circle holding too few and one holding too many (or none known: double).
    let small = tooFew;
    let large = best?.meters ?? Infinity;
    for (let round = 0; !chosen && round < MAX_ROUNDS; round++) {
      const p = await probe(
        large === Infinity ? small * 2 : small === 0 ? large / 2 : Math.sqrt(small * large),
      );
      if (p.n < need) small = p.meters;
      else if (p.n > limit) large = p.meters;
      else chosen = p.filter;
    }
    if (!chosen) throw new Error("could not find a circle holding the nearest listings");
    const { hits } = pointsSchema.parse(
      await index.search(r.q, {
        filter: chosen,
        matchingStrategy: "all",
        limit,
        attributesToRetrieve: ["id", "lat", "lng"],
      }),
    );
    const distance = (h: z.infer<typeof pointSchema>) => distanceMeters(r.from.lat, r.from.lng, h.lat, h.lng);
    const ordered = hits
      .map((h) => ({ id: h.id, d: distance(h) }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ids.push(...ordered.slice(r.start, need).map((h) => h.id));
  }

  if (r.end > placedTotal) {
    const offset = Math.max(0, r.start - placedTotal);
    const { hits } = idsSchema.parse(
      await index.search(r.q, {
        filter: both(r.filter, "NOT lat EXISTS"),
        matchingStrategy: "all",
        sort: ["id:asc"],
        offset,
        limit: r.end - Math.max(r.start, placedTotal),
        attributesToRetrieve: ["id"],
      }),
    );
    ids.push(...hits.map((h) => h.id));
  }
  return ids;
}
