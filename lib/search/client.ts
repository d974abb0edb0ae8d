import { causes } from "@/lib/errors";
import { Meilisearch, MeilisearchApiError, MeilisearchRequestTimeOutError, type Task } from "meilisearch";

export type MeiliClient = Meilisearch;

/**
 * A Meilisearch client. `timeoutMs` bounds each HTTP request: short for searches (so a slow engine
 * falls back to Postgres quickly), long for indexing and admin work.
 *
 * It asks for uncompressed answers. Node's fetch (the SDK's) offers gzip, and Meilisearch then
 * compresses every answer as it streams it: a search with facets, about 50 KB, took ~45 ms more
 * that way (2026-11-29, 300 listings, 60 searches with every facet: p50 49–53 ms with gzip, 5–12 ms
 * without, as over a plain node:http client). On the loopback or a private network the bytes cost
 * nothing; the CPU does. Node's fetch keeps its connections alive by default.
 */
export function createMeili(host: string, apiKey: string, timeoutMs: number): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: timeoutMs,
    requestInit: { headers: { "accept-encoding": "identity" } },
    defaultWaitOptions: { timeout: 60_000, interval: 25 },
  });
}

/**
 * Whether a request failed because its connection was closed under it (reset, or closed by the other
 * side) rather than refused, timed out or answered with an error. Node's fetch reuses idle keep-alive
 * connections, and one that the engine closes as a request goes out fails that request at once: one
 * search would be answered from PostgreSQL, and every search for the breaker's cool-off after it.
 * Sent again on a new connection, such a request is answered.
 */
export function isDroppedConnection(err: unknown): boolean {
  for (const e of causes(err)) {
    if (e instanceof MeilisearchRequestTimeOutError) return false;
    const code = (e as { code?: unknown }).code;
    if (code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE") return true;
  }
  return false;
}

/** The Meilisearch error code (e.g. "index_not_found") of an error thrown by the SDK, if any. */
export function meiliErrorCode(err: unknown): string | undefined {
  for (const e of causes(err)) {
    if (e instanceof MeilisearchApiError) return e.cause?.code;
  }
  return undefined;
}

/**
 * Waits until a Meilisearch task has finished (succeeded, failed or canceled) and returns it. Polls
 * `getTask` itself: the SDK's `waitForTask` shares one abort signal across every poll, which piles up
 * listeners (and Node warnings) on long waits.
 */
export async function waitForTask(
  meili: Meilisearch,
  taskUid: number,
  { timeoutMs = 60_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await meili.tasks.getTask(taskUid);
    if (task.status === "succeeded" || task.status === "failed" || task.status === "canceled") return task;
    if (Date.now() > deadline)
      throw new Error(`Meilisearch task ${taskUid} still ${task.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
