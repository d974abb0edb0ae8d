import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClinicSource } from "@/db/schema";
import { cityCosts, cityPages, nationCosts, stateCosts, type RoutePrice } from "@/lib/costs/queries";
import { freshDatabase } from "./support/db";
import { insertFixtures } from "./support/rows";

/**
 * The cost aggregates against a small fixture whose every figure is worked out by hand below.
 * Prices are written in dollars and stored in cents.
 */
const $ = (dollars: number) => dollars * 100;

let n = 0;
function clinic(values: Partial<ClinicSource> & Pick<ClinicSource, "city" | "state">): ClinicSource {
  n += 1;
  return {
    slug: `fixture-${n}`,
    name: `Fixture clinic ${String(n).padStart(2, "0")}`,
    clinicType: "infusion_clinic",
    dataSource: "sample",
    status: "published",
    statesServed: [values.state],
    ...values,
  };
}

// Per-session price = the low end of the listed range.
const FIXTURE: ClinicSource[] = [
  // A: San Diego, $400, every aftercare feature (score 100)
  clinic({
    name: "Alpha",
    city: "San Diego",
    state: "CA",
    routes: ["iv_infusion"],
    consultFee: $(200),
    sessionMin: $(400),
    sessionMax: $(600),
    seriesSessions: 6,
    seriesMin: $(2400),
    seriesMax: $(3000),
    integrationTherapy: "included",
    integrationBy: "licensed_therapist",
    followUp24h: true,
    onCall: "nurse",
    onCallHours: "always",
    supportGroups: "both",
    prepSessions: 1,
    measurementBasedCare: true,
    digitalTools: ["app"],
    lifestyle: ["sleep"],
    recoveryRoom: true,
    aftercareWeeks: 12,
  }),
  // B: San Diego, $500, IV and IM, add-on integration by a coach, on call in business hours (score 19)
  clinic({
    name: "Bravo",
    city: "San Diego",
    state: "CA",
    routes: ["iv_infusion", "im_injection"],
    sessionMin: $(500),
    sessionMax: $(700),
    integrationTherapy: "add_on",
    integrationSessionFee: $(150),
    integrationBy: "coach",
    onCall: "clinician",
    onCallHours: "business",
    aftercareWeeks: 4,
  }),
  // C: San Diego, $300 (min only), referral to a licensed therapist, 24 h check-in, online groups (score 32)
  clinic({
    name: "Charlie",
    clinicType: "kap_practice",
    city: "San Diego",
    state: "CA",
    routes: ["im_injection", "sublingual_lozenge"],
    consultFee: $(250),
    sessionMin: $(300),
    integrationTherapy: "referral_only",
    integrationBy: "licensed_therapist",
    followUp24h: true,
    supportGroups: "virtual",
  }),
  // D: Los Angeles, range entered the wrong way round: $900–$800 → $800
  clinic({
    name: "Delta",
    city: "Los Angeles",
    state: "CA",
    routes: ["iv_infusion"],
    sessionMin: $(900),
    sessionMax: $(800),
  }),
  // E: Los Angeles, no price at all
  clinic({
    name: "Echo",
    clinicType: "psychiatry_practice",
    city: "Los Angeles",
    state: "CA",
    routes: ["esketamine_nasal"],
  }),
  // F: telehealth based in CA serving CA and NV, $150
  clinic({
    name: "Foxtrot",
    clinicType: "telehealth",
    city: "San Diego",
    state: "CA",
    statesServed: ["CA", "NV"],
    routes: ["at_home"],
    sessionMin: $(150),
    sessionMax: $(250),
    integrationTherapy: "included",
    integrationBy: "coach",
    followUp24h: true,
    onCall: "coach",
    onCallHours: "always",
    supportGroups: "virtual",
    aftercareWeeks: 8,
  }),
  // G: Las Vegas, $450
  clinic({
    name: "Golf",
    city: "Las Vegas",
    state: "NV",
    routes: ["iv_infusion"],
    sessionMin: $(450),
    sessionMax: $(650),
    integrationTherapy: "included",
  }),
  // H: a draft in San Diego: never counted
  clinic({
    name: "Hotel",
    city: "San Diego",
    state: "CA",
    status: "draft",
    routes: ["iv_infusion"],
    sessionMin: $(100),
    integrationTherapy: "included",
  }),
  // I: telehealth based in CA that serves only OR: counts in OR, not in CA; $200
  clinic({
    name: "India",
    clinicType: "telehealth",
    city: "Los Angeles",
    state: "CA",
    statesServed: ["OR"],
    routes: ["at_home"],
    sessionMin: $(200),
  }),
  // J: suspended in Las Vegas: never counted
  clinic({
    name: "Juliet",
    city: "Las Vegas",
    state: "NV",
    status: "suspended",
    routes: ["iv_infusion"],
    sessionMin: $(100),
  }),
  // K: Austin, $2,100: lands in the "$2,000 and up" bin
  clinic({ name: "Kilo", city: "Austin", state: "TX", routes: ["iv_infusion"], sessionMin: $(2100) }),
];

