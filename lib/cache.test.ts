import { afterEach, describe, expect, it, vi } from "vitest";
import { CACHE_TAGS, listingCacheTags, revalidateListingCaches } from "./cache";

describe("listing cache tags", () => {
  it("touch the home page, the nation, the listing's state and, for telehealth, every state it serves", () => {
    expect(
      listingCacheTags([{ state: "CA", clinicType: "infusion_clinic", statesServed: ["CA", "NV"] }]),
    ).toEqual([CACHE_TAGS.home, CACHE_TAGS.costsNation, "costs:state:CA"]);
    // before and after of a telehealth service that moved from serving OR to serving NV and WA
    expect(
      listingCacheTags([
        { state: "CA", clinicType: "telehealth", statesServed: ["OR"] },
        { state: "CA", clinicType: "telehealth", statesServed: ["NV", "WA"] },
      ]),
    ).toEqual([
      "home",
      "costs:nation",
      "costs:state:CA",
      "costs:state:OR",
      "costs:state:NV",
      "costs:state:WA",
    ]);
  });
});

describe("revalidateListingCaches outside Next.js", () => {
  afterEach(() => vi.restoreAllMocks());

  it("does nothing but say so once, and never throws", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const row = { state: "TX", clinicType: "kap_practice" as const, statesServed: ["TX"] };
    await expect(revalidateListingCaches([row])).resolves.toBeUndefined();
    await expect(revalidateListingCaches([row])).resolves.toBeUndefined();
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[0]).toMatch(
      /not inside Next\.js: skipped expiring home, costs:nation, costs:state:TX/,
    );
  });
});
