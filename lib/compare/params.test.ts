import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { COMPARE_MAX, compareHref, parseCompareParams } from "./params";

describe("parseCompareParams", () => {
  it("reads comma-separated and repeated slugs in order, with assumptions", () => {
    const p = parseCompareParams({
      c: ["a-clinic,b-clinic", "c-clinic"],
      sessions: "8",
      integration: "0",
      boosters: "1",
    });
    expect(p.slugs).toEqual(["a-clinic", "b-clinic", "c-clinic"]);
    expect(p.problems).toEqual([]);
    expect(p.assumptions).toEqual({ ketamineSessions: 8, integrationSessions: 0, boosters: 1 });
    expect(p.assumptionNotices).toEqual([]);
    expect(p.onlyDifferences).toBe(false);
  });

  it("uses the default assumptions quietly when none are given, and nothing when c is missing", () => {
    const p = parseCompareParams({});
    expect(p.slugs).toEqual([]);
    expect(p.problems).toEqual([]);
    expect(p.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(p.assumptionNotices).toEqual([]);
  });

  it("drops duplicates (case-insensitively) and says so", () => {
    const p = parseCompareParams({ c: "a,b,A,a, b ,," });
    expect(p.slugs).toEqual(["a", "b"]);
    expect(p.problems).toEqual([{ kind: "duplicates", values: ["a", "b"] }]);
  });

  it("keeps the first four and names the rest", () => {
    const p = parseCompareParams({ c: "a,b,c,d,e,f" });
    expect(COMPARE_MAX).toBe(4);
    expect(p.slugs).toEqual(["a", "b", "c", "d"]);
    expect(p.problems).toEqual([{ kind: "tooMany", values: ["e", "f"] }]);
  });

  it("rejects slugs that could never exist, shortening long ones when repeating them", () => {
    const long = "x".repeat(200);
    const p = parseCompareParams({ c: `good-one,<script>,${long},a--b,-a` });
    expect(p.slugs).toEqual(["good-one"]);
    expect(p.problems).toEqual([
      { kind: "invalid", values: ["<script>", `${"x".repeat(60)}…`, "a--b", "-a"] },
    ]);
  });

  it("clamps out-of-range and unreadable assumptions with a notice each", () => {
    const p = parseCompareParams({ c: "a,b", sessions: "99", integration: "lots", boosters: ["-3", "5"] });
    expect(p.assumptions).toEqual({ ketamineSessions: 12, integrationSessions: 3, boosters: 0 });
    expect(p.assumptionNotices).toHaveLength(3);
    expect(p.assumptionNotices[0]).toContain("so we used 12");
  });

  it("never throws on input of the wrong shape", () => {
    for (const bad of [null, undefined, 42, "c=a", [], { c: 5 }, { c: { a: 1 } }, { sessions: [1] }]) {
      const p = parseCompareParams(bad);
      expect(p.slugs).toEqual([]);
      expect(p.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    }
  });

  it("reads params from objects that are not plain (as Next.js passes them)", () => {
    class SearchParamsLike {
      c = "a,b";
      sessions = "4";
    }
    expect(parseCompareParams(new SearchParamsLike())).toMatchObject({
      slugs: ["a", "b"],
      assumptions: { ketamineSessions: 4 },
    });
  });

  it("reads the only-differences switch", () => {
    expect(parseCompareParams({ c: "a,b", diff: "1" }).onlyDifferences).toBe(true);
    expect(parseCompareParams({ c: "a,b", diff: "yes" }).onlyDifferences).toBe(false);
  });
});

describe("compareHref", () => {
  it("round-trips through parseCompareParams", () => {
    const a = { ketamineSessions: 4, integrationSessions: 2, boosters: 0 };
    const href = compareHref(["a-1", "b-2"], { assumptions: a, onlyDifferences: true });
    expect(href).toBe("/compare?c=a-1,b-2&sessions=4&integration=2&boosters=0&diff=1");
    const sp = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseCompareParams(sp)).toMatchObject({
      slugs: ["a-1", "b-2"],
      assumptions: a,
      onlyDifferences: true,
    });
    expect(compareHref(["a"])).toBe("/compare?c=a");
  });
});
