import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DIGITAL_TOOLS,
  INTEGRATION_BY,
  INTEGRATION_THERAPY,
  LIFESTYLE,
  ON_CALL,
  ON_CALL_HOURS,
  SUPPORT_GROUPS,
} from "@/db/enums";
import { SCORE_RUBRIC, aftercareScore, type ScoreInput, type ScoreRubricEntry } from "./score";

const NOTHING: ScoreInput = {
  integrationTherapy: "none",
  integrationBy: "none",
  followUp24h: false,
  onCall: "none",
  onCallHours: null,
  supportGroups: "none",
  prepSessions: 0,
  measurementBasedCare: false,
  digitalTools: [],
  lifestyle: [],
  recoveryRoom: false,
  aftercareWeeks: 0,
};

const EVERYTHING: ScoreInput = {
  integrationTherapy: "included",
  integrationBy: "licensed_therapist",
  followUp24h: true,
  onCall: "clinician",
  onCallHours: "always",
  supportGroups: "both",
  prepSessions: 1,
  measurementBasedCare: true,
  digitalTools: ["app"],
  lifestyle: ["sleep"],
  recoveryRoom: true,
  aftercareWeeks: 8,
};

const points = (input: ScoreInput) =>
  Object.fromEntries(aftercareScore(input).items.map((i) => [i.key, i.points]));

const scoreInput: fc.Arbitrary<ScoreInput> = fc.record({
  integrationTherapy: fc.constantFrom(...INTEGRATION_THERAPY),
  integrationBy: fc.constantFrom(...INTEGRATION_BY),
  followUp24h: fc.boolean(),
  onCall: fc.constantFrom(...ON_CALL),
  onCallHours: fc.option(fc.constantFrom(...ON_CALL_HOURS), { nil: null }),
  supportGroups: fc.constantFrom(...SUPPORT_GROUPS),
  prepSessions: fc.integer({ min: -2, max: 20 }),
  measurementBasedCare: fc.boolean(),
  digitalTools: fc.uniqueArray(fc.constantFrom(...DIGITAL_TOOLS)),
  lifestyle: fc.uniqueArray(fc.constantFrom(...LIFESTYLE)),
  recoveryRoom: fc.boolean(),
  aftercareWeeks: fc.integer({ min: -1, max: 104 }),
});

describe("SCORE_RUBRIC", () => {
  it("adds up to exactly 100", () => {
    expect(SCORE_RUBRIC.reduce((sum, e) => sum + e.max, 0)).toBe(100);
  });

  it("has unique keys, and each entry's best level is worth its max", () => {
    expect(new Set(SCORE_RUBRIC.map((e) => e.key)).size).toBe(SCORE_RUBRIC.length);
    for (const e of SCORE_RUBRIC as readonly ScoreRubricEntry[]) {
      expect(Math.max(...e.levels.map((l) => l.points)), e.key).toBe(e.max);
      expect(Math.min(...e.levels.map((l) => l.points)), e.key).toBe(0);
    }
  });

  it("explains every entry in one plain sentence", () => {
    for (const e of SCORE_RUBRIC) {
      expect(e.label.length).toBeGreaterThan(0);
      expect(e.explanation.match(/[.!?](\s|$)/g), e.key).toHaveLength(1);
      expect(e.explanation.endsWith("."), e.key).toBe(true);
    }
  });

  it("uses the weights from the brief", () => {
    const max = Object.fromEntries(SCORE_RUBRIC.map((e) => [e.key, e.max]));
    expect(max).toEqual({
      integration: 25,
      integrationLicensed: 5,
      followUp: 15,
      onCall: 10,
      supportGroups: 10,
      prep: 5,
      measurement: 5,
      digitalTools: 5,
      lifestyle: 5,
      recoveryRoom: 5,
      aftercareLength: 10,
    });
  });
});

