import { describe, expect, it } from "vitest";
import {
  count,
  dateShort,
  lowerFirst,
  miles,
  monthYear,
  percent,
  relativeDays,
  score,
  usd,
  usdRange,
} from "./format";

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

describe("the same text Intl would print (en-US), without Intl", () => {
  // The formatters spell en-US out by hand (see the module comment); Node's Intl is the oracle.
  const values = [0, 1, 7, 42, 99, 100, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 123_456_789, 2 ** 40];
  const signed = [...values, ...values.filter((v) => v !== 0).map((v) => -v)]; // -0 prints "0" here, "-0" in Intl

  it("usd matches Intl's currency format", () => {
    const whole = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      maximumFractionDigits: 0,
    });
    const cents = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
    });
    for (const v of signed)
      for (const c of [v, v + (v < 0 ? -5 : 5), v * 100 + 1]) {
        const want = c % 100 === 0 ? whole.format(c / 100) : cents.format(c / 100);
        expect(usd(c), String(c)).toBe(want);
      }
  });

  it("count and miles match Intl's grouping and rounding", () => {
    const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    const one = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const v of [...signed, 0.5, 2.5, -2.5, 1234.5, 99.94, 99.95, 0.05, 0.04]) {
      expect(count(v), String(v)).toBe(int.format(v));
      if (v >= 0 && v < 99.95) expect(miles(v), String(v)).toBe(`${one.format(Math.round(v * 10) / 10)} mi`);
    }
    expect(count(Number.NaN)).toBe("—");
    expect(count(-0)).toBe("0");
  });

  it("relative days match Intl's relative time", () => {
    const now = new Date("2026-11-03T09:00:00Z");
    const auto = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
    const always = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });
    for (let d = -29; d <= 29; d++) {
      const date = new Date(now.getTime() + d * 86_400_000);
      expect(relativeDays(date, now), String(d)).toBe(auto.format(d, "day"));
    }
    expect(relativeDays("2026-12-04", now)).toBe(always.format(1, "month"));
    expect(relativeDays("2028-11-04", now)).toBe(always.format(2, "year"));
    expect(relativeDays("2025-10-01", now)).toBe(always.format(-1, "year"));
  });

  it("dates match Intl's short date in UTC", () => {
    const fmt = new Intl.DateTimeFormat("en-US", {
      month: "short",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, m, m + 1, 23, 59));
      expect(dateShort(d)).toBe(fmt.format(d));
    }
  });
});

describe("monthYear", () => {
  it("names the month and year in UTC", () => {
    expect(monthYear("2026-03-01")).toBe("Mar 2026");
    expect(monthYear(new Date("2025-12-31T23:59:59Z"))).toBe("Dec 2025");
    expect(monthYear("nope")).toBe("—");
  });
});

describe("lowerFirst", () => {
  it("lowers the first letter of a phrase, leaving abbreviations as written", () => {
    expect(lowerFirst("Median price per session, IV infusion")).toBe("median price per session, IV infusion");
    expect(lowerFirst("Integration therapy")).toBe("integration therapy");
    expect(lowerFirst("KAP (ketamine-assisted psychotherapy)")).toBe("KAP (ketamine-assisted psychotherapy)");
    expect(lowerFirst("HSA / FSA")).toBe("HSA / FSA");
  });
});
