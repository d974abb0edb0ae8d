import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { runMigrations } from "@/lib/listings/derived";
import { generateClinics } from "@/db/seed/generate";
import { clinics, DERIVED_KEYS, type Clinic, type ClinicSource } from "@/db/schema";
import { deriveListing } from "@/lib/aftercare";
import { createListings, updateListing } from "@/lib/listings/service";
import { freshDatabase } from "./support/db";

/**
 * The stored derived facts (db/schema.ts `derivedColumns`) equal what the pure functions of
 * lib/aftercare compute from the same row, for every listing: the seeded sample, listings at the
 * edges of the rules written through the listing service, after editor saves, and after the migrate
 * step recomputes rows it finds out of date.
 */

/** Listings at the edges of the cost and score rules, on top of generated rows. */
function edgeCases(): ClinicSource[] {
  const base = generateClinics(40, 4242);
  const tweaks: Partial<ClinicSource>[] = [
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
    { seriesSessions: 6, seriesMin: 287_500, seriesMax: null, sessionMin: 60_000, sessionMax: null },
    { boosterMin: null, boosterMax: 60_000 },
    { boosterMin: -1, boosterMax: -1 },
    { consultFee: null },
    { integrationTherapy: "add_on", integrationSessionFee: null },
    { integrationTherapy: "add_on", integrationSessionFee: 17_550 },
    { integrationTherapy: "referral_only", integrationSessionFee: 10_000 },
    { integrationTherapy: "none", integrationBy: "licensed_therapist" },
    { onCall: "nurse", onCallHours: null },
    { onCall: "none", onCallHours: "always" },
    { supportGroups: "both" },
    { clinicType: "kap_practice", routes: ["at_home"], statesServed: ["TX", "OK"] },
    { aftercareWeeks: 0 },
    { aftercareWeeks: 7 },
    { aftercareWeeks: 8 },
    { prepSessions: 0, digitalTools: [], lifestyle: [] },
  ];
  return tweaks.map((t, i) => {
    // Only the source fields: the service computes the derived facts.
    const source = Object.fromEntries(
      Object.entries({ ...base[i]!, ...t, slug: `edge-case-${i}`, id: undefined }).filter(
        ([k, v]) => v !== undefined && !(DERIVED_KEYS as string[]).includes(k),
      ),
    );
    return source as ClinicSource;
  });
}

/** Each stored derived value that differs from `deriveListing` of its row. */
function differences(rows: Clinic[]) {
  return rows.flatMap((row) => {
    const expected = deriveListing(row);
    return DERIVED_KEYS.flatMap((key) =>
      isDeepStrictEqual(row[key], expected[key])
        ? []
        : [{ slug: row.slug, key, stored: row[key], computed: expected[key] }],
    );
  });
}

describe("stored derived facts", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase({ seeded: true });
  });
  afterAll(() => db.drop());

  it("equal the pure functions for every seeded listing", async () => {
    const rows = await db.db.select().from(clinics);
    expect(rows.length).toBe(1500);
    expect(differences(rows)).toEqual([]);
    // The sample covers both kinds of effective price and listings without any price.
    expect(rows.some((r) => r.sessionPricePackage !== null)).toBe(true);
    expect(rows.some((r) => r.sessionPrice !== null && r.sessionPricePackage === null)).toBe(true);
    expect(rows.some((r) => r.courseLow === null)).toBe(true);
  });

  it("are computed by the listing service on create and on every save", async () => {
    const created = await createListings(db.db, {
      userId: null,
      rows: edgeCases().map((r) => ({ ...r }) as Parameters<typeof createListings>[1]["rows"][number]),
    });
    const ids = created.map((c) => c.id);
    expect(differences(await db.db.select().from(clinics).where(inArray(clinics.id, ids)))).toEqual([]);
    // A package cheaper per session than the single price wins: 6 for $2,875 ≈ $479.17 < $600.
    const pkg = created.find((c) => c.slug === "edge-case-10")!;
    expect([pkg.sessionPrice, pkg.sessionPricePackage]).toEqual([47_917, 6]);

    // Editor saves: every price and aftercare field changes, one save at a time.
    const one = created[0]!;
    let version = one.version;
    for (const patch of [
      { sessionMin: 30_000, sessionMax: 35_000 },
      { seriesSessions: 10, seriesMin: 200_000 },
      { integrationTherapy: "included" as const, supportGroups: "virtual" as const },
      { onCall: "none" as const, prepSessions: 2, aftercareWeeks: 12 },
      { clinicType: "telehealth" as const, statesServed: ["CA", "NV"] },
    ]) {
      const { clinic } = await updateListing(db.db, {
        id: one.id,
        userId: null,
        expectedVersion: version,
        patch,
      });
      version = clinic.version;
      expect(differences([clinic])).toEqual([]);
    }
    const [stored] = await db.db.select().from(clinics).where(eq(clinics.id, one.id));
    expect(differences([stored!])).toEqual([]);
    expect(stored!.telehealthStates).toEqual(["CA", "NV"]);
  });

  it("are recomputed by the migrate step for rows it finds out of date", async () => {
    await db.db.execute(sql`update clinics set derived_version = 0, aftercare_score = -1, course_low = -1,
      session_price = null, telehealth = not telehealth, group_formats = '{nonsense}'
      where id in (select id from clinics order by id limit 300)`);
    expect(differences(await db.db.select().from(clinics)).length).toBeGreaterThan(300);
    await runMigrations(db.url);
    expect(differences(await db.db.select().from(clinics))).toEqual([]);
  });
});
