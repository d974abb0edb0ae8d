import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTEGRATION_THERAPY } from "@/db/enums";
import {
  ASSUMPTION_LIMITS,
  DEFAULT_ASSUMPTIONS,
  clampAssumptions,
  courseEstimate,
  courseTotal,
  type AssumptionKey,
  type CostInput,
  type CourseAssumptions,
} from "./cost";

const $ = (dollars: number) => dollars * 100;

/** A typical IV clinic: $450–$600 a session, a series of 6 for $2,400–$3,200, boosters $700. */
const CLINIC: CostInput = {
  consultFee: $(250),
  sessionMin: $(450),
  sessionMax: $(600),
  seriesSessions: 6,
  seriesMin: $(2400),
  seriesMax: $(3200),
  boosterMin: null,
  boosterMax: $(700),
  integrationTherapy: "referral_only",
  integrationSessionFee: null,
};

const PRICE_FIELDS = [
  "consultFee",
  "sessionMin",
  "sessionMax",
  "seriesMin",
  "seriesMax",
  "boosterMin",
  "boosterMax",
  "integrationSessionFee",
] as const satisfies readonly (keyof CostInput)[];
const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_LIMITS) as AssumptionKey[];

const cents = fc.option(fc.integer({ min: 0, max: $(5000) }), { nil: null, freq: 3 });
const costInput: fc.Arbitrary<CostInput> = fc.record({
  consultFee: cents,
  sessionMin: cents,
  sessionMax: cents,
  seriesSessions: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null, freq: 3 }),
  seriesMin: cents,
  seriesMax: cents,
  boosterMin: cents,
  boosterMax: cents,
  integrationTherapy: fc.constantFrom(...INTEGRATION_THERAPY),
  integrationSessionFee: cents,
});
const count = (k: AssumptionKey) => fc.integer(ASSUMPTION_LIMITS[k]);
const assumptions: fc.Arbitrary<CourseAssumptions> = fc.record({
  ketamineSessions: count("ketamineSessions"),
  integrationSessions: count("integrationSessions"),
  boosters: count("boosters"),
});

