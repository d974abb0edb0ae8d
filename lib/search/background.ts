import "server-only";
import { getDb } from "@/db/client";
import { serverEnv } from "@/lib/env";
import { clearPageCache } from "@/lib/page-cache";
import { ensureIndex } from "./rebuild";
import { adminClient, indexName } from "./server";
import { startSyncLoop } from "./sync";

const g = globalThis as unknown as { __atlasSync?: () => Promise<void> };

export async function startSearchSync(): Promise<void> {
  if (g.__atlasSync || serverEnv().SEARCH_SYNC === "off") return;
  const log = (m: string) => console.log(`[search] ${m}`);
  // Settings are applied idempotently; if Meilisearch is down now, the sync loop retries later.
  await ensureIndex(adminClient(), indexName()).catch((err: unknown) =>
    log(`could not apply index settings yet: ${(err as Error).message}`),
  );
  g.__atlasSync = startSyncLoop({
    db: getDb(),
    meili: adminClient(),
    indexName: indexName(),
    log,
    onPushed: clearPageCache,
  });
  const stop = async () => {
    await g.__atlasSync?.();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
