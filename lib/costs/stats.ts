/**
 * Small statistics helpers for the cost pages, pure and in integer cents where money is involved.
 * `quantile` follows PostgreSQL's `percentile_cont` (linear interpolation between the two nearest
 * ranks), so figures computed here and in SQL mean the same thing.
 */

/** A value that stands for `weight` identical observations (a `group by … count(*)` row). */
export type Weighted = { value: number; weight: number };

/**
 * The `p` quantile (0–1) of weighted observations, as `percentile_cont(p)` would give over the
 * expanded list; null when there are none. Observations need not be sorted.
 */
export function quantile(observations: readonly Weighted[], p: number): number | null {
  const sorted = observations.filter((o) => o.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, o) => s + o.weight, 0);
  if (total === 0) return null;
  const pos = Math.min(1, Math.max(0, p)) * (total - 1);
  const lo = Math.floor(pos);
  const valueAtRank = (rank: number) => {
    let seen = 0;
    for (const o of sorted) {
      seen += o.weight;
      if (rank < seen) return o.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const a = valueAtRank(lo);
  const b = valueAtRank(Math.min(lo + 1, total - 1));
  return a + (b - a) * (pos - lo);
}

/** 25th percentile, median and 75th percentile. */
export type Quartiles = { p25: number; median: number; p75: number };

export function quartiles(observations: readonly Weighted[]): Quartiles | null {
  const median = quantile(observations, 0.5);
  if (median === null) return null;
  return { p25: quantile(observations, 0.25)!, median, p75: quantile(observations, 0.75)! };
}

/**
 * Counts per fixed-width bin: bin i holds values in [i × width, (i + 1) × width); the last bin
 * (index `lastBin`) also holds everything above. Negative values count in bin 0.
 */
export function binCounts(observations: readonly Weighted[], width: number, lastBin: number): number[] {
  const bins = new Array<number>(lastBin + 1).fill(0);
  for (const o of observations) {
    const i = Math.min(lastBin, Math.max(0, Math.floor(o.value / width)));
    bins[i] = (bins[i] ?? 0) + o.weight;
  }
  return bins;
}

/** Drops empty bins from the end (keeping at least `keep`), so a chart does not trail off. */
export function trimBins(bins: readonly number[], keep = 1): number[] {
  let end = bins.length;
  while (end > keep && bins[end - 1] === 0) end--;
  return bins.slice(0, end);
}
