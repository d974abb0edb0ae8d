import "server-only";
import { getSql, onConnectionClosed } from "@/lib/db";

/**
 * Is PostgreSQL answering? A cached probe (`select 1`, 1.5 s timeout) refreshed at most once a second
 * while the database is up and twice a second while it is down, shared by every request of this
 * server process. The request that finds the state stale waits for the probe, so an outage is
 * noticed by the next request, not the next page error. A closed pool connection (PostgreSQL closes
 * them all when it shuts down) makes the state stale at once, so the first request after a shutdown
 * probes instead of trusting a cached "up" and failing with a 500.
 */
type Status = { ok: boolean; checkedAt: number; probe?: Promise<boolean>; since?: number };
const g = globalThis as unknown as { __atlasDbStatus?: Status; __atlasDbStatusListening?: boolean };

const PROBE_TIMEOUT_MS = 1500;

if (!g.__atlasDbStatusListening) {
  g.__atlasDbStatusListening = true;
  onConnectionClosed(() => {
    if (g.__atlasDbStatus) g.__atlasDbStatus.checkedAt = 0;
  });
}

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getSql()`select 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS))),
    ]);
    return true;
  } catch {
    return false; // the answer *is* the error: the database is not available
  } finally {
    clearTimeout(timer);
  }
}

export async function databaseAvailable(): Promise<boolean> {
  const s = (g.__atlasDbStatus ??= { ok: true, checkedAt: 0 });
  if (Date.now() - s.checkedAt < (s.ok ? 1000 : 500)) return s.ok;
  s.probe ??= probe().then((ok) => {
    if (ok !== s.ok)
      console.log(ok ? "[db] PostgreSQL is answering again" : "[db] PostgreSQL is not answering");
    if (!ok && s.ok) s.since = Date.now();
    Object.assign(s, { ok, checkedAt: Date.now(), probe: undefined });
    return ok;
  });
  return s.probe;
}
