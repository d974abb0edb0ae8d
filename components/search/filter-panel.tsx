import type { ReactNode } from "react";
import { count, usd } from "@/lib/format";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";
import type { FacetCounts } from "@/lib/search/filters";
import {
  choicesOf,
  choiceWords,
  fieldId,
  filterDef,
  FILTERS,
  flagValue,
  PANEL_SECTIONS,
  type FilterDef,
} from "@/lib/search/registry";
import { DEFAULT_PER_PAGE, DEFAULT_RADIUS, RADIUS_CHOICES } from "@/lib/search/constants";
import type { ParamName, SearchQuery } from "@/lib/search/query";
import { FilterSheet, PanelSection } from "./filter-sheet";

/**
 * The filters of /clinics: a plain GET form's fields with the count beside every choice, in the
 * registry's section order. On a phone they open from "Filters" as a full-screen sheet (in place,
 * without JavaScript); from 1024 px wide they stay open beside the results. Works without
 * JavaScript (the "Show results" button submits).
 *
 * A server component: the fields and their ~130 counts change only with the search, which the
 * server renders anyway, so the browser neither downloads the registry nor runs this code to hydrate
 * them. The interactive parts are small client islands (filter-sheet.tsx): the sheet and the
 * sections that stay open; a changed field is applied by the form (search-client.tsx).
 */

type Props = { query: SearchQuery; facets: FacetCounts; activeCount: number; total: number };

const countOf = (facets: FacetCounts, param: ParamName, value: string) => facets[param]?.[value];

