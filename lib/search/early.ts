/**
 * Searches that `proxy.ts` starts as a /clinics request arrives, so the search engine's round trip
 * runs while Next.js routes the request and starts rendering it, instead of after: the page sent its
 * search ~7 ms after the proxy ran (20,000 listings, a shared machine) and then waited for it idle.
 *
 * The search runs in the search page's own bundle: the page module, once loaded, registers its
 * starter (`earlySearches` in `lib/search/early-page.ts`) on `globalThis`, because the proxy and the
 * pages are separate bundles, each with its own copy of every module. So the proxy neither parses the
 * query nor carries the search code: it asks the starter, if there is one yet, for a search of the
 * request's parameters and puts the key it answers on the request it passes on
 * (`EARLY_SEARCH_HEADER`, removed from every other request, so a client's own value never arrives). The page takes that search once,
 * only when it was started for the very query the page parsed itself, and otherwise searches as
 * before. Either way the page shows the answer of a search for its query. A search nobody takes (a
 * request aborted before its page rendered) is forgotten after `EARLY_SEARCH_KEEP_MS`.
 */
export const EARLY_SEARCH_HEADER = "x-atlas-early-search";
export const EARLY_SEARCH_KEEP_MS = 30_000;

/** Starts the page's search for these parameters; answers the key the page takes it by. */
export type EarlyStarter = (params: URLSearchParams) => string;

const g = globalThis as unknown as { __atlasEarlySearchStarter?: EarlyStarter };

/** For the proxy: starts the search page's search, once the page has registered its starter. */
export const startEarlySearch = (params: URLSearchParams): string | undefined =>
  g.__atlasEarlySearchStarter?.(params);

/** For the search page's bundle: the starter the proxy calls from now on. */
export function registerEarlyStarter(start: EarlyStarter): void {
  g.__atlasEarlySearchStarter = start;
}
