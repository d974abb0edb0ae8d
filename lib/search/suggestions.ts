import { z } from "zod";
import { STATE_NAMES } from "@/lib/labels";
import { joinAnd } from "@/lib/listings/describe";
import { searchText } from "./backend";
import type { MeiliClient } from "./client";
import { count as countText } from "@/lib/format";
import {
  andAlso,
  combined,
  filterGroups,
  PLACE_PARAMS,
  resolveGroups,
  toMeiliFilter,
  type Cond,
  type GroupKey,
} from "./filters";
import type { OutsideFinder } from "./geo";
import { relaxLabel } from "./labels";
import { DEFAULT_QUERY, type ParamName, type SearchQuery } from "./query";
import { FILTERS, filterDef } from "./registry";
import type { FilterableAttribute } from "./settings";

/**
 * Ways out of a search that finds nothing or little: one-click changes to the query, each with the
 * number of clinics it finds, in this order:
 * 1. a wider circle: the smallest of `WIDER_RADII` (beyond the current radius) that finds more;
 * 2. online care available in the searched state (`telehealthIn`: near here, or online in the state);
 * 3. dropping the one filter whose removal finds the most (the "relax" counts every search already
 *    makes, see `BackendAnswer.relax`; the search words are not a filter and are left alone).
 * Before them, when the words name an aftercare filter ("group therapy", "24-hour check-in"), the
 * words read as that filter (`filterWords`): "Clinics with support groups"; after them, the search
 * without its words. Each is offered only when it finds more than the search did. The extra counts (1 and 2: one
 * round trip) run only when a search finds fewer than `FEW_RESULTS`, so a normal search costs nothing more.
 *
 * Besides, whatever the number of results, a search with a per-session price limit offers the
 * matching clinics that list no price at all ("3 clinics don't list prices — show them"): its link is
 * the same search without the price limit (they are among its results), its `total` what that link
 * finds (the relax count), and its label the count of the clinics without a price (one more count).
 */

export const FEW_RESULTS = 3;
const WIDER_RADII = [50, 100, 250] as const;

/**
 * A way out: what it says ("Within 100 miles"), how it changes the query, and how many it finds.
 * `unpriced`: the offer of the clinics without a price, and how many of them match.
 */
export type WayOut = { label: string; change: Partial<SearchQuery>; total: number; unpriced?: number };

/** A count to make: what a query's words and filters find, with one more condition when given. */
export type CountAsk = { query: SearchQuery; and?: Cond };

/** How many listings each ask finds, in the order given. */
export type Counter = (asks: readonly CountAsk[]) => Promise<number[]>;

/** The per-session price filter, and the condition "lists no price at all" on its attribute. */
const PRICE_PARAM = "maxSessionPrice" satisfies ParamName;
const NO_PRICE: Cond = { op: "null", attr: filterDef(PRICE_PARAM)!.attr as FilterableAttribute };

/** "1 clinic doesn't list prices — show it", "3 clinics don't list prices — show them". */
export function unpricedLabel(n: number): string {
  return n === 1
    ? "1 clinic doesn't list prices — show it"
    : `${countText(n)} clinics don't list prices — show them`;
}

type Phrase = { words: string[]; param: ParamName; value: true | string | readonly string[] };

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/** Every typed phrase of the registry, longest first. */
const PHRASES: readonly Phrase[] = FILTERS.flatMap((f) => {
  const typed = "typed" in f ? f.typed : undefined;
  if (!typed) return [];
  return typed.phrases.map((p) => ({ words: wordsOf(p), param: f.param as ParamName, value: typed.value }));
}).sort((a, b) => b.words.length - a.words.length);

/**
 * The filters the search words name (registry `typed`: "group therapy" is `groups=any`), and the words
 * left without them. Whole words, any case, hyphens and spaces alike; filters the query already has
 * are not named again. Undefined when the words name none.
 */
