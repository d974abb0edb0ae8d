import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDatabase } from "@/lib/listings/seed";
import { clinics } from "@/db/schema";
import { updateListing } from "@/lib/listings/service";
import { createMeili } from "@/lib/search/client";
import { parseSearchQuery, type SearchQuery } from "@/lib/search/query";
import { rebuildIndex } from "@/lib/search/rebuild";
import { searchClinics, type SearchDeps } from "@/lib/search/search";
import { outboxLag, startSyncLoop } from "@/lib/search/sync";
import { startMeilisearch } from "@/scripts/lib/services/meilisearch-server";
import { freePort } from "@/scripts/lib/services/ports";
import type { ManagedService } from "@/scripts/lib/services/types";
import { freshDatabase } from "./support/db";

const KEY = "fallback-test-master-key-0123456789";

/** Filter-only queries with at most 100 results, so one page holds them all. */
const QUERIES = [
  "state=NY&integration=included",
  "zip=60614&radius=15",
  "state=CA&route=esketamine_nasal&followUp24h=true&sort=price",
  "telehealthIn=CA&groups=virtual",
];

describe("search survives Meilisearch going away", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  let port: number;
  let meiliServer: ManagedService & { host: string };
  let deps: SearchDeps;
  const logs: string[] = [];

  const start = () => startMeilisearch({ dir: path.join(dir, "meili"), port, masterKey: KEY });
  const parse = (qs: string): SearchQuery => {
    const r = parseSearchQuery(new URLSearchParams(qs), "strict");
    if (!r.ok) throw new Error(r.error.message);
    return { ...r.query, perPage: 100 };
  };
  const snapshot = async () =>
    Promise.all(
      QUERIES.map(async (qs) => {
        const r = await searchClinics(parse(qs), deps);
        return {
          total: r.total,
          ids: r.hits.map((h) => h.id).sort(),
          degraded: r.degraded,
          facets: r.facets,
        };
      }),
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(inject("tmpRoot"), "fallback-"));
    port = await freePort();
    meiliServer = await start();
    db = await freshDatabase();
    await seedDatabase(db.db, { count: 1500, seed: 8 });
    // A short timeout, as the site's search client has (800 ms), with room for a busy test machine.
    const meili = createMeili(meiliServer.host, KEY, 1500);
    await rebuildIndex(db.db, createMeili(meiliServer.host, KEY, 30_000), "clinics");
    deps = { db: db.db, meili, indexName: "clinics", coolOffMs: 200, log: (m) => logs.push(m) };
  });
  afterAll(async () => {
    await meiliServer?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the same from PostgreSQL while Meilisearch is down or stalled, and recovers", async () => {
    const before = await snapshot();
    expect(before.every((s) => !s.degraded)).toBe(true);
    expect(before.every((s) => s.total > 0 && s.total <= 100)).toBe(true);

    const stopSync = startSyncLoop({
      db: db.db,
      meili: createMeili(meiliServer.host, KEY, 5000),
      indexName: "clinics",
      intervalMs: 50,
    });
    try {
      // 1. Stopped: connections are refused; every answer comes from PostgreSQL, the same answer.
      await meiliServer.stop();
      const down = await snapshot();
      expect(down.map((s) => s.degraded)).toEqual(QUERIES.map(() => true));
      expect(down.map(({ total, ids, facets }) => ({ total, ids, facets }))).toEqual(
        before.map(({ total, ids, facets }) => ({ total, ids, facets })),
      );
      expect(logs.some((l) => l.includes("answering from PostgreSQL"))).toBe(true);

      // Writes meanwhile wait in the outbox.
      const [row] = await db.db.select().from(clinics).where(eq(clinics.status, "published")).limit(1);
      await updateListing(db.db, {
        id: row!.id,
        userId: null,
        expectedVersion: row!.version,
        patch: { name: "Renamed While Down Clinic" },
      });
      await new Promise((r) => setTimeout(r, 300));
      expect((await outboxLag(db.db)).pending).toBeGreaterThan(0);

      // 2. Restarted on the same port and data: not degraded again (after the short cool-off), and the outbox drains.
      meiliServer = await start();
      let back = await snapshot();
      for (const until = Date.now() + 15_000; back.some((s) => s.degraded) && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 250));
        back = await snapshot();
      }
      expect(back.map((s) => s.degraded)).toEqual(QUERIES.map(() => false));
      expect(back.map((s) => s.total)).toEqual(before.map((s) => s.total));
      const deadline = Date.now() + 45_000;
      while ((await outboxLag(db.db)).pending > 0) {
        if (Date.now() > deadline) throw new Error("the outbox did not drain within 45 s of the restart");
        await new Promise((r) => setTimeout(r, 200));
      }
      const found = await searchClinics(parse("q=renamed+while+down"), deps);
      expect(found.degraded).toBe(false);
      expect(found.hits[0]?.id).toBe(row!.id);

      // 3. Stalled (the process paused): slower than the timeout counts as down.
      process.kill(meiliServer.pid!, "SIGSTOP");
      try {
        const t0 = performance.now();
        const stalled = await searchClinics(parse(QUERIES[0]!), deps);
        expect(stalled.degraded).toBe(true);
        expect(stalled.total).toBe(before[0]!.total);
        // A stopped process never answers: any bound catches a search that waits for it. Generous
        // for a busy machine; the figure is logged.
        const ms = Math.round(performance.now() - t0);
        console.log(`[search] stalled Meilisearch: answered from PostgreSQL after ${ms} ms`);
        expect(ms).toBeLessThan(30_000);
      } finally {
        process.kill(meiliServer.pid!, "SIGCONT");
      }
    } finally {
      await stopSync();
    }
  });
});
