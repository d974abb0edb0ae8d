import "server-only";
import { serverEnv } from "@/lib/env";
import { createDb } from "@/db/connect";

// One pool per server process, created on first use and kept across hot reloads in development.
const globalForDb = globalThis as unknown as {
  __atlasDb?: ReturnType<typeof createDb>;
  __atlasDbCloseListeners?: Set<() => void>;
};
const closeListeners = (globalForDb.__atlasDbCloseListeners ??= new Set());

function pool() {
  globalForDb.__atlasDb ??= createDb(serverEnv().DATABASE_URL, {
    max: 10,
    connectTimeout: 2,
    onclose: () => closeListeners.forEach((listener) => listener()),
  });
  return globalForDb.__atlasDb;
}

/**
 * Calls `listener` whenever one of the pool's connections closes: idle timeouts, and every
 * connection at once when PostgreSQL shuts down. Returns a function that stops listening.
 */
export function onConnectionClosed(listener: () => void): () => void {
  closeListeners.add(listener);
  return () => closeListeners.delete(listener);
}

/** The app's Drizzle database. */
export function getDb() {
  return pool().db;
}

/** The raw postgres.js client behind `getDb()`, for hand-written SQL. */
export function getSql() {
  return pool().sql;
}
