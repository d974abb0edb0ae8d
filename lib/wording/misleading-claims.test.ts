import { describe, expect, it } from "vitest";
import {
  CHECKED_FIELDS,
  claimById,
  findInText,
  findMisleadingClaims,
  MISLEADING_CLAIMS,
  segments,
} from "./misleading-claims";

describe("the list of misleading claims (one test per entry, from the data file)", () => {
  it("has entries with unique ids", () => {
    expect(MISLEADING_CLAIMS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(MISLEADING_CLAIMS.map((c) => c.id)).size).toBe(MISLEADING_CLAIMS.length);
  });

  for (const entry of MISLEADING_CLAIMS) {
    describe(entry.id, () => {
      it("says why, in a sentence", () => {
        expect(entry.label.length).toBeGreaterThan(2);
        expect(entry.why).toMatch(/^[A-Z].{40,}\.$/s);
      });
      it(`flags its example: “${entry.flagged}”`, () => {
        const found = findInText("description", entry.flagged).filter((m) => m.claim === entry.id);
        expect(found.length).toBeGreaterThan(0);
        for (const m of found) expect(entry.flagged.slice(m.start, m.end)).toBe(m.text);
      });
      it(`passes the near miss: “${entry.fine}”`, () => {
        expect(findInText("description", entry.fine)).toEqual([]);
      });
    });
  }
});

describe("findMisleadingClaims", () => {
  it("checks every free-text field, and only those", () => {
    const values = Object.fromEntries(CHECKED_FIELDS.map((f) => [f, "A miracle cure."]));
    const found = findMisleadingClaims({ ...values, city: "Miracle" } as never);
    expect(new Set(found.map((m) => m.field))).toEqual(new Set(CHECKED_FIELDS));
    expect(found.every((m) => ["miracle", "cure"].includes(m.claim))).toBe(true);
  });

  it("is case-insensitive and finds every occurrence with its offsets", () => {
    const text = "CURE now. We cured it. Guaranteed Results!";
    const found = findInText("description", text);
    expect(found.map((m) => [m.claim, m.text])).toEqual([
      ["cure", "CURE"],
      ["cure", "cured"],
      ["guaranteed", "Guaranteed Results"],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("knows every id it reports", () => {
    const all = MISLEADING_CLAIMS.flatMap((c) => findInText("description", c.flagged));
    for (const m of all) expect(claimById(m.claim)).toBeDefined();
  });
});

describe("segments", () => {
  it("cuts the text into plain and flagged pieces that join back to the text", () => {
    const text = "We cure with a miracle drug, guaranteed results.";
    const parts = segments(text, findInText("description", text));
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.claims.length).map((p) => p.text)).toEqual([
      "cure",
      "miracle drug",
      "guaranteed results",
    ]);
  });

  it("merges overlapping matches", () => {
    const parts = segments("abcdef", [
      { start: 1, end: 4, claim: "x" },
      { start: 2, end: 5, claim: "y" },
    ]);
    expect(parts).toEqual([
      { text: "a", claims: [] },
      { text: "bcde", claims: ["x", "y"] },
      { text: "f", claims: [] },
    ]);
  });
});
