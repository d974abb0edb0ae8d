import { counted } from "@/lib/format";
import type { Clinic } from "@/db/schema";
import {
  DIGITAL_TOOL_LABELS,
  INTEGRATION_THERAPY_LABELS,
  LIFESTYLE_LABELS,
  ON_CALL_HOURS_LABELS,
  ON_CALL_LABELS,
  SUPPORT_GROUPS_LABELS,
} from "@/lib/labels";

/**
 * The aftercare score (0–100): how much support a clinic gives around and after treatment.
 *
 * Every weight lives in `SCORE_RUBRIC`. Each entry lists its possible levels with their points and
 * the plain words shown for that level; `aftercareScore` only decides which level a clinic is at.
 * The /methodology page and the profile breakdown render this same constant, so the explanation
 * and the arithmetic cannot drift apart.
 */

/** The clinic fields the score reads (and nothing else). */
export type ScoreInput = Pick<
  Clinic,
  | "integrationTherapy"
  | "integrationBy"
  | "followUp24h"
  | "onCall"
  | "onCallHours"
  | "supportGroups"
  | "prepSessions"
  | "measurementBasedCare"
  | "digitalTools"
  | "lifestyle"
  | "recoveryRoom"
  | "aftercareWeeks"
>;

type ScoreLevel = {
  readonly id: string;
  readonly points: number;
  /** What this level means, in plain words; becomes the item's `detail`. */
  readonly label: string;
};

export type ScoreRubricEntry = {
  readonly key: string;
  readonly label: string;
  readonly max: number;
  /** One sentence a patient understands: why this counts. */
  readonly explanation: string;
  /** Every level, best first; the first level's points equal `max`. */
  readonly levels: readonly ScoreLevel[];
};

/** Aftercare that lasts at least this many weeks earns the "aftercareLength" points. */
export const AFTERCARE_WEEKS_TARGET = 8;

const yesNo = (yes: number, yesLabel: string, noLabel: string) =>
  [
    { id: "yes", points: yes, label: yesLabel },
    { id: "no", points: 0, label: noLabel },
  ] as const;

export const SCORE_RUBRIC = [
  {
    key: "integration",
    label: "Integration therapy",
    max: 25,
    explanation:
      "Integration therapy helps you make sense of what came up during a ketamine session and turn it into lasting change, so it counts most when it is part of the price.",
    levels: [
      { id: "included", points: 25, label: INTEGRATION_THERAPY_LABELS.included },
      { id: "add_on", points: 15, label: "Add-on at extra cost" },
      { id: "referral_only", points: 5, label: "Referral to an outside therapist only" },
      { id: "none", points: 0, label: INTEGRATION_THERAPY_LABELS.none },
    ],
  },
  {
    key: "integrationLicensed",
    label: "Licensed integration therapist",
    max: 5,
    explanation:
      "A licensed therapist has clinical training and answers to a state board, which matters when hard feelings come up.",
    levels: [
      { id: "licensed_therapist", points: 5, label: "Led by a licensed therapist" },
      { id: "coach", points: 0, label: "Led by a coach, not a licensed therapist" },
      { id: "peer", points: 0, label: "Led by a peer, not a licensed therapist" },
      { id: "none", points: 0, label: "Who leads it is not stated" },
      { id: "not_offered", points: 0, label: "No integration therapy to rate" },
    ],
  },
  {
    key: "followUp",
    label: "Check-in within 24 hours",
    max: 15,
    explanation:
      "Someone from the clinic contacts you within a day of each treatment to see how you are doing and catch problems early.",
    levels: yesNo(15, "Checks in within 24 hours", "No 24-hour check-in listed"),
  },
  {
    key: "onCall",
    label: "Help between visits",
    max: 10,
    explanation:
      "Being able to reach a nurse or clinician when you need to, not just during office hours, keeps you safer between sessions.",
    levels: [
      { id: "always", points: 10, label: ON_CALL_HOURS_LABELS.always },
      { id: "extended", points: 7, label: ON_CALL_HOURS_LABELS.extended },
      { id: "business", points: 4, label: ON_CALL_HOURS_LABELS.business },
      { id: "hours_not_stated", points: 4, label: "Hours not stated, so counted as business hours" },
      { id: "none", points: 0, label: "No on-call help listed" },
    ],
  },
  {
    key: "supportGroups",
    label: "Support groups",
    max: 10,
    explanation:
      "Groups let you talk with others going through treatment, and offering both in-person and online groups makes them easier to join.",
    levels: [
      { id: "both", points: 10, label: SUPPORT_GROUPS_LABELS.both },
      { id: "in_person", points: 7, label: SUPPORT_GROUPS_LABELS.in_person },
      { id: "virtual", points: 7, label: SUPPORT_GROUPS_LABELS.virtual },
      { id: "none", points: 0, label: "No support groups listed" },
    ],
  },
  {
    key: "prep",
    label: "Preparation before treatment",
    max: 5,
    explanation: "A session before your first treatment helps you set goals and know what to expect.",
    levels: yesNo(5, "Offers preparation sessions", "No preparation session listed"),
  },
  {
    key: "measurement",
    label: "Tracks your progress",
    max: 5,
    explanation:
      "The clinic uses short, standard questionnaires (like the PHQ-9 for depression) to check whether treatment is working.",
    levels: yesNo(5, "Tracks progress with questionnaires", "No progress tracking listed"),
  },
  {
    key: "digitalTools",
    label: "Tools between sessions",
    max: 5,
    explanation:
      "An app, journal, workbook or progress tracker helps you keep working on your goals at home.",
    levels: yesNo(5, "Offers tools to use at home", "No tools listed"),
  },
  {
    key: "lifestyle",
    label: "Healthy-habit programs",
    max: 5,
    explanation:
      "Help with sleep, exercise, food, breathing or meditation can make the benefits of treatment last longer.",
    levels: yesNo(5, "Offers healthy-habit programs", "No healthy-habit programs listed"),
  },
  {
    key: "recoveryRoom",
    label: "Recovery room",
    max: 5,
    explanation: "A quiet, supervised place to rest after a session until it is safe to go home.",
    levels: yesNo(5, "Has a recovery room", "No recovery room listed"),
  },
  {
    key: "aftercareLength",
    label: `Aftercare for ${AFTERCARE_WEEKS_TARGET} weeks or more`,
    max: 10,
    explanation: `Support that continues for at least ${AFTERCARE_WEEKS_TARGET} weeks after treatment gives new habits time to settle in.`,
    levels: [
      { id: "yes", points: 10, label: `Lasts ${AFTERCARE_WEEKS_TARGET} weeks or more` },
      { id: "no", points: 0, label: `Lasts less than ${AFTERCARE_WEEKS_TARGET} weeks` },
      { id: "not_stated", points: 0, label: "How long aftercare lasts is not stated" },
    ],
  },
] as const satisfies readonly ScoreRubricEntry[];

