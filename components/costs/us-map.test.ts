import { describe, expect, it } from "vitest";
import { classBreaks, classOf } from "./us-map";

describe("map classes", () => {
  it("a figure from few clinics never gets the lightest or darkest class on its own strength", () => {
    const breaks = classBreaks([100, 200, 300, 400, 500], 100);
    expect(classOf(100, breaks, false)).toBe(0);
    expect(classOf(500, breaks, false)).toBe(4);
    expect(classOf(100, breaks, true)).toBe(1);
    expect(classOf(500, breaks, true)).toBe(3);
    expect(classOf(300, breaks, true)).toBe(classOf(300, breaks, false));
  });
});
