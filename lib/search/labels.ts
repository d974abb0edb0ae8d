import {
  CLINIC_TYPE_LABELS,
  CONDITION_LABELS,
  DIGITAL_TOOL_LABELS,
  INSURANCE_LABELS,
  INTEGRATION_THERAPY_LABELS,
  LIFESTYLE_LABELS,
  ON_CALL_HOURS_LABELS,
  ROUTE_LABELS,
  STATE_NAMES,
} from "@/lib/labels";
import { LANGUAGES } from "@/lib/languages";
import { usd } from "@/lib/format";
import { COURSE_PRICE_STEPS, SESSION_PRICE_STEPS } from "./constants";
import type { GroupKey } from "./filters";
import type { ParamName } from "./query";

/**
 * Plain words for every search filter: the heading of a group of choices, the words of each choice,
 * and how a chip ("Included in the price ✕") or a hint to widen the search names it.
 */

type FilterLabel = {
  /** Heading or checkbox text. */
  title: string;
  /** Words per choice, for parameters with several. */
  choices?: Readonly<Record<string, string>>;
  /** Named in "Without {relax}: 34 clinics". */
  relax: string;
};

const fromList = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
const priceChoices = (steps: readonly number[]) =>
  Object.fromEntries(steps.map((s) => [String(s), `${usd(s * 100)} or less`]));

export const FILTER_LABELS: Partial<Record<ParamName, FilterLabel>> = {
  state: { title: "State", choices: STATE_NAMES, relax: "the state" },
  telehealthIn: { title: "Online care available in", choices: STATE_NAMES, relax: "online care" },
  type: { title: "Kind of clinic", choices: CLINIC_TYPE_LABELS, relax: "the kind of clinic" },
  route: { title: "How ketamine is given", choices: ROUTE_LABELS, relax: "how ketamine is given" },
  condition: { title: "What it treats", choices: CONDITION_LABELS, relax: "the condition" },
  integration: {
    title: "Integration therapy",
    choices: {
      included: INTEGRATION_THERAPY_LABELS.included,
      add_on: INTEGRATION_THERAPY_LABELS.add_on,
      referral_only: "Referral to a therapist",
    },
    relax: "integration therapy",
  },
  therapist: { title: "Integration led by a licensed therapist", relax: "a licensed therapist" },
  followUp24h: { title: "Check-in within 24 hours", relax: "the 24-hour check-in" },
  groups: {
    title: "Support groups",
    choices: { any: "Any support group", in_person: "In person", virtual: "Online" },
    relax: "support groups",
  },
  onCall: { title: "Someone to call between visits", relax: "on-call help" },
  onCallHours: { title: "When you can call", choices: ON_CALL_HOURS_LABELS, relax: "on-call hours" },
  prep: { title: "Preparation session before treatment", relax: "preparation sessions" },
  mbc: { title: "Tracks your progress", relax: "progress tracking" },
  tools: { title: "Tools between sessions", choices: DIGITAL_TOOL_LABELS, relax: "tools between sessions" },
  lifestyle: { title: "Healthy-habit programs", choices: LIFESTYLE_LABELS, relax: "healthy-habit programs" },
  recoveryRoom: { title: "Recovery room", relax: "the recovery room" },
  maxSessionPrice: {
    title: "Price per session",
    choices: priceChoices(SESSION_PRICE_STEPS),
    relax: "the price per session",
  },
  maxCourse: {
    title: "Price of a first course",
    choices: priceChoices(COURSE_PRICE_STEPS),
    relax: "the course price",
  },
  insurance: { title: "Insurance", choices: INSURANCE_LABELS, relax: "insurance" },
  hsaFsa: { title: "Takes HSA / FSA", relax: "HSA / FSA" },
  financing: { title: "Payment plans", relax: "payment plans" },
  slidingScale: { title: "Sliding-scale prices", relax: "sliding-scale prices" },
  accepting: { title: "Taking new patients", relax: "taking new patients" },
  language: { title: "Languages", choices: fromList(LANGUAGES), relax: "the language" },
  evening: { title: "Evening hours", relax: "evening hours" },
  weekend: { title: "Weekend hours", relax: "weekend hours" },
};

/** What dropping a group means, for the empty-result hints. */
export function relaxLabel(key: GroupKey | "q"): string {
  if (key === "q") return "your search words";
  if (key === "place") return "the location";
  return FILTER_LABELS[key]?.relax ?? key;
}

/** The words of one chosen value ("Included in the price"; a price limit reads "$500 or less"). */
export function choiceLabel(param: ParamName, value: string): string {
  const label = FILTER_LABELS[param];
  if (param === "maxSessionPrice" || param === "maxCourse") {
    return `${param === "maxSessionPrice" ? "Per session" : "Course"} ${usd(Number(value) * 100)} or less`;
  }
  return label?.choices?.[value] ?? label?.title ?? value;
}
