import { describe, expect, it } from "vitest";
import { parseSearchQuery, type SearchQuery } from "./query";
import { unpricedLabel, waysOut, type CountAsk } from "./suggestions";

const parse = (qs: string): SearchQuery => {
  const r = parseSearchQuery(new URLSearchParams(qs), "strict");
  if (!r.ok) throw new Error(r.error.message);
  return r.query;
};

/** A counter that answers the given numbers in turn and keeps what it was asked. */
function counter(answers: number[]) {
  const asked: CountAsk[][] = [];
  return {
    asked,
    count: async (asks: readonly CountAsk[]) => (asked.push([...asks]), asks.map((_, i) => answers[i] ?? 0)),
  };
}

describe("the offer of the clinics that list no price", () => {
  it("words the count", () => {
    expect(unpricedLabel(1)).toBe("1 clinic doesn't list prices — show it");
    expect(unpricedLabel(3)).toBe("3 clinics don't list prices — show them");
    expect(unpricedLabel(1204)).toBe("1,204 clinics don't list prices — show them");
  });

  it("comes with any number of results when a price limit is set, counting the matches without a price", async () => {
    const q = parse("state=TX&maxSessionPrice=600&integration=included");
    const c = counter([3]);
    expect(await waysOut(q, 40, { place: 900, maxSessionPrice: 52, integration: 700 }, c.count)).toEqual([
      {
        label: "3 clinics don't list prices — show them",
        change: { maxSessionPrice: null },
        total: 52,
        unpriced: 3,
      },
    ]);
    // One count: the same search without the price limit, with "no price" instead.
    expect(c.asked).toEqual([
      [
        {
          query: { ...q, maxSessionPrice: null, page: 1 },
          and: { op: "null", attr: "sessionPrice" },
        },
      ],
    ]);
  });

  it("is not offered when every match lists a price, nor without a price limit", async () => {
    const priced = counter([0]);
    expect(await waysOut(parse("maxSessionPrice=600"), 40, { maxSessionPrice: 50 }, priced.count)).toEqual(
      [],
    );
    const none = counter([]);
    expect(await waysOut(parse("state=TX"), 40, { place: 50 }, none.count)).toEqual([]);
    expect(none.asked).toEqual([]);
  });

  it("comes last among the ways out of a search with few results, in the same round trip", async () => {
    const q = parse("zip=82001&radius=25&maxSessionPrice=300");
    // 50, 100 and 250 miles, online care in Wyoming, then the clinics without a price.
    const c = counter([0, 4, 9, 2, 1]);
    const ways = await waysOut(q, 1, { place: 5, maxSessionPrice: 6 }, c.count);
    expect(c.asked).toHaveLength(1);
    expect(ways.map((w) => [w.label, w.total])).toEqual([
      ["Within 100 miles", 4],
      ["Include online care in Wyoming", 2],
      ["Search without the price per session", 6],
      ["1 clinic doesn't list prices — show it", 6],
    ]);
  });
});
