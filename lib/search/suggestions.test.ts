import { describe, expect, it } from "vitest";
import { parseSearchQuery, type SearchQuery } from "./query";
import { filterWords, unpricedLabel, waysOut, type CountAsk } from "./suggestions";

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

describe("search words that name an aftercare filter", () => {
  it("read as the filter, the other words kept", () => {
    expect(filterWords(parse("q=group+therapy"))).toEqual({
      change: { groups: "any", q: "" },
      params: ["groups"],
    });
    expect(filterWords(parse("q=PTSD+24-hour+check-in+and+Support+Groups"))?.change).toEqual({
      followUp24h: true,
      groups: "any",
      q: "PTSD and",
    });
    expect(filterWords(parse("q=integration+therapy"))?.change).toEqual({
      integration: ["included", "add_on", "referral_only"],
      q: "",
    });
    expect(filterWords(parse("q=licensed+therapist"))?.change).toMatchObject({ therapist: "licensed" });
    // Whole words only, and not a filter the search already has.
    expect(filterWords(parse("q=Groupwell+Clinic"))).toBeUndefined();
    expect(filterWords(parse("q=spravato"))).toBeUndefined();
    expect(filterWords(parse("q=groups&groups=virtual"))).toBeUndefined();
  });

  it("come first among the ways out, and the search without its words comes last", async () => {
    const q = parse("q=group+therapy&state=WY&integration=included");
    const c = counter([7, 2]);
    const ways = await waysOut(q, 0, { place: 3, integration: 1, q: 40 }, c.count);
    expect(ways).toEqual([
      { label: "Clinics with support groups", change: { groups: "any", q: "" }, total: 7 },
      // Online care in Wyoming (2), then the filter whose removal finds the most.
      { label: "Include online care in Wyoming", change: { telehealthIn: "WY" }, total: 2 },
      { label: "Search without the location", change: expect.any(Object), total: 3 },
    ]);
    // The words read as a filter answered the question: no "without the words" beside it.
    const none = counter([0, 0]);
    expect((await waysOut(q, 0, { q: 40 }, none.count)).map((w) => w.label)).toEqual([
      "Search without the words “group therapy”",
    ]);
    // Words that name no filter: only the search without them.
    const plain = counter([0]);
    expect(
      (await waysOut(parse("q=zzyzx&state=WY"), 0, { q: 1400 }, plain.count)).map((w) => [w.label, w.total]),
    ).toEqual([["Search without the words “zzyzx”", 1400]]);
  });
});
