import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { clinics, PENDING_DERIVED, type Clinic, type ClinicSource } from "@/db/schema";
import { backfillDerived } from "@/lib/listings/derived";
import {
  createListing,
  deleteListing,
  updateListing,
  type ListingPatch,
  type NewListing,
} from "@/lib/listings/service";

/**
 * Inserts fixture rows that name only some columns (the rest take their database defaults), then
 * computes their derived facts from the stored rows, as the migrate step does (`backfillDerived`).
 */
export async function insertFixtures(db: Db, rows: ClinicSource[]): Promise<void> {
  await db.insert(clinics).values(rows.map((r) => ({ ...r, ...PENDING_DERIVED })));
  await backfillDerived(db);
}

/**
 * A listing's life through the listing service, for tests of what triggers keep in step with
 * `clinics`: created from `values`, edited with `patch`, unpublished, deleted; `check` runs after
 * each write (with the row after the edit, then undefined).
 */
export async function listingLife(
  db: Db,
  values: NewListing,
  patch: ListingPatch,
  check: (edited?: Clinic) => Promise<void>,
): Promise<void> {
  const created = await createListing(db, { userId: null, values });
  await check();
  const edited = await updateListing(db, {
    id: created.id,
    userId: null,
    expectedVersion: created.version,
    patch,
  });
  await check(edited.clinic);
  await updateListing(db, {
    id: created.id,
    userId: null,
    expectedVersion: edited.clinic.version,
    patch: { status: "draft" },
  });
  await check();
  await deleteListing(db, { id: created.id });
  await check();
}

/** The quoted column names of a trigger-kept copy table (`except` left out), for comparing it with `clinics`. */
export function columnList(table: PgTable, except: string[] = []): SQL {
  return sql.raw(
    Object.values(getTableColumns(table))
      .filter((c) => !except.includes(c.name))
      .map((c) => `"${c.name}"`)
      .join(", "),
  );
}
