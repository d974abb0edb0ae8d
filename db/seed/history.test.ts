import { describe, expect, it } from "vitest";
import { generateClinics, SAMPLE_EPOCH } from "./generate";
import { sampleRevisions, SAMPLE_HISTORY_NOTE } from "./history";

describe("sample price history", () => {
  const rows = generateClinics(2000, 5);
  const history = rows.map((r, i) => sampleRevisions(r, i, 5));

  it("is deterministic and leaves the rows as they are", () => {
    expect(generateClinics(2000, 5)).toEqual(rows);
    expect(rows.map((r, i) => sampleRevisions(r, i, 5))).toEqual(history);
    expect(rows.map((r, i) => sampleRevisions(r, i, 6))).not.toEqual(history);
  });

  it("changes about four priced listings in ten, within the 15 months before the epoch", () => {
    const priced = rows.filter((r) => r.sessionMin != null);
    const changed = history.filter((h) => h.length > 0).length;
    expect(changed / priced.length).toBeGreaterThan(0.25);
    expect(changed / priced.length).toBeLessThan(0.45);
    for (const [i, revs] of history.entries()) {
      for (const r of revs) {
        expect(r.note).toBe(SAMPLE_HISTORY_NOTE);
        expect(r.clinicId).toBe(rows[i]!.id);
        expect(+r.createdAt).toBeLessThan(+SAMPLE_EPOCH);
        expect(+r.createdAt).toBeGreaterThan(+rows[i]!.createdAt!);
        expect(+r.createdAt).toBeGreaterThan(+SAMPLE_EPOCH - 457 * 86_400_000);
      }
    }
  });

  it("is a chain ending at today's price, in small steps", () => {
    for (const [i, revs] of history.entries()) {
      if (revs.length === 0) continue;
      const row = rows[i]!;
      // Replayed forward from each field's first `before`, the changes end at today's price.
      const cur: { min: number | null; max: number | null } = {
        min: revs.find((r) => r.changes.sessionMin)?.changes.sessionMin!.before ?? row.sessionMin!,
        max: revs.find((r) => r.changes.sessionMax)?.changes.sessionMax!.before ?? row.sessionMax!,
      };
      for (const r of revs) {
        if (r.changes.sessionMin) {
          expect(r.changes.sessionMin.before).toBe(cur.min);
          const ratio = r.changes.sessionMin.after! / r.changes.sessionMin.before!;
          expect(ratio).toBeGreaterThan(0.85);
          expect(ratio).toBeLessThan(1.2);
          cur.min = r.changes.sessionMin.after;
        }
        if (r.changes.sessionMax) {
          expect(r.changes.sessionMax.before).toBe(cur.max);
          cur.max = r.changes.sessionMax.after;
        }
        expect(cur.min!).toBeLessThanOrEqual(cur.max!);
      }
      expect(cur).toEqual({ min: row.sessionMin, max: row.sessionMax });
    }
  });
});
