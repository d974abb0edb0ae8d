// npm run search:rebuild — builds a fresh search index from PostgreSQL and swaps it in. Searches keep
// answering from the old index until the (atomic) swap, so none fail meanwhile. Uses the servers of a
// running `npm start`, the configured external ones, or embedded ones started for the command.
// Exit codes: 0 done, 1 failed, 2 bad configuration.
import { z } from "zod";
import { createDb } from "@/db/connect";
import { runMigrations } from "@/lib/listings/derived";
import { createMeili } from "@/lib/search/client";
import { rebuildIndex } from "@/lib/search/rebuild";
import { ConfigError } from "./lib/config";
import { progressBar } from "./lib/progress";
import { withStack } from "./lib/stack";

const indexName = z
  .string()
  .regex(/^[a-zA-Z0-9_-]+$/, "may hold only letters, digits, - and _")
  .default("clinics")
  .safeParse(process.env.MEILI_INDEX || undefined);
if (!indexName.success) {
  console.error(`Invalid configuration:\n  MEILI_INDEX: ${indexName.error.issues[0]?.message}`);
  process.exit(2);
}

try {
  await withStack(async (e) => {
    await runMigrations(e.databaseUrl); // a no-op on a migrated database
    const conn = createDb(e.databaseUrl, { max: 2 });
    const bar = progressBar("Indexing");
    const t0 = performance.now();
    try {
      const { documents } = await rebuildIndex(
        conn.db,
        createMeili(e.meiliHost, e.meiliKey, 60_000),
        indexName.data,
        {
          onProgress: bar.update,
        },
      );
      bar.finish();
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `Rebuilt the search index "${indexName.data}": ${documents.toLocaleString("en-US")} listings in ${seconds} s.`,
      );
    } finally {
      bar.finish();
      await conn.end();
    }
  });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : "";
  console.error(
    `Rebuilding the search index failed: ${err instanceof Error ? err.message : String(err)}${cause}`,
  );
  process.exit(1);
}
