import { EARLY_SEARCH_KEEP_MS, registerEarlyStarter, type EarlyStarter } from "./early";
import { parseLenient, type SearchQuery } from "./query";

/** One query, parsed twice by one parser, serializes the same way. */
const keyOf = (query: SearchQuery) => JSON.stringify(query);

/**
 * The search page's half of `lib/search/early.ts`: searches started early with `search` (whose
 * starter the proxy calls, once registered), and `take`, the page's search for its query: the one
 * the proxy started under `key` when it was for this query, or a new one.
 */
export function earlySearches<R>(search: (query: SearchQuery) => Promise<R>, register = true) {
  const started = new Map<string, { query: string; result: Promise<R>; timer: NodeJS.Timeout }>();
  const start: EarlyStarter = (params) => {
    const parsed = parseLenient(params);
    const key = crypto.randomUUID();
    const result = search(parsed.query);
    // A failure reaches the page that takes the search; one nobody takes must not end the process.
    result.catch(() => {});
    const timer = setTimeout(() => started.delete(key), EARLY_SEARCH_KEEP_MS);
    timer.unref();
    started.set(key, { query: keyOf(parsed.query), result, timer });
    return key;
  };
  if (register) registerEarlyStarter(start);
  const take = (query: SearchQuery, key: string | null): Promise<R> => {
    const early = key === null ? undefined : started.get(key);
    if (early) {
      started.delete(key!);
      clearTimeout(early.timer);
      if (early.query === keyOf(query)) return early.result;
    }
    return search(query);
  };
  return {
    start,
    take,
    get size() {
      return started.size;
    },
  };
}
