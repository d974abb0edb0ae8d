import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];

/** A Drizzle database over a postgres.js pool. `end()` closes the pool. */
export function createDb(
  url: string,
  opts: { max?: number; connectTimeout?: number; onclose?: (connectionId: number) => void } = {},
) {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    connect_timeout: opts.connectTimeout ?? 5,
    idle_timeout: 30,
    onnotice: () => {},
    ...(opts.onclose ? { onclose: opts.onclose } : {}),
  });
  const db = drizzle(sql, { schema, casing: undefined });
  return { db, sql, end: () => sql.end({ timeout: 5 }) };
}
