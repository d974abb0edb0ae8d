import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./connect";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Applies every pending SQL migration, each in a transaction; throws on the first failure. Use
 * `runMigrations` (lib/listings/derived.ts), which also recomputes stored derived facts.
 */
export async function runSqlMigrations(url: string): Promise<void> {
  const conn = createDb(url, { max: 1 });
  try {
    await migrate(conn.db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await conn.end();
  }
}
