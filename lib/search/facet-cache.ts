import type { FacetCounts, GroupKey } from "./filters";

/** Values kept for a few seconds; least recently used entries go first when it is full. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();

  constructor(
    readonly ttlMs = 10_000,
    readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (this.now() - e.at > this.ttlMs) return undefined;
    this.entries.set(key, e); // most recently used last
    return e.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export type CachedCounts = { facets: FacetCounts; relax: Partial<Record<GroupKey | "q", number>> };

/**
 * Facet counts for a set of filters, kept for a few seconds. The counts beside the choices are the
 * costly part of a search (a count-only query per active filter, and a facet distribution over every
 * filterable attribute) and change only as listings change; the page of results and its total are
 * always fetched fresh. Keys are the search words and filters, never the page or sort, so paging
 * through results reuses them.
 */
export class FacetCache extends TtlCache<CachedCounts> {}
