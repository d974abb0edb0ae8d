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

/**
 * Part of every cache key: Next keeps `unstable_cache` entries on disk across restarts, and a
 * restarted server may face another database (a reseed, the e2e and benchmark stacks), so entries
 * from an earlier process must not be served, not even once while they revalidate.
 */
const PROCESS_KEY = randomUUID();

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
  const last = new Map<string, { fingerprint: string; value: T }>();
  /** Computations under way, by arguments and generation: concurrent misses share one. */
  const inflight = new Map<string, Promise<T>>();
  async function fresh(key: string, args: A): Promise<T> {
    const db = getDb();
    const fingerprint = await dataFingerprint(db);
    const seen = last.get(key);
    if (seen?.fingerprint === fingerprint) return seen.value;
    const value = await compute(db, ...args);
    last.set(key, { fingerprint, value });
    return value;
  }
  return (...args: A) => {
    const key = args.join("\0");
    // The tags' generation: a change announced by any process (lib/cache.ts) expires them here too.
    const generation = figuresGeneration(tags(...args));
    return unstable_cache(
      () => {
        // A page's metadata and body, or two visitors, asking at once for figures not cached yet
        // (or just expired) wait for the same computation instead of each running the queries.
        // Keyed by generation: a request that comes after a change never joins one that began before it.
        const flight = `${generation}\0${key}`;
        let running = inflight.get(flight);
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