function Count({ n }: { n: number | undefined }) {
  if (n === undefined) return null;
  return (
    <span className={n === 0 ? "choice-count text-muted/70" : "choice-count"}>
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
  const id = fieldId(props.name, props.value);
  const label = (
    <label htmlFor={id} className="choice">
      <input
        id={id}
        type={props.type}
        name={props.name}
        value={props.value}
        defaultChecked={props.checked}
        className="choice-box"
      />
      <span className={props.count === 0 && !props.checked ? "text-muted" : undefined}>{props.label}</span>
      <Count n={props.count} />
    </label>
  );
  // ~130 choices on a page: no wrapper element unless there is a hint to keep with the label.
  if (!props.hint) return label;
  return (
    <div>
      {label}
      <p className="-mt-1 mb-1 pl-9 text-sm text-muted">{props.hint}</p>
    </div>
  );
}

/** A yes/no filter as one checkbox; its count is how many results ticking it would give. */
function Flag({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const name = f.param as ParamName;
  const value = flagValue(f);
  return (
    <Choice
      type="checkbox"
      name={name}
      value={value}
      checked={Boolean(query[name])}
      label={f.title}
      count={countOf(facets, name, value)}
      hint={f.hint}
    />
  );
}

/** Checkboxes for a parameter that takes several values (any of them will do). */
function Many({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const name = f.param as ParamName;
  const value = query[name];
  const chosen = Array.isArray(value) ? value.map(String) : [];
  // Some lists (languages) show only the choices with results, and any chosen one.
  const choices = choicesOf(f).filter(
    (v) => !f.countedOnly || (countOf(facets, name, v) ?? 0) > 0 || chosen.includes(v),
  );
  return (
    <fieldset className="space-y-0.5">
      <legend className="mb-1 font-medium">{f.title}</legend>
      {f.hint && <p className="mb-1 text-sm text-muted">{f.hint}</p>}
      {choices.map((value) => (
        <Choice
          key={value}
          type="checkbox"
          name={name}
          value={value}
          checked={chosen.includes(value)}
          label={choiceWords(f, value)}
          count={countOf(facets, name, value)}
        />
      ))}
    </fieldset>
  );
}

/** Radio buttons for a parameter that takes one value, with "No preference" first. */
function OneOf({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const name = f.param as ParamName;
  return (
    <fieldset className="space-y-0.5">
      <legend className="mb-1 font-medium">{f.title}</legend>
      <Choice type="radio" name={name} value="" checked={query[name] === null} label="No preference" />
      {choicesOf(f).map((value) => (
        <Choice
          key={value}
          type="radio"
          name={name}
          value={value}
          checked={query[name] === value}
          label={choiceWords(f, value)}
          count={countOf(facets, name, value)}
        />
      ))}
    </fieldset>
  );
}

/** A price limit as a select of the registry's steps, with a line of help under it. */
function Range({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const name = f.param as ParamName;
  const current = query[name] as number | null;
  const options = [
    { value: "", text: "Any price" },
    ...choicesOf(f).map((value) => ({
      value,
      text: choiceWords(f, value),
      count: countOf(facets, name, value),
    })),
    // A limit typed into the URL that is not one of the choices still shows as chosen.
    ...(current !== null && !choicesOf(f).includes(String(current))
      ? [{ value: String(current), text: `${usd(current * 100)} or less` }]
      : []),
  ];
  const select = (
    <Select
      name={name}
      label={f.title}
      value={current === null ? "" : String(current)}
      defaultValue=""
      options={options}
    />
  );
  if (!f.hint) return select;
  return (
    <div className="space-y-1">
      {select}
      <p className="text-sm text-muted">{f.hint}</p>
    </div>
  );
}

/** One registry filter, drawn by its kind. */
function Filter({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const props = { f, query, facets };
  switch (f.kind) {
    case "flag":
      return <Flag {...props} />;
    case "many":
      return <Many {...props} />;
    case "choice":
      return <OneOf {...props} />;
    case "range":
      return <Range {...props} />;
    case "place":
      return null; // the "Where" section draws these itself
  }
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
  const id = fieldId(name);
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
  const id = fieldId(name);
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

const title = (param: ParamName) => filterDef(param)?.title ?? param;

const any = (q: SearchQuery, params: ParamName[]) =>
  params.some((p) => {
    const v = q[p];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== "";
  });

/** A choice of state (where the clinic is, or where online care reaches), with its counts. */
function StateSelect(props: {
  param: "state" | "telehealthIn";
  none: string;
  query: SearchQuery;
  facets: FacetCounts;
}) {
  const { param, query, facets } = props;
  return (
    <Select
      name={param}
      label={title(param)}
      value={query[param] ?? ""}
      defaultValue=""
      options={[
        { value: "", text: props.none },
        ...STATES_BY_NAME.map((s) => ({ value: s, text: STATE_NAMES[s], count: countOf(facets, param, s) })),
      ]}
    />
  );
}

/** The "Where" section's fields: place filters, drawn together (see `placeGroup`). */
function WhereFields({ query, facets }: { query: SearchQuery; facets: FacetCounts }) {
  return (
    <>
      <StateSelect param="state" none="Any state" query={query} facets={facets} />
      <TextField name="city" label={title("city")} value={query.city ?? ""} autoComplete="address-level2" />
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <TextField
          name="zip"
          label={title("zip")}
          value={query.zip?.code ?? ""}
          inputMode="numeric"
          pattern="[0-9]{5}"
          maxLength={10}
          autoComplete="postal-code"
        />
        <Select
          name="radius"
          label={title("radius")}
          value={String(query.radius)}
          defaultValue={String(DEFAULT_RADIUS)}
          options={RADIUS_CHOICES.map((r) => ({ value: String(r), text: `${r} miles` }))}
        />
      </div>
      <StateSelect param="telehealthIn" none="No online care" query={query} facets={facets} />
    </>
  );
}

export function FilterPanel({ query, facets, activeCount, total }: Props) {
  return (
    <FilterSheet activeCount={activeCount} total={total}>
      {PANEL_SECTIONS.map((section) => {
        const filters = (FILTERS as readonly FilterDef[]).filter((f) => f.section === section.key);
        return (
          <PanelSection
            key={section.key}
            title={section.title}
            open={
              section.open ||
              any(
                query,
                filters.map((f) => f.param as ParamName),
              )
            }
          >
            {section.intro && <p className="text-sm text-muted">{section.intro}</p>}
            {section.key === "where" ? (
              <WhereFields query={query} facets={facets} />
            ) : (
              filters.map((f) => <Filter key={f.param} f={f} query={query} facets={facets} />)
            )}
          </PanelSection>
        );
      })}
      {query.perPage !== DEFAULT_PER_PAGE && <input type="hidden" name="perPage" value={query.perPage} />}
    </FilterSheet>
  );
}
