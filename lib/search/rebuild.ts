import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";
import { meiliErrorCode, waitForTask, type MeiliClient } from "./client";
import { DOC_VERSION, toSearchDocument } from "./document";
import { INDEX_SETTINGS } from "./settings";

async function waitOk(meili: MeiliClient, taskUid: number, what: string) {
  const t = await waitForTask(meili, taskUid, { timeoutMs: 300_000, intervalMs: 50 });
  if (t.status !== "succeeded") throw new Error(`${what} ${t.status}: ${t.error?.message ?? "no detail"}`);
}

async function indexExists(meili: MeiliClient, name: string): Promise<boolean> {
  try {
    await meili.getRawIndex(name);
    return true;
  } catch (err) {
    if (meiliErrorCode(err) === "index_not_found") return false;
    throw err;
  }
}

/** Creates the index if it is missing and applies INDEX_SETTINGS (a no-op when nothing changed). */
export async function ensureIndex(meili: MeiliClient, name: string): Promise<void> {
  if (!(await indexExists(meili, name))) {
    await waitOk(
      meili,
      (await meili.createIndex(name, { primaryKey: "id" })).taskUid,
      `Creating index ${name}`,
    );
  }
  await waitOk(
    meili,
    (await meili.index(name).updateSettings(INDEX_SETTINGS)).taskUid,
    `Settings of ${name}`,
  );
}

export async function documentCount(meili: MeiliClient, name: string): Promise<number> {
  if (!(await indexExists(meili, name))) return 0;
  return (await meili.index(name).getStats()).numberOfDocuments;
}

/**
 * True when every document in the index has the current shape (`DOC_VERSION`). An index built by an
 * older version of the site is rebuilt at start (scripts/lib/prepare.ts), since filters and facets
 * rely on fields it lacks. Applies the settings first, so `docVersion` is filterable.
 */
export async function indexIsCurrent(meili: MeiliClient, name: string): Promise<boolean> {
  await ensureIndex(meili, name);
  const r = await meili.index(name).search("", { filter: `docVersion != ${DOC_VERSION}`, limit: 0 });
  return (r.estimatedTotalHits ?? 0) === 0;
}

/**
 * Builds a fresh index from PostgreSQL and swaps it in for `name`. Searches keep answering from the
 * old index until the swap, which is atomic. Listings changed while the rebuild ran are queued for
 * sync again afterwards, so nothing written meanwhile is lost.
 */
export async function rebuildIndex(
  db: Db,
  meili: MeiliClient,
  name: string,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ documents: number }> {
  const batchSize = opts.batchSize ?? 5000;
  const [{ startedAt } = { startedAt: new Date() }] = await db.execute<{ startedAt: Date }>(
    sql`select now() as "startedAt"`,
  );
  const tmp = `${name}_rebuild_${Date.now()}`;
  await ensureIndex(meili, name);
  await waitOk(meili, (await meili.createIndex(tmp, { primaryKey: "id" })).taskUid, `Creating index ${tmp}`);
  try {
    await waitOk(
      meili,
      (await meili.index(tmp).updateSettings(INDEX_SETTINGS)).taskUid,
      `Settings of ${tmp}`,
    );
    const [{ total } = { total: 0 }] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(clinics)
      .where(eq(clinics.status, "published"));
    let done = 0;
    let lastId: string | undefined;
    const pending: number[] = [];
    opts.onProgress?.(0, total);
    for (;;) {
      const rows = await db
        .select()
        .from(clinics)
        .where(and(eq(clinics.status, "published"), lastId ? gt(clinics.id, lastId) : undefined))
        .orderBy(asc(clinics.id))
        .limit(batchSize);
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1]!.id;
      const task = await meili.index(tmp).addDocuments(rows.map(toSearchDocument), { primaryKey: "id" });
      pending.push(task.taskUid);
      // Keep at most two batches in flight so memory stays flat and progress is honest.
      if (pending.length >= 2) await waitOk(meili, pending.shift()!, "Indexing batch");
      done += rows.length;
      opts.onProgress?.(done, total);
    }
    for (const uid of pending) await waitOk(meili, uid, "Indexing batch");
    await waitOk(
      meili,
      (await meili.swapIndexes([{ indexes: [name, tmp], rename: false }])).taskUid,
      "Swapping indexes",
    );
    // Changes that reached the old index while we copied: queue them again for the new one.
    await db.execute(sql`
      insert into search_outbox (clinic_id)
      select distinct clinic_id from search_outbox where enqueued_at >= ${startedAt}`);
    return { documents: done };
  } finally {
    // After the swap `tmp` holds the old documents; before it, a half-built index. Either way: drop it.
    await meili
      .deleteIndex(tmp)
      .then((t) => waitForTask(meili, t.taskUid))
      .catch((err: unknown) => console.warn(`Could not drop index ${tmp}: ${(err as Error).message}`));
  }
}
