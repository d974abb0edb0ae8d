import { afterEach, describe, expect, it, vi } from "vitest";
import {
  applyChangeNotice,
  CACHE_TAGS,
  changeNotice,
  figuresGeneration,
  listingCacheTags,
  PUSHED_NOTICE,
  revalidateListingCaches,
} from "./cache";
import { pageCache } from "./page-cache";

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

describe("change notices from other processes", () => {
  const tx = { state: "TX", clinicType: "kap_practice" as const, statesServed: ["TX"] };

  it("expire the figures the change touches and drop the cached pages", () => {
    const page = { status: 200, headers: [], body: "<p>x</p>", nonce: "n".repeat(22) };
    pageCache().set("/clinics", page, pageCache().generation);
    const tx0 = figuresGeneration(["costs:state:TX"]);
    const ca0 = figuresGeneration(["costs:state:CA"]);
    expect(applyChangeNotice(changeNotice([tx]))).toBe("write");
    expect(pageCache().size).toBe(0);
    expect(figuresGeneration(["costs:state:TX"])).not.toBe(tx0);
    expect(figuresGeneration(["costs:state:CA"])).toBe(ca0);
  });

  it("after a push drop only the cached pages; a notice they cannot read expires everything", () => {
    const ca0 = figuresGeneration(["costs:state:CA"]);
    pageCache().set(
      "/",
      { status: 200, headers: [], body: "x", nonce: "n".repeat(22) },
      pageCache().generation,
    );
    expect(applyChangeNotice(PUSHED_NOTICE)).toBe("pushed");
    expect(pageCache().size).toBe(0);
    expect(figuresGeneration(["costs:state:CA"])).toBe(ca0);
    expect(applyChangeNotice("")).toBe("unknown");
    expect(figuresGeneration(["costs:state:CA"])).not.toBe(ca0);
  });
});
