"use client";

import { useActionState } from "react";
import { keepingTheForm, UNREACHABLE_MESSAGE } from "@/components/action-form";
import { PROBLEM_REASONS } from "@/db/enum-values";
import { PROBLEM_REASON_LABELS } from "@/lib/labels";
import { HONEYPOT_FIELD, PROBLEM_DETAILS_MAX, type ProblemState } from "@/lib/reports/labels";

/**
 * "Report a problem with this listing", on every profile, without signing in. Folded away until
 * opened; works without JavaScript too (the page then reloads with the answer).
 */
export function ReportProblemForm({
  clinicId,
  report,
}: {
  clinicId: string;
  /** The server action (app/clinics/[slug]/actions.ts). */
  report: (prev: ProblemState, form: FormData) => Promise<ProblemState>;
}) {
  const [state, action, pending] = useActionState(
    keepingTheForm(report, { ok: false, message: UNREACHABLE_MESSAGE } as ProblemState),
    null,
  );
  const errors = state?.errors ?? {};
  const values = state?.ok ? {} : (state?.values ?? {});
  const field = "block min-h-11 w-full max-w-xl rounded-md border border-muted bg-white px-3 py-2";
  return (
    <details className="no-print rounded-md border border-line p-3" open={state ? true : undefined}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">
        Report a problem with this listing
      </summary>
      {state?.ok ? (
        <p
          role="status"
          className="mt-2 rounded-md border border-accent-600 bg-accent-50 p-3 text-accent-800"
        >
          {state.message}
        </p>
      ) : (
        <form action={action} className="mt-3 space-y-4" noValidate>
          <p className="text-sm text-muted">
            No sign-in needed. Our editors read every report; the clinic is told that something was reported,
            never who reported it.
          </p>
          {state && !state.ok && (
            <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              {state.message}
            </p>
          )}
          <input type="hidden" name="clinicId" value={clinicId} />
          <fieldset
            className="space-y-1"
            aria-describedby={errors.reason ? "problem-reason-error" : undefined}
          >
            <legend className="font-medium">What is wrong?</legend>
            {PROBLEM_REASONS.map((r) => (
              <label key={r} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="reason"
                  value={r}
                  required
                  defaultChecked={values.reason === r}
                  className="h-5 w-5 shrink-0"
                />
                <span>{PROBLEM_REASON_LABELS[r]}</span>
              </label>
            ))}
            {errors.reason && (
              <p id="problem-reason-error" className="text-sm font-medium text-red-800">
                {errors.reason}
              </p>
            )}
          </fieldset>
          <div className="space-y-1">
            <label htmlFor="problem-details" className="block font-medium">
              Details (optional)
            </label>
            <p id="problem-details-help" className="text-sm text-muted">
              What did you find? Up to {PROBLEM_DETAILS_MAX.toLocaleString("en-US")} characters. Please leave
              out health details.
            </p>
            <textarea
              id="problem-details"
              name="details"
              rows={4}
              maxLength={PROBLEM_DETAILS_MAX}
              defaultValue={values.details}
              aria-invalid={errors.details ? true : undefined}
              aria-describedby={`problem-details-help${errors.details ? " problem-details-error" : ""}`}
              className={field}
            />
            {errors.details && (
              <p id="problem-details-error" className="text-sm font-medium text-red-800">
                {errors.details}
              </p>
            )}
          </div>
          <div className="space-y-1">
            <label htmlFor="problem-email" className="block font-medium">
              Your email (optional)
            </label>
            <p id="problem-email-help" className="text-sm text-muted">
              Only to tell you the outcome; we delete it then. The clinic never sees it.
            </p>
            <input
              id="problem-email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={values.email}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={`problem-email-help${errors.email ? " problem-email-error" : ""}`}
              className={field}
            />
            {errors.email && (
              <p id="problem-email-error" className="text-sm font-medium text-red-800">
                {errors.email}
              </p>
            )}
          </div>
          {/* The honeypot: never shown, so only a bot fills it. */}
          <div className="hidden">
            <label htmlFor="problem-hp">Leave this empty</label>
            <input id="problem-hp" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Sending…" : "Send the report"}
          </button>
        </form>
      )}
    </details>
  );
}
