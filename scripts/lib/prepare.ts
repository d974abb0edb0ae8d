import { createDb } from "@/db/connect";
import { runMigrations } from "@/lib/listings/derived";
import { isDatabaseEmpty } from "@/db/seed/seed";
import { seedDatabase } from "@/lib/listings/seed";
import { createMeili } from "@/lib/search/client";
import { documentCount, indexIsCurrent, rebuildIndex } from "@/lib/search/rebuild";
import { eq, sql } from "drizzle-orm";
import { clinics } from "@/db/schema";
import type { Endpoints } from "@/scripts/lib/services/stack";
import { progressBar } from "./progress";

/**
 * Brings a database and index to a usable state: migrations applied, sample data seeded when the
 * database has no listings, and the search index built when it is empty but listings exist (or
 * rebuilt when its documents are of an older shape).
 */
export async function prepareData(
  e: Endpoints,
  opts: { seedCount: number; indexName?: string; say?: (m: string) => void },
): Promise<void> {
  const say = opts.say ?? console.log;
  const indexName = opts.indexName ?? "clinics";
  await runMigrations(e.databaseUrl);
  const conn = createDb(e.databaseUrl, { max: 4 });
  try {
    if (await isDatabaseEmpty(conn.db)) {
      if (opts.seedCount > 0) {
        say(`Seeding ${opts.seedCount.toLocaleString("en-US")} fictional sample clinics…`);
        const bar = progressBar("Seeding");
        const t0 = Date.now();
        await seedDatabase(conn.db, { count: opts.seedCount, onProgress: bar.update });
        bar.finish();
        say(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
      }
    }
    const meili = createMeili(e.meiliHost, e.meiliKey, 60_000);
    const [{ published } = { published: 0 }] = await conn.db
      .select({ published: sql<number>`count(*)::int` })
      .from(clinics)
      .where(eq(clinics.status, "published"));
    const empty = published > 0 && (await documentCount(meili, indexName)) === 0;
    const stale = published > 0 && !empty && !(await indexIsCurrent(meili, indexName));
    if (empty || stale) {
      say(
        `${stale ? "Rebuilding the search index for this version of the site" : "Building the search index"} (${published.toLocaleString("en-US")} listings)…`,
      );
      const bar = progressBar("Indexing");
      await rebuildIndex(conn.db, meili, indexName, { onProgress: bar.update });
      bar.finish();
    }
  } finally {
    await conn.end();
  }
}
