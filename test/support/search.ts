import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createMeili, waitForTask } from "@/lib/search/client";

/** A client for the run's Meilisearch (started by test/support/global-setup.ts). */
export function testMeili(timeoutMs = 30_000) {
  const e = inject("endpoints");
  return createMeili(e.meiliHost, e.meiliKey, timeoutMs);
}

/**
 * An index name no other test file uses, even when files run at once: the prefix names the file, the
 * worker id (`VITEST_POOL_ID`) and random bytes keep two files, or two runs of one, apart. Meilisearch
 * is shared by the whole run, so every test that writes an index takes its name from here.
 */
export function testIndexName(prefix: string): string {
  return `${prefix}_w${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
}

/** Deletes an index and waits for it to be gone (a missing index is fine). */
export async function dropIndex(name: string): Promise<void> {
  const meili = testMeili();
  await meili
    .deleteIndex(name)
    .then((t) => waitForTask(meili, t.taskUid))
    .catch(() => {});
}
