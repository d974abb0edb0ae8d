import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SampleRow } from "./generate";
import { generateClinics, SAMPLE_EPOCH } from "./generate";
import { isInventedWord } from "./names";
import { distanceKm, zipToPoint } from "../geo";

const rows = generateClinics(5000);
const share = (pred: (r: SampleRow) => boolean, of: readonly SampleRow[] = rows) =>
  of.filter(pred).length / of.length;
const isTelehealth = (r: SampleRow) => r.clinicType === "telehealth";
/** Infusion clinics and hospital programs with IV: their per-session price is an IV session price. */
const ivPriced = rows.filter(
  (r) =>
    (r.clinicType === "infusion_clinic" || r.clinicType === "hospital_program") &&
    r.routes?.includes("iv_infusion"),
);

/** Every aftercare feature DESIGN.md's score counts, at its best level. */
function hasEverything(r: SampleRow): boolean {
  return (
    r.integrationTherapy === "included" &&
    r.integrationBy === "licensed_therapist" &&
    r.followUp24h === true &&
    r.onCallHours === "always" &&
    r.supportGroups === (isTelehealth(r) ? "virtual" : "both") &&
    (r.prepSessions ?? 0) > 0 &&
    r.measurementBasedCare === true &&
    (r.digitalTools?.length ?? 0) > 0 &&
    (r.lifestyle?.length ?? 0) > 0 &&
    (r.recoveryRoom === true || isTelehealth(r)) &&
    (r.aftercareWeeks ?? 0) >= 8
  );
}

/** How many aftercare features a listing has at all. */
function featureCount(r: SampleRow): number {
  return [
    r.integrationTherapy === "included" || r.integrationTherapy === "add_on",
    r.followUp24h,
    r.onCall !== "none",
    r.supportGroups !== "none",
    r.measurementBasedCare,
    (r.prepSessions ?? 0) > 0,
    (r.digitalTools?.length ?? 0) > 0,
    (r.lifestyle?.length ?? 0) > 0,
    (r.aftercareWeeks ?? 0) >= 8,
  ].filter(Boolean).length;
}

/**
 * The invariants every generated row keeps, whatever the seed, as a list of what is wrong (plain checks
 * rather than one `expect` each: 5,000 rows × 60 checks stay fast, and a failure lists every problem).
 */
