import { describe, expect, it } from "vitest";
import { addToTray, clearTray, matchTray, removeFromTray, type TrayItem } from "./tray";
import { parseTray } from "./tray-storage";

const item = (n: number): TrayItem => ({ slug: `clinic-${n}`, name: `Clinic ${n}` });

describe("parseTray", () => {
  it("reads back what was stored", () => {
    const list = [item(1), item(2)];
    expect(parseTray(JSON.stringify(list))).toEqual(list);
  });

  it("treats missing, broken or foreign storage as an empty list", () => {
    for (const raw of [
      null,
      "",
      "{",
      "42",
      '{"slug":"a"}',
      '[{"slug":"A B","name":"x"}]',
      '[{"slug":"a","name":""}]',
    ]) {
      expect(parseTray(raw)).toEqual([]);
    }
  });

  it("keeps each clinic once and at most four", () => {
    const list = [item(1), item(1), item(2), item(3), item(4), item(5)];
    expect(parseTray(JSON.stringify(list)).map((i) => i.slug)).toEqual([
      "clinic-1",
      "clinic-2",
      "clinic-3",
      "clinic-4",
    ]);
  });
});

describe("tray changes", () => {
  it("adds, announcing the count", () => {
    const { items, message } = addToTray([item(1)], item(2));
    expect(items).toEqual([item(1), item(2)]);
    expect(message).toBe("Added Clinic 2 to compare. 2 of 4 chosen.");
  });

  it("refuses a fifth clinic and a duplicate, saying why", () => {
    const full = [item(1), item(2), item(3), item(4)];
    const fifth = addToTray(full, item(5));
    expect(fifth.items).toEqual(full);
    expect(fifth.message).toBe("You can compare up to 4 clinics. Remove one to add Clinic 5.");
    expect(addToTray([item(1)], item(1)).items).toEqual([item(1)]);
  });

  it("removes and clears", () => {
    expect(removeFromTray([item(1), item(2)], "clinic-1")).toEqual({
      items: [item(2)],
      message: "Removed Clinic 1 from compare. 1 of 4 chosen.",
    });
    expect(removeFromTray([item(1)], "clinic-9")).toEqual({ items: [item(1)], message: "" });
    expect(clearTray().items).toEqual([]);
  });
});

describe("matchTray", () => {
  it("leaves a list that already matches alone, with nothing to announce", () => {
    const list = [item(1), item(2)];
    expect(matchTray(list, [item(1), item(2)])).toEqual({ items: list, message: "" });
  });

  it("takes the comparison's clinics, in its order, and says so", () => {
    const change = matchTray([item(1), item(2), item(3)], [item(3), item(1)]);
    expect(change.items).toEqual([item(3), item(1)]);
    expect(change.message).toBe("Your compare list now matches this comparison. 2 of 4 chosen.");
  });

  it("keeps the limits of a stored list (each once, at most four) and an empty comparison changes nothing", () => {
    // The comparison's clinics come from the server, which read their slugs with zod.
    expect(matchTray([item(7)], [])).toEqual({ items: [item(7)], message: "" });
    expect(matchTray([], [item(1), item(1), item(2)]).items).toEqual([item(1), item(2)]);
    const five = matchTray([], [item(1), item(2), item(3), item(4), item(5)]);
    expect(five.items.map((i) => i.slug)).toEqual(["clinic-1", "clinic-2", "clinic-3", "clinic-4"]);
  });
});
