import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";

/**
 * Postgres-backed fixed-window counters, shared by every app server. One upsert per check.
 */
export type Limit = { key: string; max: number; windowSeconds: number };
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function hit(db: Db, limit: Limit): Promise<{ hits: number; retryAfterSeconds: number }> {
  const [row] = await db.execute<{ hits: number; retry: number }>(sql`
    with w as (
      select to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds}) as start
    )
    insert into rate_limits (key, window_start, hits)
    select ${limit.key}, w.start, 1 from w
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits,
      ceil(extract(epoch from window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int as retry`);
  return { hits: row?.hits ?? 1, retryAfterSeconds: Math.max(1, row?.retry ?? limit.windowSeconds) };
}

/** Counts one request against every limit; refused if any is over its maximum. */
export async function checkLimits(db: Db, limits: Limit[]): Promise<LimitResult> {
  let retry = 0;
  for (const limit of limits) {
    const r = await hit(db, limit);
    if (r.hits > limit.max) retry = Math.max(retry, r.retryAfterSeconds);
  }
  // Old windows are useless; drop them now and then (cheap: indexed on window_start).
  if (Math.random() < 0.02) {
    await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  }
  return retry > 0 ? { ok: false, retryAfterSeconds: retry } : { ok: true };
}

export const SIGN_IN_LIMITS = { perEmail: 5, perIp: 20, windowSeconds: 15 * 60 } as const;

/** Sign-in link requests: 5 per email and 20 per IP address in 15 minutes. */
export function signInRateLimit(db: Db, input: { email: string; ip: string }): Promise<LimitResult> {
  const w = SIGN_IN_LIMITS.windowSeconds;
  return checkLimits(db, [
    { key: `signin:email:${input.email.toLowerCase()}`, max: SIGN_IN_LIMITS.perEmail, windowSeconds: w },
    { key: `signin:ip:${input.ip}`, max: SIGN_IN_LIMITS.perIp, windowSeconds: w },
  ]);
}

/** "15 minutes", "1 minute", "40 seconds". */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/** The client's IP from the proxy headers Next.js sets (first hop of X-Forwarded-For). */
export function clientIp(headers: Headers): string {
  const fwd = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return fwd || headers.get("x-real-ip")?.trim() || "unknown";
}
