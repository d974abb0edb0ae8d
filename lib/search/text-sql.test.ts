import { readFileSync } from "node:fs";
import path from "node:path";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { FACET_VALUES } from "./search-table";
import { INDEX_SETTINGS, SEARCHABLE_ATTRIBUTES, SEARCHED_FIELDS_TEXT } from "./settings";
import { FALLBACK_TEXT_FIELDS, queryTokens, searchTokens, textMatchSql } from "./text-sql";

const render = (q: string) => {
  const s = textMatchSql(q);
  return s && new PgDialect().sqlToQuery(s);
};

describe("the fields a search looks in", () => {
  it("are one list: Meilisearch's searchable attributes, the fallback's, and docs/api.md", () => {
    expect(INDEX_SETTINGS.searchableAttributes).toEqual(SEARCHABLE_ATTRIBUTES.map((a) => a.attribute));
    expect(Object.keys(FALLBACK_TEXT_FIELDS).sort()).toEqual(
      SEARCHABLE_ATTRIBUTES.map((a) => a.attribute).sort(),
    );
    const api = readFileSync(path.join(import.meta.dirname, "../../docs/api.md"), "utf8");
    const row = api.split("\n").find((l) => l.startsWith("| `q`"));
    expect(row).toContain(`words to look for in ${SEARCHED_FIELDS_TEXT};`);
  });
});

describe("textMatchSql", () => {
  it("folds words as the search_vector column does", () => {
    expect(searchTokens("Ketamine-assisted O'Fallon ESPAÑOL 24/7")).toEqual([
      "ketamine", "assisted", "o", "fallon", "espanol", "24", "7",
    ]); // prettier-ignore
    expect(queryTokens("ketamine clinic near me in Chicago, IL")).toEqual(["chicago", "il"]);
  });

  it("matches synonyms as whole words, and only the last word as a prefix", () => {
    expect(render("austin iv")!.params.slice(0, 2)).toEqual([
      "('austin')",
      "('iv':*) | ('infusion') | ('intravenous')",
    ]);
    const q = render("iv austin")!;
    expect(q.params).toContain("('austin':*)");
    expect(q.params).toContain("('iv') | ('infusion') | ('intravenous')");
    expect(q.sql).not.toMatch(/ilike/i);
  });

  it("reads a run of words that is a synonym as the phrases it stands for", () => {
    const q = render("nasal spray")!;
    const tsquery = q.params.find((p) => typeof p === "string" && p.includes("spravato"));
    expect(tsquery).toBe("('spravato') | ('esketamine')");
    expect(q.params).toContain("'spray':*");
  });

  it("finds state names, kinds, treatments and conditions through their labels", () => {
    /** The SQL tests that the listing holds this value (number n, bit n - 1 of `facet_bits`). */
    const holds = (sqlText: string, attr: string, value: string) => {
      const id = FACET_VALUES.find((v) => v.facet.attr === attr && v.value === value)!.id;
      return sqlText.includes(`get_bit("clinic_search"."facet_bits", ${id - 1})`);
    };
    const q = render("new york")!;
    expect(holds(q.sql, "state", "NY")).toBe(true);
    expect(holds(q.sql, "state", "CA")).toBe(false);
    expect(holds(render("hospital")!.sql, "clinicType", "hospital_program")).toBe(true);
    expect(holds(render("lozenge")!.sql, "routes", "sublingual_lozenge")).toBe(true);
    expect(holds(render("baby")!.sql, "conditions", "postpartum_depression")).toBe(true);
    expect(render("lozenge")!.sql).not.toMatch(/::text/);
  });

  it("has nothing to match for stop words and punctuation", () => {
    expect(render("ketamine clinic near me")).toBeUndefined();
    expect(render("% _ %%%")).toBeUndefined();
  });
});
