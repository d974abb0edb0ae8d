import "server-only";
import type { Db } from "@/db/connect";
import { requireAdmin, type Actor } from "@/lib/auth/authz";
import type { MeiliClient } from "@/lib/search/client";
import { rebuildIndex } from "@/lib/search/rebuild";
import { outboxLag, type OutboxLag } from "@/lib/search/sync";

/** Search sync health and the rebuild button, for admins only. */
export type SearchDeps = { db: Db; meili: MeiliClient; indexName: string };

export async function searchSyncHealth(deps: SearchDeps, actor: Actor): Promise<OutboxLag> {
  requireAdmin(actor);
  return outboxLag(deps.db);
}

/** Builds a fresh index from PostgreSQL and swaps it in (searches keep working meanwhile). */
export async function rebuildSearch(
  deps: SearchDeps,
  actor: Actor,
): Promise<{ documents: number; seconds: number }> {
  requireAdmin(actor);
  const t0 = performance.now();
  const { documents } = await rebuildIndex(deps.db, deps.meili, deps.indexName);
  return { documents, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
