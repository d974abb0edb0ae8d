/**
 * The one place numbers become text, so prices, scores and distances look the same on every page
 * ($450–$700, 82/100, 4.2 mi). Pure, locale fixed to en-US, dates in UTC: the same input gives the
 * same text on the server and in the browser.
 *
 * No `Intl` (nor `toLocaleString`) on purpose: this module runs in the browser while a page
 * hydrates, and building the first `Intl.NumberFormat` costs Chromium 50–80 ms of ICU start-up on
 * this project's reference machine (four times that on Lighthouse's simulated phone). The en-US
 * forms we print are simple enough to spell out, and the tests pin them.
 */

/** Shown for a price we do not know. */
export const NOT_LISTED = "Not listed";
/** Shown for any other number we do not have. */
export const NO_VALUE = "—";

/** Rounds half away from zero, as `Intl.NumberFormat` does; never returns -0. */
const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0;

/** A whole number with its digits grouped in threes: 1204 → "1,204", -5 → "-5". */
function grouped(whole: number): string {
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return whole < 0 ? `-${digits}` : digits;
}

/** A count, rounded to a whole number: 1204 → "1,204". */
export function count(n: number): string {
  return Number.isFinite(n) ? grouped(roundHalfAway(n)) : NO_VALUE;
}

/** A count with its unit, plural unless one: "1 listing", "1,204 clinics", "0 weeks". */
export function counted(n: number, unit: string): string {
  return `${count(n)} ${unit}${Math.abs(n) === 1 ? "" : "s"}`;
}

/** Integer US cents as dollars: "$450", "$2,400"; cents only when there are some ("$450.50"). */
export function usd(cents: number): string {
  if (!Number.isFinite(cents)) return NOT_LISTED;
  const c = Math.round(cents) || 0; // `|| 0` turns -0 into 0
  const abs = Math.abs(c);
  const rest = abs % 100;
  const text = `$${grouped(Math.floor(abs / 100))}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
  return c < 0 ? `-${text}` : text;
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
  const tenths = roundHalfAway(n * 10);
  if (Math.abs(tenths) >= 1000) return `${count(n)} mi`;
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? "-" : ""}${Math.floor(abs / 10)}.${abs % 10} mi`;
}

function toDate(d: Date | string): Date | null {
  // Date-only strings ("2026-11-03", e.g. `priceUpdatedAt`) parse as UTC midnight.
  const date = typeof d === "string" ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? null : date;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A calendar date: "Nov 3, 2026" (UTC). */
export function dateShort(d: Date | string): string {
  const date = toDate(d);
  return date ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}` : NO_VALUE;
}

/** A month: "Mar 2026" (UTC). */
export function monthYear(d: Date | string): string {
  const date = toDate(d);
  return date ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` : NO_VALUE;
}

const DAY_MS = 86_400_000;

const utcDay = (d: Date) => Math.floor(d.getTime() / DAY_MS);
const NEAR_DAYS: Readonly<Record<number, string>> = { [-1]: "yesterday", 0: "today", 1: "tomorrow" };

/** "3 days ago", "in 1 month": `n` units from now, negative in the past. */
function away(n: number, unit: "day" | "month" | "year"): string {
  const amount = counted(Math.abs(n), unit);
  return n < 0 ? `${amount} ago` : `in ${amount}`;
}

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
  if (abs < 30) return NEAR_DAYS[days] ?? away(days, "day");
  if (abs < 365) return away(sign * Math.max(1, Math.floor(abs / 30.4375)), "month");
  return away(sign * Math.max(1, Math.floor(abs / 365.25)), "year");
}

/** A share between 0 and 1 as a whole percentage: 0.42 → "42%". */
export function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${count(fraction * 100)}%` : NO_VALUE;
}

/** "Integration therapy" → "integration therapy", but "KAP …", "HSA / FSA", "PHQ-9" stay as written. */
export function lowerFirst(term: string): string {
  const first = term.split(/[\s(/]/)[0] ?? term;
  return first.length > 1 && first === first.toUpperCase()
    ? term
    : term.charAt(0).toLowerCase() + term.slice(1);
}
