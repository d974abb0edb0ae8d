"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { fieldId } from "@/lib/search/field-id";

/**
 * The fields of the filter panel (~130 choices with their counts, selects, text fields), drawn from plain data
 * that filter-panel.tsx (a server component) works out from the registry, the query and the facets.
 *
 * Why a client component: a server component's elements travel twice, once as HTML and once again,
 * element by element with every class name, in the React page data that the server serializes, embeds
 * in the page and reads back to render the HTML. These components receive only the words, values and
 * counts ("Included in the price", "424") and draw the same HTML, so a /clinics render does a
 * fraction of that work and the page carries less. They hold no state and need neither the registry,
 * the labels nor the number formats in the browser (the server formats the counts).
 */

/** A count as the page shows it ("1,204", formatted by the server), or null: not counted. */
type CountText = string | null;

/** One choice: its URL value, its words, and how many clinics it finds. */
export type ChoiceData = readonly [value: string, label: string, count: CountText];

/** One option of a select: its value and its words. */
export type OptionData = readonly [value: string, text: string];

function Count({ n }: { n: CountText }) {
  if (n === null) return null;
  return (
    <span className={n === "0" ? "choice-count text-muted/70" : "choice-count"}>
      {n}
      <span className="sr-only"> clinics</span>
    </span>
  );
}

function Choice({
  type,
  name,
  choice: [value, label, n],
  checked,
}: {
  type: "checkbox" | "radio";
  name: string;
  choice: ChoiceData;
  checked: boolean;
}) {
  const id = fieldId(name, value);
  return (
    <label htmlFor={id} className="choice">
      <input id={id} type={type} name={name} value={value} defaultChecked={checked} className="choice-box" />
      <span className={n === "0" && !checked ? "text-muted" : undefined}>{label}</span>
      <Count n={n} />
    </label>
  );
}

/** A yes/no filter as one checkbox, with its line of help under it (no wrapper element without one). */
export function FlagChoice({
  name,
  choice,
  checked,
  hint,
}: {
  name: string;
  choice: ChoiceData;
  checked: boolean;
  hint?: string;
}) {
  const label = <Choice type="checkbox" name={name} choice={choice} checked={checked} />;
  if (!hint) return label;
  return (
    <div>
      {label}
      <p className="-mt-1 mb-1 pl-9 text-sm text-muted">{hint}</p>
    </div>
  );
}

/** A group of checkboxes (any of them will do) or radio buttons (one of them), under its legend. */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  choices,
  chosen,
}: {
  type: "checkbox" | "radio";
  name: string;
  legend: string;
  hint?: string;
  choices: readonly ChoiceData[];
  /** The values that are on. */
  chosen: readonly string[];
}) {
  return (
    <fieldset className="space-y-0.5">
      <legend className="mb-1 font-medium">{legend}</legend>
      {hint && <p className="mb-1 text-sm text-muted">{hint}</p>}
      {choices.map((c) => (
        <Choice key={c[0]} type={type} name={name} choice={c} checked={chosen.includes(c[0])} />
      ))}
    </fieldset>
  );
}

/** A field with its label above it (and, for a text field, a line of help between them). */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A select whose options show their counts: "California (123)". The counts come apart from the
 * options, so a list the page draws twice (the states) travels in the page data once.
 */
export function CountedSelect({
  name,
  label,
  value,
  defaultValue,
  first,
  options,
  counts,
}: {
  name: string;
  label: string;
  value: string;
  /** The value the form falls back to when the URL has none (see `syncForm` in search-client.tsx). */
  defaultValue: string;
  /** An option before the others, without a count ("Any state"). */
  first?: OptionData;
  options: readonly OptionData[];
  /** The options' counts, in their order (none, or null: not counted). */
  counts?: readonly CountText[];
}) {
  const id = fieldId(name);
  return (
    <Labelled id={id} label={label}>
      <select
        id={id}
        name={name}
        defaultValue={value}
        data-default={defaultValue}
        className="min-h-11 w-full rounded-md border border-muted bg-white px-2"
      >
        {first && <option value={first[0]}>{first[1]}</option>}
        {options.map(([v, text], i) => {
          const n = counts?.[i] ?? null;
          return (
            <option key={v} value={v}>
              {text}
              {n !== null ? ` (${n})` : ""}
            </option>
          );
        })}
      </select>
    </Labelled>
  );
}

export function TextField({
  name,
  label,
  value,
  hint,
  ...input
}: {
  name: string;
  label: string;
  value: string;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(name);
  return (
    <Labelled id={id} label={label}>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        defaultValue={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="min-h-11 w-full rounded-md border border-muted bg-white px-3"
        {...input}
      />
    </Labelled>
  );
}
