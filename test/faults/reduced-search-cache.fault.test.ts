import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/db/connect";
import { clinics } from "@/db/schema";
import { CHANGES_CHANNEL, PUSHED_NOTICE } from "@/lib/cache";
import { CACHE_STATUS_HEADER, PAGE_CACHE_TTL_MS } from "@/lib/page-cache";
import { startApp, stopAll, timedGet, type App } from "./app";

/**
 * With the page cache on, as in production: a "reduced search" page (Meilisearch slow or down, the
 * answer comes from PostgreSQL) is never kept, so once Meilisearch is back, signed-out visitors get
 * full results again at once, not a reduced page from the cache. Checked for a frozen engine
 * (SIGSTOP: requests time out) and a killed one (connections refused).
 */

let app: App;
let conn: ReturnType<typeof createDb>;
beforeAll(async () => {
  app = await startApp({ seed: 300, pageCache: true });
  conn = createDb(app.databaseUrl, { max: 2 });
});
afterAll(async () => {
  await conn?.end();
  await stopAll();
});

const DEGRADED = 'data-testid="degraded"';
const load = async (path: string) => {
  const r = await timedGet(`${app.baseURL}${path}`);
  expect(r.status, path).toBe(200);
  return {
    reduced: r.body.includes(DEGRADED),
    cache: r.headers.get(CACHE_STATUS_HEADER),
    body: r.body,
    ms: r.ms,
  };
};
/** "1,234 clinics" in the results heading → 1234 */
const shownTotal = (html: string) =>
  Number(/data-testid="result-count"[^>]*>([\d,]+) clinic/.exec(html)?.[1]?.replace(/,/g, ""));
/**
 * The first /clinics rendered after every page kept so far is dropped. Instead of waiting out the
 * cache's lifetime (10 s, four times a test), it sends the notice the search sync sends after a push,
 * on which every web process empties its page cache (lib/cache.ts), and loads the page until it is not
 * answered from the cache: the notice arrives within milliseconds, and at the latest the kept page
 * expires, so this never waits longer than the lifetime did.
 */
async function loadAfterCacheCleared() {
  await conn.sql`select pg_notify(${CHANGES_CHANNEL}, ${PUSHED_NOTICE})`;
  const until = Date.now() + PAGE_CACHE_TTL_MS + 500;
  let r = await load("/clinics");
  while (r.cache === "hit" && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 50));
    r = await load("/clinics");
  }
  return r;
}

async function outageThenBack(outage: {
  start: () => Promise<void> | void;
  end: () => Promise<void> | void;
}) {
  const [{ published } = { published: -1 }] = await conn.db
    .select({ published: sql<number>`count(*)::int` })
    .from(clinics)
    .where(eq(clinics.status, "published"));

  // The cache is on: a full page is kept and the next visitor gets it from there.
  const kept = await loadAfterCacheCleared();
  expect(kept).toMatchObject({ reduced: false, cache: "miss" });
  expect(shownTotal(kept.body)).toBe(published);
  expect((await load("/clinics")).cache).toBe("hit");

  await outage.start();
  try {
    // Each reduced answer is rendered for its visitor and not kept ("pass"), never a "hit".
    for (let i = 0; i < 3; i++) {
      const r = i === 0 ? await loadAfterCacheCleared() : await load("/clinics");
      console.log(`[reduced] answered in ${Math.round(r.ms)} ms, cache: ${r.cache}`);
      expect(r).toMatchObject({ reduced: true, cache: "pass" });
      expect(shownTotal(r.body)).toBe(published); // PostgreSQL answers the same query
    }
  } finally {
    await outage.end();
  }

  // Back: the first full answer comes as soon as the search engine answers again (after the
  // fallback's short cool-off), not when a kept reduced page would have expired. Until then any
  // reduced answer is still rendered fresh.
  const backAt = Date.now();
  let r = await load("/clinics");
  while (r.reduced && Date.now() - backAt < 60_000) {
    expect(r.cache).toBe("pass");
    await new Promise((res) => setTimeout(res, 250));
    r = await load("/clinics");
  }
  console.log(`[reduced] full results again ${Date.now() - backAt} ms after the engine was back`);
  expect(r).toMatchObject({ reduced: false, cache: "miss" });
  expect(shownTotal(r.body)).toBe(published);
  expect(await load("/clinics")).toMatchObject({ reduced: false, cache: "hit" });
}

it("Meilisearch frozen, then running again: no reduced /clinics page is kept", async () => {
  await outageThenBack({ start: () => void app.pauseMeilisearch(), end: () => void app.resumeMeilisearch() });
}, 180_000);

it("Meilisearch killed, then started again: no reduced /clinics page is kept", async () => {
  await outageThenBack({ start: () => app.stopMeilisearch(), end: () => app.startMeilisearch() });
}, 180_000);
