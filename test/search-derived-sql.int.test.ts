import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { generateClinics } from "@/db/seed/generate";
import { clinics, type NewClinic } from "@/db/schema";
import { aftercareScore, courseEstimate } from "@/lib/aftercare";
import { aftercareScoreSql, courseLowCentsSql } from "@/lib/search/derived-sql";
import { freshDatabase } from "./support/db";

/** Listings at the edges of the cost and score rules, on top of generated rows. */
function edgeCases(): NewClinic[] {
  const base = generateClinics(40, 4242);
  const tweaks: Partial<NewClinic>[] = [
    { sessionMin: null, sessionMax: null, seriesMin: null, seriesMax: null },
    { sessionMin: null, sessionMax: null, seriesSessions: 3, seriesMin: 250_000, seriesMax: 260_000 },
    { sessionMin: null, sessionMax: null, seriesSessions: 7, seriesMin: 100_001, seriesMax: 100_001 },
    { sessionMin: 70_000, sessionMax: 40_000 },
    { sessionMin: -500, sessionMax: null, consultFee: -100 },
    { sessionMin: null, sessionMax: 45_050 },
    { seriesSessions: null, seriesMin: 240_000, seriesMax: 300_000 },
    { seriesSessions: 0, seriesMin: 240_000, seriesMax: 300_000 },
    { seriesSessions: 8, seriesMin: 300_000, seriesMax: 200_000, sessionMin: 45_000 },
    { seriesSessions: 4, seriesMin: 150_000, seriesMax: 170_000, sessionMin: 30_000, sessionMax: 50_000 },
    { boosterMin: null, boosterMax: 60_000 },
    { boosterMin: -1, boosterMax: -1 },
    { consultFee: null },
    { integrationTherapy: "add_on", integrationSessionFee: null },
    { integrationTherapy: "add_on", integrationSessionFee: 17_550 },
    { integrationTherapy: "referral_only", integrationSessionFee: 10_000 },
    { integrationTherapy: "none", integrationBy: "licensed_therapist" },
    { onCall: "nurse", onCallHours: null },
    { onCall: "none", onCallHours: "always" },
    { aftercareWeeks: 0 },
    { aftercareWeeks: 7 },
    { aftercareWeeks: 8 },
    { prepSessions: 0, digitalTools: [], lifestyle: [] },
  ];
  return tweaks.map((t, i) => ({ ...base[i]!, ...t, slug: `edge-case-${i}` }));
}

describe("aftercare score and course estimate in SQL", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase({ seeded: true });
    await db.db.insert(clinics).values(edgeCases());
  });
  afterAll(() => db.drop());

  it("equal aftercareScore and courseEstimate for every listing", async () => {
    const rows = await db.db
      .select({
        row: clinics,
        score: sql<number>`${aftercareScoreSql()}`.mapWith(Number),
        courseLow: sql<string | null>`${courseLowCentsSql()}`,
      })
      .from(clinics);
    expect(rows.length).toBe(1523);
    const wrong = rows.filter(
      ({ row, score, courseLow }) =>
        score !== aftercareScore(row).total ||
        (courseLow === null ? null : Number(courseLow)) !== courseEstimate(row).low,
    );
    expect(wrong.map((w) => ({ slug: w.row.slug, sql: [w.score, w.courseLow] }))).toEqual([]);
    // The edge cases really are at the edges: some have no estimate at all.
    expect(rows.some((r) => r.courseLow === null)).toBe(true);
  });
});
