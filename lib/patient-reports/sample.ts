import type { DerivedFields } from "@/db/schema";
import { SAMPLE_EPOCH, type SampleRow } from "@/db/seed/generate";
import { Prng } from "@/db/seed/prng";
import type { SamplePatientReport } from "@/db/seed/seed";
import { claimedSupports, patientConfirmed, tallyReports } from "./rules";

/**
 * Fictional patient reports for some sample listings, so profiles show what published counts and
 * comments look like. Fully determined by (seed, row index, row), from their own random streams (the
 * rows do not change with them). About one published listing in twenty-five that claims any support
 * gets 3–6 reports, mostly confirming what it claims; every report is marked `sample` and written by
 * one of `SAMPLE_PATIENTS` (db/seed/seed.ts: addresses under the reserved `.invalid` domain, which no mail reaches).
 */

const STREAM_BASE = 0x50000000;

const COMMENTS = [
  "A nurse called the next morning, as promised. (Fictional sample comment.)",
  "The recovery room was calm and someone checked on me often. (Fictional sample comment.)",
  "Integration sessions helped me make sense of the first weeks. (Fictional sample comment.)",
  "It took a few days to reach anyone between visits. (Fictional sample comment.)",
];

/** The sample reports of row `index` (none for most rows), and whether they confirm its aftercare. */
export function samplePatientReports(
  row: SampleRow & DerivedFields,
  index: number,
  seed: number,
): { reports: SamplePatientReport[]; confirmed: boolean } {
  const claimed = claimedSupports(row);
  if (row.status !== "published" || claimed.length === 0 || !row.id) return { reports: [], confirmed: false };
  const rng = new Prng(seed, (STREAM_BASE + index) | 0);
  if (!rng.chance(0.04)) return { reports: [], confirmed: false };
  const faithful = rng.chance(0.7); // most clinics do what they list
  const reports = Array.from({ length: rng.int(3, 6) }, (_, patient): SamplePatientReport => {
    const monthsAgo = rng.int(1, 18);
    const start = new Date(
      Date.UTC(SAMPLE_EPOCH.getUTCFullYear(), SAMPLE_EPOCH.getUTCMonth() - monthsAgo, 1),
    );
    return {
      clinicId: row.id!,
      patient,
      treatmentStart: start.toISOString().slice(0, 10),
      route: row.routes.length > 0 ? rng.pick(row.routes) : "iv_infusion",
      answers: Object.fromEntries(
        claimed.map((s) => [
          s.key,
          rng.chance(faithful ? 0.9 : 0.5)
            ? "yes"
            : rng.weighted(["no", "not_offered", "dont_know"] as const, [0.5, 0.3, 0.2]),
        ]),
      ),
      charged: rng.weighted(["yes", "more", "less", "dont_know"] as const, [0.75, 0.15, 0.03, 0.07]),
      comment: rng.chance(0.35) ? rng.pick(COMMENTS) : "",
    };
  });
  return { reports, confirmed: patientConfirmed(tallyReports(claimed, reports)) };
}
