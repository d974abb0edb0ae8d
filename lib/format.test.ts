import { describe, expect, it } from "vitest";
import { dateShort, miles, percent, relativeDays, score, usd, usdRange } from "./format";

describe("usd", () => {
  it("shows whole dollars with thousands separators, cents only when there are some", () => {
    expect(usd(45_000)).toBe("$450");
    expect(usd(240_000)).toBe("$2,400");
    expect(usd(0)).toBe("$0");
    expect(usd(-0)).toBe("$0");
    expect(usd(45_050)).toBe("$450.50");
    expect(usd(12_345_678)).toBe("$123,456.78");
    expect(usd(Number.NaN)).toBe("Not listed");
  });
});

describe("usdRange", () => {
  it("joins two prices with an en dash", () => {
    expect(usdRange(45_000, 70_000)).toBe("$450–$700");
    expect(usdRange(70_000, 45_000)).toBe("$450–$700");
  });
  it("shows one value when both ends are the same", () => {
    expect(usdRange(45_000, 45_000)).toBe("$450");
  });
  it("handles unknown ends", () => {
    expect(usdRange(null, null)).toBe("Not listed");
    expect(usdRange(undefined, undefined)).toBe("Not listed");
    expect(usdRange(45_000, null)).toBe("From $450");
    expect(usdRange(null, 70_000)).toBe("Up to $700");
  });
});

describe("score, miles, percent", () => {
  it("formats a score out of 100", () => {
    expect(score(82)).toBe("82/100");
    expect(score(81.6)).toBe("82/100");
  });
  it("formats miles with one decimal below 100 and none from 100", () => {
    expect(miles(4.23)).toBe("4.2 mi");
    expect(miles(0)).toBe("0.0 mi");
    expect(miles(12)).toBe("12.0 mi");
    expect(miles(99.96)).toBe("100 mi");
    expect(miles(123.4)).toBe("123 mi");
    expect(miles(1204.4)).toBe("1,204 mi");
  });
  it("formats a fraction as a whole percentage", () => {
    expect(percent(0.42)).toBe("42%");
    expect(percent(0.4249)).toBe("42%");
    expect(percent(1)).toBe("100%");
    expect(percent(Number.NaN)).toBe("—");
  });
});

describe("dates", () => {
  it("formats a short date in UTC", () => {
    expect(dateShort(new Date("2026-11-03T23:30:00Z"))).toBe("Nov 3, 2026");
    expect(dateShort("2026-11-03")).toBe("Nov 3, 2026");
    expect(dateShort("not a date")).toBe("—");
  });

  it("says how long ago in calendar days, then months, then years", () => {
    const now = new Date("2026-11-03T09:00:00Z");
    expect(relativeDays("2026-11-03T01:00:00Z", now)).toBe("today");
    expect(relativeDays("2026-11-02T23:59:00Z", now)).toBe("yesterday");
    expect(relativeDays("2026-10-31", now)).toBe("3 days ago");
    expect(relativeDays("2026-10-05", now)).toBe("29 days ago");
    expect(relativeDays("2026-10-04", now)).toBe("1 month ago"); // 30 days
    expect(relativeDays("2026-06-03", now)).toBe("5 months ago"); // 153 days
    expect(relativeDays("2025-11-03", now)).toBe("1 year ago");
    expect(relativeDays("2023-11-03", now)).toBe("3 years ago");
    expect(relativeDays("2026-11-06", now)).toBe("in 3 days");
  });
});
