import { z } from "zod";
import type { MeiliClient } from "./client";
import { resolveGeo, toMeiliFilter } from "./filters";
import { distanceMeters, type Circle, type OutsideFinder } from "./geo";

/**
 * "Nearest first" without Meilisearch's geo sort (see `lib/search/geo.ts`): the coordinates of the
 * nearest matching listings are fetched (only id, lat and lng), ordered here by exact distance, and
 * cut to the page. Listings without a place (online services) follow, by id, as in the fallback.
 */

/** At most this many listings' coordinates are fetched in one go (more only for a page deeper than that). */
export const NEAREST_FETCH = 1000;
/** How many circles to try before giving up (the search then falls back to PostgreSQL). */
const MAX_ROUNDS = 8;

const pointSchema = z.object({ id: z.string(), lat: z.number(), lng: z.number() });
const pointsSchema = z.object({ hits: z.array(pointSchema), totalHits: z.number().int() });
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
  /** The searched point, and the search radius as a first guess of how far to look. */
  from: Circle;
  /** The page as positions in the whole ordered result: [start, end). */
  start: number;
  end: number;
  outside: OutsideFinder;
  /** How many coordinates one query may fetch (NEAREST_FETCH; smaller in tests). */
  fetch?: number;
};

/** The ids of positions [start, end) of the results ordered nearest first. */
export async function nearestIds(r: NearestRequest): Promise<string[]> {
  const index = r.meili.index(r.indexUid);
  const limit = Math.max(r.fetch ?? NEAREST_FETCH, r.end * 2);
  const points = async (filter: string) =>
    pointsSchema.parse(
      await index.search(r.q, {
        filter,
        matchingStrategy: "all",
        page: 1,
        hitsPerPage: limit,
        attributesToRetrieve: ["id", "lat", "lng"],
      }),
    );

  const placed = both(r.filter, "lat EXISTS");
  const first = await points(placed);
  const placedTotal = first.totalHits;
  const ids: string[] = [];

  if (r.start < placedTotal) {
    const need = Math.min(r.end, placedTotal);
    let hits = placedTotal <= limit ? first.hits : undefined;
    // Too many to fetch: a circle around the point holding at least `need` listings but at most
    // `limit` holds the nearest ones. Its size is guessed from the count, as if spread evenly.
    let meters = r.from.meters * Math.sqrt(limit / 2 / placedTotal);
    for (let round = 0; !hits && round < MAX_ROUNDS; round++) {
      const circle = { lat: r.from.lat, lng: r.from.lng, meters };
      const within = toMeiliFilter(await resolveGeo({ op: "geo", ...circle }, r.outside));
      const found = await points(both(placed, within));
      if (found.totalHits >= need && found.totalHits <= limit) hits = found.hits;
      else if (found.totalHits < need)
        meters *= Math.max(1.5, Math.sqrt((2 * need) / Math.max(1, found.totalHits)));
      else meters *= Math.min(0.7, Math.sqrt(limit / 2 / found.totalHits));
    }
    if (!hits) throw new Error("could not find a circle holding the nearest listings");
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
