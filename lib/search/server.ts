import "server-only";
import { serverEnv } from "@/lib/env";
import { createMeili, type MeiliClient } from "./client";

const g = globalThis as unknown as { __atlasMeili?: { search: MeiliClient; admin: MeiliClient } };

function clients() {
  if (!g.__atlasMeili) {
    const env = serverEnv();
    g.__atlasMeili = {
      search: createMeili(env.MEILI_HOST, env.MEILI_MASTER_KEY, env.MEILI_TIMEOUT_MS),
      admin: createMeili(env.MEILI_HOST, env.MEILI_MASTER_KEY, 30_000),
    };
  }
  return g.__atlasMeili;
}

/** For queries: a short per-request timeout, so a slow engine falls back to PostgreSQL quickly. */
export const searchClient = () => clients().search;
/** For indexing and admin calls: a long timeout. */
export const adminClient = () => clients().admin;
export const indexName = () => serverEnv().MEILI_INDEX;
