import { afterEach, describe, expect, it, vi } from "vitest";
import { EARLY_SEARCH_KEEP_MS } from "./early";
import { earlySearches } from "./early-page";
import { parseLenient, type SearchQuery } from "./query";

const parse = (qs: string): SearchQuery => parseLenient(new URLSearchParams(qs)).query;

/** A stand-in for the page's search that says which query it was asked and how often. */
function recorder() {
  const asked: SearchQuery[] = [];
  const searches = earlySearches(async (q: SearchQuery) => {
    asked.push(q);
    return { q: q.q, n: asked.length };
  }, false);
  return { asked, searches };
}

afterEach(() => vi.useRealTimers());

describe("searches started by the proxy", () => {
  it("the page takes the search started for its query, once", async () => {
    const { asked, searches } = recorder();
    const key = searches.start(new URLSearchParams("q=ptsd&state=TX"));
    expect(await searches.take(parse("state=TX&q=ptsd"), key)).toEqual({ q: "ptsd", n: 1 });
    expect(asked).toHaveLength(1);
    expect(searches.size).toBe(0);
    // The same key again names nothing: the page searches itself.
    expect(await searches.take(parse("q=ptsd&state=TX"), key)).toEqual({ q: "ptsd", n: 2 });
  });

  it("a search started for another query is not used (and is dropped)", async () => {
    const { asked, searches } = recorder();
    const key = searches.start(new URLSearchParams("q=ptsd"));
    expect(await searches.take(parse("q=spravato"), key)).toEqual({ q: "spravato", n: 2 });
    expect(asked.map((q) => q.q)).toEqual(["ptsd", "spravato"]);
    expect(searches.size).toBe(0);
  });

  it("without a key, or with an unknown one, the page searches itself", async () => {
    const { asked, searches } = recorder();
    await searches.take(parse("q=a"), null);
    await searches.take(parse("q=a"), "not-a-key");
    expect(asked).toHaveLength(2);
  });

  it("a search nobody takes is forgotten", () => {
    vi.useFakeTimers();
    const { searches } = recorder();
    searches.start(new URLSearchParams("q=ptsd"));
    expect(searches.size).toBe(1);
    vi.advanceTimersByTime(EARLY_SEARCH_KEEP_MS + 1);
    expect(searches.size).toBe(0);
  });

  it("a failed search that nobody takes does not end the process; the page that takes it sees the failure", async () => {
    const searches = earlySearches(() => Promise.reject(new Error("engine down")), false);
    searches.start(new URLSearchParams("q=x"));
    const key = searches.start(new URLSearchParams("q=y"));
    await expect(searches.take(parse("q=y"), key)).rejects.toThrow("engine down");
  });
});
