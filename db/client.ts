import "server-only";
import { serverEnv } from "@/lib/env";
import { createDb } from "./connect";

// One pool per server process, created on first use and kept across hot reloads in development.
const globalForDb = globalThis as unknown as { __atlasDb?: ReturnType<typeof createDb> };

function pool() {
  globalForDb.__atlasDb ??= createDb(serverEnv().DATABASE_URL, { max: 10, connectTimeout: 2 });
  return globalForDb.__atlasDb;
}

/** The app's Drizzle database. */
export function getDb() {
  return pool().db;
}

/** The raw postgres.js client behind `getDb()`, for hand-written SQL. */
export function getSql() {
  return pool().sql;
}
