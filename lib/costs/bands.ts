/**
 * Aftercare score bands for the "what aftercare adds" figures: low, middle and high, by the
 * aftercare score (0–100, lib/aftercare/score.ts). Pure, so pages and downloads share the labels.
 */
export const SCORE_BANDS = [
  { key: "low", min: 0, max: 39, label: "Score 0–39 (little aftercare)" },
  { key: "mid", min: 40, max: 69, label: "Score 40–69" },
  { key: "high", min: 70, max: 100, label: "Score 70–100 (strong aftercare)" },
] as const;

export type ScoreBand = (typeof SCORE_BANDS)[number]["key"];
