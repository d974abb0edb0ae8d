import { describe, expect, it } from "vitest";
import { EARLY_CLICKS_SCRIPT, EARLY_DONE, EARLY_QUEUE, takeEarlyClicks } from "./early-clicks";

describe("presses of 'Add to compare' before the page is interactive", () => {
  it("the script is valid JavaScript", () => {
    expect(() => new Function(EARLY_CLICKS_SCRIPT)).not.toThrow();
  });

  it("takes the noted clinics once each, in order, and marks the store as taken over", () => {
    const win: Record<string, unknown> = {
      [EARLY_QUEUE]: [
        ["a-clinic", "A Clinic"],
        ["b-clinic", "B Clinic"],
        ["a-clinic", "A Clinic"],
      ],
    };
    expect(takeEarlyClicks(win)).toEqual([
      { slug: "a-clinic", name: "A Clinic" },
      { slug: "b-clinic", name: "B Clinic" },
    ]);
    expect(win[EARLY_DONE]).toBe(true);
    expect(takeEarlyClicks(win)).toEqual([]); // taken: not added twice
  });

  it("drops anything that is not a slug and a name", () => {
    const win: Record<string, unknown> = {
      [EARLY_QUEUE]: [["", "No slug"], ["no-name", null], "x", [1, 2], ["ok", "Ok"]],
    };
    expect(takeEarlyClicks(win)).toEqual([{ slug: "ok", name: "Ok" }]);
  });

  it("without the script (no queue) there is nothing to take", () => {
    expect(takeEarlyClicks({})).toEqual([]);
  });
});
