"use client";

import { useRef, useState, useTransition } from "react";
import { keepingTheForm, UNREACHABLE_MESSAGE } from "@/components/action-form";
import { aftercareScore, courseEstimate } from "@/lib/aftercare";
import { score as fmtScore, usdRange } from "@/lib/format";
import { FIELD_INFO, FIELD_KIND, SECTIONS, sectionFields, type ListingField } from "@/lib/listings/fields";
import {
  fieldErrors,
  formDataToInput,
  listingInputSchema,
  type FieldErrors,
  type FormValues,
  type ListingValues,
} from "@/lib/listings/schema";
import type { Conflict } from "@/lib/listings/edit";
import { ClaimReasons } from "@/components/wording/flagged-text";
import { findMisleadingClaims, type ClaimMatch } from "@/lib/wording/misleading-claims";

/** Select fields that may be left empty ("Not stated"). */
const OPTIONAL_SELECTS = new Set<ListingField>(["medicalLead", "onCallHours"]);

export type SaveResponse =
  | { ok: true; version: number; changed: string[]; flagged?: ClaimMatch[] }
  | {
      ok: false;
      code: string;
      message: string;
      errors?: FieldErrors;
      conflicts?: Conflict[];
      currentVersion?: number;
    };

type Status =
  | { kind: "idle" }
  | { kind: "saved"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; message: string; conflicts: Conflict[]; currentVersion: number }
  | { kind: "error"; message: string };

/**
 * The listing editor: one form in sections, checked in the browser with the same zod schema the
 * server uses (the server checks again), a live preview of the aftercare score and course estimate,
 * and a clear conflict view when someone else saved first. Words from the list of misleading claims
 * are pointed out under their field as they are typed (lib/wording: the list the server checks on
 * save); they do not block the save, which queues the listing for an editor. Used for editing (`save`) and, by admins,
 * for creating a listing (with `extra` fields such as the status).
 */
export function ListingEditor({
  initial,
  initialValues,
  version: initialVersion,
  id,
  save,
  submitLabel = "Save changes",
  extra,
}: {
  initial: FormValues;
  initialValues: ListingValues | null;
  version: number;
  id: string;
  save: (input: {
    id: string;
    version: number;
    values: Record<string, unknown>;
    extra: Record<string, string>;
  }) => Promise<SaveResponse>;
  submitLabel?: string;
  extra?: React.ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [preview, setPreview] = useState<ListingValues | null>(initialValues);
  const [flags, setFlags] = useState<ClaimMatch[]>(() => findMisleadingClaims(initial));
  const [pending, startTransition] = useTransition();

  const read = () => {
    const fd = new FormData(formRef.current!);
    const extraFields: Record<string, string> = {};
    for (const key of ["status"]) {
      const v = fd.get(key);
      if (typeof v === "string") {
        extraFields[key] = v;
        fd.delete(key);
      }
    }
    return { input: formDataToInput(fd), extraFields };
  };

  const focusFirstError = (errs: FieldErrors) => {
    const first = (Object.keys(FIELD_INFO) as ListingField[]).find((f) => errs[f]);
    const el = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
    if (el) {
      // Centre it: the sticky save bar would hide a field scrolled to the bottom edge.
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "center" });
    }
  };

  function submit(overVersion?: number) {
    const { input, extraFields } = read();
    const parsed = listingInputSchema.safeParse(input);
    if (!parsed.success) {
      const errs = fieldErrors(parsed.error);
      setErrors(errs);
      setStatus({ kind: "invalid", message: "Some answers need fixing. Nothing was saved yet." });
      focusFirstError(errs);
      return;
    }
    setErrors({});
    const useVersion = overVersion ?? version;
    startTransition(async () => {
      const unreachable = { ok: false, code: "unreachable", message: UNREACHABLE_MESSAGE } as const;
      const r = await keepingTheForm(
        save,
        unreachable,
      )({
        id,
        version: useVersion,
        values: input,
        extra: extraFields,
      });
      if (r.ok) {
        setVersion(r.version);
        // Count what the person changed, not the columns that follow from it (price source, map point).
        const n = r.changed.filter((f) => f in FIELD_INFO).length;
        const flagged = [...new Set((r.flagged ?? []).map((m) => `“${m.text}”`))];
        setStatus({
          kind: "saved",
          message:
            (n
              ? `Saved ${n} change${n === 1 ? "" : "s"}. The listing is updated in search within seconds.`
              : "Nothing changed, so nothing was saved.") +
            (flagged.length
              ? ` Because of ${flagged.join(", ")}, a site editor will review the wording.`
              : ""),
        });
      } else if (r.code === "conflict" && r.currentVersion) {
        setStatus({
          kind: "conflict",
          message: r.message,
          conflicts: r.conflicts ?? [],
          currentVersion: r.currentVersion,
        });
        document.getElementById("editor-status")?.scrollIntoView({ block: "start" });
      } else if (r.errors) {
        setErrors(r.errors);
        setStatus({ kind: "invalid", message: r.message });
        focusFirstError(r.errors);
      } else {
        setStatus({ kind: "error", message: r.message });
      }
    });
  }

  const onInput = () => {
    const { input } = read();
    setFlags(findMisleadingClaims(input));
    const parsed = listingInputSchema.safeParse(input);
    if (parsed.success) setPreview(parsed.data);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <form
        ref={formRef}
        noValidate
        onInput={onInput}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="space-y-6"
        aria-describedby="editor-status"
      >
        <div id="editor-status" aria-live="polite">
          <StatusBox status={status} errors={errors} onOverwrite={(v) => submit(v)} pending={pending} />
        </div>
        {extra}
        <nav aria-label="Sections of the form" className="flex flex-wrap gap-x-3 text-sm">
          {SECTIONS.map((s) => (
            <a key={s.key} href={`#section-${s.key}`} className="inline-flex min-h-11 items-center">
              {s.title}
            </a>
          ))}
        </nav>
        {SECTIONS.map((s) => (
          <section
            key={s.key}
            id={`section-${s.key}`}
            aria-labelledby={`h-${s.key}`}
            className="card space-y-4"
          >
            <div>
              <h2 id={`h-${s.key}`} className="text-xl">
                {s.title}
              </h2>
              <p className="text-sm text-muted">{s.intro}</p>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {sectionFields(s.key).map((f) => (
                <Field
                  key={f}
                  field={f}
                  value={initial[f]}
                  error={errors[f]}
                  flags={flags.filter((m) => m.field === f)}
                />
              ))}
            </div>
          </section>
        ))}
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-line bg-white px-4 py-3">
          <button type="submit" className="btn" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </button>
          <span className="ml-3 text-sm text-muted" data-testid="editor-version">
            Version {version}
          </span>
          {flags.length > 0 && (
            <p className="mt-1 text-sm" data-testid="claims-summary">
              {flags.length === 1 ? "One phrase" : `${flags.length} phrases`} from the list of misleading
              claims (see under the fields): the listing is published when you save, and a site editor reviews
              the wording.
            </p>
          )}
          {/* A short echo of the message at the top (which screen readers announce), for whoever is scrolled down. */}
          <span aria-hidden="true" className="ml-3 text-sm font-medium">
            {status.kind === "saved"
              ? "Saved."
              : status.kind === "idle"
                ? ""
                : status.kind === "conflict"
                  ? "Not saved: someone else saved first (see the top)."
                  : "Not saved: see the top of the form."}
          </span>
        </div>
      </form>
      <Preview values={preview} />
    </div>
  );
}

