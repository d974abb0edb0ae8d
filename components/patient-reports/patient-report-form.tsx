"use client";

import { useActionState } from "react";
import { keepingTheForm, UNREACHABLE_MESSAGE } from "@/components/action-form";
import { CHARGED_ANSWERS, SUPPORT_ANSWERS } from "@/db/enum-values";
import { CHARGED_ANSWER_LABELS, SUPPORT_ANSWER_LABELS } from "@/lib/labels";

/** What the report form's server action answers (a saved report redirects instead). */
export type PatientReportState = null | {
  ok: false;
  message: string;
  errors?: Record<string, string>;
};

export type ReportFormValues = {
  treatmentStart: string;
  route: string;
  answers: Record<string, string>;
  charged: string;
  comment: string;
};

const radio = "h-5 w-5 shrink-0";
const optionRow = "flex min-h-11 items-center gap-3";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

/**
 * "Report on your aftercare": when treatment started and how, then one "Did you get this?" per
 * support the listing claims, the price question and an optional comment. Works without JavaScript.
 */
export function PatientReportForm({
  clinicId,
  slug,
  supports,
  routes,
  months,
  initial,
  commentMax,
  submit,
}: {
  clinicId: string;
  slug: string;
  supports: { key: string; label: string; question: string }[];
  routes: { value: string; label: string }[];
  /** The months a report may name, newest first: `{ value: "2026-11", label: "November 2026" }`. */
  months: { value: string; label: string }[];
  initial: ReportFormValues | null;
  commentMax: number;
  submit: (prev: PatientReportState, form: FormData) => Promise<PatientReportState>;
}) {
  const [state, action, pending] = useActionState(
    keepingTheForm(submit, { ok: false, message: UNREACHABLE_MESSAGE } as PatientReportState),
    null,
  );
  const errors = state?.errors ?? {};
  const v = initial;
  return (
    <form action={action} className="space-y-6" noValidate>
      {state && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      )}
      <input type="hidden" name="clinicId" value={clinicId} />
      <input type="hidden" name="slug" value={slug} />
      <div className="space-y-1">
        <label htmlFor="treatment-start" className="block font-medium">
          When did your treatment start?
        </label>
        <select
          id="treatment-start"
          name="treatmentStart"
          required
          defaultValue={v?.treatmentStart ?? ""}
          aria-describedby={errors.treatmentStart ? "treatment-start-error" : "treatment-start-help"}
          className="block min-h-11 w-full max-w-xs rounded-md border border-muted bg-white px-3 py-2"
        >
          <option value="">Choose a month</option>
          {months.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <p id="treatment-start-help" className="text-sm text-muted">
          You can report once your treatment started at least 2 weeks ago.
        </p>
        <FieldError id="treatment-start-error" message={errors.treatmentStart} />
      </div>
      <fieldset className="space-y-1" aria-describedby={errors.route ? "route-error" : undefined}>
        <legend className="font-medium">How was ketamine given?</legend>
        {routes.map((r) => (
          <label key={r.value} className={optionRow}>
            <input
              type="radio"
              name="route"
              value={r.value}
              required
              defaultChecked={v?.route === r.value}
              className={radio}
            />
            <span>{r.label}</span>
          </label>
        ))}
        <FieldError id="route-error" message={errors.route} />
      </fieldset>
      {supports.length > 0 && (
        <div className="space-y-4">
          <h2 className="text-xl">The aftercare this listing says it gives</h2>
          <FieldError id="answers-error" message={errors.answers} />
          {supports.map((s) => {
            const err = errors[`answers.${s.key}`];
            return (
              <fieldset
                key={s.key}
                className="space-y-1"
                data-testid={`support-${s.key}`}
                aria-describedby={err ? `answer-${s.key}-error` : undefined}
              >
                <legend className="font-medium">
                  {s.label}: {s.question}
                </legend>
                <div className="flex flex-wrap gap-x-6">
                  {SUPPORT_ANSWERS.map((a) => (
                    <label key={a} className={optionRow}>
                      <input
                        type="radio"
                        name={`answers.${s.key}`}
                        value={a}
                        required
                        defaultChecked={v?.answers[s.key] === a}
                        className={radio}
                      />
                      <span>{SUPPORT_ANSWER_LABELS[a]}</span>
                    </label>
                  ))}
                </div>
                <FieldError id={`answer-${s.key}-error`} message={err} />
              </fieldset>
            );
          })}
        </div>
      )}
      <fieldset className="space-y-1" aria-describedby={errors.charged ? "charged-error" : undefined}>
        <legend className="font-medium">Were you charged what the listing says?</legend>
        <div className="flex flex-wrap gap-x-6">
          {CHARGED_ANSWERS.map((a) => (
            <label key={a} className={optionRow}>
              <input
                type="radio"
                name="charged"
                value={a}
                required
                defaultChecked={v?.charged === a}
                className={radio}
              />
              <span>{CHARGED_ANSWER_LABELS[a]}</span>
            </label>
          ))}
        </div>
        <FieldError id="charged-error" message={errors.charged} />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="report-comment" className="block font-medium">
          Anything else other patients should know? (optional)
        </label>
        <p id="report-comment-help" className="text-sm text-muted">
          Up to {commentMax} characters about the aftercare. Please leave out health details and names. An
          editor reads it before it is published; it is shown as “Patient, treated” and the year, never with
          your name or email.
        </p>
        <textarea
          id="report-comment"
          name="comment"
          rows={4}
          maxLength={commentMax}
          defaultValue={v?.comment ?? ""}
          aria-describedby={errors.comment ? "report-comment-error" : "report-comment-help"}
          className="block w-full max-w-xl rounded-md border border-muted bg-white px-3 py-2"
        />
        <FieldError id="report-comment-error" message={errors.comment} />
      </div>
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Sending…" : v ? "Save my report" : "Send my report"}
      </button>
    </form>
  );
}
