import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/db/connect";
import { clinics } from "@/db/schema";
import { createMeili } from "@/lib/search/client";
import { updateListing, type ListingPatch } from "@/lib/listings/service";
import { startApp, stopAll, timedGet, type App } from "./app";

let app: App;
let conn: ReturnType<typeof createDb>;
beforeAll(async () => {
  app = await startApp({ seed: 400 });
  conn = createDb(app.databaseUrl, { max: 4 });
});
afterAll(async () => {
  await conn?.end();
  await stopAll();
});

/** A deterministic stream of edits: prices, aftercare, and publish/unpublish flips. */
function patchFor(i: number, status: string): ListingPatch {
  switch (i % 5) {
    case 0:
      return { sessionMin: 30_000 + (i % 50) * 1000, sessionMax: 90_000 + (i % 50) * 1000 };
    case 1:
      return { followUp24h: i % 2 === 0 };
    case 2:
      return { aftercareNotes: `Edit number ${i}.` };
    case 3:
      return { status: status === "published" ? "draft" : "published" };
    default:
      return { integrationTherapy: (["included", "add_on", "referral_only", "none"] as const)[i % 4] };
  }
}

it("Meilisearch killed during 1,000 edits and back 30 s later: search never 5xx, then the index equals the database", async () => {
  const ids = (await conn.db.select({ id: clinics.id }).from(clinics)).map((r) => r.id);
  const failures: string[] = [];
  let probes = 0;
  let degradedSeen = 0;
  let probing = true;
  const searchPaths = ["/clinics?integration=included", "/api/clinics?followUp24h=true&sort=score", "/"];
  const prober = (async () => {
    while (probing) {
      for (const p of searchPaths) {
        const r = await timedGet(`${app.baseURL}${p}`);
        probes++;
        if (r.status >= 500) failures.push(`${p} → ${r.status}`);
        if (p.startsWith("/api/clinics") && r.status === 200 && JSON.parse(r.body).degraded) degradedSeen++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  let stoppedAt = 0;
  for (let i = 0; i < 1000; i++) {
    if (i === 200) {
      await app.stopMeilisearch();
      stoppedAt = Date.now();
    }
    if (stoppedAt && !app.meiliRunning() && Date.now() - stoppedAt >= 30_000) await app.startMeilisearch();
    const id = ids[(i * 7919) % ids.length]!;
    const [row] = await conn.db.select().from(clinics).where(eq(clinics.id, id));
    await updateListing(conn.db, {
      id,
      userId: null,
      expectedVersion: row!.version,
      patch: patchFor(i, row!.status),
    });
    if (stoppedAt && !app.meiliRunning()) await new Promise((r) => setTimeout(r, 25)); // spread edits over the outage
  }
  if (!app.meiliRunning()) {
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
    await app.startMeilisearch();
  }
  const restartedAt = Date.now();

  // Within 60 s of the restart the outbox drains and the index equals the database.
  const meili = createMeili(app.meiliHost, app.meiliKey, 10_000);
  let equal = false;
  let detail = "";
  while (!equal && Date.now() - restartedAt < 60_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const [{ pending } = { pending: -1 }] = await conn.db.execute<{ pending: number }>(
      sql`select count(*)::int as pending from search_outbox where done_at is null`,
    );
    const dbRows = await conn.db
      .select({ id: clinics.id, updatedAt: clinics.updatedAt })
      .from(clinics)
      .where(eq(clinics.status, "published"));
    const docs = await meili
      .index("clinics")
      .getDocuments<{ id: string; updatedAt: string }>({ fields: ["id", "updatedAt"], limit: 10_000 })
      .catch(() => ({ results: [] as { id: string; updatedAt: string }[] }));
    const want = new Map(dbRows.map((r) => [r.id, r.updatedAt.toISOString()]));
    const have = new Map(docs.results.map((d) => [d.id, d.updatedAt]));
    const mismatched =
      [...want].filter(([id, u]) => have.get(id) !== u).length +
      [...have.keys()].filter((id) => !want.has(id)).length;
    equal = pending === 0 && mismatched === 0;
    detail = `pending ${pending}, mismatched ${mismatched}`;
  }
  probing = false;
  await prober;
  console.log(
    `probes: ${probes}, degraded answers: ${degradedSeen}, caught up in ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`,
  );
  expect(failures).toEqual([]);
  expect(degradedSeen).toBeGreaterThan(0);
  expect(equal, detail).toBe(true);
  expect(app.server.exitCode).toBeNull();
}, 300_000);
