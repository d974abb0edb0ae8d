import { Meilisearch } from "meilisearch";
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
