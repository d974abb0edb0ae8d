import { describe, expect, it } from "vitest";
import { daysSince, isStale } from "@/lib/listings/freshness";
import {
  hashLinkToken,
  LINK_DAYS,
  linkExpiry,
  linkRefusal,
  linkTokenSchema,
  newLinkToken,
  REMIND_AFTER_DAYS,
  reminderKind,
} from "./links";

const NOW = new Date("2026-11-29T15:30:00Z");
const DAY = 86_400_000;
const dateAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 10);

describe("price reminder links", () => {
  it("makes unguessable, URL-safe tokens and stores only their hash", () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).not.toBe(b.token);
    expect(linkTokenSchema.safeParse(a.token).success).toBe(true);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashLinkToken(a.token));
    expect(a.hash).not.toContain(a.token);
    // One changed character is another token with another hash.
    const tampered = (a.token[0] === "A" ? "B" : "A") + a.token.slice(1);
    expect(hashLinkToken(tampered)).not.toBe(a.hash);
  });

  it("refuses malformed tokens before any lookup", () => {
    for (const bad of [
      "",
      "short",
      "x".repeat(44),
      `${"a".repeat(42)}=`,
      `${"a".repeat(42)}/`,
      "' or 1=1 --",
    ])
      expect(linkTokenSchema.safeParse(bad).success).toBe(false);
  });

  it("works once, until it expires LINK_DAYS after it was sent", () => {
    const sentAt = new Date("2026-11-01T09:00:00Z");
    const expiresAt = linkExpiry(sentAt);
    expect(expiresAt.getTime() - sentAt.getTime()).toBe(LINK_DAYS * DAY);
    expect(linkRefusal({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1000))).toBeNull();
    expect(linkRefusal({ usedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(linkRefusal({ usedAt: new Date("2026-11-02T00:00:00Z"), expiresAt }, sentAt)).toBe("used");
    expect(linkRefusal(undefined, sentAt)).toBe("unknown");
  });
});

describe("which reminder a price date calls for", () => {
  it("none before REMIND_AFTER_DAYS, the first from then, the second once the prices are stale", () => {
    expect(reminderKind(dateAgo(REMIND_AFTER_DAYS - 1), NOW)).toBeNull();
    expect(reminderKind(dateAgo(REMIND_AFTER_DAYS), NOW)).toBe("90_days");
    expect(reminderKind(dateAgo(365), NOW)).toBe("90_days");
    expect(reminderKind(dateAgo(366), NOW)).toBe("12_months");
    expect(reminderKind(null, NOW)).toBeNull();
  });

  it("agrees with what the cards, profile and comparison call stale, at every age around the edges", () => {
    for (const now of [NOW, new Date("2026-11-29T00:00:00Z"), new Date("2026-11-29T23:59:59Z")]) {
      for (let days = 80; days < 380; days++) {
        const d = new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);
        const kind = reminderKind(d, now);
        expect(kind === "12_months", `${d} on ${now.toISOString()}`).toBe(isStale(d, now));
        expect(kind !== null, `${d} on ${now.toISOString()}`).toBe(daysSince(d, now)! >= REMIND_AFTER_DAYS);
      }
    }
  });
});
