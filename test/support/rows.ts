import type { Db } from "@/db/connect";
import { clinics, PENDING_DERIVED, type ClinicSource } from "@/db/schema";
import { backfillDerived } from "@/lib/listings/derived";

/**
 * Inserts fixture rows that name only some columns (the rest take their database defaults), then
 * computes their derived facts from the stored rows, as the migrate step does (`backfillDerived`).
 */
export async function insertFixtures(db: Db, rows: ClinicSource[]): Promise<void> {
  await db.insert(clinics).values(rows.map((r) => ({ ...r, ...PENDING_DERIVED })));
  await backfillDerived(db);
}
