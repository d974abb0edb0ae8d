import "server-only";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { listenForChanges } from "@/lib/cache";
import { ensureIndex } from "./rebuild";
import { adminClient, indexName } from "./server";
import { startSyncLoop } from "./sync";

const g = globalThis as unknown as {
  __atlasSync?: () => Promise<void>;
  __atlasChanges?: () => Promise<void>;
};

/**
 * Starts, once per server process: the listener that drops this process's cached pages and figures
 * when any process changes a listing (`listenForChanges`), and the outbox → Meilisearch sync loop
 * (unless `SEARCH_SYNC=off`). Every process runs the loop; one at a time pushes (see `syncOnce`).
 */
export async function startSearchSync(): Promise<void> {
  const log = (m: string) => console.log(`[search] ${m}`);
  if (!g.__atlasChanges) {
    g.__atlasChanges = () => Promise.resolve();
    g.__atlasChanges = await listenForChanges(getDb().$client, log);
  }
  if (g.__atlasSync || serverEnv().SEARCH_SYNC === "off") return;
  // Settings are applied idempotently; if Meilisearch is down now, the sync loop retries later.
  await ensureIndex(adminClient(), indexName()).catch((err: unknown) =>
    log(`could not apply index settings yet: ${(err as Error).message}`),
  );
  g.__atlasSync = startSyncLoop({
    db: getDb(),
    meili: adminClient(),
    indexName: indexName(),
    log,
  });
  const stop = async () => {
    await g.__atlasSync?.();
    await g.__atlasChanges?.();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
