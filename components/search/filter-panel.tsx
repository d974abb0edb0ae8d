"use client";

import type { ReactNode } from "react";
import { count, usd } from "@/lib/format";
import { GLOSSARY, STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";
import type { FacetCounts } from "@/lib/search/filters";
import { FILTER_LABELS } from "@/lib/search/labels";
import { DEFAULT_PER_PAGE, DEFAULT_RADIUS, RADIUS_CHOICES } from "@/lib/search/constants";
import type { ParamName, SearchQuery } from "@/lib/search/query";

/**
 * The filters of /clinics: a plain GET form's fields with the count beside every choice. On a phone
 * they sit in a closed panel under the search box; from 1024 px wide they stay open beside the
 * results. Works without JavaScript (the "Show results" button submits). A client component: the
 * fields are the interactive part of the page, and rendering them here from `query` and `facets`
 * sends those few kilobytes to the browser instead of the whole rendered form a second time.
 */

type Props = { query: SearchQuery; facets: FacetCounts; activeCount: number };

/** The first sentence of a glossary definition: enough beside a checkbox. */
const brief = (definition: string) => definition.split(/(?<=\.)\s/)[0] ?? definition;

const countOf = (facets: FacetCounts, param: ParamName, value: string) => facets[param]?.[value];

function Count({ n }: { n: number | undefined }) {
  if (n === undefined) return null;
  return (
    <span className={`num ml-auto pl-2 text-sm ${n === 0 ? "text-muted/70" : "text-muted"}`}>
      {count(n)}
      <span className="sr-only"> clinics</span>
    </span>
  );
}

function Choice(props: {
  type: "checkbox" | "radio";
  name: ParamName;
  value: string;
  checked: boolean;
  label: ReactNode;
  count?: number;
  hint?: string;
}) {
  const id = `f-${props.name}-${props.value || "none"}`;
  return (
    <div>
      <label
        htmlFor={id}
        className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-1 hover:bg-accent-50"
      >
        <input
          id={id}
          type={props.type}
          name={props.name}
          value={props.value}
          defaultChecked={props.checked}
          className="size-5 shrink-0 accent-accent-700"
        />
        <span className={props.count === 0 && !props.checked ? "text-muted" : ""}>{props.label}</span>
        <Count n={props.count} />
      </label>
      {props.hint && <p className="-mt-1 mb-1 pl-9 text-sm text-muted">{props.hint}</p>}
    </div>
  );
}

/** A yes/no filter as one checkbox; its count is how many results ticking it would give. */
function Flag({
  name,
  query,
  facets,
  hint,
}: {
  name: ParamName;
  query: SearchQuery;
  facets: FacetCounts;
  hint?: string;
}) {
  const value = name === "therapist" ? "licensed" : "true";
  return (
    <Choice
      type="checkbox"
      name={name}
      value={value}
      checked={Boolean(query[name])}
      label={FILTER_LABELS[name]?.title}
      count={countOf(facets, name, value)}
      hint={hint}
    />
  );
}

/** Checkboxes for a parameter that takes several values (any of them will do). */
function Many({
  name,
  query,
  facets,
  only,
  hint,
}: {
  name: ParamName;
  query: SearchQuery;
  facets: FacetCounts;
  only?: readonly string[];
  hint?: string;
}) {
  const label = FILTER_LABELS[name];
  const value = query[name];
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const choices = Object.entries(label?.choices ?? {}).filter(
    ([v]) => !only || only.includes(v) || chosen.includes(v),
  );
  return (
    <fieldset className="space-y-0.5">
      <legend className="mb-1 font-medium">{label?.title}</legend>
      {hint && <p className="mb-1 text-sm text-muted">{hint}</p>}
      {choices.map(([value, words]) => (
        <Choice
          key={value}
          type="checkbox"
          name={name}
          value={value}
          checked={chosen.includes(value)}
          label={words}
          count={countOf(facets, name, value)}
        />
      ))}
    </fieldset>
  );
}

/** A select whose options show their counts: "California (123)". */
function Select({
  name,
  label,
  value,
  defaultValue,
  options,
}: {
  name: ParamName;
  label: string;
  value: string;
  defaultValue: string;
  options: { value: string; text: string; count?: number }[];
}) {
  const id = `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        data-default={defaultValue}
        className="min-h-11 w-full rounded-md border border-muted bg-white px-2"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
            {o.count !== undefined ? ` (${count(o.count)})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({
  name,
  label,
  value,
  hint,
  ...input
}: {
  name: ParamName;
  label: string;
  value: string;
  hint?: string;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
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
    </div>
  );
}

function Section({ title, open, children }: { title: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="group/section border-t border-line py-2">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between text-lg font-semibold [&::-webkit-details-marker]:hidden">
        {title}
        <span
          aria-hidden="true"
          className="text-base text-muted transition-transform group-open/section:rotate-90"
        >
          ›
        </span>
      </summary>
      <div className="space-y-4 pb-2 pt-1">{children}</div>
    </details>
  );
}

const any = (q: SearchQuery, params: ParamName[]) =>
  params.some((p) => {
    const v = q[p];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== "";
  });

export function FilterPanel({ query, facets, activeCount }: Props) {
  const priceOptions = (name: "maxSessionPrice" | "maxCourse") => [
    { value: "", text: "Any price" },
    ...Object.entries(FILTER_LABELS[name]?.choices ?? {}).map(([value, text]) => ({
      value,
      text,
      count: countOf(facets, name, value),
    })),
    // A limit typed into the URL that is not one of the choices still shows as chosen.
    ...(query[name] !== null && !FILTER_LABELS[name]?.choices?.[String(query[name])]
      ? [{ value: String(query[name]), text: `${usd(Number(query[name]) * 100)} or less` }]
      : []),
  ];
  const languages = Object.entries(facets.language ?? {})
    .filter(([, n]) => n > 0)
    .map(([l]) => l);

  return (
    <details
      className="rounded-lg border border-line bg-white lg:border-0 lg:bg-transparent lg:[&::details-content]:[content-visibility:visible]"
      open={false}
    >
      <summary className="flex min-h-12 cursor-pointer items-center justify-between px-4 font-semibold lg:hidden">
        <span>Filters{activeCount > 0 ? ` (${activeCount} on)` : ""}</span>
        <span aria-hidden="true" className="text-sm font-normal text-muted">
          Show / hide
        </span>
      </summary>
      <div className="px-4 pb-4 lg:px-0">
        <Section title="Where" open>
          <Select
            name="state"
            label="State"
            value={query.state ?? ""}
            defaultValue=""
            options={[
              { value: "", text: "Any state" },
              ...STATES_BY_NAME.map((s) => ({
                value: s,
                text: STATE_NAMES[s],
                count: countOf(facets, "state", s),
              })),
            ]}
          />
          <TextField name="city" label="City" value={query.city ?? ""} autoComplete="address-level2" />
          <div className="grid grid-cols-[1fr_auto] items-end gap-2">
            <TextField
              name="zip"
              label="Near ZIP code"
              value={query.zip?.code ?? ""}
              inputMode="numeric"
              pattern="[0-9]{5}"
              maxLength={10}
              autoComplete="postal-code"
            />
            <Select
              name="radius"
              label="Within"
              value={String(query.radius)}
              defaultValue={String(DEFAULT_RADIUS)}
              options={RADIUS_CHOICES.map((r) => ({ value: String(r), text: `${r} miles` }))}
            />
          </div>
          <Select
            name="telehealthIn"
            label="Also show online care available in"
            value={query.telehealthIn ?? ""}
            defaultValue=""
            options={[
              { value: "", text: "No online care" },
              ...STATES_BY_NAME.map((s) => ({
                value: s,
                text: STATE_NAMES[s],
                count: countOf(facets, "telehealthIn", s),
              })),
            ]}
          />
        </Section>

        <Section title="Aftercare" open>
          <p className="text-sm text-muted">{brief(GLOSSARY.aftercare.definition)}</p>
          <Many name="integration" query={query} facets={facets} hint={GLOSSARY.integration.definition} />
          <Flag name="therapist" query={query} facets={facets} />
          <Flag name="followUp24h" query={query} facets={facets} />
          <fieldset className="space-y-0.5">
            <legend className="mb-1 font-medium">{FILTER_LABELS.groups?.title}</legend>
            <Choice
              type="radio"
              name="groups"
              value=""
              checked={query.groups === null}
              label="No preference"
            />
            {Object.entries(FILTER_LABELS.groups?.choices ?? {}).map(([value, words]) => (
              <Choice
                key={value}
                type="radio"
                name="groups"
                value={value}
                checked={query.groups === value}
                label={words}
                count={countOf(facets, "groups", value)}
              />
            ))}
          </fieldset>
          <Flag name="onCall" query={query} facets={facets} hint={brief(GLOSSARY.onCall.definition)} />
          <Many name="onCallHours" query={query} facets={facets} />
          <Flag name="prep" query={query} facets={facets} />
          <Flag
            name="mbc"
            query={query}
            facets={facets}
            hint="Short questionnaires, like the PHQ-9, check whether treatment is working."
          />
          <Many name="tools" query={query} facets={facets} />
          <Many name="lifestyle" query={query} facets={facets} />
          <Flag
            name="recoveryRoom"
            query={query}
            facets={facets}
            hint={brief(GLOSSARY.recoveryRoom.definition)}
          />
        </Section>

        <Section
          title="Cost and payment"
          open={any(query, [
            "maxSessionPrice",
            "maxCourse",
            "insurance",
            "hsaFsa",
            "financing",
            "slidingScale",
          ])}
        >
          <Select
            name="maxSessionPrice"
            label={FILTER_LABELS.maxSessionPrice?.title ?? ""}
            value={query.maxSessionPrice === null ? "" : String(query.maxSessionPrice)}
            defaultValue=""
            options={priceOptions("maxSessionPrice")}
          />
          <div className="space-y-1">
            <Select
              name="maxCourse"
              label={FILTER_LABELS.maxCourse?.title ?? ""}
              value={query.maxCourse === null ? "" : String(query.maxCourse)}
              defaultValue=""
              options={priceOptions("maxCourse")}
            />
            <p className="text-sm text-muted">
              Our estimate of a typical first course: a consultation, 6 sessions, 3 integration sessions and 2
              boosters, at the low end of the clinic&apos;s prices.
            </p>
          </div>
          <Many name="insurance" query={query} facets={facets} />
          <Flag name="hsaFsa" query={query} facets={facets} hint={brief(GLOSSARY.hsaFsa.definition)} />
          <Flag name="financing" query={query} facets={facets} hint={brief(GLOSSARY.financing.definition)} />
          <Flag
            name="slidingScale"
            query={query}
            facets={facets}
            hint={brief(GLOSSARY.slidingScale.definition)}
          />
        </Section>

        <Section title="Treatment" open={any(query, ["route", "condition", "type"])}>
          <Many name="route" query={query} facets={facets} />
          <Many name="condition" query={query} facets={facets} />
          <Many name="type" query={query} facets={facets} />
        </Section>

        <Section title="Access" open={any(query, ["accepting", "evening", "weekend", "language"])}>
          <Flag name="accepting" query={query} facets={facets} />
          <Flag name="evening" query={query} facets={facets} />
          <Flag name="weekend" query={query} facets={facets} />
          <Many name="language" query={query} facets={facets} only={languages} />
        </Section>

        {query.perPage !== DEFAULT_PER_PAGE && <input type="hidden" name="perPage" value={query.perPage} />}
        <div className="sticky bottom-0 -mx-4 border-t border-line bg-white px-4 py-3 lg:static lg:mx-0 lg:border-0 lg:bg-transparent lg:px-0">
          <button type="submit" className="btn w-full">
            Show results
          </button>
        </div>
      </div>
    </details>
  );
}
