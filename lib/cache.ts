import "server-only";
import { z } from "zod";
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

/**
 * The channel every listing write notifies at commit, with the cache tags it touches (see
 * `changeNotice`), and the search sync after each push (`PUSHED_NOTICE`). Every web process listens
 * (`listenForChanges`): the sync loops wake, and each process drops its cached pages and figures,
 * so a change shows on every process of a site run as several behind a load balancer.
 */
export const CHANGES_CHANNEL = "search_outbox";

/** What a listing write says on `CHANGES_CHANNEL` (delivered at commit, with the transaction). */
export const changeNotice = (listings: readonly ListingPlace[]) =>
  JSON.stringify({ tags: listingCacheTags(listings) });

/** What the search sync says after Meilisearch took a batch: pages showing search results may differ. */
export const PUSHED_NOTICE = JSON.stringify({ pushed: true });

const noticeSchema = z.union([
  z.object({ tags: z.array(z.string().max(100)).max(500) }),
  z.object({ pushed: z.literal(true) }),
]);

const g = globalThis as unknown as { __atlasFigureGenerations?: Map<string, number> };
/** Per process (modules may load more than once in a Next.js server): how often each tag was expired. */
const generations = () => (g.__atlasFigureGenerations ??= new Map());
/** Expiring this tag expires every cached figure (a notice this process cannot read). */
const ALL = "*";

/**
 * A part of the cache key of figures cached under `tags` (`cachedFigures`): it changes whenever one
 * of the tags is expired in this process, so the next visit computes them afresh.
 */
export function figuresGeneration(tags: readonly string[]): string {
  const gen = generations();
  return [ALL, ...tags].map((t) => gen.get(t) ?? 0).join(".");
}

function expireLocally(tags: readonly string[]): void {
  clearPageCache();
  const gen = generations();
  for (const t of tags) gen.set(t, (gen.get(t) ?? 0) + 1);
}

/**
 * Acts on a notice from `CHANGES_CHANNEL` in this process: drops the cached pages, and the cached
 * figures the change touches (all of them when the notice cannot be read). Returns what it was.
 */
export function applyChangeNotice(payload: string): "write" | "pushed" | "unknown" {
  let parsed: z.infer<typeof noticeSchema> | undefined;
  try {
    parsed = noticeSchema.parse(JSON.parse(payload));
  } catch {
    parsed = undefined;
  }
  if (parsed && "pushed" in parsed) {
    clearPageCache();
    return "pushed";
  }
  expireLocally(parsed ? parsed.tags : [ALL]);
  return parsed ? "write" : "unknown";
}

/** A PostgreSQL client that can LISTEN (postgres.js). */
type Listener = {
  listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
};

/**
 * Listens on `CHANGES_CHANNEL` and applies every notice to this process's caches. Returns a
 * function that stops listening. If the database refuses, the caches still expire with time
 * (`PAGE_CACHE_TTL_MS`, `FIGURES_REVALIDATE_SECONDS`), and the failure is logged.
 */
export async function listenForChanges(
  client: Listener,
  log: (m: string) => void,
): Promise<() => Promise<void>> {
  try {
    const sub = await client.listen(CHANGES_CHANNEL, (payload) => void applyChangeNotice(payload));
    return () => sub.unlisten();
  } catch (err) {
    log(`cache: no change notifications, caches expire with time only (${(err as Error).message})`);
    return async () => {};
  }
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
  const tags = listingCacheTags(listings);
  // Whole pages for signed-out visitors (lib/page-cache.ts) and this process's cached figures at
  // once; the other processes hear of it on CHANGES_CHANNEL.
  expireLocally(tags);
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
