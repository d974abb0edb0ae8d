import { describe, expect, it } from "vitest";
import { STALE_AFTER_DAYS, daysSince, isStale, priceAge } from "./freshness";

const NOW = new Date("2026-05-01T12:00:00Z");

describe("freshness", () => {
  it("counts whole days, from dates and date-only strings", () => {
    expect(daysSince(new Date("2026-04-30T12:00:00Z"), NOW)).toBe(1);
    expect(daysSince("2026-04-01", NOW)).toBe(30);
    expect(daysSince(null, NOW)).toBeNull();
    expect(daysSince("not a date", NOW)).toBeNull();
  });

  it("calls a fact stale after a year, or when we never had a date", () => {
    expect(STALE_AFTER_DAYS).toBe(365);
    expect(isStale(new Date(NOW.getTime() - 365 * 86_400_000), NOW)).toBe(false);
    expect(isStale(new Date(NOW.getTime() - 366 * 86_400_000), NOW)).toBe(true);
    expect(isStale(null, NOW)).toBe(true);
  });

  it("says how old prices are by month, and flags them after a year", () => {
    expect(priceAge("2026-03-01", NOW)).toEqual({ text: "Prices from Mar 2026", stale: false });
    expect(priceAge("2025-04-01", NOW)).toEqual({ text: "Prices from Apr 2025", stale: true });
    expect(priceAge(null, NOW)).toEqual({ text: "Prices not dated", stale: true });
    expect(priceAge("garbage", NOW)).toEqual({ text: "Prices not dated", stale: true });
  });
});
