import { usd } from "@/lib/format";
import type { GroupKey } from "./filters";
import type { ParamName } from "./query";
import { choiceWords, filterDef } from "./registry";

/**
 * How a chip ("Included in the price ✕") or a hint to widen the search names a filter, from the
 * registry (`lib/search/registry.ts`).
 */

/** What dropping a group means, for the empty-result hints. */
export function relaxLabel(key: GroupKey | "q"): string {
  if (key === "q") return "your search words";
  if (key === "place") return "the location";
  return filterDef(key)?.relax ?? key;
}

/** The words of one chosen value ("Included in the price"; a price limit reads "Per session $500 or less"). */
export function choiceLabel(param: ParamName, value: string): string {
  const f = filterDef(param);
  if (!f) return value;
  if (f.kind === "range") return `${f.chip} ${usd(Number(value) * 100)} or less`;
  return choiceWords(f, value);
}
