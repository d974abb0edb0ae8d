/**
 * The one place numbers become text, so prices, scores and distances look the same on every page
 * ($450–$700, 82/100, 4.2 mi). Pure, locale fixed to en-US, dates in UTC: the same input gives the
 * same text on the server and in the browser.
 */

/** Shown for a price we do not know. */
export const NOT_LISTED = "Not listed";
/** Shown for any other number we do not have. */
export const NO_VALUE = "—";

const usdWhole = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const shortDate = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
const relativeNumeric = new Intl.RelativeTimeFormat("en-US", { numeric: "always" });

/** Integer US cents as dollars: "$450", "$2,400"; cents only when there are some ("$450.50"). */
export function usd(cents: number): string {
  if (!Number.isFinite(cents)) return NOT_LISTED;
  const c = Math.round(cents) || 0; // `|| 0` turns -0 into 0
  return c % 100 === 0 ? usdWhole.format(c / 100) : usdCents.format(c / 100);
}

/**
 * A price range in cents: "$450–$700"; one value when both ends print the same; "From $450" or
 * "Up to $700" when only one end is known; "Not listed" when neither is.
 */
export function usdRange(lowCents: number | null | undefined, highCents: number | null | undefined): string {
  const low = lowCents != null && Number.isFinite(lowCents) ? lowCents : null;
  const high = highCents != null && Number.isFinite(highCents) ? highCents : null;
  if (low === null && high === null) return NOT_LISTED;
  if (high === null) return `From ${usd(low as number)}`;
  if (low === null) return `Up to ${usd(high)}`;
  const a = usd(Math.min(low, high));
  const b = usd(Math.max(low, high));
  return a === b ? a : `${a}–${b}`;
}

/** An aftercare score: "82/100". */
export function score(n: number): string {
  return Number.isFinite(n) ? `${Math.round(n)}/100` : NO_VALUE;
}

/** A distance in miles: "4.2 mi" below 100, "120 mi" and "1,204 mi" from 100 up. */
export function miles(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  const tenths = Math.round(n * 10) / 10;
  return Math.abs(tenths) >= 100 ? `${wholeNumber.format(n)} mi` : `${oneDecimal.format(tenths)} mi`;
}

function toDate(d: Date | string): Date | null {
  // Date-only strings ("2026-11-03", e.g. `priceUpdatedAt`) parse as UTC midnight.
  const date = typeof d === "string" ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date: "Nov 3, 2026" (UTC). */
export function dateShort(d: Date | string): string {
  const date = toDate(d);
  return date ? shortDate.format(date) : NO_VALUE;
}

const DAY_MS = 86_400_000;
const utcDay = (d: Date) => Math.floor(d.getTime() / DAY_MS);

/**
 * How long ago `d` was, counted in UTC calendar days: "today", "yesterday", "3 days ago" (under 30
 * days), "5 months ago" (under a year), "2 years ago". Future dates read "tomorrow", "in 3 days".
 */
export function relativeDays(d: Date | string, now: Date | string): string {
  const date = toDate(d);
  const ref = toDate(now);
  if (!date || !ref) return NO_VALUE;
  const days = utcDay(date) - utcDay(ref); // negative = in the past
  const sign = days < 0 ? -1 : 1;
  const abs = Math.abs(days);
  if (abs < 30) return relative.format(days, "day");
  if (abs < 365) return relativeNumeric.format(sign * Math.max(1, Math.floor(abs / 30.4375)), "month");
  return relativeNumeric.format(sign * Math.max(1, Math.floor(abs / 365.25)), "year");
}

/** A share between 0 and 1 as a whole percentage: 0.42 → "42%". */
export function percent(fraction: number): string {
  return Number.isFinite(fraction) ? percentFormat.format(fraction) : NO_VALUE;
}
