import { startEmbeddedStack, readRuntime, type Endpoints } from "@/scripts/lib/services/stack";
import { readConfig } from "./config";

/**
 * Gives a command-line script the endpoints to work on: the configured external servers, the servers
 * of a running `npm start`, or embedded servers started for the script and stopped after it.
 */
export async function withStack<T>(
  fn: (e: Endpoints) => Promise<T>,
  need: { postgres?: boolean; meilisearch?: boolean } = { postgres: true, meilisearch: true },
): Promise<T> {
  const cfg = readConfig();
  const live = readRuntime(cfg.dataDir);
  const wantPg = need.postgres !== false && !cfg.DATABASE_URL && !live;
  const wantMeili = need.meilisearch !== false && !cfg.MEILI_HOST && !live;
  const stack =
    wantPg || wantMeili
      ? await startEmbeddedStack({ dataDir: cfg.dataDir, postgres: wantPg, meilisearch: wantMeili })
      : undefined;
  try {
    return await fn({
      databaseUrl: cfg.DATABASE_URL ?? live?.databaseUrl ?? stack?.endpoints.databaseUrl ?? "",
      meiliHost: cfg.MEILI_HOST ?? live?.meiliHost ?? stack?.endpoints.meiliHost ?? "",
      meiliKey: cfg.MEILI_MASTER_KEY ?? live?.meiliKey ?? stack?.endpoints.meiliKey ?? "",
    });
  } finally {
    await stack?.stop();
  }
}

export function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  return withStack((e) => fn(e.databaseUrl), { postgres: true, meilisearch: false });
}