const byRoute = (routes: RoutePrice[], route: RoutePrice["route"]) => routes.find((r) => r.route === route);

describe("cost aggregates", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase();
    await insertFixtures(fresh.db, FIXTURE);
  });
  afterAll(() => fresh.drop());

  it("national figures: each published listing once, percentiles as percentile_cont", async () => {
    const f = await nationCosts(fresh.db);
    // published: A B C D E F G I K = 9; telehealth F and I; priced all but E = 8
    expect([f.clinics, f.telehealth, f.priced]).toEqual([9, 2, 8]);
    // all routes, sorted: 150 200 300 400 450 500 800 2100 (n = 8)
    //   p25: rank 0.25 × 7 = 1.75 → 200 + 0.75 × 100 = 275
    //   p50: rank 3.5 → 400 + 0.5 × 50 = 425
    //   p75: rank 5.25 → 500 + 0.25 × 300 = 575
    expect(byRoute(f.routes, null)).toEqual({
      route: null,
      count: 8,
      p25: $(275),
      median: $(425),
      p75: $(575),
    });
    // IV: A 400, B 500, D 800, G 450, K 2100 → 400 450 500 800 2100: ranks 1, 2, 3
    expect(byRoute(f.routes, "iv_infusion")).toEqual({
      route: "iv_infusion",
      count: 5,
      p25: $(450),
      median: $(500),
      p75: $(800),
    });
    // IM: C 300, B 500 → 350, 400, 450
    expect(byRoute(f.routes, "im_injection")).toMatchObject({
      count: 2,
      p25: $(350),
      median: $(400),
      p75: $(450),
    });
    // at home: F 150, I 200 → 162.50, 175, 187.50
    expect(byRoute(f.routes, "at_home")).toMatchObject({
      count: 2,
      p25: 16_250,
      median: $(175),
      p75: 18_750,
    });
    // esketamine: only E, which has no price → no row
    expect(byRoute(f.routes, "esketamine_nasal")).toBeUndefined();
    // the "all routes" row first, then by count
    expect(f.routes.map((r) => r.route)).toEqual([
      null,
      "iv_infusion",
      "im_injection",
      "at_home",
      "sublingual_lozenge",
    ]);

    // $100 bins: 150→1, 200→2, 300→3, 400 and 450→4, 500→5, 800→8, 2100→last bin (20, "$2,000 and up")
    const bins = new Array(21).fill(0);
    Object.assign(bins, { 1: 1, 2: 1, 3: 1, 4: 2, 5: 1, 8: 1, 20: 1 });
    expect(f.priceHistogram).toEqual({ width: $(100), bins, lastIsOverflow: true });
  });

  it("map rows: a telehealth service counts in every state it serves", async () => {
    const f = await nationCosts(fresh.db);
    const states = Object.fromEntries(f.states.map((s) => [s.state, s]));
    // CA: A B C D E + F (serves CA); not I (based in CA but serves only OR)
    expect(states.CA).toMatchObject({ clinics: 6, medianPrice: $(400) }); // 150 300 400 500 800
    // NV: G + F; J is suspended → 150, 450 → 300
    expect(states.NV).toMatchObject({ clinics: 2, medianPrice: $(300) });
    expect(states.OR).toMatchObject({ clinics: 1, medianPrice: $(200) });
    expect(states.TX).toMatchObject({ clinics: 1, medianPrice: $(2100) });
    expect(Object.keys(states).sort()).toEqual(["CA", "NV", "OR", "TX"]);
    // NV: integration included at G and F → 2/2
    expect(states.NV?.shares.integration).toBe(1);
    expect(states.CA?.shares.integration).toBeCloseTo(2 / 6, 10);
  });

  it("state figures count telehealth where it serves, and list cities and the strongest aftercare", async () => {
    const f = await stateCosts(fresh.db, "CA");
    // A B C D E F (6); telehealth F; priced A B C D F (5)
    expect([f.clinics, f.telehealth, f.priced]).toEqual([6, 1, 5]);
    // 150 300 400 500 800: ranks 1, 2, 3
    expect(byRoute(f.routes, null)).toMatchObject({ count: 5, p25: $(300), median: $(400), p75: $(500) });
    // bins 1, 3, 4, 5, 8, trailing empty bins trimmed
    expect(f.priceHistogram).toEqual({
      width: $(100),
      bins: [0, 1, 0, 1, 1, 1, 0, 0, 1],
      lastIsOverflow: false,
    });

    const share = Object.fromEntries(f.features.map((x) => [x.key, x.count]));
    expect(share).toEqual({
      integration: 2, // A, F
      "integration-any": 3, // A, B (add-on), F
      licensed: 2, // A, C (referral to a licensed therapist); B and F use coaches
      followup: 3, // A, C, F
      oncall: 3, // A nurse, B clinician, F coach
      "oncall-247": 2, // A, F
      groups: 3, // A both, C online, F online
      prep: 1,
      measurement: 1,
      tools: 1,
      lifestyle: 1,
      "recovery-room": 1, // all four: A only
      weeks8: 2, // A 12 weeks, F 8 weeks (B has 4)
    });
    expect(f.features.find((x) => x.key === "integration")?.share).toBeCloseTo(2 / 6, 10);

    // cities: located clinics only (F is online, H a draft)
    // San Diego: A B C → 300 400 500 → 400; integration included at A → 1/3
    // Los Angeles: D 800 and E (no price) → 800; none included
    expect(f.cities).toEqual([
      { city: "San Diego", slug: "san-diego", clinics: 3, medianPrice: $(400), integrationShare: 1 / 3 },
      { city: "Los Angeles", slug: "los-angeles", clinics: 2, medianPrice: $(800), integrationShare: 0 },
    ]);
    // scores: A 100; F 25 + 15 + 10 + 7 + 10 = 67; C 5 + 5 + 15 + 7 = 32; B 15 + 4 = 19; D 0; E 0 (by name)
    expect(f.top.map((t) => [t.name, t.score])).toEqual([
      ["Alpha", 100],
      ["Foxtrot", 67],
      ["Charlie", 32],
      ["Bravo", 19],
      ["Delta", 0],
      ["Echo", 0],
    ]);
    expect(f.top[1]?.telehealth).toBe(true);
    // median of 0 0 19 32 67 100 = (19 + 32) / 2
    expect(f.scoreMedian).toBe(25.5);
    // course: E has no price at all
    expect([f.course.count, f.course.unknown]).toEqual([5, 1]);
  });

  it("city figures: located clinics only, with course estimates from the cost model", async () => {
    const f = await cityCosts(fresh.db, "CA", "San Diego");
    expect([f.clinics, f.telehealth, f.priced]).toEqual([3, 0, 3]);
    // Default course: consult, 6 ketamine sessions, 3 integration sessions, 2 boosters.
    // A: 200 + series 2,400–3,000 + integration included 0 + 2 boosters at the session price 800–1,200
    //    = 3,400–4,400 (midpoint 3,900)
    // B: consult not listed 0 + 6 × 500–700 = 3,000–4,200 + add-on 3 × 150 = 450 + 2 × 500–700 = 1,000–1,400
    //    = 4,450–6,050 (midpoint 5,250)
    // C: 250 + 6 × 300 = 1,800 + outside therapist 3 × 150–300 = 450–900 + 2 × 300 = 600
    //    = 3,100–3,550 (midpoint 3,325)
    // low ends 3,100 3,400 4,450 → p25 3,250, median 3,400, p75 3,925
    // high ends 3,550 4,400 6,050 → p25 3,975, median 4,400, p75 5,225
    expect(f.course).toEqual({
      count: 3,
      unknown: 0,
      low: { p25: $(3250), median: $(3400), p75: $(3925) },
      high: { p25: $(3975), median: $(4400), p75: $(5225) },
      // $1,000 bins of the midpoints: 3,325 and 3,900 → bin 3; 5,250 → bin 5
      histogram: { width: $(1000), bins: [0, 0, 0, 2, 0, 1], lastIsOverflow: false },
    });
    expect(f.top.map((t) => t.name)).toEqual(["Alpha", "Charlie", "Bravo"]);
    expect(f.scoreMedian).toBe(32);
  });

  it("a state with no clinics gives empty figures, not an error", async () => {
    const f = await stateCosts(fresh.db, "WY");
    expect([f.clinics, f.priced, f.routes, f.cities, f.top, f.scoreMedian]).toEqual([0, 0, [], [], [], null]);
    expect(f.course).toMatchObject({ count: 0, unknown: 0, low: null, high: null });
    expect(f.features.every((x) => x.count === 0 && x.share === 0)).toBe(true);
  });

  it("gives a city a page from five located clinics on", async () => {
    expect(await cityPages(fresh.db)).toEqual([]); // San Diego has 3
    await insertFixtures(fresh.db, [
      clinic({ city: "San Diego", state: "CA" }),
      clinic({ city: "San Diego", state: "CA" }),
    ]);
    expect(await cityPages(fresh.db)).toEqual([{ state: "CA", city: "San Diego", slug: "san-diego" }]);
  });
});
