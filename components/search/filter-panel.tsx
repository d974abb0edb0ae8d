import { count, counted, usd } from "@/lib/format";
import { STATE_NAMES, STATES_BY_NAME } from "@/lib/labels";
import type { FacetCounts } from "@/lib/search/filters";
import {
  choicesOf,
  choiceWords,
  filterDef,
  FILTERS,
  flagValue,
  PANEL_SECTIONS,
  type FilterDef,
} from "@/lib/search/registry";
import { DEFAULT_PER_PAGE, DEFAULT_RADIUS, RADIUS_CHOICES } from "@/lib/search/constants";
import type { ParamName, SearchQuery } from "@/lib/search/query";
import {
  ChoiceGroup,
  CountedSelect,
  FlagChoice,
  TextField,
  type ChoiceData,
  type OptionData,
} from "./filter-fields";
import { FilterSheet, PanelSection } from "./filter-sheet";

/**
 * The filters of /clinics: a plain GET form's fields with the count beside every choice, in the
 * registry's section order. On a phone they open from "Filters" as a full-screen sheet (in place,
 * without JavaScript); from 1024 px wide they stay open beside the results. Works without
 * JavaScript (the "Show results" button submits).
 *
 * A server component: the fields and their ~130 counts change only with the search, which the
 * server renders anyway, so the browser never downloads the registry. It works out each filter's
 * words, values and counts and hands them, as plain data, to the components that draw the repeated
 * fields (filter-fields.tsx: a render from data costs the server far less than the same elements
 * sent as server-component output). The interactive parts are small client islands
 * (filter-sheet.tsx): the sheet and the sections that stay open; a changed field is applied by the
 * form (search-client.tsx).
 */

type Props = { query: SearchQuery; facets: FacetCounts; activeCount: number; total: number };

const countOf = (facets: FacetCounts, param: ParamName, value: string) => facets[param]?.[value] ?? null;

/** A choice's count as the page shows it ("1,204"), or null when it is not counted. */
const countText = (facets: FacetCounts, param: ParamName, value: string) => {
  const n = countOf(facets, param, value);
  return n === null ? null : count(n);
};

/** A choice's data for the client fields: its value, words and count. */
const choice = (f: FilterDef, facets: FacetCounts, value: string): ChoiceData => [
  value,
  choiceWords(f, value),
  countText(facets, f.param as ParamName, value),
];

/** A yes/no filter as one checkbox; its count is how many results ticking it would give. */
function Flag({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  return (
    <FlagChoice
      name={f.param}
      choice={choice(f, facets, flagValue(f))}
      checked={Boolean(query[f.param as ParamName])}
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
    <ChoiceGroup
      type="checkbox"
      name={name}
      legend={f.title}
      hint={f.hint}
      choices={choices.map((v) => choice(f, facets, v))}
      chosen={chosen}
    />
  );
}

/** Radio buttons for a parameter that takes one value, with "No preference" first. */
function OneOf({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const value = query[f.param as ParamName];
  return (
    <ChoiceGroup
      type="radio"
      name={f.param}
      legend={f.title}
      choices={[["", "No preference", null], ...choicesOf(f).map((v) => choice(f, facets, v))]}
      chosen={[value === null ? "" : String(value)]}
    />
  );
}

/** A price limit as a select of the registry's steps, with a line of help under it. */
function Range({ f, query, facets }: { f: FilterDef; query: SearchQuery; facets: FacetCounts }) {
  const name = f.param as ParamName;
  const current = query[name] as number | null;
  const choices = choicesOf(f);
  const options: OptionData[] = [
    ...choices.map((v) => [v, choiceWords(f, v)] as const),
    // A limit typed into the URL that is not one of the choices still shows as chosen.
    ...(current !== null && !choices.includes(String(current))
      ? [[String(current), `${usd(current * 100)} or less`] as const]
      : []),
  ];
  const select = (
    <CountedSelect
      name={name}
      label={f.title}
      value={current === null ? "" : String(current)}
      defaultValue=""
      first={["", "Any price"]}
      options={options}
      counts={choices.map((v) => countText(facets, name, v))}
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

const title = (param: ParamName) => filterDef(param)?.title ?? param;

const any = (q: SearchQuery, params: ParamName[]) =>
  params.some((p) => {
    const v = q[p];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== "";
  });

/** The states as select options, by name: one list, so the page data carries it once for both selects. */
const STATE_OPTIONS: readonly OptionData[] = STATES_BY_NAME.map((s) => [s, STATE_NAMES[s]]);

/** A choice of state (where the clinic is, or where online care reaches), with its counts. */
function StateSelect(props: {
  param: "state" | "telehealthIn";
  none: string;
  query: SearchQuery;
  facets: FacetCounts;
}) {
  const { param, query, facets } = props;
  return (
    <CountedSelect
      name={param}
      label={title(param)}
      value={query[param] ?? ""}
      defaultValue=""
      first={["", props.none]}
      options={STATE_OPTIONS}
      counts={STATES_BY_NAME.map((s) => countText(facets, param, s))}
    />
  );
}

const RADIUS_OPTIONS: readonly OptionData[] = RADIUS_CHOICES.map((r) => [String(r), `${r} miles`]);

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
        <CountedSelect
          name="radius"
          label={title("radius")}
          value={String(query.radius)}
          defaultValue={String(DEFAULT_RADIUS)}
          options={RADIUS_OPTIONS}
        />
      </div>
      <StateSelect param="telehealthIn" none="No online care" query={query} facets={facets} />
    </>
  );
}

export function FilterPanel({ query, facets, activeCount, total }: Props) {
  return (
    <FilterSheet activeCount={activeCount} found={counted(total, "clinic")}>
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
