import type { ChargedAnswer, SupportAnswer } from "@/db/enum-values";
import type { Clinic } from "@/db/schema";
import { SCORE_RUBRIC, type ScoreKey } from "@/lib/aftercare/score";
import { FIELD_INFO } from "@/lib/listings/fields";

/**
 * Patient reports: which questions a listing gets, and when its reports are published as counts or
 * make it "aftercare confirmed by patients". Pure (the profile, the form, the compare table, the
 * stored `clinics.patient_confirmed` flag and the tests all use these).
 */

/** Counts per support appear once a clinic has this many published reports. */
export const PUBLISH_MIN_REPORTS = 3;
/** "Confirmed": at least this share of the reports asked about a support say they got it. */
const CONFIRM_SHARE = { num: 2, den: 3 } as const;
/** A report can be sent once treatment started at least this many days ago. */
const MIN_DAYS_SINCE_START = 14;
/** The longest comment. */
export const COMMENT_MAX = 600;
/** The longest clinic reply and dispute reason. */
export const CLINIC_TEXT_MAX = 1000;

/** The aftercare supports a patient can confirm: the score's parts a patient meets, and a written plan. */
const RUBRIC_SUPPORTS = [
  "followUp",
  "onCall",
  "integration",
  "supportGroups",
  "prep",
  "measurement",
  "digitalTools",
  "lifestyle",
  "recoveryRoom",
] as const satisfies readonly ScoreKey[];

export type SupportKey = (typeof RUBRIC_SUPPORTS)[number] | "writtenPlan";

export type ReportSupport = { key: SupportKey; label: string; question: string };

const QUESTIONS: Record<SupportKey, string> = {
  followUp: "Did someone from the clinic contact you within 24 hours of a treatment?",
  onCall: "Could you reach someone at the clinic between visits when you needed to?",
  integration: "Were you offered integration therapy (or a referral, if that is what the listing says)?",
  supportGroups: "Were you offered a place in a support group?",
  prep: "Did you have a preparation session before your first treatment?",
  measurement: "Did the clinic track your progress with short questionnaires?",
  digitalTools: "Were you given tools to use between sessions (an app, journal or workbook)?",
  lifestyle: "Were you offered a healthy-habit program (sleep, movement, breathing, food)?",
  recoveryRoom: "Could you rest in a recovery room after a session?",
  writtenPlan: "Were you given a written aftercare plan?",
};

const rubricLabel = (key: ScoreKey) => SCORE_RUBRIC.find((e) => e.key === key)!.label;

export const REPORT_SUPPORTS: readonly ReportSupport[] = [
  ...RUBRIC_SUPPORTS.map((key) => ({ key, label: rubricLabel(key), question: QUESTIONS[key] })),
  { key: "writtenPlan", label: FIELD_INFO.writtenPlan.shown!.title, question: QUESTIONS.writtenPlan },
];

export const SUPPORT_KEYS = REPORT_SUPPORTS.map((s) => s.key) as readonly SupportKey[];

export type ClaimInput = Pick<Clinic, "aftercareParts" | "writtenPlan">;

/**
 * The supports a listing claims: a score part that earns points (the score's own rules decide, from
 * the stored `aftercare_parts`), or a written plan. Only these are asked about.
 */
export function claimedSupports(c: ClaimInput): ReportSupport[] {
  return REPORT_SUPPORTS.filter((s) =>
    s.key === "writtenPlan" ? c.writtenPlan : (c.aftercareParts[s.key] ?? 0) > 0,
  );
}

/** What the rules read of one published report. */
export type ReportAnswers = { answers: Partial<Record<string, SupportAnswer>>; charged: ChargedAnswer };

export type SupportTally = {
  support: ReportSupport;
  /** Reports that were asked about it (it was claimed when they were written). */
  asked: number;
  yes: number;
  no: number;
  notOffered: number;
  dontKnow: number;
};

export type ReportTally = {
  reports: number;
  supports: SupportTally[];
  charged: Record<ChargedAnswer, number>;
};

export function tallyReports(
  claimed: readonly ReportSupport[],
  reports: readonly ReportAnswers[],
): ReportTally {
  const charged: Record<ChargedAnswer, number> = { yes: 0, more: 0, less: 0, dont_know: 0 };
  for (const r of reports) charged[r.charged]++;
  return {
    reports: reports.length,
    charged,
    supports: claimed.map((support) => {
      const t: SupportTally = { support, asked: 0, yes: 0, no: 0, notOffered: 0, dontKnow: 0 };
      for (const r of reports) {
        const a = r.answers[support.key];
        if (!a) continue;
        t.asked++;
        if (a === "yes") t.yes++;
        else if (a === "no") t.no++;
        else if (a === "not_offered") t.notOffered++;
        else t.dontKnow++;
      }
      return t;
    }),
  };
}

/** Per-support counts are shown once a clinic has `PUBLISH_MIN_REPORTS` published reports. */
export function countsPublished(publishedReports: number): boolean {
  return publishedReports >= PUBLISH_MIN_REPORTS;
}

/** A support is confirmed when at least 3 reports were asked about it and at least 2/3 of them said yes. */
export function supportConfirmed(t: Pick<SupportTally, "asked" | "yes">): boolean {
  return t.asked >= PUBLISH_MIN_REPORTS && t.yes * CONFIRM_SHARE.den >= t.asked * CONFIRM_SHARE.num;
}

/**
 * "Aftercare confirmed by patients": at least 3 published reports, the listing claims at least one
 * support, and every support it claims is confirmed.
 */
export function patientConfirmed(tally: ReportTally): boolean {
  return (
    countsPublished(tally.reports) && tally.supports.length > 0 && tally.supports.every(supportConfirmed)
  );
}

/** "2026-03" → "2026-03-01"; null when it is not a month. */
export function monthStart(month: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

/**
 * Treatment that started in `month` ("2026-03") is long enough ago to report on: its first day is at
 * least `MIN_DAYS_SINCE_START` days before `now` (counted in UTC). A month before 2000 is refused too.
 */
export function startLongEnoughAgo(month: string, now: Date): boolean {
  const start = monthStart(month);
  if (!start || start < "2000-01-01") return false;
  const latest = new Date(now.getTime() - MIN_DAYS_SINCE_START * 86_400_000).toISOString().slice(0, 10);
  return start <= latest;
}

/** The latest month a report may name ("2026-11"), for the form's `max`. */
export function latestStartMonth(now: Date): string {
  return new Date(now.getTime() - MIN_DAYS_SINCE_START * 86_400_000).toISOString().slice(0, 7);
}

/** How a published comment is signed: never a name or email. */
export function commentByline(treatmentStart: string): string {
  return `Patient, treated ${treatmentStart.slice(0, 4)}`;
}

/** "Check-in within 24 hours: confirmed by 5 of 6 patients". */
export function confirmationText(t: SupportTally): string {
  if (t.asked === 0) return `${t.support.label}: no patient has been asked about this yet`;
  return `${t.support.label}: confirmed by ${t.yes} of ${t.asked} patient${t.asked === 1 ? "" : "s"}`;
}
