import { SAMPLE_EPOCH, type SampleRow } from "./generate";
import { Prng } from "./prng";

/**
 * A plausible, fictional price history for the sample listings, for the cost pages' "price
 * movement" figures (lib/costs/movement.ts). Fully determined by (seed, row index, row), like the
 * rows themselves, and drawn from its own random streams so the rows do not change with it.
 *
 * About four priced listings in ten changed their session price one to three times in the 15
 * months before `SAMPLE_EPOCH` (never before the listing existed): mostly rises of 2–10 %, now and
 * then a cut of 3–8 %. The row keeps its price as it is now; the history walks back from it, so the
 * earliest revision's `before` is the price the listing started the period with. Each change is a
 * revision like an edit's (`{ sessionMin: { before, after }, sessionMax: … }`), with no user and a
 * note that says it is sample data.
 */
export const SAMPLE_HISTORY_NOTE = "Sample price change (fictional sample data)";

/** How far back the sample history reaches, in days before `SAMPLE_EPOCH`. */
const HISTORY_DAYS = 456;
const DAY_MS = 86_400_000;
/** Streams of the history, apart from the rows' streams (which are the row indexes). */
const STREAM_BASE = 0x40000000;

export type SampleRevision = {
  clinicId: string;
  changes: Record<string, { before: number | null; after: number | null }>;
  note: string;
  createdAt: Date;
};

/** Rounds cents to the step a clinic would quote: $5 under $300, $25 above (as the generator does). */
const quoteCents = (cents: number) => {
  const dollars = cents / 100;
  return (dollars < 300 ? Math.round(dollars / 5) * 5 : Math.round(dollars / 25) * 25) * 100;
};

/** The price changes of row `index` (of data set `seed`), oldest first; none for most rows. */
export function sampleRevisions(row: SampleRow, index: number, seed: number): SampleRevision[] {
  const { id, sessionMin, sessionMax, createdAt } = row;
  if (!id || sessionMin == null || sessionMax == null || !createdAt) return [];
  const rng = new Prng(seed, (STREAM_BASE + index) | 0);
  if (!rng.chance(0.4)) return [];
  const epoch = SAMPLE_EPOCH.getTime();
  const from = Math.max(createdAt.getTime() + DAY_MS, epoch - HISTORY_DAYS * DAY_MS);
  if (from >= epoch - DAY_MS) return [];
  const times = Array.from(
    { length: rng.int(1, 3) },
    () => Math.floor((from + rng.float() * (epoch - from)) / 1000) * 1000,
  ).sort((a, b) => a - b);
  // Walk back from today's price: each change's `after` is the price that followed it.
  const out: SampleRevision[] = [];
  let after = { min: sessionMin, max: sessionMax };
  for (let i = times.length - 1; i >= 0; i--) {
    const factor = rng.chance(0.8) ? 1 + rng.range(0.02, 0.1) : 1 - rng.range(0.03, 0.08);
    const min = quoteCents(after.min / factor);
    const max = Math.max(min, quoteCents(after.max / factor));
    if (min === after.min && max === after.max) continue; // too small to show at a quoted step
    const changes: SampleRevision["changes"] = {};
    if (min !== after.min) changes.sessionMin = { before: min, after: after.min };
    if (max !== after.max) changes.sessionMax = { before: max, after: after.max };
    out.push({ clinicId: id, changes, note: SAMPLE_HISTORY_NOTE, createdAt: new Date(times[i]!) });
    after = { min, max };
  }
  return out.reverse();
}
