import zipcodes from "zipcodes";
import { US_STATES, type UsState } from "@/db/enums";
import { SAFE_FILTER_VALUE } from "./settings";

/**
 * Cities a searcher can type, by the names the postal service uses (from the `zipcodes`
 * dataset). A city filter only ever carries a name from this list, never raw text.
 */

const STATES: ReadonlySet<string> = new Set(US_STATES);

/** "St. Louis" and "saint louis" both become "saint louis"; "Ft Myers" becomes "fort myers"; "d'" is "d ". */
export function normalizeCity(input: string): string {
  return input
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[.,']/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^st /, "saint ")
    .replace(/^ft /, "fort ")
    .replace(/^mt /, "mount ");
}

let index: Map<string, Map<UsState, string>> | undefined;

/** normalized name → state → the dataset's spelling. Built once (about 40,000 codes), then cached. */
function cityIndex() {
  if (index) return index;
  index = new Map();
  for (const e of Object.values(zipcodes.codes)) {
    // A few "cities" are businesses with a ZIP code of their own ("At&t"); they are not places.
    if (!e || !STATES.has(e.state) || !SAFE_FILTER_VALUE.test(e.city)) continue;
    const key = normalizeCity(e.city);
    let byState = index.get(key);
    if (!byState) index.set(key, (byState = new Map()));
    if (!byState.has(e.state as UsState)) byState.set(e.state as UsState, e.city);
  }
  return index;
}

/**
 * The dataset's spelling of a city, in `state` when one is given (anywhere in the US otherwise), or
 * undefined when no US city has that name. Input is limited to 60 characters.
 */
export function canonicalCity(input: string, state?: UsState): string | undefined {
  if (input.length > 60) return undefined;
  const byState = cityIndex().get(normalizeCity(input));
  if (!byState) return undefined;
  if (state) return byState.get(state);
  return byState.values().next().value;
}
