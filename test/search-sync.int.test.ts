import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eq } from "drizzle-orm";
import { generateClinics } from "@/db/seed/generate";
import { Prng } from "@/db/seed/prng";
import { seedDatabase } from "@/lib/listings/seed";
import { clinics, type Clinic } from "@/db/schema";
import { createListing, deleteListing, ListingConflictError, updateListing } from "@/lib/listings/service";
import { createMeili } from "@/lib/search/client";
import { rebuildIndex } from "@/lib/search/rebuild";
import { outboxLag, startSyncLoop } from "@/lib/search/sync";
import { freshDatabase } from "./support/db";
import { testIndexName } from "./support/search";

/**
 * Many random listing writes through the write service (edits, publishes, unpublishes, suspensions,
 * creations, deletions; some concurrent), drained by the sync loop: afterwards the index holds
 * exactly the published listings, each at its latest `updatedAt`.
 */
describe("the index equals the database after random writes", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const e = inject("endpoints");
  const meili = createMeili(e.meiliHost, e.meiliKey, 30_000);
  const index = testIndexName("sync");

  beforeAll(async () => {
    db = await freshDatabase();
    await seedDatabase(db.db, { count: 300, seed: 21 });
    await rebuildIndex(db.db, meili, index);
  });
  afterAll(async () => {
    await meili.deleteIndex(index).catch(() => {});
    await db.drop();
  });

  async function indexed(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await meili.index(index).getDocuments<{ id: string; updatedAt: string }>({
        fields: ["id", "updatedAt"],
        limit: 1000,
        offset,
      });
      for (const d of page.results) out.set(d.id, d.updatedAt);
      if (page.results.length < 1000) return out;
    }
  }

  async function published(): Promise<Map<string, string>> {
    const rows = await db.db
      .select({ id: clinics.id, updatedAt: clinics.updatedAt })
      .from(clinics)
      .where(eq(clinics.status, "published"));
    return new Map(rows.map((r) => [r.id, r.updatedAt.toISOString()]));
  }

  it("after 300 writes", async () => {
    const stop = startSyncLoop({ db: db.db, meili, indexName: index, intervalMs: 20 });
    try {
      const rng = new Prng(7, 0);
      const fresh = generateClinics(400, 777).map((c, i) => ({
        ...c,
        slug: `sync-test-${i}`,
        status: "published" as const,
      }));
      let created = 0;
      const counts = { edit: 0, publish: 0, unpublish: 0, suspend: 0, create: 0, delete: 0, conflict: 0 };

      const one = async (rows: Clinic[]) => {
        const op = rng.weighted(
          ["edit", "publish", "unpublish", "suspend", "create", "delete"] as const,
          [0.5, 0.12, 0.12, 0.06, 0.12, 0.08],
        );
        const row = rng.pick(rows);
        try {
          if (op === "create") {
            await createListing(db.db, { userId: null, values: fresh[created++ % fresh.length]! });
          } else if (op === "delete") {
            await deleteListing(db.db, { id: row.id });
          } else {
            const patch =
              op === "edit"
                ? {
                    name: `${row.name.split(" #")[0]} #${rng.int(1, 1e6)}`,
                    sessionMin: rng.int(100, 1500) * 100,
                    followUp24h: rng.chance(0.5),
                  }
                : {
                    status:
                      op === "publish"
                        ? ("published" as const)
                        : op === "unpublish"
                          ? ("draft" as const)
                          : ("suspended" as const),
                  };
            await updateListing(db.db, { id: row.id, userId: null, expectedVersion: row.version, patch });
          }
          counts[op]++;
        } catch (err) {
          // Two concurrent writes to one listing: the loser gets a conflict (or finds it deleted).
          if (err instanceof ListingConflictError || (err as { code?: string }).code === "listing_not_found")
            counts.conflict++;
          else throw err;
        }
      };

      for (let batch = 0; batch < 60; batch++) {
        const rows = await db.db.select().from(clinics);
        await Promise.all(Array.from({ length: 5 }, () => one(rows)));
      }
      expect(
        counts.edit + counts.publish + counts.unpublish + counts.suspend + counts.create + counts.delete,
      ).toBeGreaterThan(250);
      expect(counts.create).toBeGreaterThan(10);
      expect(counts.delete).toBeGreaterThan(5);

      const deadline = Date.now() + 60_000;
      while ((await outboxLag(db.db)).pending > 0) {
        if (Date.now() > deadline) throw new Error("the outbox did not drain in 60 s");
        await new Promise((r) => setTimeout(r, 100));
      }
      const [inIndex, inDb] = await Promise.all([indexed(), published()]);
      expect(inIndex.size).toBe(inDb.size);
      expect(Object.fromEntries(inIndex)).toEqual(Object.fromEntries(inDb));
    } finally {
      await stop();
    }
  });
});