function StatusBox({
  status,
  errors,
  onOverwrite,
  pending,
}: {
  status: Status;
  errors: FieldErrors;
  onOverwrite: (version: number) => void;
  pending: boolean;
}) {
  if (status.kind === "idle") return null;
  if (status.kind === "saved") {
    return (
      <p role="status" className="rounded-md border border-accent-600 bg-accent-50 p-3 text-accent-800">
        {status.message}
      </p>
    );
  }
  if (status.kind === "conflict") {
    return (
      <div
        role="alert"
        className="space-y-3 rounded-md border border-notice-line bg-notice p-3"
        data-testid="conflict"
      >
        <p className="font-semibold">{status.message}</p>
        {status.conflicts.length > 0 && (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">What changed</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Field
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Saved by them
                  </th>
                  <th scope="col" className="py-1">
                    Yours (not saved)
                  </th>
                </tr>
              </thead>
              <tbody>
                {status.conflicts.map((c) => (
                  <tr key={c.field} className="border-t border-notice-line align-top">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {c.label}
                    </th>
                    <td className="break-words py-1 pr-3">{c.theirs}</td>
                    <td className="break-words py-1">{c.yours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <a className="btn-secondary" href="">
            Discard mine and load theirs
          </a>
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={() => onOverwrite(status.currentVersion)}
          >
            Save mine over theirs
          </button>
        </div>
      </div>
    );
  }
  const count = Object.keys(errors).length;
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
      <p>{status.message}</p>
      {status.kind === "invalid" && count > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {Object.entries(errors).map(([f, m]) => (
            <li key={f}>
              {f === "_form" ? (
                m
              ) : (
                <a href={`#field-${f}`}>{`${FIELD_INFO[f as ListingField]?.label ?? f}: ${m}`}</a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const inputClass =
  "block min-h-11 w-full rounded-md border border-muted bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

function Field({
  field,
  value,
  error,
  flags,
}: {
  field: ListingField;
  value: FormValues[ListingField];
  error?: string;
  flags: ClaimMatch[];
}) {
  const info = FIELD_INFO[field];
  const kind = FIELD_KIND[field];
  const id = `field-${field}`;
  const describedBy =
    [info.help ? `${id}-help` : null, error ? `${id}-error` : null, flags.length ? `${id}-claims` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const help = info.help && (
    <p id={`${id}-help`} className="text-sm text-muted">
      {info.help}
    </p>
  );
  const err = (
    <>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {flags.length > 0 && (
          <div
            id={`${id}-claims`}
            className="rounded-md border border-notice-line bg-notice p-2"
            data-testid={`claims-${field}`}
          >
            <p className="text-sm font-medium">
              A site editor will review these words (you can still save; the listing stays published):
            </p>
            <ClaimReasons matches={flags} />
          </div>
        )}
      </div>
    </>
  );
  const wide = kind === "textarea" || kind === "checkboxes" ? "sm:col-span-2" : "";

  if (kind === "bool") {
    return (
      <div className={`space-y-1 ${wide}`}>
        <label htmlFor={id} className="flex min-h-11 items-center gap-3">
          <input
            id={id}
            name={field}
            type="checkbox"
            defaultChecked={value === true}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className="h-5 w-5 shrink-0"
          />
          <span>{info.label}</span>
        </label>
        {help}
        {err}
      </div>
    );
  }
  if (kind === "checkboxes") {
    const chosen = new Set(Array.isArray(value) ? value : []);
    return (
      <fieldset id={id} className={`space-y-1 ${wide}`} aria-describedby={describedBy}>
        <legend className="font-medium">{info.label}</legend>
        {help}
        <div className="grid gap-x-4 sm:grid-cols-2">
          {Object.entries(info.options ?? {}).map(([v, label]) => (
            <label key={v} className="flex min-h-11 items-center gap-3">
              <input
                type="checkbox"
                name={field}
                value={v}
                defaultChecked={chosen.has(v)}
                className="h-5 w-5 shrink-0"
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        {err}
      </fieldset>
    );
  }
  const common = {
    id,
    name: field,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  } as const;
  let control: React.ReactNode;
  if (kind === "select") {
    control = (
      <select {...common} defaultValue={String(value)}>
        {OPTIONAL_SELECTS.has(field) && <option value="">Not stated</option>}
        {Object.entries(info.options ?? {}).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    );
  } else if (kind === "textarea") {
    control = <textarea {...common} rows={4} defaultValue={String(value)} />;
  } else if (kind === "money") {
    control = (
      <div className="flex items-center gap-1">
        <span aria-hidden="true">$</span>
        <input {...common} type="text" inputMode="decimal" autoComplete="off" defaultValue={String(value)} />
      </div>
    );
  } else {
    const type = kind === "url" ? "url" : kind === "email" ? "email" : kind === "tel" ? "tel" : "text";
    control = (
      <input
        {...common}
        type={type}
        inputMode={kind === "int" ? "numeric" : undefined}
        autoComplete="off"
        defaultValue={String(value)}
      />
    );
  }
  return (
    <div className={`space-y-1 ${wide}`}>
      <label htmlFor={id} className="block font-medium">
        {info.label}
      </label>
      {help}
      {control}
      {err}
    </div>
  );
}

function Preview({ values }: { values: ListingValues | null }) {
  if (!values) {
    return (
      <aside className="card h-fit text-sm" aria-label="Preview">
        Fill in the form to see a preview.
      </aside>
    );
  }
  const s = aftercareScore(values);
  const c = courseEstimate(values);
  return (
    <aside
      className="card h-fit space-y-3 lg:sticky lg:top-4"
      aria-labelledby="preview-h"
      data-testid="preview"
    >
      <h2 id="preview-h" className="text-lg">
        Preview
      </h2>
      <p className="text-sm text-muted">How people will see your numbers once you save.</p>
      <div>
        <p className="font-semibold">{values.name}</p>
        <p className="text-sm text-muted">
          {values.city}, {values.state}
        </p>
      </div>
      <p>
        Aftercare score{" "}
        <strong className="num text-xl" data-testid="preview-score">
          {fmtScore(s.total)}
        </strong>
      </p>
      <ul className="space-y-0.5 text-sm">
        {s.items
          .filter((i) => i.points > 0)
          .map((i) => (
            <li key={i.key} className="flex justify-between gap-2">
              <span>{i.label}</span>
              <span className="num">
                {i.points}/{i.max}
              </span>
            </li>
          ))}
      </ul>
      <p>
        Per session: <span className="num">{usdRange(values.sessionMin, values.sessionMax)}</span>
      </p>
      <p>
        A typical first course: <strong className="num">{usdRange(c.low, c.high)}</strong>
      </p>
      {c.missing.length > 0 && <p className="text-sm text-muted">Not listed yet: {c.missing.join(", ")}.</p>}
    </aside>
  );
}
