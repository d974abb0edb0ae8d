import "server-only";
import { asc, getTableColumns, ne, sql } from "drizzle-orm";
import { createDb, type Db } from "@/db/connect";
import { runSqlMigrations } from "@/db/migrate";
import { clinics, DERIVED_KEYS, type DerivedFields } from "@/db/schema";
import { deriveListing, DERIVED_VERSION } from "@/lib/aftercare/derived";
import { backfillPatientConfirmed } from "@/lib/patient-reports/confirmation";
import { installSearchTable } from "@/lib/search/search-table";

/**
 * Keeping the stored derived facts of listings (db/schema.ts `derivedColumns`) equal to
 * `deriveListing` of their fields. Writes through lib/listings/service.ts and the seed compute them
 * as they write; this module recomputes rows written under an older definition.
 */

type Executor = Pick<Db, "execute">;

const COLUMN_NAMES = (() => {
  const columns = getTableColumns(clinics);
  return DERIVED_KEYS.map((key) => ({ key, name: columns[key].name }));
})();

/** Stores the given derived facts of many listings with one UPDATE. Returns the rows updated. */
async function storeDerived(db: Executor, rows: (DerivedFields & { id: string })[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = rows.map((r) =>
    Object.fromEntries([["id", r.id], ...COLUMN_NAMES.map(({ key, name }) => [name, r[key]])]),
  );
  const sets = COLUMN_NAMES.map(({ name }) => sql`${sql.identifier(name)} = v.${sql.identifier(name)}`);
  const result = await db.execute(sql`update ${clinics} set ${sql.join(sets, sql`, `)}
    from jsonb_populate_recordset(null::${clinics}, ${JSON.stringify(payload)}::jsonb) v
    where ${clinics.id} = v.id`);
  return result.count;
}

/**
 * Recomputes the derived facts of every listing stored under another `DERIVED_VERSION` (after the
 * migration that adds them: every row), in batches. Idempotent: a second run finds nothing to do.
 * Run by `runMigrations` after the SQL migrations. Returns the number of rows recomputed.
 */
export async function backfillDerived(db: Db, batch = 2000): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(clinics)
      .where(ne(clinics.derivedVersion, DERIVED_VERSION))
      .orderBy(asc(clinics.id))
      .limit(batch);
    if (rows.length === 0) return done;
    const updated = await storeDerived(
      db,
      rows.map((r) => ({ id: r.id, ...deriveListing(r) })),
    );
    if (updated !== rows.length) throw new Error(`derived facts: updated ${updated} of ${rows.length} rows`);
    done += rows.length;
  }
}

/**
 * Applies every pending migration (`runSqlMigrations`), then installs the search table's copy
 * function as the filter registry defines it, rewriting the table if it changed
 * (`installSearchTable`), then recomputes the stored derived facts of listings written under an
 * older definition (`backfillDerived`; nothing to do on a current database), then the "confirmed by
 * patients" flag, which reads them (`backfillPatientConfirmed`). Throws on the first failure.
 */
export async function runMigrations(url: string): Promise<void> {
  await runSqlMigrations(url);
  const conn = createDb(url, { max: 1 });
  try {
    await installSearchTable(conn.db);
    await backfillDerived(conn.db);
    await backfillPatientConfirmed(conn.db);
  } finally {
    await conn.end();
  }
}
