import type { Settings } from "meilisearch";
import { FILTER_ATTRIBUTES, type FilterAttribute } from "./registry";

/**
 * The `clinics` index, as code. Applied idempotently at start (Meilisearch only re-indexes when a
 * setting really changes) and to every fresh index built by a rebuild.
 */
export const SYNONYM_GROUPS: string[][] = [
  ["spravato", "esketamine", "nasal spray"],
  ["iv", "infusion", "intravenous"],
  ["im", "intramuscular", "injection", "shot"],
  ["kap", "ketamine-assisted psychotherapy", "ketamine assisted psychotherapy", "psychedelic therapy"],
  ["ptsd", "post-traumatic stress", "post traumatic stress", "trauma"],
  ["lozenge", "troche", "sublingual", "rdt"],
  ["trd", "treatment-resistant depression", "treatment resistant depression"],
  ["ocd", "obsessive-compulsive disorder", "obsessive compulsive"],
  ["telehealth", "online", "virtual", "at-home", "at home", "remote"],
  ["integration", "integration therapy", "aftercare therapy"],
  ["support group", "integration circle", "peer group"],
  ["postpartum", "perinatal", "ppd"],
  ["crna", "nurse anesthetist"],
  ["pain", "chronic pain", "crps", "fibromyalgia"],
];

/**
 * Words a search ignores: little words, and words almost every listing would match ("ketamine
 * clinic near me in Austin" searches for "austin"). Both engines drop them (see `searchWords`).
 */
export const STOP_WORDS = [
  "a", "an", "the", "in", "on", "at", "to", "of", "for", "and", "or", "with", "by", "near", "around",
  "me", "my", "close", "clinic", "clinics", "center", "centre", "ketamine",
]; // prettier-ignore

const STOP = new Set(STOP_WORDS);

/** The words of a search as the PostgreSQL fallback matches them: lower case, no punctuation, no stop words. */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter((w) => w !== "" && !STOP.has(w))
    .slice(0, 8);
}

/** Every word of a group points at every other, so the match is symmetric. */
function synonymMap(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) out[word] = group.filter((w) => w !== word);
  }
  return out;
}

/**
 * Every attribute a filter may name: the registry's (`lib/search/registry.ts`), and the document
 * version. `lib/search/filters.ts` builds filter expressions only from these (and the PostgreSQL
 * fallback has the registry's SQL for each), so nothing else can reach a filter string.
 */
export const FILTERABLE_ATTRIBUTES = [...FILTER_ATTRIBUTES, "docVersion"] as const;

/**
 * Filterable too, but only for radius filters (see `geoFilter` in `lib/search/filters.ts`): no
 * filter condition names them. There is no `_geo`: Meilisearch's geo index costs over a second per
 * write at 100,000 listings (see `lib/search/geo.ts`).
 */
export const GEO_FILTER_ATTRIBUTES = ["lat", "lng", "id"] as const;

/**
 * Every string value a filter may carry (enum values, states, cities, languages) fits this: letters,
 * digits, spaces and . ' _ -. Filter compilers refuse anything else.
 */
export const SAFE_FILTER_VALUE = /^[\p{L}\p{N} .'_-]{1,80}$/u;

export type FilterableAttribute = FilterAttribute | "docVersion";

/** `id` orders the listings without a location after the nearest ones (see `lib/search/nearest.ts`). */
const SORTABLE_ATTRIBUTES = ["priceSort", "aftercareScore", "lastVerifiedTs", "id"] as const;

/**
 * The fields a search's words are looked for in, in Meilisearch's order of importance, each with
 * the words `docs/api.md` uses for it (a test checks the page says exactly these). The PostgreSQL
 * fallback matches every one of them too (`lib/search/text-sql.ts` must say how, or it does not compile).
 */
export const SEARCHABLE_ATTRIBUTES = [
  { attribute: "name", says: "name" },
  { attribute: "city", says: "city" },
  { attribute: "stateName", says: "state name" },
  { attribute: "state", says: "state code" },
  { attribute: "clinicTypeLabel", says: "kind of clinic" },
  { attribute: "routeLabels", says: "treatments" },
  { attribute: "conditionLabels", says: "conditions" },
  { attribute: "aftercareNotes", says: "aftercare notes" },
  { attribute: "description", says: "description (all of it)" },
  { attribute: "languages", says: "languages" },
] as const;

export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number]["attribute"];

/** "the name, city, …, and languages": how `docs/api.md` lists the fields `q` searches. */
export const SEARCHED_FIELDS_TEXT = `the ${SEARCHABLE_ATTRIBUTES.slice(0, -1)
  .map((a) => a.says)
  .join(", ")} and ${SEARCHABLE_ATTRIBUTES.at(-1)!.says}`;

export const INDEX_SETTINGS: Settings = {
  searchableAttributes: SEARCHABLE_ATTRIBUTES.map((a) => a.attribute),
  displayedAttributes: ["*"],
  filterableAttributes: [...FILTERABLE_ATTRIBUTES, ...GEO_FILTER_ATTRIBUTES],
  sortableAttributes: [...SORTABLE_ATTRIBUTES],
  // "sort" first: a chosen order (lowest price, nearest…) is strict. Without a sort it does nothing,
  // and words then rank by relevance. Searches ask for every word (`matchingStrategy: "all"`).
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  },
  synonyms: synonymMap(),
  stopWords: STOP_WORDS,
  pagination: { maxTotalHits: 100_000 },
  // Counting facet values by bitmap ("count" order) instead of document by document: Meilisearch
  // walks each matching document when fewer than 3,000 match, which took 85 ms for a 25-mile search
  // at 100,000 listings (5 ms this way). No facet has more than 100 values, so the order changes nothing.
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
  // The site never searches inside facet values; skipping that index makes every write cheaper.
  facetSearch: false,
};
