import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];

/**
 * Each database's session client: one connection of its own, never closed for idleness or age, for
 * what must live in one PostgreSQL session across several statements (a session-level advisory
 * lock). Not `sql.reserve()`: postgres.js writes to a reserved connection's socket after PostgreSQL
 * has closed it and throws from a timer, an uncaught exception that no `await` can catch
 * (porsager/postgres#1154). A closed session client reconnects on its next statement instead.
 */
const sessionClients = new WeakMap<Db, () => postgres.Sql>();

export function sessionClient(db: Db): postgres.Sql {
  const client = sessionClients.get(db);
  if (!client) throw new Error("sessionClient: this database was not made by createDb");
  return client();
}

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
  let session: postgres.Sql | undefined;
  sessionClients.set(
    db,
    () =>
      (session ??= postgres(url, {
        max: 1,
        connect_timeout: opts.connectTimeout ?? 5,
        idle_timeout: 0,
        max_lifetime: 0,
        onnotice: () => {},
      })),
  );
  return {
    db,
    sql,
    end: async () => {
      await Promise.all([sql.end({ timeout: 5 }), session?.end({ timeout: 5 })]);
    },
  };
}
