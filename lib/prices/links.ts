import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PRICE_REMINDER_KINDS } from "@/db/enum-values";
import { STALE_AFTER_DAYS } from "@/lib/listings/freshness";
import { todayUtc } from "@/lib/listings/schema";

/**
 * The rules of the price reminders (lib/prices/reminders.ts) and of their one-click "Prices are still
 * correct" link, as pure functions: which reminder a price date calls for, and whether a link still
 * works. The link carries a random 256-bit token; only its SHA-256 is stored, so the database alone
 * cannot make a working link, and nobody can guess one.
 */

export type PriceReminderKind = (typeof PRICE_REMINDER_KINDS)[number];

/** Prices this many days old get the first reminder. */
export const REMIND_AFTER_DAYS = 90;
/** At most one reminder per listing in this many days. */
export const REMINDER_GAP_DAYS = 30;
/** The one-click link works this many days after it was sent. */
export const LINK_DAYS = 14;

const DAY_MS = 86_400_000;

/** The date `days` calendar days before `now`'s date (UTC), as YYYY-MM-DD. */
const dateBefore = (now: Date, days: number) => todayUtc(new Date(now.getTime() - days * DAY_MS));

/**
 * The latest price dates that call for each reminder on `now`'s date: prices dated on or before
 * `firstBy` are at least `REMIND_AFTER_DAYS` old; on or before `staleBy`, older than
 * `STALE_AFTER_DAYS` (stale, as the cards, profile and comparison show them: `isStale`).
 */
export function reminderCutoffs(now: Date): { firstBy: string; staleBy: string } {
  return { firstBy: dateBefore(now, REMIND_AFTER_DAYS), staleBy: dateBefore(now, STALE_AFTER_DAYS + 1) };
}

/** The reminder a price date calls for on `now`'s date, if any (undated prices get none). */
export function reminderKind(priceDate: string | null, now: Date): PriceReminderKind | null {
  if (priceDate === null) return null;
  const { firstBy, staleBy } = reminderCutoffs(now);
  if (priceDate <= staleBy) return "12_months";
  return priceDate <= firstBy ? "90_days" : null;
}

/** A new link token (43 URL-safe characters) and the hash that is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token as it arrives in a link or a form: anything else is refused before any lookup. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type LinkRefusal = "unknown" | "used" | "expired";

/** Why a stored link no longer works at `now`, or null when it does. */
export function linkRefusal(
  row: { usedAt: Date | null; expiresAt: Date } | undefined,
  now: Date,
): LinkRefusal | null {
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : null;
}

/** When a link sent at `sentAt` stops working. */
export const linkExpiry = (sentAt: Date) => new Date(sentAt.getTime() + LINK_DAYS * DAY_MS);

/** What the link's page says when a link does not work ("not_owner": the recipient no longer owns the listing). */
export const LINK_REFUSALS: Record<LinkRefusal | "not_owner", string> = {
  used: "This link was already used: each link confirms the prices once. Nothing was changed.",
  expired: `This link has expired: links work for ${LINK_DAYS} days. Nothing was changed. Sign in to update or confirm your prices.`,
  unknown: "We do not know this link. Check that you opened all of it from the email. Nothing was changed.",
  not_owner: "You are no longer an owner of this listing, so this link does not work. Nothing was changed.",
};