export type ScoreKey = (typeof SCORE_RUBRIC)[number]["key"];
type LevelId<K extends ScoreKey> = Extract<(typeof SCORE_RUBRIC)[number], { key: K }>["levels"][number]["id"];

export const SCORE_MAX = 100;

type ScoreItem = { key: ScoreKey; label: string; points: number; max: number; detail: string };
export type ScoreResult = { total: number; max: typeof SCORE_MAX; items: ScoreItem[] };

// The rubric must add up to exactly 100, and each entry's best level must be worth its max.
{
  const sum = SCORE_RUBRIC.reduce((acc, e) => acc + e.max, 0);
  if (sum !== SCORE_MAX) throw new Error(`SCORE_RUBRIC adds up to ${sum}, not ${SCORE_MAX}`);
  for (const e of SCORE_RUBRIC as readonly ScoreRubricEntry[]) {
    const best = Math.max(...e.levels.map((l) => l.points));
    if (best !== e.max) throw new Error(`SCORE_RUBRIC "${e.key}": best level is ${best}, max is ${e.max}`);
  }
}

/** Which level a clinic reaches, plus an optional specific note (e.g. "12 weeks") for the detail. */
type Rule<K extends ScoreKey> = (c: ScoreInput) => { level: LevelId<K>; note?: string };

const listNote = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((v) => labels[v].toLowerCase()).join(", ");

const RULES: { [K in ScoreKey]: Rule<K> } = {
  integration: (c) => ({ level: c.integrationTherapy }),
  // The licensed-therapist bonus applies only when the clinic offers integration in some form
  // (included, add-on, or a referral); with no integration there is nothing to rate.
  integrationLicensed: (c) =>
    c.integrationTherapy === "none" ? { level: "not_offered" } : { level: c.integrationBy },
  followUp: (c) => ({ level: c.followUp24h ? "yes" : "no" }),
  // On-call help with no stated hours scores like business hours: someone is reachable, but we
  // cannot promise more than office hours.
  onCall: (c) =>
    c.onCall === "none"
      ? { level: "none" }
      : {
          level: c.onCallHours ?? "hours_not_stated",
          note: ON_CALL_LABELS[c.onCall].toLowerCase(),
        },
  supportGroups: (c) => ({ level: c.supportGroups }),
  prep: (c) =>
    c.prepSessions >= 1 ? { level: "yes", note: counted(c.prepSessions, "session") } : { level: "no" },
  measurement: (c) => ({ level: c.measurementBasedCare ? "yes" : "no" }),
  digitalTools: (c) =>
    c.digitalTools.length >= 1
      ? { level: "yes", note: listNote(c.digitalTools, DIGITAL_TOOL_LABELS) }
      : { level: "no" },
  lifestyle: (c) =>
    c.lifestyle.length >= 1
      ? { level: "yes", note: listNote(c.lifestyle, LIFESTYLE_LABELS) }
      : { level: "no" },
  recoveryRoom: (c) => ({ level: c.recoveryRoom ? "yes" : "no" }),
  aftercareLength: (c) =>
    c.aftercareWeeks >= 1
      ? {
          level: c.aftercareWeeks >= AFTERCARE_WEEKS_TARGET ? "yes" : "no",
          note: counted(c.aftercareWeeks, "week"),
        }
      : { level: "not_stated" },
};

/** Score one item: find the rule's level in the rubric entry. */
function scoreItem(entry: ScoreRubricEntry & { key: ScoreKey }, input: ScoreInput): ScoreItem {
  const { level: id, note } = (RULES[entry.key] as Rule<ScoreKey>)(input);
  const level = entry.levels.find((l) => l.id === id);
  if (!level) throw new Error(`SCORE_RUBRIC "${entry.key}" has no level "${id}"`);
  return {
    key: entry.key,
    label: entry.label,
    points: level.points,
    max: entry.max,
    detail: note ? `${level.label} (${note})` : level.label,
  };
}

/** The aftercare score of one clinic, with a line per rubric entry saying why it earned its points. */
export function aftercareScore(input: ScoreInput): ScoreResult {
  const items = SCORE_RUBRIC.map((entry) => scoreItem(entry, input));
  const total = items.reduce((acc, i) => acc + i.points, 0);
  return { total, max: SCORE_MAX, items };
}
