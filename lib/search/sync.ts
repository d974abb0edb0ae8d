import "server-only";
import { and, inArray, isNull, lte, sql } from "drizzle-orm";
import { sessionClient, type Db } from "@/db/connect";
import { clinics, searchOutbox } from "@/db/schema";
import { CHANGES_CHANNEL, changeNotice, PUSHED_NOTICE, type ListingPlace } from "@/lib/cache";
import { waitForTask, type MeiliClient } from "./client";
import { toSearchDocument } from "./document";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Adds outbox rows for these listings; call it inside the transaction that changed them, with the
 * listings as they were and as they are (`touched`, for the cached figures they count in).
 */
export async function enqueueSearchSync(
  tx: Db | Tx,
  clinicIds: string[],
  touched: readonly ListingPlace[] = [],
): Promise<void> {
  if (clinicIds.length === 0) return;
  await tx.insert(searchOutbox).values(clinicIds.map((clinicId) => ({ clinicId })));
  // Delivered only if the transaction commits: the sync loops wake at once instead of at their next
  // poll, and every process drops the cached pages and figures the change touches.
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${changeNotice(touched)})`);
}

/**
 * Only one process pushes the outbox at a time, across every app server: a pass holds this
 * session-level advisory lock (on the database's session client, outside any transaction) from claiming
 * rows until it has marked them.
 */
const SYNC_LOCK_KEY = 0x5ea4c4;

/** How long a claimed row waits before another pass may take it again (the pusher died mid-push). */
const CLAIM_SECONDS = 120;

/** Done rows are kept this long (for the admin's and the tests' sync timings), then pruned. */
const KEEP_DONE_ROWS = "1 hour";

function backoffMs(attempts: number): number {
  return Math.min(60_000, 500 * 2 ** Math.max(0, attempts - 1));
}

export type SyncResult = {
  processed: number;
  upserted: number;
  deleted: number;
  failed: boolean;
  error?: string;
};

const NOTHING: SyncResult = { processed: 0, upserted: 0, deleted: 0, failed: false };

/**
 * Pushes one batch of pending outbox rows to Meilisearch: published listings are upserted (by id),
 * everything else is deleted. No database transaction stays open while Meilisearch works: a short
 * transaction claims the rows (moving their next attempt past `CLAIM_SECONDS`) and reads the
 * listings, the push runs, and a second short transaction marks the rows done (and prunes done rows
 * older than `KEEP_DONE_ROWS`) once Meilisearch reports both tasks succeeded, or schedules a retry
 * with exponential backoff. Another process's pass meanwhile finds the lock taken and does nothing.
 */
export async function syncOnce(
  db: Db,
  meili: MeiliClient,
  indexName: string,
  batchSize = 500,
): Promise<SyncResult> {
  // The advisory lock is re-entrant within one session, and this process has one session client
  // per database: a second pass here while one runs must find the lock taken, as another process would.
  if (passing.has(db)) return NOTHING;
  passing.add(db);
  try {
    return await lockedPass(db, meili, indexName, batchSize);
  } finally {
    passing.delete(db);
  }
}

const passing = new WeakSet<Db>();

async function lockedPass(
  db: Db,
  meili: MeiliClient,
  indexName: string,
  batchSize: number,
): Promise<SyncResult> {
  const session = sessionClient(db);
  const [lock] = await session<{ ok: boolean }[]>`select pg_try_advisory_lock(${SYNC_LOCK_KEY}) as ok`;
  if (!lock?.ok) return NOTHING;
  try {
    return await pushBatch(db, meili, indexName, batchSize);
  } finally {
    // If the session died meanwhile, PostgreSQL released the lock with it; this then runs on a
    // new session and only returns false.
    await session`select pg_advisory_unlock(${SYNC_LOCK_KEY})`;
  }
}

async function pushBatch(
  db: Db,
  meili: MeiliClient,
  indexName: string,
  batchSize: number,
): Promise<SyncResult> {
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: searchOutbox.id, clinicId: searchOutbox.clinicId })
      .from(searchOutbox)
      .where(and(isNull(searchOutbox.doneAt), lte(searchOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(searchOutbox.id)
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return undefined;
    await tx
      .update(searchOutbox)
      .set({ nextAttemptAt: sql`now() + make_interval(secs => ${CLAIM_SECONDS})` })
      .where(
        inArray(
          searchOutbox.id,
          rows.map((r) => r.id),
        ),
      );
    const ids = [...new Set(rows.map((r) => r.clinicId))];
    return { rows, ids, current: await tx.select().from(clinics).where(inArray(clinics.id, ids)) };
  });
  if (!claimed) return NOTHING;
  const docs = claimed.current.filter((c) => c.status === "published").map(toSearchDocument);
  const published = new Set(docs.map((d) => d.id));
  const toDelete = claimed.ids.filter((id) => !published.has(id));
  const rowIds = claimed.rows.map((r) => r.id);
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
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(searchOutbox)
      .set({
        attempts: sql`${searchOutbox.attempts} + 1`,
        lastError: message.slice(0, 500),
        nextAttemptAt: sql`now() + make_interval(secs => least(60, 0.5 * power(2, ${searchOutbox.attempts})))`,
      })
      .where(inArray(searchOutbox.id, rowIds));
    return { processed: 0, upserted: 0, deleted: 0, failed: true, error: message };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(searchOutbox)
      .set({ doneAt: sql`now()`, lastError: null })
      .where(inArray(searchOutbox.id, rowIds));
    await tx.delete(searchOutbox).where(lte(searchOutbox.doneAt, sql`now() - ${KEEP_DONE_ROWS}::interval`));
    // Every process drops its cached pages: one rendered between the write and this push shows the
    // index as it was before the write.
    await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${PUSHED_NOTICE})`);
  });
  return { processed: rowIds.length, upserted: docs.length, deleted: toDelete.length, failed: false };
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
 * `CHANGES_CHANNEL`) and polls the outbox every `intervalMs` as well (a missed notification, another
 * process's retry); after a failure it waits with backoff before it tries again. Returns a function
 * that stops it.
 */
export function startSyncLoop(opts: {
  db: Db;
  meili: MeiliClient;
  indexName: string;
  intervalMs?: number;
  log?: (msg: string) => void;
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
  const wake = (payload: string) => {
    if (payload === PUSHED_NOTICE) return; // a push, not a write
    if (stopped || failures > 0) return; // after a failure the backoff decides
    if (idle) {
      clearTimeout(timer);
      run();
    } else woken = true;
  };
  const listening = opts.db.$client.listen(CHANGES_CHANNEL, wake).catch((err: unknown) => {
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
