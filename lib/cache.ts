import "server-only";
import type { Clinic } from "@/db/schema";
import { clearPageCache } from "@/lib/page-cache";

/**
 * Cache tags of the data the public pages cache (`cachedFigures`), and the one function the
 * listing write path calls after a commit so those pages never show figures older than the change.
 */
export const CACHE_TAGS = {
  /** The home page's numbers and featured clinics. */
  home: "home",
  /** Every cost and aftercare figure (/costs pages). */
  costs: "costs",
  /** National figures, the map and the list of city pages (and the sitemap built from it). */
  costsNation: "costs:nation",
  /** One state's figures and those of its cities. */
  costsState: (state: string) => `costs:state:${state.toUpperCase()}`,
} as const;

/** The fields of a listing that decide which cached figures it counts in. */
export type ListingPlace = Pick<Clinic, "state" | "clinicType" | "statesServed">;

/** The tags a listing's change touches: the home page, the nation, its state, and every state it serves. */
export function listingCacheTags(listings: readonly ListingPlace[]): string[] {
  const tags = new Set<string>([CACHE_TAGS.home, CACHE_TAGS.costsNation]);
  for (const l of listings) {
    tags.add(CACHE_TAGS.costsState(l.state));
    if (l.clinicType === "telehealth") for (const s of l.statesServed) tags.add(CACHE_TAGS.costsState(s));
  }
  return [...tags];
}

let skipLogged = false;

/**
 * Expires the cached figures a listing change touches (pass the listing as it was and as it is).
 * Call it after the transaction commits. It works inside Next.js's server (server actions, route
 * handlers); anywhere else (scripts, tests, the background sync loop) there is no Next.js cache to
 * expire, so it does nothing and says so in the log (once per process). It never throws: the write
 * has already happened, and the time-based revalidation (60 s) still bounds how stale a page gets.
 */
export async function revalidateListingCaches(listings: readonly ListingPlace[]): Promise<void> {
  clearPageCache(); // whole pages for signed-out visitors (lib/page-cache.ts)
  const tags = listingCacheTags(listings);
  if (!process.env.NEXT_RUNTIME) {
    if (!skipLogged) {
      skipLogged = true;
      console.info(
        `[cache] not inside Next.js: skipped expiring ${tags.join(", ")} (logged once per process)`,
      );
    }
    return;
  }
  const { revalidateTag } = await import("next/cache");
  for (const tag of tags) {
    try {
      // `expire: 0`: the next visit recomputes instead of being served the old figures once more.
      revalidateTag(tag, { expire: 0 });
    } catch (err) {
      // Outside a request (e.g. the sync loop) Next has no store to record the tag in.
      console.warn(`[cache] could not expire "${tag}": ${(err as Error).message}`);
    }
  }
}
