import "server-only";
import { and, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics, searchOutbox } from "@/db/schema";
import { waitForTask, type MeiliClient } from "./client";
import { toSearchDocument } from "./document";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The channel a write notifies (at commit) so the sync loops wake at once instead of at their next poll. */
export const OUTBOX_CHANNEL = "search_outbox";

/** Adds outbox rows for these listings; call it inside the transaction that changed them. */
export async function enqueueSearchSync(tx: Db | Tx, clinicIds: string[]): Promise<void> {
  if (clinicIds.length === 0) return;
  await tx.insert(searchOutbox).values(clinicIds.map((clinicId) => ({ clinicId })));
  // Delivered only if the transaction commits; several in one transaction arrive as one.
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/** Only one sync pass runs at a time across every app server (a transaction-scoped advisory lock). */
const SYNC_LOCK_KEY = 0x5ea4c4;

export function backoffMs(attempts: number): number {
  return Math.min(60_000, 500 * 2 ** Math.max(0, attempts - 1));
}

export type SyncResult = {
  processed: number;
  upserted: number;
  deleted: number;
  failed: boolean;
  error?: string;
};

/**
 * Pushes one batch of pending outbox rows to Meilisearch: published listings are upserted (by id),
 * everything else is deleted. Rows are marked done only after Meilisearch reports both tasks
 * succeeded; on failure they are retried later with exponential backoff.
 */
export async function syncOnce(
  db: Db,
  meili: MeiliClient,
  indexName: string,
  batchSize = 500,
): Promise<SyncResult> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${SYNC_LOCK_KEY}) as ok`,
    );
    if (!lock?.ok) return { processed: 0, upserted: 0, deleted: 0, failed: false };
    const rows = await tx
      .select({ id: searchOutbox.id, clinicId: searchOutbox.clinicId, attempts: searchOutbox.attempts })
      .from(searchOutbox)
      .where(and(isNull(searchOutbox.doneAt), lte(searchOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(searchOutbox.id)
      .limit(batchSize);
    if (rows.length === 0) return { processed: 0, upserted: 0, deleted: 0, failed: false };
    const ids = [...new Set(rows.map((r) => r.clinicId))];
    const current = await tx.select().from(clinics).where(inArray(clinics.id, ids));
    const docs = current.filter((c) => c.status === "published").map(toSearchDocument);
    const published = new Set(docs.map((d) => d.id));
    const toDelete = ids.filter((id) => !published.has(id));
    const rowIds = rows.map((r) => r.id);
    try {
      const index = meili.index(indexName);
      const tasks = [];
      if (docs.length) tasks.push(await index.addDocuments(docs, { primaryKey: "id" }));
      if (toDelete.length) tasks.push(await index.deleteDocuments(toDelete));
      for (const t of tasks) {
        const done = await waitForTask(meili, t.taskUid, { timeoutMs: 30_000, intervalMs: 20 });
        if (done.status !== "succeeded") {
          throw new Error(
            `Meilisearch task ${t.taskUid} ${done.status}: ${done.error?.message ?? "no detail"}`,
          );
        }
      }
      await tx
        .update(searchOutbox)
        .set({ doneAt: sql`now()`, lastError: null })
        .where(inArray(searchOutbox.id, rowIds));
      return { processed: rows.length, upserted: docs.length, deleted: toDelete.length, failed: false };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await tx
        .update(searchOutbox)
        .set({
          attempts: sql`${searchOutbox.attempts} + 1`,
          lastError: message.slice(0, 500),
          nextAttemptAt: sql`now() + make_interval(secs => least(60, 0.5 * power(2, ${searchOutbox.attempts})))`,
        })
        .where(inArray(searchOutbox.id, rowIds));
      return { processed: 0, upserted: 0, deleted: 0, failed: true, error: message };
    }
  });
}

/** Pushes batches until the outbox has nothing due. */
export async function drainOutbox(db: Db, meili: MeiliClient, indexName: string): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await syncOnce(db, meili, indexName);
    if (r.failed) throw new Error(r.error);
    if (r.processed === 0) return total;
    total += r.processed;
  }
}

export type OutboxLag = { pending: number; oldestPendingSeconds: number | null; lastError: string | null };

export async function outboxLag(db: Db): Promise<OutboxLag> {
  const [row] = await db.execute<{ pending: number; oldest: number | null; last_error: string | null }>(sql`
    select count(*)::int as pending,
           extract(epoch from now() - min(enqueued_at))::float8 as oldest,
           (select last_error from search_outbox where done_at is null and last_error is not null
             order by id desc limit 1) as last_error
    from search_outbox where done_at is null`);
  return {
    pending: row?.pending ?? 0,
    oldestPendingSeconds: row?.oldest == null ? null : Math.round(row.oldest * 10) / 10,
    lastError: row?.last_error ?? null,
  };
}

/**
 * The loop that runs inside the server process. It wakes when a write commits (LISTEN on
 * `OUTBOX_CHANNEL`) and polls the outbox every `intervalMs` as well (a missed notification, another
 * process's retry); after a failure it waits with backoff before it tries again. Returns a function
 * that stops it.
 */
export function startSyncLoop(opts: {
  db: Db;
  meili: MeiliClient;
  indexName: string;
  intervalMs?: number;
  log?: (msg: string) => void;
  /** Called after each batch Meilisearch has taken (pages showing search results may now differ). */
  onPushed?: () => void;
}): () => Promise<void> {
  const interval = opts.intervalMs ?? 200;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let idle = false; // waiting on `timer`, not syncing
  let woken = false; // a write committed while a pass ran
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    idle = false;
    woken = false;
    running = tick();
  };
  const tick = async () => {
    if (stopped) return;
    let delay = interval;
    try {
      const r = await syncOnce(opts.db, opts.meili, opts.indexName);
      if (r.failed) {
        failures++;
        delay = backoffMs(failures);
        if (failures === 1 || failures % 10 === 0)
          opts.log?.(`search sync failed (${failures}×): ${r.error}`);
      } else {
        if (failures > 0) opts.log?.("search sync recovered");
        if (r.processed > 0) opts.onPushed?.();
        failures = 0;
        if (r.processed > 0 || woken) delay = 0; // more may be waiting
      }
    } catch (err) {
      failures++;
      delay = backoffMs(failures);
      if (failures === 1 || failures % 10 === 0)
        opts.log?.(`search sync error (${failures}×): ${(err as Error).message}`);
    }
    if (!stopped) {
      idle = true;
      timer = setTimeout(run, delay);
    }
  };
  const wake = () => {
    if (stopped || failures > 0) return; // after a failure the backoff decides
    if (idle) {
      clearTimeout(timer);
      run();
    } else woken = true;
  };
  const listening = opts.db.$client.listen(OUTBOX_CHANNEL, wake).catch((err: unknown) => {
    opts.log?.(`search sync: no write notifications, polling only (${(err as Error).message})`);
    return undefined;
  });
  timer = setTimeout(run, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await (await listening)?.unlisten();
    await running;
  };
}