function rowProblems(r: SampleRow): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${r.slug}: ${what}`);
  };
  const between = (v: number | null | undefined, lo: number, hi: number) => v != null && v >= lo && v <= hi;

  need(r.dataSource === "sample" && r.priceSource === "sample", "sample-labelled");
  need(r.version === 1, "version 1");
  need(
    r.description?.startsWith("Fictional sample listing.") === true,
    "description starts with the sample notice",
  );
  need(isInventedWord(r.name.split(" ")[0] ?? ""), "name starts with an invented word");
  need(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.slug), "url-safe slug");
  need(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id ?? ""),
    "v4-shaped id",
  );
  need(/^\(\d{3}\) 555-01\d{2}$/.test(r.phone ?? ""), "fictional 555-01xx phone");
  need(r.website == null || /^https:\/\/[a-z-]+\.example$/.test(r.website), "website on .example");
  need(r.contactEmail == null || /^hello@[a-z-]+\.example$/.test(r.contactEmail), "email on .example");
  need(r.languages?.[0] === "English", "English first");

  // care
  need((r.routes?.length ?? 0) > 0 && (r.conditions?.length ?? 0) > 0, "routes and conditions");
  need(
    r.remsCertified === r.routes?.includes("esketamine_nasal"),
    "REMS certified exactly when offering Spravato",
  );
  need(r.waitDays == null || between(r.waitDays, 0, 30), "waitDays 0–30");

  // place
  if (isTelehealth(r)) {
    need(
      r.lat === null && r.lng === null && r.street === null && r.postalCode === null,
      "telehealth has no point",
    );
    need(
      between(r.statesServed?.length, 1, 15) && r.statesServed!.includes(r.state),
      "1–15 states incl. home",
    );
    need(r.recoveryRoom === false, "telehealth has no recovery room");
  } else {
    need(r.statesServed?.length === 1 && r.statesServed[0] === r.state, "statesServed = [state]");
    const zip = zipToPoint(r.postalCode ?? "");
    need(zip?.city === r.city && zip.state === r.state, "postal code in the listing's city");
    need(zip != null && distanceKm(zip.lat, zip.lng, r.lat ?? 0, r.lng ?? 0) <= 1.51, "point near its ZIP");
  }

  // aftercare consistency
  need(
    (r.integrationBy === "none") === (r.integrationTherapy === "none"),
    "integrationBy none iff no integration",
  );
  need(
    ((r.integrationFormats?.length ?? 0) === 0) === (r.integrationTherapy === "none"),
    "formats iff integration",
  );
  need((r.onCallHours == null) === (r.onCall === "none"), "onCallHours iff on call");
  need(between(r.prepSessions, 0, 3) && between(r.aftercareWeeks, 0, 26), "prep 0–3, weeks 0–26");

  // prices: whole cents, pairs known or unknown together, min ≤ max
  for (const v of [
    r.consultFee,
    r.sessionMin,
    r.seriesMin,
    r.boosterMin,
    r.integrationSessionFee,
    r.groupSessionFee,
  ]) {
    need(v == null || (Number.isInteger(v) && v >= 0), "whole, non-negative cents");
  }
  for (const [what, lo, hi] of [
    ["session", r.sessionMin, r.sessionMax],
    ["series", r.seriesMin, r.seriesMax],
    ["booster", r.boosterMin, r.boosterMax],
  ] as const) {
    need((lo == null) === (hi == null), `${what} min and max known together`);
    need(lo == null || hi == null || lo <= hi, `${what} min ≤ max`);
  }
  need((r.seriesSessions == null) === (r.seriesMin == null), "series size known with its price");
  need(
    r.consultFee == null || r.consultFee === 0 || between(r.consultFee, 150_00, 350_00),
    "consult $150–350",
  );
  need(
    r.integrationSessionFee == null || between(r.integrationSessionFee, 150_00, 300_00),
    "integration $150–300",
  );
  need(
    r.groupSessionFee == null || r.groupSessionFee === 0 || between(r.groupSessionFee, 30_00, 80_00),
    "group $30–80",
  );
  need(r.supportGroups !== "none" || r.groupSessionFee == null, "no group fee without groups");

  // dates: fixed epoch, in order
  const epoch = SAMPLE_EPOCH.getTime();
  const created = r.createdAt?.getTime() ?? NaN;
  const updated = r.updatedAt?.getTime() ?? NaN;
  const verified = r.lastVerifiedAt?.getTime() ?? epoch;
  need(
    created <= updated && updated <= verified && verified <= epoch,
    "created ≤ updated ≤ verified ≤ epoch",
  );
  need(/^\d{4}-\d{2}-\d{2}$/.test(r.priceUpdatedAt ?? "") && r.priceUpdatedAt! <= "2026-11-01", "price date");
  return problems;
}

describe("generateClinics", () => {
  it("is deterministic for (count, seed), and a larger count extends a smaller one", () => {
    expect(generateClinics(300)).toEqual(generateClinics(300, 42));
    expect(generateClinics(300, 7)).toEqual(generateClinics(300, 7));
    expect(generateClinics(300, 43)).not.toEqual(generateClinics(300, 42));
    expect(generateClinics(300, 43)[0]?.id).not.toBe(rows[0]?.id);
    expect(rows.slice(0, 300)).toEqual(generateClinics(300));
  });

  it("rejects a bad count or seed", () => {
    expect(generateClinics(0)).toEqual([]);
    expect(() => generateClinics(-1)).toThrow(RangeError);
    expect(() => generateClinics(1.5)).toThrow(RangeError);
    expect(() => generateClinics(1, -1)).toThrow(RangeError);
    expect(() => generateClinics(1, 2 ** 32)).toThrow(RangeError);
  });

  it("gives every row a unique id and slug", () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
  });

  it("keeps every row's invariants (sample labels, fictional names and contacts, place, aftercare, prices, dates)", () => {
    expect(rows.flatMap(rowProblems)).toEqual([]);
  });

  it("keeps the invariants for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(generateClinics(20, seed).flatMap(rowProblems)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("places most listings in CA, NY, IL, TX and FL", () => {
    const byState = new Map<string, number>();
    for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
    const top5 = [...byState.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([s]) => s);
    expect(top5.sort()).toEqual(["CA", "FL", "IL", "NY", "TX"]);
    expect(byState.size).toBeGreaterThanOrEqual(45); // spread over (nearly) every state
  });

  it("mixes kinds of listing, mostly infusion clinics, mostly published", () => {
    expect(share((r) => r.clinicType === "infusion_clinic")).toBeGreaterThan(0.45);
    for (const t of ["psychiatry_practice", "kap_practice", "telehealth", "hospital_program"] as const) {
      expect(share((r) => r.clinicType === t)).toBeGreaterThan(0.02);
    }
    expect(share((r) => r.status === "published")).toBeGreaterThan(0.94);
    expect(share((r) => r.status === "draft")).toBeGreaterThan(0);
    expect(share((r) => r.status === "suspended")).toBeGreaterThan(0);
    expect(share((r) => r.conditions?.includes("depression") ?? false)).toBeGreaterThan(0.9);
  });

  it("prices like DESIGN.md says", () => {
    const ivSessions = ivPriced.filter((r) => r.sessionMin != null);
    expect(share((r) => r.sessionMin! >= 400_00 && r.sessionMin! <= 800_00, ivSessions)).toBeGreaterThan(0.5);
    for (const r of ivSessions) {
      expect(r.sessionMin).toBeGreaterThanOrEqual(300_00);
      expect(r.sessionMax).toBeLessThanOrEqual(1500_00);
    }
    for (const r of ivPriced.filter(
      (r) => r.seriesSessions === 6 && r.seriesMin != null && r.sessionMin != null,
    )) {
      expect(r.seriesMin).toBeGreaterThanOrEqual(2400_00);
      expect(r.seriesMax).toBeLessThanOrEqual(6400_00);
      expect(r.seriesMin).toBeLessThan(6 * r.sessionMin!); // a package costs less than six single sessions
    }
    for (const r of ivPriced.filter((r) => r.boosterMin != null)) {
      expect(r.boosterMin).toBeGreaterThanOrEqual(400_00);
      expect(r.boosterMax).toBeLessThanOrEqual(800_00);
    }
    const spravato = rows.filter(
      (r) => r.clinicType === "psychiatry_practice" && r.routes?.[0] === "esketamine_nasal",
    );
    for (const r of spravato.filter((r) => r.sessionMin != null)) {
      expect(r.sessionMin).toBeGreaterThanOrEqual(600_00);
      expect(r.sessionMax).toBeLessThanOrEqual(1050_00);
    }
    // About one listing in ten leaves a price unknown (the consult and session prices are otherwise always known).
    expect(share((r) => r.consultFee == null || r.sessionMin == null)).toBeGreaterThan(0.02);
    expect(share((r) => r.consultFee == null || r.sessionMin == null)).toBeLessThan(0.12);
    expect(share((r) => r.consultFee === 0)).toBeGreaterThan(0.05);
    expect(share((r) => r.insurance === "none")).toBeGreaterThan(0.4);
    expect(share((r) => r.hsaFsa === true)).toBeGreaterThan(0.6);
  });

  it("varies aftercare widely: some listings offer everything, many offer little", () => {
    const included = share((r) => r.integrationTherapy === "included");
    expect(included).toBeGreaterThan(0.15);
    expect(included).toBeLessThan(0.5);
    expect(share(hasEverything)).toBeGreaterThan(0.01);
    expect(share(hasEverything)).toBeLessThan(0.1);
    expect(share((r) => featureCount(r) <= 2)).toBeGreaterThan(0.25);
    expect(share((r) => r.aftercareNotes === "")).toBeGreaterThan(0.2);
    expect(share((r) => r.aftercareNotes !== "")).toBeGreaterThan(0.4);
  });
});

describe("zipToPoint", () => {
  it("finds a US ZIP code's city and point", () => {
    expect(zipToPoint("10001")).toMatchObject({ zip: "10001", city: "New York", state: "NY" });
    expect(zipToPoint(" 60601-1234 ")).toMatchObject({ zip: "60601", city: "Chicago", state: "IL" });
    const p = zipToPoint("94103");
    expect(p?.lat).toBeCloseTo(37.77, 1);
    expect(p?.lng).toBeCloseTo(-122.41, 1);
  });

  it("returns undefined for anything else", () => {
    for (const z of ["", "1000", "100011", "abcde", "00000", "K1A 0B1", "96201" /* military */]) {
      expect(zipToPoint(z)).toBeUndefined();
    }
  });
});
