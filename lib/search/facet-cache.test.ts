import { describe, expect, it } from "vitest";
import { FacetCache } from "./facet-cache";

const counts = (n: number) => ({ facets: { route: { oral: n } }, relax: {} });

describe("FacetCache", () => {
  it("returns an entry until it is older than the TTL", () => {
    let now = 1000;
    const cache = new FacetCache(500, 10, () => now);
    cache.set("a", counts(1));
    now += 500;
    expect(cache.get("a")).toEqual(counts(1));
    now += 1;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("drops the least recently used entry when full", () => {
    const cache = new FacetCache(60_000, 2);
    cache.set("a", counts(1));
    cache.set("b", counts(2));
    cache.get("a"); // a is now the most recently used
    cache.set("c", counts(3));
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toEqual(counts(1));
    expect(cache.get("c")).toEqual(counts(3));
  });
});
