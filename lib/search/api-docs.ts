import { MAX_PER_PAGE, DEFAULT_PER_PAGE } from "./constants";
import { MAX_Q_LENGTH, PARAM_NAMES, SORTS, type ParamName } from "./query";
import { filterDef, type FilterDef } from "./registry";
import { SEARCHED_FIELDS_TEXT } from "./settings";

/**
 * The parameter table of `docs/api.md` (`GET /api/clinics`), generated from the filter registry and
 * the query parser. `lib/search/api-docs.test.ts` fails when the document says something else;
 * `npm run docs:api` rewrites the table.
 */

export type ParamRow = { param: string; values: string; meaning: string };

const code = (v: string) => `\`${v}\``;

/** The parameters that are not filters. */
const OTHER: Record<"q" | "sort" | "page" | "perPage", Omit<ParamRow, "param">> = {
  q: {
    values: `text, at most ${MAX_Q_LENGTH} characters`,
    meaning:
      `words to look for in ${SEARCHED_FIELDS_TEXT}; typos tolerated; every word must match. ` +
      "Words naming a US place (`Austin 78701`) set the location: see [Place words](#place-words)",
  },
  sort: {
    values: `${code(SORTS[0])} (default), ${SORTS.slice(1).map(code).join(", ")}`,
    meaning:
      "`relevance`: best text match first; without `q`, the best aftercare score first. `price`: lowest effective price per session first (`sessionPrice`; unknown prices last). `score`: best aftercare score first. `distance`: nearest first, only with `zip` (and the default then). `verified`: most recently verified first",
  },
  page: { values: "whole number from 1; default `1`", meaning: "a page past the last one is an error" },
  perPage: { values: `1–${MAX_PER_PAGE}; default \`${DEFAULT_PER_PAGE}\``, meaning: "results per page" },
};

/** The values column of a filter, from its kind and choices (unless the registry words it). */
function values(f: FilterDef): string {
  if (f.api.values) return f.api.values;
  switch (f.kind) {
    case "flag":
      return f.token ? code(f.token) : "`true` / `false`";
    case "many":
      return `_many_: ${(f.choices ?? []).map(code).join(", ")}`;
    default:
      return (f.choices ?? []).map(code).join(", ");
  }
}

export function apiParamRows(): ParamRow[] {
  return PARAM_NAMES.map((p: ParamName) => {
    const f = filterDef(p);
    if (f) return { param: code(p), values: values(f), meaning: f.api.meaning };
    return { param: code(p), ...OTHER[p as keyof typeof OTHER] };
  });
}

/** The table as Markdown (unpadded: Prettier pads it). */
function apiParamTable(): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(["parameter", "values", "meaning"]),
    line(["---", "---", "---"]),
    ...apiParamRows().map((r) => line([r.param, r.values, r.meaning])),
  ].join("\n");
}

/** The rows of the parameter table in a Markdown document (cells trimmed), to compare with `apiParamRows`. */
export function readParamTable(markdown: string): ParamRow[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => /^\|\s*parameter\s*\|\s*values\s*\|\s*meaning\s*\|$/.test(l));
  if (start < 0) return [];
  const rows: ParamRow[] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith("|")) break;
    const [param = "", values = "", meaning = ""] = l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    rows.push({ param, values, meaning });
  }
  return rows;
}

/** The document with its parameter table replaced by the generated one. */
export function withParamTable(markdown: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => /^\|\s*parameter\s*\|/.test(l));
  if (start < 0) throw new Error("docs/api.md has no parameter table");
  let end = start;
  while (end < lines.length && lines[end]!.startsWith("|")) end++;
  return [...lines.slice(0, start), apiParamTable(), ...lines.slice(end)].join("\n");
}
