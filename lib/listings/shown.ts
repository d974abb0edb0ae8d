import type { Clinic } from "@/db/schema";
import { NOT_LISTED } from "@/lib/format";
import type { GlossaryKey } from "@/lib/labels";
import { listText, yesNo } from "./describe";
import {
  FIELD_INFO,
  FIELD_KIND,
  LISTING_FIELDS,
  type ListingField,
  type SectionKey,
  type ShownIn,
} from "./fields";

/**
 * Where people read the simple facts that `lib/listings/fields.ts` declares with `shown`: a fact on
 * the profile (`components/profile/`), a row of the compare table (`lib/compare/rows.ts`) and a key
 * of the public API (`lib/listings/public.ts`), each in the part that matches the field's section.
 * Each of those places lists the declared facts of its sections from here, after its own
 * hand-written ones, so a new declared fact appears in all three without touching them.
 * Pure; safe in the browser.
 */

export type ShownFact = {
  field: ListingField;
  title: string;
  term?: GlossaryKey;
  /** Which way the compare row ranks (null: a fact, not a ranking). */
  better: "higher" | null;
};

/** The declared facts, in the editor's order. */
export const SHOWN_FACTS: readonly ShownFact[] = LISTING_FIELDS.flatMap((field) => {
  const { shown } = FIELD_INFO[field];
  if (!shown) return [];
  const yesNoFact = FIELD_KIND[field] === "bool";
  return [
    {
      field,
      title: shown.title,
      ...(shown.term ? { term: shown.term } : {}),
      better: shown.better === undefined ? (yesNoFact ? "higher" : null) : shown.better,
    },
  ];
});

/** The declared facts of these sections, in the editor's order. */
export function shownFacts(...sections: SectionKey[]): readonly ShownFact[] {
  return SHOWN_FACTS.filter((s) => sections.includes(FIELD_INFO[s.field].section));
}

/** A value in words, and the number a compare row ranks it by. */
function describe(s: ShownFact, value: unknown): { text: string; yes?: boolean; rank: number | null } {
  const options = FIELD_INFO[s.field].options ?? {};
  if (typeof value === "boolean") return { text: yesNo(value), yes: value, rank: value ? 1 : 0 };
  if (Array.isArray(value)) {
    const values = value as string[];
    return {
      text: listText(values, Object.fromEntries(values.map((v) => [v, options[v] ?? v]))),
      rank: s.better === "higher" ? values.length : null,
    };
  }
  if (value == null || (typeof value === "string" && value.trim() === ""))
    return { text: NOT_LISTED, rank: null };
  const text = String(value).trim();
  return { text: options[text] ?? text, rank: null };
}

/** The profile's line for a declared fact: a yes/no fact reads "Yes" or "Not listed". */
export function profileValue(s: ShownFact, c: Clinic): string {
  const d = describe(s, c[s.field]);
  return d.yes === false ? NOT_LISTED : d.text;
}

/** The compare table's cell for a declared fact ("Yes" / "No" for a yes/no fact). */
export function compareCell(s: ShownFact, c: Clinic): { text: string; rank: number | null } {
  const { text, rank } = describe(s, c[s.field]);
  return { text, rank };
}

/** The public API's keys for the declared facts of these sections: the field's name and stored value. */
export function publicFacts<S extends SectionKey>(
  c: Clinic,
  ...sections: S[]
): { [K in ShownIn<S>]: Clinic[K] } {
  return Object.fromEntries(shownFacts(...sections).map((s) => [s.field, c[s.field]])) as {
    [K in ShownIn<S>]: Clinic[K];
  };
}
