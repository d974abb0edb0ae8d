import "server-only";
import { counted } from "@/lib/format";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/connect";

/**
 * Postgres-backed sliding-window counters, shared by every app server: one upsert per check. The
 * count is this window's hits plus the previous window's, weighted by how much of it still overlaps
 * the last `windowSeconds` (so a burst cannot double up across a window boundary).
 */
export type Limit = { key: string; max: number; windowSeconds: number };
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one request; returns the sliding count and how long until it falls back to `max`. */
async function hit(
  db: Db,
  limit: Limit,
  at?: Date,
): Promise<{ count: number; retryAfterSeconds: number; windowStart: string }> {
  const w = limit.windowSeconds;
  // `at` lets tests put requests on either side of a window boundary; the app uses the database clock.
  const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const [row] = await db.execute<{ hits: number; prev: number; elapsed: number; window_start: string }>(sql`
    with up as (
      insert into rate_limits (key, window_start, hits)
      values (${limit.key}, to_timestamp(floor(extract(epoch from ${now}) / ${w}) * ${w}), 1)
      on conflict (key, window_start) do update set hits = rate_limits.hits + 1
      returning hits, window_start
    )
    select up.hits, up.window_start::text as window_start,
      coalesce((select r.hits from rate_limits r
                where r.key = ${limit.key} and r.window_start = up.window_start - make_interval(secs => ${w})), 0) as prev,
      extract(epoch from ${now} - up.window_start)::float8 as elapsed
    from up`);
  const hits = row?.hits ?? 1;
  const prev = row?.prev ?? 0;
  const elapsed = Math.min(w, Math.max(0, row?.elapsed ?? 0));
  const count = hits + prev * (1 - elapsed / w);
  const wait = secondsUntilNextFits(limit.max, w, hits, prev, elapsed);
  return { count, retryAfterSeconds: Math.max(1, Math.ceil(wait)), windowStart: row?.window_start ?? "" };
}

/** Takes back one request counted by `hit` (in the window it was counted in). */
async function unhit(db: Db, key: string, windowStart: string): Promise<void> {
  await db.execute(sql`
    update rate_limits set hits = greatest(hits - 1, 0)
    where key = ${key} and window_start = ${windowStart}::timestamptz`);
}

/**
 * How long until one more request (which counts itself) fits under `max`: later in this window, once
 * the previous window's weight has shrunk enough; else in the next one, once this window's has.
 * Every request counts, refused ones too, so retrying sooner only pushes this further out.
 */
function secondsUntilNextFits(max: number, w: number, hits: number, prev: number, elapsed: number): number {
  const room = max - hits - 1; // requests this window can still take after the next one
  if (room < 0) return w - elapsed + Math.max(0, w * (1 - (max - 1) / hits));
  return prev > 0 ? w * (1 - room / prev) - elapsed : 0;
}

/** Counts one request against every limit; refused if any is over its maximum. */
export async function checkLimits(db: Db, limits: Limit[], at?: Date): Promise<LimitResult> {
  let retry = 0;
  for (const limit of limits) {
    const r = await hit(db, limit, at);
    if (r.count > limit.max) retry = Math.max(retry, r.retryAfterSeconds);
  }
  // Old windows are useless; drop them now and then (cheap: indexed on window_start).
  if (Math.random() < 0.02) {
    await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  }
  return retry > 0 ? { ok: false, retryAfterSeconds: retry } : { ok: true };
}

/**
 * The limit on requests from one client address (`clientAddress`), for `scope` ("signin", "problem").
 * An unknown address shares one bucket per scope with every other unknown one.
 */
export function addressLimit(scope: string, ip: string | null, max: number, windowSeconds: number): Limit {
  return { key: `${scope}:ip:${ip ?? "unknown"}`, max, windowSeconds };
}

export const SIGN_IN_LIMITS = {
  perEmail: 5,
  perAddress: 20,
  windowSeconds: 15 * 60,
  /** Sign-in mails the whole site sends per minute, whoever asks (rotating addresses included). */
  sitePerMinute: 30,
} as const;

export type SignInReservation = LimitResult & {
  /** Call when no mail went out after all: it then counts against neither the email nor the site. */
  release?: () => Promise<void>;
};

/**
 * A sign-in link request. Every request counts against the asking address (20 in 15 minutes; the
 * address from `clientAddress`, or one shared bucket when it is unknown). Only a mail actually sent
 * counts against its email (5 in 15 minutes) and the site-wide cap (30 a minute): a refused request
 * takes its count back, and so must the caller (`release`) when sending failed. So nobody can use up
 * someone else's budget without getting mails sent to them, which the per-address limit bounds.
 */
export async function signInRateLimit(
  db: Db,
  input: { email: string; ip: string | null },
  at?: Date,
): Promise<SignInReservation> {
  const w = SIGN_IN_LIMITS.windowSeconds;
  const perAddress = await checkLimits(
    db,
    [addressLimit("signin", input.ip, SIGN_IN_LIMITS.perAddress, w)],
    at,
  );
  if (!perAddress.ok) return perAddress;
  const mailLimits: Limit[] = [
    { key: `signin:email:${input.email.toLowerCase()}`, max: SIGN_IN_LIMITS.perEmail, windowSeconds: w },
    { key: "signin:site", max: SIGN_IN_LIMITS.sitePerMinute, windowSeconds: 60 },
  ];
  const counted = await Promise.all(mailLimits.map(async (l) => ({ l, r: await hit(db, l, at) })));
  const release = async () => {
    for (const { l, r } of counted) await unhit(db, l.key, r.windowStart);
  };
  const over = counted.filter(({ l, r }) => r.count > l.max);
  if (over.length) {
    await release();
    return { ok: false, retryAfterSeconds: Math.max(...over.map(({ r }) => r.retryAfterSeconds)) };
  }
  return { ok: true, release };
}

/** "15 minutes", "1 minute", "40 seconds". */
export function waitText(seconds: number): string {
  return seconds < 60 ? counted(seconds, "second") : counted(Math.ceil(seconds / 60), "minute");
}

/**
 * Whether Auth.js's answer to a sign-in request (where it redirects) means the link was sent: its
 * "check your email" step (`…/verify-request`, or our page for it), not an error.
 */
export function linkWasSent(location: string | null | undefined): boolean {
  if (!location) return false;
  const u = new URL(location, "http://x.invalid");
  const checkEmail = u.pathname.endsWith("/verify-request") || u.pathname === "/signin/check-email";
  return checkEmail && !u.searchParams.has("error");
}
