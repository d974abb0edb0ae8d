import { describe, expect, it } from "vitest";
import { FACETS } from "./filters";
import { choiceLabel, relaxLabel } from "./labels";
import { DEFAULT_QUERY, PARAM_NAMES, parseSearchQuery, type ParamName } from "./query";
import { choicesOf, fieldId, FILTERS, flagValue, type FilterDef } from "./registry";
import { FILTERABLE_ATTRIBUTES } from "./settings";

const ALL = FILTERS as readonly FilterDef[];
const NOT_PLACE = ALL.filter((f) => f.kind !== "place");

describe("the filter registry", () => {
  it("gives every filter a parameter, a default, a facet, a label and a filterable attribute", () => {
    for (const f of NOT_PLACE) {
      expect(PARAM_NAMES).toContain(f.param);
      expect(DEFAULT_QUERY).toHaveProperty(f.param);
      expect(FACETS.map((x) => x.param)).toContain(f.param);
      expect(relaxLabel(f.param as ParamName)).toBe(f.relax);
      for (const c of choicesOf(f)) expect(choiceLabel(f.param as ParamName, c)).not.toBe("");
      expect(FILTERABLE_ATTRIBUTES).toContain(f.attr);
      if (f.buckets) expect(FILTERABLE_ATTRIBUTES).toContain(f.buckets);
    }
  });

  it("parses every choice of every filter (strict) into a query that holds it", () => {
    for (const f of NOT_PLACE) {
      for (const choice of choicesOf(f)) {
        const r = parseSearchQuery(new URLSearchParams([[f.param, choice]]), "strict");
        expect(r.ok, `${f.param}=${choice}`).toBe(true);
        if (!r.ok) continue;
        const v = r.query[f.param as keyof typeof r.query];
        const expected =
          f.kind === "flag"
            ? f.token
              ? flagValue(f)
              : true
            : f.kind === "range"
              ? Number(choice)
              : f.kind === "many"
                ? [choice]
                : choice;
        expect(v).toEqual(expected);
      }
    }
  });

  it("builds valid, unique HTML ids for every field and choice (no spaces)", () => {
    const ids = ALL.flatMap((f) => [
      fieldId(f.param),
      ...["", ...choicesOf(f)].map((c) => fieldId(f.param, c)),
    ]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fieldId("language", "Haitian Creole")).toBe("f-language-Haitian-Creole");
  });
});
