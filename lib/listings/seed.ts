import "server-only";
import type { Db } from "@/db/connect";
import { seedDatabase as seedWith } from "@/db/seed/seed";
import { deriveListing } from "@/lib/aftercare/derived";
import { samplePatientReports } from "@/lib/patient-reports/sample";

/**
 * `seedDatabase` of db/seed/seed.ts, storing each sample listing's derived facts (`deriveListing`)
 * and its fictional patient reports (`samplePatientReports`).
 */
export function seedDatabase(
  db: Db,
  opts: Omit<Parameters<typeof seedWith>[1], "derive" | "reports">,
): Promise<number> {
  return seedWith(db, { ...opts, derive: deriveListing, reports: samplePatientReports });
}
