import { Meilisearch, type Task } from "meilisearch";
import { keepAliveHttpClient } from "./http";

export type MeiliClient = Meilisearch;

/**
 * A Meilisearch client over keep-alive sockets. `timeoutMs` bounds each HTTP request: short for
 * searches (so a slow engine falls back to Postgres quickly), long for indexing and admin work.
 */
export function createMeili(host: string, apiKey: string, timeoutMs: number): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    timeout: timeoutMs,
    httpClient: keepAliveHttpClient,
    defaultWaitOptions: { timeout: 60_000, interval: 25 },
  });
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
