import { OFFERS_INTEGRATION_LABEL } from "@/lib/aftercare/offers";
import { AFTERCARE_WEEKS_TARGET } from "@/lib/aftercare/score";

/**
 * The aftercare features whose share the cost pages report, in display order. Each key doubles as
 * the `?map=` value that colours the US map by that share. The SQL that counts each feature lives
 * in `lib/costs/queries.ts` (`FEATURE_SQL`, a record over these keys, so the two cannot drift apart).
 */
export const FEATURES = [
  {
    key: "integration",
    label: "Integration therapy included in the price",
    short: "Integration included",
  },
  {
    key: "integration-any",
    label: OFFERS_INTEGRATION_LABEL,
    short: "Integration at the clinic",
  },
  {
    key: "licensed",
    label: "Integration therapy with a licensed therapist",
    short: "Licensed integration therapist",
  },
  { key: "followup", label: "Check-in within 24 hours of each treatment", short: "24-hour check-in" },
  { key: "oncall", label: "Someone to call between visits", short: "On-call help" },
  { key: "oncall-247", label: "Someone to call any time, day or night", short: "On-call 24/7" },
  { key: "groups", label: "Support groups (in person or online)", short: "Support groups" },
  { key: "prep", label: "A preparation session before treatment", short: "Preparation session" },
  {
    key: "measurement",
    label: "Progress tracked with questionnaires (measurement-based care)",
    short: "Tracks progress",
  },
  { key: "tools", label: "Tools to use at home (app, journal, workbook)", short: "Tools at home" },
  {
    key: "lifestyle",
    label: "Healthy-habit programs (sleep, exercise, food, breathing, meditation)",
    short: "Healthy-habit programs",
  },
  { key: "recovery-room", label: "A recovery room to rest after a session", short: "Recovery room" },
  {
    key: "weeks8",
    label: `Aftercare that lasts ${AFTERCARE_WEEKS_TARGET} weeks or more`,
    short: `Aftercare ${AFTERCARE_WEEKS_TARGET}+ weeks`,
  },
] as const;

export type FeatureKey = (typeof FEATURES)[number]["key"];
const FEATURE_KEYS = FEATURES.map((f) => f.key) as FeatureKey[];

/** What the US map can be coloured by: the median session price or the share with a feature. */
export type MapMetric = "price" | FeatureKey;
export const MAP_METRICS: readonly MapMetric[] = ["price", ...FEATURE_KEYS];

export function featureLabel(key: FeatureKey): string {
  return FEATURES.find((f) => f.key === key)?.label ?? key;
}
