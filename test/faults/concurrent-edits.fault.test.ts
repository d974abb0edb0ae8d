import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/db/connect";
import { clinics, listingRevisions } from "@/db/schema";
import { ListingConflictError, updateListing } from "@/lib/listings/service";
import { startEmbeddedPostgres } from "@/scripts/lib/services/postgres-server";
import { freePort } from "@/scripts/lib/services/ports";
import { runMigrations } from "@/lib/listings/derived";
import { seedDatabase } from "@/lib/listings/seed";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let conn: ReturnType<typeof createDb>;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atlas-conc-"));
  pg = await startEmbeddedPostgres({
    dir: path.join(dir, "pg"),
    port: await freePort(),
    password: "pw-concurrency",
  });
  await runMigrations(pg.url);
  conn = createDb(pg.url, { max: 10 });
  await seedDatabase(conn.db, { count: 20 });
});
afterAll(async () => {
  await conn?.end();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("two editors saving one listing at once: exactly one conflict, no lost update", async () => {
  for (let round = 0; round < 20; round++) {
    const [row] = await conn.db
      .select()
      .from(clinics)
      .limit(1)
      .offset(round % 20);
    const c = row!;
    const results = await Promise.allSettled([
      updateListing(conn.db, {
        id: c.id,
        userId: null,
        expectedVersion: c.version,
        patch: { sessionMin: 40_000 + round },
      }),
      updateListing(conn.db, {
        id: c.id,
        userId: null,
        expectedVersion: c.version,
        patch: { aftercareNotes: `note ${round}` },
      }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter(
      (r) => r.status === "rejected" && r.reason instanceof ListingConflictError,
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const [after] = await conn.db.select().from(clinics).where(eq(clinics.id, c.id));
    expect(after!.version).toBe(c.version + 1);
    // The winner's change is there; the loser's is not, and it was told (no silent overwrite).
    const wonPrice = after!.sessionMin === 40_000 + round;
    const wonNote = after!.aftercareNotes === `note ${round}`;
    expect(wonPrice !== wonNote).toBe(true);
    const revisions = await conn.db
      .select()
      .from(listingRevisions)
      .where(eq(listingRevisions.clinicId, c.id));
    expect(revisions.length).toBeGreaterThanOrEqual(1);
  }
});
