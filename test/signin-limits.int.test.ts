import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS, signInRateLimit } from "@/lib/auth/rate-limit";
import { freshDatabase } from "./support/db";

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh.drop());

// Times on a future window boundary, so each test controls its windows.
const boundary = (offsetWindows: number) =>
  Math.ceil(Date.now() / 900_000) * 900_000 + offsetWindows * 900_000;
const ip = (n: number) => `198.51.100.${n}`;

describe("sign-in limits: refused requests don't use up someone's budget", () => {
  it("requests refused for an email count against the asking address only, so its owner gets links again on time", async () => {
    const t0 = boundary(4);
    const at = (s: number) => new Date(t0 + s * 1000);
    const victim = "admin-budget@x.example";
    // Five links sent just before a window boundary: the email's budget is used up.
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect((await signInRateLimit(fresh.db, { email: victim, ip: ip(1) }, at(-5 + i))).ok).toBe(true);
    }
    // Someone keeps asking for the victim from many addresses: all refused.
    for (let i = 0; i < 15; i++) {
      expect((await signInRateLimit(fresh.db, { email: victim, ip: ip(10 + i) }, at(1 + i))).ok).toBe(false);
    }
    // Once the five sent links weigh little enough, the victim gets a link: the refused requests did
    // not count. (Counted, they would hold the email off for most of another window.)
    expect((await signInRateLimit(fresh.db, { email: victim, ip: ip(2) }, at(400))).ok).toBe(true);
  });

  it("a request whose mail was not sent gives its count back", async () => {
    const t0 = boundary(6);
    const at = (s: number) => new Date(t0 + s * 1000);
    const email = "flaky-mail@x.example";
    for (let i = 0; i < 10; i++) {
      const r = await signInRateLimit(fresh.db, { email, ip: ip(30 + i) }, at(i));
      expect(r.ok).toBe(true);
      if (r.ok) await r.release?.(); // the mail server refused it
    }
    expect((await signInRateLimit(fresh.db, { email, ip: ip(50) }, at(20))).ok).toBe(true);
  });
});

describe("sign-in limits: no way around them", () => {
  it("caps sign-in mails for the whole site per minute, whatever the addresses and emails", async () => {
    const t0 = boundary(8);
    const at = (s: number) => new Date(t0 + s * 1000);
    const results = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.sitePerMinute; i++) {
      results.push(
        await signInRateLimit(fresh.db, { email: `many${i}@x.example`, ip: `203.0.113.${i}` }, at(1)),
      );
    }
    expect(results.slice(0, SIGN_IN_LIMITS.sitePerMinute).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)?.ok).toBe(false);
  });
});
