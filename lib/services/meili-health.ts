/** True when the Meilisearch server at `host` reports itself available. */
export async function meiliHealthy(host: string, timeoutMs = 1000): Promise<boolean> {
  const res = await fetch(`${host}/health`, { signal: AbortSignal.timeout(timeoutMs) });
  return res.ok;
}