describe("courseEstimate examples", () => {
  it("prices the default course with the series, an outside therapist and boosters", () => {
    const e = courseEstimate(CLINIC);
    // consult 250 + series of 6 2,400–3,200 + 3 outside integration × 150–300 (450–900)
    //   + 2 boosters × 700 (booster min missing → single price) = 1,400
    // low  = 250 + 2,400 + 450 + 1,400 = 4,500
    // high = 250 + 3,200 + 900 + 1,400 = 5,750
    expect([e.low, e.high]).toEqual([$(4500), $(5750)]);
    expect(e.items.map((i) => [i.key, i.low, i.high])).toEqual([
      ["consult", $(250), $(250)],
      ["ketamine", $(2400), $(3200)],
      ["integration", $(450), $(900)],
      ["boosters", $(1400), $(1400)],
    ]);
    expect(e.items[2]?.note).toContain("outside therapist at a typical $150–$300 each");
    expect(e.assumptions).toContain("6 ketamine sessions (the clinic's series of 6)");
    expect(e.assumptions).toContain("2 booster sessions over the first 6 months after the first course");
    expect(e.missing).toEqual([]);
  });

  it("caps fewer sessions than the series at the series price", () => {
    const e = courseEstimate(CLINIC, { ketamineSessions: 4, integrationSessions: 0, boosters: 1 });
    // ketamine: min(4 × 450, 2,400) = 1,800; min(4 × 600, 3,200) = 2,400
    // low  = 250 + 1,800 + 0 + 700 = 2,750
    // high = 250 + 2,400 + 0 + 700 = 3,350
    expect([e.low, e.high]).toEqual([$(2750), $(3350)]);
    expect(e.assumptions).toContain("4 ketamine sessions (fewer than the clinic's series of 6)");

    const discounted = { ...CLINIC, sessionMin: $(500), sessionMax: $(500) };
    // 5 singles would be 5 × 500 = 2,500, more than the series (2,400–3,200): pay 2,400 at the low end
    const five = courseEstimate(discounted, { ketamineSessions: 5, integrationSessions: 0, boosters: 0 });
    expect(five.items[1]).toMatchObject({ low: $(2400), high: $(2500) });
  });

  it("adds extra sessions after the series, an add-on fee, and the session price for boosters", () => {
    const e = courseEstimate(
      {
        consultFee: null,
        sessionMin: $(400),
        sessionMax: $(600),
        seriesSessions: 6,
        seriesMin: $(2400),
        seriesMax: $(3000),
        boosterMin: null,
        boosterMax: null,
        integrationTherapy: "add_on",
        integrationSessionFee: $(200),
      },
      { ketamineSessions: 8, integrationSessions: 3, boosters: 2 },
    );
    // consult: not listed → 0
    // ketamine: 2,400 + 2 × 400 = 3,200; 3,000 + 2 × 600 = 4,200
    // integration: 3 × 200 = 600
    // boosters: no booster price → session price: 2 × 400 = 800; 2 × 600 = 1,200
    // low  = 0 + 3,200 + 600 + 800 = 4,600
    // high = 0 + 4,200 + 600 + 1,200 = 6,000
    expect([e.low, e.high]).toEqual([$(4600), $(6000)]);
    expect(e.missing).toEqual(["Consultation fee"]);
    expect(e.assumptions).toContain("8 ketamine sessions (the clinic's series of 6 plus 2 more)");
    expect(e.items[3]?.note).toContain("no booster price listed");
  });

  it("prorates the series when there is no per-session price", () => {
    const seriesOnly: CostInput = {
      ...CLINIC,
      consultFee: 0,
      sessionMin: null,
      sessionMax: null,
      seriesMin: $(3000),
      seriesMax: null,
      boosterMax: null,
      integrationTherapy: "included",
    };
    const short = courseEstimate(seriesOnly, { ketamineSessions: 4, integrationSessions: 3, boosters: 1 });
    // per session = 3,000 / 6 = 500; ketamine 4 × 500 = 2,000; integration included = 0; 1 booster × 500
    // total = 0 + 2,000 + 0 + 500 = 2,500
    expect([short.low, short.high]).toEqual([$(2500), $(2500)]);
    const long = courseEstimate(seriesOnly, { ketamineSessions: 9, integrationSessions: 3, boosters: 0 });
    // 3,000 + 3 × 500 = 4,500
    expect([long.low, long.high]).toEqual([$(4500), $(4500)]);

    const odd = courseEstimate(
      { ...seriesOnly, seriesMin: $(1000) },
      { ketamineSessions: 4, integrationSessions: 0, boosters: 0 },
    );
    // 4 × 100,000 / 6 = 66,666.67 cents → rounded to 66,667
    expect(odd.low).toBe(66_667);
  });

  it("says the course is unknown when no ketamine price is listed", () => {
    const e = courseEstimate({ ...CLINIC, sessionMin: null, sessionMax: null, seriesSessions: null });
    // the series price cannot be used without its size
    expect([e.low, e.high]).toEqual([null, null]);
    expect(e.missing).toEqual(["Ketamine session or series price", "Number of sessions in the series"]);
    expect(e.items.map((i) => i.key)).not.toContain("ketamine");
  });

  it("counts included integration as $0 and zero counts as nothing", () => {
    const e = courseEstimate(
      { ...CLINIC, integrationTherapy: "included" },
      { ketamineSessions: 6, integrationSessions: 5, boosters: 0 },
    );
    // 250 + 2,400 + 0 + 0 = 2,650; 250 + 3,200 + 0 + 0 = 3,450
    expect([e.low, e.high]).toEqual([$(2650), $(3450)]);
    expect(e.assumptions).toContain("No booster sessions");
    expect(e.assumptions).toContain("5 integration therapy sessions, included in the clinic's price");
  });

  it("falls back to a typical outside fee for an add-on with no listed fee", () => {
    const e = courseEstimate({ ...CLINIC, integrationTherapy: "add_on" });
    expect(e.items[2]).toMatchObject({ low: $(450), high: $(900) });
    expect(e.missing).toEqual(["Integration session fee"]);
  });

  it("reads a reversed min/max pair as a range", () => {
    const e = courseEstimate(
      {
        ...CLINIC,
        sessionMin: $(600),
        sessionMax: $(450),
        seriesSessions: null,
        seriesMin: null,
        seriesMax: null,
      },
      { ketamineSessions: 2, integrationSessions: 0, boosters: 0 },
    );
    // 250 + 2 × 450 = 1,150; 250 + 2 × 600 = 1,450
    expect([e.low, e.high]).toEqual([$(1150), $(1450)]);
  });
});

