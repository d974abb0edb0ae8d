import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binCounts, quantile, quartiles, trimBins } from "./stats";

const ones = (values: number[]) => values.map((value) => ({ value, weight: 1 }));

describe("quantile (as percentile_cont)", () => {
  it("interpolates between the two nearest ranks", () => {
    // 10 20 30 40: rank 0.25 × 3 = 0.75 → 10 + 0.75 × 10 = 17.5; median rank 1.5 → 25
    expect(quartiles(ones([40, 10, 30, 20]))).toEqual({ p25: 17.5, median: 25, p75: 32.5 });
    expect(quantile(ones([7]), 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("treats a weight as that many equal observations", () => {
    // 1 1 1 5 → median rank 1.5 → 1; p75 rank 2.25 → 1 + 0.25 × 4 = 2
    const weighted = [
      { value: 5, weight: 1 },
      { value: 1, weight: 3 },
    ];
    expect(quantile(weighted, 0.5)).toBe(1);
    expect(quantile(weighted, 0.75)).toBe(2);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ value: fc.integer({ min: 0, max: 1000 }), weight: fc.integer({ min: 0, max: 4 }) }),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (obs, p) => {
          const expanded = obs.flatMap((o) =>
            Array.from({ length: o.weight }, () => ({ value: o.value, weight: 1 })),
          );
          const a = quantile(obs, p);
          const b = quantile(expanded, p);
          if (a === null || b === null) expect(a).toBe(b);
          else expect(a).toBeCloseTo(b, 9);
        },
      ),
    );
  });
});

describe("bins", () => {
  it("counts values per fixed-width bin, the last one open-ended, and trims empty tail bins", () => {
    // width 100: 0 and 99 → bin 0; 100 → 1; 250 → 2; 999 and 5000 → last bin (3)
    const bins = binCounts(ones([0, 99, 100, 250, 999, 5000]), 100, 3);
    expect(bins).toEqual([2, 1, 1, 2]);
    expect(trimBins([3, 0, 1, 0, 0])).toEqual([3, 0, 1]);
    expect(trimBins([0, 0])).toEqual([0]);
  });
});
