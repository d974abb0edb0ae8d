/**
 * "Report a problem with this listing": its limits, without zod, so the profile's form ships none
 * (lib/reports/schema.ts checks the input on the server from these). Its words are in lib/labels.ts.
 */

export const PROBLEM_DETAILS_MAX = 1000;

/** The honeypot: a field people never see (a bot that fills every field fills it). */
export const HONEYPOT_FIELD = "website";

/** What the form's server action answers. */
export type ProblemState = null | {
  ok: boolean;
  message: string;
  errors?: Record<string, string>;
  /** What was typed, so a refused form keeps it. */
  values?: Record<string, string>;
};