describe("courseEstimate properties", () => {
  it("gives low ≤ high, in whole cents, equal to the sum of its items", () => {
    fc.assert(
      fc.property(costInput, assumptions, (clinic, a) => {
        const e = courseEstimate(clinic, a);
        expect(e.low === null).toBe(e.high === null);
        for (const i of e.items) {
          expect(Number.isInteger(i.low) && Number.isInteger(i.high)).toBe(true);
          expect(i.low).toBeLessThanOrEqual(i.high);
        }
        if (e.low !== null && e.high !== null) {
          expect(e.low).toBeLessThanOrEqual(e.high);
          expect(e.items.reduce((s, i) => s + i.low, 0)).toBe(e.low);
          expect(e.items.reduce((s, i) => s + i.high, 0)).toBe(e.high);
        }
      }),
    );
  });

  it("never goes down when a single price rises", () => {
    fc.assert(
      fc.property(
        costInput,
        assumptions,
        fc.constantFrom(...PRICE_FIELDS),
        fc.integer({ min: 1, max: $(2000) }),
        (clinic, a, field, rise) => {
          const current = clinic[field];
          fc.pre(current !== null);
          const before = courseEstimate(clinic, a);
          const after = courseEstimate({ ...clinic, [field]: current + rise }, a);
          expect(after.low === null).toBe(before.low === null);
          if (before.low !== null && before.high !== null) {
            expect(after.low).toBeGreaterThanOrEqual(before.low);
            expect(after.high).toBeGreaterThanOrEqual(before.high);
          }
        },
      ),
    );
  });

  it("never goes down when a single count rises", () => {
    fc.assert(
      fc.property(costInput, assumptions, fc.constantFrom(...ASSUMPTION_KEYS), (clinic, a, key) => {
        fc.pre(a[key] < ASSUMPTION_LIMITS[key].max);
        const before = courseEstimate(clinic, a);
        const after = courseEstimate(clinic, { ...a, [key]: a[key] + 1 });
        if (before.low !== null && before.high !== null) {
          expect(after.low).toBeGreaterThanOrEqual(before.low);
          expect(after.high).toBeGreaterThanOrEqual(before.high);
        }
      }),
    );
  });
});

describe("clampAssumptions", () => {
  it("uses the defaults quietly when nothing is given", () => {
    expect(clampAssumptions({})).toEqual({ value: DEFAULT_ASSUMPTIONS, notices: [] });
    expect(DEFAULT_ASSUMPTIONS).toEqual({ ketamineSessions: 6, integrationSessions: 3, boosters: 2 });
  });

  it("reads numbers and numeric strings, and explains each change", () => {
    const { value, notices } = clampAssumptions({
      ketamineSessions: "20",
      integrationSessions: "abc",
      boosters: 2.5,
    });
    expect(value).toEqual({ ketamineSessions: 12, integrationSessions: 3, boosters: 3 });
    expect(notices).toEqual([
      "Ketamine sessions can be 1 to 12, so we used 12.",
      "We couldn't read the number of integration therapy sessions, so we used 3.",
      "We rounded 2.5 booster sessions in the first 6 months to 3.",
    ]);
    expect(clampAssumptions({ ketamineSessions: 0, integrationSessions: " 4 ", boosters: "-1" })).toEqual({
      value: { ketamineSessions: 1, integrationSessions: 4, boosters: 0 },
      notices: [
        "Ketamine sessions can be 1 to 12, so we used 1.",
        "Booster sessions in the first 6 months can be 0 to 12, so we used 0.",
      ],
    });
  });

  it("always returns whole counts within the limits", () => {
    const anyInput = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.integer({ min: -100, max: 100 }),
      fc.integer({ min: -100, max: 100 }).map(String),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.record(
          { ketamineSessions: anyInput, integrationSessions: anyInput, boosters: anyInput },
          { requiredKeys: [] },
        ),
        (raw) => {
          const { value, notices } = clampAssumptions(raw);
          for (const key of ASSUMPTION_KEYS) {
            expect(Number.isInteger(value[key])).toBe(true);
            expect(value[key]).toBeGreaterThanOrEqual(ASSUMPTION_LIMITS[key].min);
            expect(value[key]).toBeLessThanOrEqual(ASSUMPTION_LIMITS[key].max);
          }
          expect(notices.length).toBeLessThanOrEqual(ASSUMPTION_KEYS.length);
        },
      ),
    );
  });
});

describe("courseTotal", () => {
  it("is exactly courseEstimate's low–high total, for any clinic and assumptions", () => {
    fc.assert(
      fc.property(costInput, assumptions, (clinic, a) => {
        const e = courseEstimate(clinic, a);
        expect(courseTotal(clinic, a)).toEqual(e.low === null ? null : { low: e.low, high: e.high });
      }),
      { numRuns: 2000 },
    );
    // the worked example at the top of this file: 4,500–5,750 with the default assumptions
    expect(courseTotal(CLINIC)).toEqual({ low: $(4500), high: $(5750) });
  });
});
