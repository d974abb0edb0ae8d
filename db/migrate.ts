import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { backfillDerived } from "@/lib/listings/derived";
import { createDb } from "./connect";

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Applies every pending migration, each in a transaction, then recomputes the stored derived facts
 * of listings written under an older definition (`backfillDerived`; nothing to do on a current
 * database). Throws on the first failure.
 */
export async function runMigrations(url: string): Promise<void> {
  const conn = createDb(url, { max: 1 });
  try {
    await migrate(conn.db, { migrationsFolder: MIGRATIONS_DIR });
    await backfillDerived(conn.db);
  } finally {
    await conn.end();
  }
}
