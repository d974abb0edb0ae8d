import "server-only";
import { and, eq, exists, or, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics, patientReports } from "@/db/schema";
import { enqueueSearchSync } from "@/lib/search/sync";
import {
  claimedSupports,
  patientConfirmed,
  tallyReports,
  type ClaimInput,
  type ReportAnswers,
} from "./rules";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A report counts unless the editors upheld the clinic's dispute of it. */
export const isPublished = sql`${patientReports.disputeStatus} is distinct from 'upheld'`;

/** The answers of a clinic's published reports. */
async function publishedAnswers(tx: Db | Tx, clinicId: string): Promise<ReportAnswers[]> {
  return tx
    .select({ answers: patientReports.answers, charged: patientReports.charged })
    .from(patientReports)
    .where(and(eq(patientReports.clinicId, clinicId), isPublished));
}

/** `clinics.patient_confirmed` for this listing as it would be with `claims` (its claimed supports). */
export async function confirmationFor(tx: Db | Tx, clinicId: string, claims: ClaimInput): Promise<boolean> {
  return patientConfirmed(tallyReports(claimedSupports(claims), await publishedAnswers(tx, clinicId)));
}

/**
 * After a report write, an editor's decision or a deletion, inside that transaction: locks the
 * listing (so a listing write cannot interleave), stores its "confirmed by patients" flag, and queues
 * it for the search index (which also empties the cached pages that show its counts).
 */
export async function refreshPatientConfirmed(tx: Tx, clinicId: string): Promise<void> {
  const [c] = await tx
    .select({
      aftercareParts: clinics.aftercareParts,
      writtenPlan: clinics.writtenPlan,
      patientConfirmed: clinics.patientConfirmed,
      state: clinics.state,
      clinicType: clinics.clinicType,
      statesServed: clinics.statesServed,
    })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .for("update");
  if (!c) return;
  const flag = await confirmationFor(tx, clinicId, c);
  if (flag !== c.patientConfirmed)
    await tx.update(clinics).set({ patientConfirmed: flag }).where(eq(clinics.id, clinicId));
  await enqueueSearchSync(tx, [clinicId], [c]);
}

/**
 * Recomputes the stored flag of every listing that has reports or has the flag set, and corrects the
 * ones that differ (each through `refreshPatientConfirmed`, in its own transaction, which also queues
 * it for the search index). The flag reads the claimed supports, which are derived facts, and the
 * rules of rules.ts: the migrate step runs this after the derived facts (`runMigrations`), so a new
 * definition of either reaches every stored flag. Returns the number of listings corrected.
 */
export async function backfillPatientConfirmed(db: Db): Promise<number> {
  const hasReports = exists(
    db
      .select({ one: sql`1` })
      .from(patientReports)
      .where(eq(patientReports.clinicId, clinics.id)),
  );
  const listings = await db
    .select({
      id: clinics.id,
      aftercareParts: clinics.aftercareParts,
      writtenPlan: clinics.writtenPlan,
      patientConfirmed: clinics.patientConfirmed,
    })
    .from(clinics)
    .where(or(eq(clinics.patientConfirmed, true), hasReports));
  const published = await db
    .select({
      clinicId: patientReports.clinicId,
      answers: patientReports.answers,
      charged: patientReports.charged,
    })
    .from(patientReports)
    .where(isPublished);
  const byListing = new Map<string, ReportAnswers[]>();
  for (const r of published) {
    const list = byListing.get(r.clinicId);
    if (list) list.push(r);
    else byListing.set(r.clinicId, [r]);
  }
  let corrected = 0;
  for (const c of listings) {
    const flag = patientConfirmed(tallyReports(claimedSupports(c), byListing.get(c.id) ?? []));
    if (flag === c.patientConfirmed) continue;
    await db.transaction((tx) => refreshPatientConfirmed(tx, c.id));
    corrected++;
  }
  return corrected;
}
