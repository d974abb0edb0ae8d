import type { Db } from "@/db/connect";
import { clinics, type ClinicSource, type DerivedFields } from "@/db/schema";
import { backfillDerived } from "@/lib/listings/derived";

/** Derived facts that mark a row as not yet computed (`derivedVersion` 0 is never current). */
const PENDING: DerivedFields = {
  derivedVersion: 0,
  aftercareScore: 0,
  aftercareSupports: 0,
  aftercareParts: {},
  courseLow: null,
  courseHigh: null,
  sessionPrice: null,
  sessionPricePackage: null,
  telehealth: false,
  telehealthStates: [],
  offersIntegration: false,
  integrationLicensed: false,
  hasPrep: false,
  onCallHoursOffered: null,
  groupFormats: [],
};

/**
 * Inserts fixture rows that name only some columns (the rest take their database defaults), then
 * computes their derived facts from the stored rows, as the migrate step does (`backfillDerived`).
 */
export async function insertFixtures(db: Db, rows: ClinicSource[]): Promise<void> {
  await db.insert(clinics).values(rows.map((r) => ({ ...r, ...PENDING })));
  await backfillDerived(db);
}
