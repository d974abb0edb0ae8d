import { getTableColumns } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { clinicSearch } from "@/db/schema";
import { FACETS, type Cond } from "./filters";
import { FILTERS, type FilterDef } from "./registry";
import { condSql, copyFunctionBody, countBits, FACET_BYTES, FACET_VALUES } from "./search-table";

const render = (cond: Cond) => new PgDialect().sqlToQuery(condSql(cond)).sql;

describe("the search table's facet values", () => {
  it("are every value each facet's choices sum, numbered 1, 2, 3 … in registry order", () => {
    expect(FACET_VALUES.map((v) => v.id)).toEqual(FACET_VALUES.map((_, i) => i + 1));
    expect(FACET_VALUES.map((v) => `${v.facet.param}=${v.value}`)).toEqual(
      FACETS.flatMap((f) => [...new Set(f.choices.flatMap(f.sum))].map((v) => `${f.param}=${v}`)),
    );
    // The state, online care and language facets are numbered too, not only the small ones.
    expect(FACET_VALUES.length).toBeGreaterThan(150);
  });

  it("answer every facet's choices as a test of bits, without reading a filter's column", () => {
    for (const facet of FACETS) {
      for (const choice of facet.choices) {
        const text = render(facet.cond(choice));
        expect(text, `${facet.param}=${choice}`).toMatch(
          /^\(?\(get_bit\("clinic_search"\."facet_bits", \d+\)( \| get_bit\("clinic_search"\."facet_bits", \d+\))*\) = 1\)/,
        );
      }
    }
  });

  it("leave to the table's columns what they cannot answer: a city, a radius, another price, no price", () => {
    expect(render({ op: "eq", attr: "city", value: "Austin" })).toContain('"clinic_search"."city"');
    expect(render({ op: "geo", lat: 40, lng: -74, meters: 1000 })).toContain('"clinic_search"."lat"');
    expect(render({ op: "lte", attr: "sessionPrice", value: 450 })).toContain(
      '"clinic_search"."session_price" <',
    );
    expect(render({ op: "lte", attr: "courseLow", value: 4500.5 })).toContain('"clinic_search"."course_low"');
    expect(render({ op: "null", attr: "sessionPrice" })).toContain('"clinic_search"."session_price" is null');
    // Every range filter and every filter without a facet has its column in the table.
    const columns = Object.keys(getTableColumns(clinicSearch));
    for (const f of FILTERS as readonly FilterDef[]) {
      if (f.attr && (f.kind === "range" || !FACETS.some((x) => x.param === f.param)))
        expect(columns, f.param).toContain(f.column);
    }
  });

  it("are computed in the copy function by the filters' own conditions, with no bound parameters", () => {
    const body = copyFunctionBody();
    expect(body).not.toMatch(/\$\d/);
    expect(body).toContain('"clinics"."follow_up_24h"');
    expect(body).toContain(`then ${FACET_VALUES.length} end`);
    for (const c of Object.values(getTableColumns(clinicSearch))) expect(body).toContain(`"${c.name}"`);
  });
});

describe("countBits", () => {
  /** One row's bitmap holding these numbers (number n at bit (n - 1) % 8 of byte (n - 1) / 8). */
  const row = (...ids: number[]) => {
    const bits = new Uint8Array(FACET_BYTES);
    for (const id of ids) bits[(id - 1) >> 3]! |= 1 << ((id - 1) & 7);
    return bits;
  };
  const last = FACET_VALUES.length;

  it("counts, for each number, the rows holding it, across chunks of rows joined end to end", () => {
    const held = countBits([Buffer.concat([row(1, 9, last), row(1, 8)]), row(1, 16, 17), new Uint8Array(0)]);
    expect([1, 2, 8, 9, 16, 17, last].map(held)).toEqual([3, 0, 1, 1, 1, 1, 1]);
    expect(countBits([])(1)).toBe(0);
  });

  it("refuses bitmaps that are not whole rows", () => {
    expect(() => countBits([new Uint8Array(FACET_BYTES + 1)])).toThrow(/not rows of/);
  });
});