describe("aftercareScore examples", () => {
  it("gives 0 to a clinic with no aftercare", () => {
    const result = aftercareScore(NOTHING);
    expect(result.total).toBe(0);
    expect(result.max).toBe(100);
    expect(result.items.map((i) => i.key)).toEqual(SCORE_RUBRIC.map((e) => e.key));
  });

  it("gives 100 to a clinic with everything", () => {
    // 25 + 5 + 15 + 10 + 10 + 5 + 5 + 5 + 5 + 5 + 10 = 100
    expect(aftercareScore(EVERYTHING).total).toBe(100);
  });

  it("scores a mixed clinic", () => {
    const result = aftercareScore({
      integrationTherapy: "add_on", // 15
      integrationBy: "licensed_therapist", // +5
      followUp24h: true, // 15
      onCall: "nurse", // hours not stated → like business hours: 4
      onCallHours: null,
      supportGroups: "virtual", // one format: 7
      prepSessions: 2, // 5
      measurementBasedCare: true, // 5
      digitalTools: ["app", "journal"], // 5
      lifestyle: [], // 0
      recoveryRoom: false, // 0
      aftercareWeeks: 12, // ≥ 8 weeks: 10
    });
    // 15 + 5 + 15 + 4 + 7 + 5 + 5 + 5 + 0 + 0 + 10 = 71
    expect(result.total).toBe(71);
    const byKey = Object.fromEntries(result.items.map((i) => [i.key, i]));
    expect(byKey.integration?.detail).toBe("Add-on at extra cost");
    expect(byKey.onCall?.detail).toBe("Hours not stated, so counted as business hours (a nurse)");
    expect(byKey.digitalTools?.detail).toBe("Offers tools to use at home (phone app, journal)");
    expect(byKey.aftercareLength?.detail).toBe("Lasts 8 weeks or more (12 weeks)");
  });

  it("scores each integration level", () => {
    // included 25 / add-on 15 / referral only 5 / none 0
    expect(points({ ...NOTHING, integrationTherapy: "included" }).integration).toBe(25);
    expect(points({ ...NOTHING, integrationTherapy: "add_on" }).integration).toBe(15);
    expect(points({ ...NOTHING, integrationTherapy: "referral_only" }).integration).toBe(5);
    expect(aftercareScore({ ...NOTHING, integrationTherapy: "included" }).items[0]?.detail).toBe(
      "Included in the price",
    );
  });

  it("gives the licensed-therapist bonus only when integration is offered", () => {
    // referral only (5) + licensed therapist (5) = 10
    expect(
      aftercareScore({ ...NOTHING, integrationTherapy: "referral_only", integrationBy: "licensed_therapist" })
        .total,
    ).toBe(10);
    // no integration: the bonus does not apply
    expect(aftercareScore({ ...NOTHING, integrationBy: "licensed_therapist" }).total).toBe(0);
    expect(
      points({ ...NOTHING, integrationTherapy: "included", integrationBy: "coach" }).integrationLicensed,
    ).toBe(0);
  });

  it("scores on-call help by hours, and nothing when no one is on call", () => {
    const onCall = (o: Partial<ScoreInput>) => points({ ...NOTHING, ...o }).onCall;
    expect(onCall({ onCall: "nurse", onCallHours: "always" })).toBe(10);
    expect(onCall({ onCall: "clinician", onCallHours: "extended" })).toBe(7);
    expect(onCall({ onCall: "coach", onCallHours: "business" })).toBe(4);
    expect(onCall({ onCall: "none", onCallHours: "always" })).toBe(0);
  });

  it("scores support groups, counts, and the 8-week threshold", () => {
    expect(points({ ...NOTHING, supportGroups: "both" }).supportGroups).toBe(10);
    expect(points({ ...NOTHING, supportGroups: "in_person" }).supportGroups).toBe(7);
    expect(points({ ...NOTHING, aftercareWeeks: 7 }).aftercareLength).toBe(0);
    expect(points({ ...NOTHING, aftercareWeeks: 8 }).aftercareLength).toBe(10);
    expect(points({ ...NOTHING, prepSessions: 1 }).prep).toBe(5);
    expect(points({ ...NOTHING, lifestyle: ["nutrition", "sleep"] }).lifestyle).toBe(5);
  });
});

describe("aftercareScore properties", () => {
  it("is an integer from 0 to 100 that equals the sum of its items", () => {
    fc.assert(
      fc.property(scoreInput, (input) => {
        const { total, items } = aftercareScore(input);
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        expect(items.reduce((s, i) => s + i.points, 0)).toBe(total);
        for (const i of items) {
          expect(i.points).toBeGreaterThanOrEqual(0);
          expect(i.points).toBeLessThanOrEqual(i.max);
          expect(i.detail.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