export function filterWords(
  query: SearchQuery,
): { change: Partial<SearchQuery>; params: ParamName[] } | undefined {
  const raw = query.q.split(/[^\p{L}\p{N}'’]+/u).filter((w) => w !== "");
  const norm = raw.map((w) => w.toLowerCase().replace(/['’]/g, ""));
  const used = new Set<number>();
  const change: Record<string, unknown> = {};
  const params: ParamName[] = [];
  for (let i = 0; i < norm.length; i++) {
    const hit = PHRASES.find((p) => p.words.every((w, k) => norm[i + k] === w));
    if (!hit) continue;
    for (let k = 0; k < hit.words.length; k++) used.add(i + k);
    const current = query[hit.param];
    const already = Array.isArray(current) ? current.length > 0 : current !== null && current !== false;
    if (!already && !params.includes(hit.param)) {
      change[hit.param] = Array.isArray(hit.value) ? [...hit.value] : hit.value;
      params.push(hit.param);
    }
    i += hit.words.length - 1;
  }
  if (params.length === 0) return undefined;
  change.q = raw.filter((_, i) => !used.has(i)).join(" ");
  return { change: change as Partial<SearchQuery>, params };
}

/** The query without one filter group (a group's parameters back to their defaults). */
function relaxChange(key: GroupKey): Partial<SearchQuery> {
  const params: readonly ParamName[] = key === "place" ? PLACE_PARAMS : [key];
  return Object.fromEntries(params.map((p) => [p, DEFAULT_QUERY[p]])) as Partial<SearchQuery>;
}

export async function waysOut(
  query: SearchQuery,
  total: number,
  relax: Partial<Record<GroupKey | "q", number>>,
  count: Counter,
): Promise<WayOut[]> {
  const priced = query[PRICE_PARAM] !== null;
  const withoutPrice = relaxChange(PRICE_PARAM);
  const unpricedAsk: CountAsk = { query: { ...query, ...withoutPrice, page: 1 }, and: NO_PRICE };
  if (total >= FEW_RESULTS) {
    if (!priced) return [];
    const [n = 0] = await count([unpricedAsk]);
    return unpricedWay(n, relax[PRICE_PARAM]);
  }
  const asked: Omit<WayOut, "total">[] = [];
  const named = query.q ? filterWords(query) : undefined;
  if (named)
    asked.push({
      label: `Clinics with ${joinAnd(named.params.map((p) => relaxLabel(p as GroupKey)))}`,
      change: named.change,
    });
  const wider = query.zip ? WIDER_RADII.filter((r) => r > query.radius) : [];
  for (const r of wider) asked.push({ label: `Within ${r} miles`, change: { radius: r } });
  const state = query.zip?.state ?? query.state;
  const online = state && !query.telehealthIn;
  if (online)
    asked.push({ label: `Include online care in ${STATE_NAMES[state]}`, change: { telehealthIn: state } });
  const asks: CountAsk[] = asked.map((a) => ({ query: { ...query, ...a.change, page: 1 } }));
  if (priced) asks.push(unpricedAsk);
  const counts = asks.length ? await count(asks) : [];
  const found = asked.map((a, i) => ({ ...a, total: counts[i] ?? 0 })).filter((w) => w.total > total);

  const out: WayOut[] = [];
  const asFilter = named && found.find((w) => w.change === named.change);
  if (asFilter) out.push(asFilter);
  const circle = found.find((w) => w.change.radius !== undefined);
  if (circle) out.push(circle);
  const inState = found.find((w) => w.change.telehealthIn !== undefined);
  if (inState) out.push(inState);
  const [key, most] =
    (Object.entries(relax) as [GroupKey | "q", number][])
      .filter(([k]) => k !== "q")
      .sort((a, b) => b[1] - a[1])[0] ?? [];
  if (key && key !== "q" && most !== undefined && most > total)
    out.push({ label: `Search without ${relaxLabel(key)}`, change: relaxChange(key), total: most });
  // Last, the words themselves: "Search without the words “grup therapy”".
  const withoutWords = relax.q;
  if (query.q && !asFilter && withoutWords !== undefined && withoutWords > total)
    out.push({ label: `Search without the words “${query.q}”`, change: { q: "" }, total: withoutWords });
  if (priced) out.push(...unpricedWay(counts[asked.length] ?? 0, relax[PRICE_PARAM]));
  return out;
}

/** The offer of the clinics without a price, when some match (`total`: the search without the limit). */
function unpricedWay(n: number, total: number | undefined): WayOut[] {
  if (n === 0 || total === undefined) return [];
  return [{ label: unpricedLabel(n), change: relaxChange(PRICE_PARAM), total, unpriced: n }];
}

const countsSchema = z.object({ results: z.array(z.object({ totalHits: z.number().int() })) });

/** The Meilisearch side of `Counter`: one `multiSearch` of count-only queries. */
export function meiliCounter(meili: MeiliClient, indexUid: string, outside: OutsideFinder): Counter {
  return async (asks) => {
    const asked = await Promise.all(
      asks.map(async ({ query: q, and: extra }) => {
        const all = andAlso(combined(await resolveGroups(filterGroups(q), outside)), extra);
        return {
          indexUid,
          q: searchText(q.q),
          filter: all ? toMeiliFilter(all) : undefined,
          matchingStrategy: "all" as const,
          page: 1,
          hitsPerPage: 0,
        };
      }),
    );
    const { results } = countsSchema.parse(await meili.multiSearch({ queries: asked }));
    if (results.length !== asks.length) throw new Error("Meilisearch answered too few counts");
    return results.map((r) => r.totalHits);
  };
}
