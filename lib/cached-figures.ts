import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Db } from "@/db/connect";
import { figuresGeneration } from "@/lib/cache";

/** The longest a cached figure is served after the data changed without a tag expiry (another process, a script). */
const FIGURES_REVALIDATE_SECONDS = 60;

const g = globalThis as unknown as {
  __atlasFiguresProcessKey?: string;
  __atlasFiguresMemo?: Map<string, { fingerprint: string; value: unknown }>;
  __atlasFiguresInflight?: Map<string, Promise<unknown>>;
};
/**
 * Part of every cache key: Next keeps `unstable_cache` entries on disk across restarts, and a
 * restarted server may face another database (a reseed, the e2e and benchmark stacks), so entries
 * from an earlier process must not be served, not even once while they revalidate. Kept on
 * `globalThis`, like the memo and the computations under way below: Next.js loads this module once
 * per bundle (the pages, the download route), and they must share one cache entry (with a key per
 * module, a download computed again the figures its page had just computed).
 */
const PROCESS_KEY = (g.__atlasFiguresProcessKey ??= randomUUID());
/** The last figures computed in this process, by name and arguments, with their data fingerprint. */
const memo = (g.__atlasFiguresMemo ??= new Map());
/** Computations under way, by generation, name and arguments: concurrent misses share one. */
const inflight = (g.__atlasFiguresInflight ??= new Map());

/** What the clinics table holds, cheaply: any write through the listing service changes it. */
async function dataFingerprint(db: Db): Promise<string> {
  const [row] = z
    .array(z.object({ n: z.number().int(), t: z.string().nullable() }))
    .parse(await db.execute(sql`select count(*)::int as n, max(updated_at)::text as t from clinics`));
  return `${row?.n ?? 0}:${row?.t ?? ""}`;
}

/**
 * Aggregates over the listings (the home page's numbers, the cost pages' figures), cached with
 * `unstable_cache` under `tags` (which `revalidateListingCaches` in `lib/cache.ts` expires after a
 * listing write, and the change notices of other processes expire through the key's generation) and
 * revalidated after `FIGURES_REVALIDATE_SECONDS` at most. They are also
 * remembered in this process with the data fingerprint they came from: when the time-based
 * revalidation finds the table unchanged, it reuses the figures instead of recomputing them, so a
 * quiet site does not spend its CPU on the same aggregates every minute.
 */
export function cachedFigures<A extends string[], T>(
  name: string,
  compute: (db: Db, ...args: A) => Promise<T>,
  tags: (...args: A) => string[],
): (...args: A) => Promise<T> {
  async function fresh(key: string, args: A): Promise<T> {
    const db = getDb();
    const fingerprint = await dataFingerprint(db);
    const seen = memo.get(key);
    if (seen?.fingerprint === fingerprint) return seen.value as T;
    const value = await compute(db, ...args);
    memo.set(key, { fingerprint, value });
    return value;
  }
  return (...args: A) => {
    const key = [name, ...args].join("\0");
    // The tags' generation: a change announced by any process (lib/cache.ts) expires them here too.
    const generation = figuresGeneration(tags(...args));
    return unstable_cache(
      () => {
        // A page's metadata and body, or two visitors, asking at once for figures not cached yet
        // (or just expired) wait for the same computation instead of each running the queries.
        // Keyed by generation: a request that comes after a change never joins one that began before it.
        const flight = `${generation}\0${key}`;
        let running = inflight.get(flight) as Promise<T> | undefined;
        if (!running) {
          running = fresh(key, args).finally(() => inflight.delete(flight));
          inflight.set(flight, running);
        }
        return running;
      },
      [name, ...args, PROCESS_KEY, generation],
      { tags: tags(...args), revalidate: FIGURES_REVALIDATE_SECONDS },
    )();
  };
}
