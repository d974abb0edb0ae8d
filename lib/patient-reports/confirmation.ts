import "server-only";
import { and, eq, sql } from "drizzle-orm";
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
