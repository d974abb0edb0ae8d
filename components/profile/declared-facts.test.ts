import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Clinic } from "@/db/schema";
import { DEFAULT_ASSUMPTIONS } from "@/lib/aftercare";
import { compareTable, type CompareGroupKey } from "@/lib/compare/rows";
import {
  DECLARED_FIELDS,
  declaredInput,
  FIELD_INFO,
  FIELD_KIND,
  LISTING_FIELDS,
  type FieldInput,
  type SectionKey,
} from "@/lib/listings/fields";
import { toPublicClinic } from "@/lib/listings/public";
import { BLANK_LISTING, formDataToInput, listingInputSchema, toFormValues } from "@/lib/listings/schema";
import { SHOWN_FACTS } from "@/lib/listings/shown";
import { makeClinic } from "@/test/support/clinic";
import { AftercareSection } from "./aftercare";
import { CareSection, PaymentSection, PlaceSection } from "./care";

/**
 * The proof that a fact declared in lib/listings/fields.ts (`input`, `shown`) needs nothing else by
 * hand: every declaration is iterated, so a derived place that misses one fails here.
 */

/** A value other than the blank one, as the form sends it, and as it is stored. */
function sample(input: FieldInput): { form: string | string[]; stored: unknown } {
  switch (input.kind) {
    case "bool":
      return { form: "on", stored: true };
    case "choice":
      return { form: input.values.at(-1)!, stored: input.values.at(-1) };
    case "many":
      return { form: [...input.values], stored: [...input.values] };
    case "text":
      return { form: " A fictional sample answer. ", stored: "A fictional sample answer." };
  }
}

/** Where each section's facts are read. */
const PLACES: Record<SectionKey, { compare: CompareGroupKey; api: string | null }> = {
  aftercare: { compare: "aftercare", api: "aftercare" },
  prices: { compare: "cost", api: "payment" },
  care: { compare: "care", api: null },
  logistics: { compare: "logistics", api: null },
  contact: { compare: "logistics", api: null },
};

const html = (c: Clinic) =>
  [
    renderToStaticMarkup(createElement(AftercareSection, { clinic: c })),
    renderToStaticMarkup(createElement(PaymentSection, { clinic: c })),
    renderToStaticMarkup(createElement(CareSection, { clinic: c })),
    renderToStaticMarkup(createElement(PlaceSection, { clinic: c, sample: true })),
  ].join("\n");

/** The text of the profile's value for a label (the <dd> after its <dt>). */
function profileValue(page: string, label: string): string | undefined {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`<dt[^>]*>${esc}</dt><dd[^>]*>([^<]*)`).exec(page);
  return m?.[1];
}

describe("fields declared whole in lib/listings/fields.ts", () => {
  it("declares at least the written aftercare plan (issue 15.3)", () => {
    expect(DECLARED_FIELDS).toContain("writtenPlan");
    expect(SHOWN_FACTS.map((s) => s.field)).toContain("writtenPlan");
  });

  it.each(DECLARED_FIELDS)("%s: a schema entry, a form kind and a blank value derive from its input", (f) => {
    const input = declaredInput(f);
    expect(LISTING_FIELDS).toContain(f);
    expect(FIELD_KIND[f]).toBeDefined();
    expect(f in BLANK_LISTING).toBe(true);

    // The blank listing's form, with this field set, parses to the stored value…
    const { form, stored } = sample(input);
    const fd = new FormData();
    const blank = {
      ...toFormValues(BLANK_LISTING),
      name: "Fictional Clinic",
      city: "Austin",
      routes: ["iv_infusion"],
    };
    for (const [k, v] of Object.entries({ ...blank, [f]: form })) {
      if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
      else if (typeof v === "boolean") {
        if (v) fd.append(k, "on");
      } else fd.append(k, v);
    }
    const parsed = listingInputSchema.safeParse(formDataToInput(fd));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect((parsed.data as Record<string, unknown>)[f]).toEqual(stored);
    // …and a wrong value is refused on that field.
    if (input.kind !== "text") {
      const bad = listingInputSchema.safeParse({ ...formDataToInput(fd), [f]: "not-a-value" });
      expect(bad.error?.issues.map((i) => i.path[0])).toContain(f);
    } else {
      const long = listingInputSchema.safeParse({ ...formDataToInput(fd), [f]: "x".repeat(input.max + 1) });
      expect(long.error?.issues.map((i) => i.path[0])).toContain(f);
    }
  });

  it.each(SHOWN_FACTS.map((s) => [s.field, s] as const))(
    "%s: shown on the profile, in the compare table and in the public API",
    (field, s) => {
      const input = FIELD_INFO[field].input;
      const value = input ? sample(input).stored : undefined;
      const clinic = makeClinic(value === undefined ? {} : ({ [field]: value } as Partial<Clinic>));
      const blankClinic = makeClinic();
      const place = PLACES[FIELD_INFO[field].section];

      // The profile: one fact under its title, with the value in words.
      const page = html(clinic);
      expect(page.split(`>${s.title}</dt>`)).toHaveLength(2);
      expect(profileValue(page, s.title)).toBeTruthy();
      if (input?.kind === "bool") {
        expect(profileValue(page, s.title)).toBe("Yes");
        expect(profileValue(html(blankClinic), s.title)).toBe("Not listed");
      }

      // The compare table: a row in the section's group, the cells telling the clinics apart.
      const groups = compareTable([clinic, blankClinic], DEFAULT_ASSUMPTIONS, new Date("2026-05-01"));
      const group = groups.find((g) => g.key === place.compare);
      const row = group?.rows.find((r) => r.key === field);
      expect(row?.label).toBe(s.title);
      if (value !== undefined) expect(row?.differs).toBe(true);

      // The public API: the field's name and stored value, in the section's object.
      const api = toPublicClinic(clinic) as unknown as Record<string, Record<string, unknown>>;
      const holder = place.api ? api[place.api] : (api as Record<string, unknown>);
      expect(holder?.[field]).toEqual(clinic[field]);
    },
  );

  it("a field that is not declared `shown` stays out of the public API, as do private columns", () => {
    // Private columns (who may see and change a listing) are never keys of the projection.
    const clinic = makeClinic({ status: "published", version: 7 });
    const keys = new Set<string>();
    const walk = (o: unknown) => {
      if (o && typeof o === "object" && !Array.isArray(o))
        for (const [k, v] of Object.entries(o)) {
          keys.add(k);
          walk(v);
        }
    };
    walk(toPublicClinic(clinic));
    for (const column of ["status", "version", "createdAt", "derivedVersion", "aftercareParts"]) {
      expect(keys.has(column), column).toBe(false);
    }
    // The declared facts in the API are exactly the `shown` ones.
    for (const f of DECLARED_FIELDS) {
      if (!FIELD_INFO[f].shown) expect(keys.has(f), f).toBe(false);
    }
  });
});
