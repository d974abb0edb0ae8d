import { monthYear } from "@/lib/format";

/**
 * How fresh a listing's facts are. The profile flags facts older than `STALE_AFTER_DAYS` and
 * /methodology explains the rule, both from this constant.
 */
export const STALE_AFTER_DAYS = 365;

const DAY_MS = 86_400_000;

/** Whole days from `d` to `now`; null when `d` is missing or unreadable. */
export function daysSince(d: Date | string | null, now: Date): number | null {
  if (d === null) return null;
  const t = (typeof d === "string" ? new Date(d) : d).getTime();
  return Number.isNaN(t) ? null : Math.floor((now.getTime() - t) / DAY_MS);
}

/** True when the date is missing or more than `STALE_AFTER_DAYS` ago. */
export function isStale(d: Date | string | null, now: Date): boolean {
  const days = daysSince(d, now);
  return days === null || days > STALE_AFTER_DAYS;
}

/**
 * How old a listing's prices are, in the words a card shows: "Prices from Mar 2026", and whether
 * they are stale (older than `STALE_AFTER_DAYS`, or undated), so the card flags them and the
 * comparison never marks them lowest.
 */
export function priceAge(d: Date | string | null, now: Date): { text: string; stale: boolean } {
  const stale = isStale(d, now);
  if (d === null || daysSince(d, now) === null) return { text: "Prices not dated", stale };
  return { text: `Prices from ${monthYear(d)}`, stale };
}
