import { z } from "zod";
import * as E from "@/db/enums";
import type { MeiliClient } from "./client";
import {
  combined,
  countsFromDistribution,
  idleFacets,
  idsFilter,
  resolveGroups,
  toMeiliFilter,
  type FacetCounts,
  type FilterGroup,
  type GroupKey,
} from "./filters";
import type { FacetCache } from "./facet-cache";
import { METERS_PER_MILE } from "@/db/geo";
import type { OutsideFinder } from "./geo";
import { HIT_FIELDS, type HitDocument } from "./hits";
import { nearestIds } from "./nearest";
import type { SearchQuery } from "./query";
import { searchWords } from "./settings";

/** The words the engines search for: stop words and punctuation dropped (see `searchWords`). */
export const searchText = (q: string) => searchWords(q).join(" ");

/** What a search engine (Meilisearch, or the PostgreSQL fallback) answers for one query. */
export type BackendAnswer = {
  docs: HitDocument[];
  total: number;
  facets: FacetCounts;
  /** How many results there would be without each active group (and without the words, `q`). */
  relax: Partial<Record<GroupKey | "q", number>>;
};

/**
 * The sort of a query in Meilisearch terms. Without words, "relevance" means best aftercare first.
 * Nearest first is ordered in the app (`lib/search/nearest.ts`), so it has none here.
 */
function meiliSort(q: SearchQuery): string[] {
  switch (q.sort) {
    case "price":
      return ["priceSort:asc"];
    case "score":
      return ["aftercareScore:desc"];
    case "distance":
      return q.zip ? [] : ["aftercareScore:desc"];
    case "verified":
      return ["lastVerifiedTs:desc"];
    case "relevance":
      return searchText(q.q) ? [] : ["aftercareScore:desc"];
  }
}

const nullableInt = z.number().int().nullable();
/** Meilisearch's answer is parsed like any other input: a stale or foreign index fails here. */
const hitSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  dataSource: E.dataSourceSchema,
  clinicType: E.clinicTypeSchema,
  city: z.string(),
  state: z.string(),
  telehealth: z.boolean(),
  statesServed: z.array(z.string()),
  lat: z.number().optional(),
  lng: z.number().optional(),
  routes: z.array(E.routeSchema),
  sessionMin: nullableInt,
  sessionMax: nullableInt,
  sessionPrice: nullableInt,
  sessionPricePackage: nullableInt,
  courseLow: nullableInt,
  courseHigh: nullableInt,
  aftercareScore: z.number().int(),
  aftercareSupports: z.number().int(),
  integrationTherapy: E.integrationTherapySchema,
  integrationByLicensed: z.boolean(),
  followUp24h: z.boolean(),
  onCall: E.onCallSchema,
  onCallHours: E.onCallHoursSchema.nullable(),
  supportGroups: E.supportGroupsSchema,
  newPatientStatus: E.newPatientStatusSchema,
  insurance: E.insuranceSchema,
  hsaFsa: z.boolean(),
  financing: z.boolean(),
  priceUpdatedAt: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
}) satisfies z.ZodType<HitDocument>;

const resultSchema = z.object({
  hits: z.array(z.unknown()),
  totalHits: z.number().int(),
  facetDistribution: z.record(z.string(), z.record(z.string(), z.number())).optional(),
});
const multiSchema = z.object({ results: z.array(resultSchema) });
const hitsOnlySchema = z.object({ hits: z.array(z.unknown()) });

type MeiliSearchOptions = {
  /** The listings in a radius's bounding box but outside it (`outsideFinder` in `lib/search/geo-sql.ts`). */
  outside: OutsideFinder;
  /** Counts for these words and filters, kept for a few seconds. */
  cache?: FacetCache;
};

/**
 * One round trip to Meilisearch (`multiSearch`): the page of results with the counts of every idle
 * facet, plus per active group a count-only query without that group (its facet counts, and how many
 * results relaxing it would give), plus, with words, a count without them. With a `cache` holding
 * counts for these words and filters, only the page of results is asked for. Nearest first, the
 * page is found alongside (`nearestIds`) and its listings fetched by id.
 */
export async function searchMeili(
  meili: MeiliClient,
  indexUid: string,
  query: SearchQuery,
  unresolved: FilterGroup[],
  { outside, cache }: MeiliSearchOptions,
): Promise<BackendAnswer> {
  const groups = await resolveGroups(unresolved, outside);
  const filter = (except?: GroupKey) => {
    const c = combined(groups, except);
    return c ? toMeiliFilter(c) : undefined;
  };
  const attrs = (facets: { attr: string }[]) => [...new Set(facets.map((f) => f.attr))];
  const idle = idleFacets(groups);
  const q = searchText(query.q);
  // The key holds the radius itself, not the ids outside it (which follow from it).
  const cacheKey = JSON.stringify([q, unresolved.map((g) => [g.key, g.cond])]);
  const nearest = query.sort === "distance" && query.zip !== null;
  const page = {
    indexUid,
    q,
    filter: filter(),
    sort: meiliSort(query),
    matchingStrategy: "all" as const,
    page: query.page,
    hitsPerPage: nearest ? 0 : query.perPage,
    attributesToRetrieve: [...HIT_FIELDS],
  };
  const start = (query.page - 1) * query.perPage;
  const nearestDocs = async (): Promise<HitDocument[] | undefined> => {
    if (!nearest || !query.zip) return undefined;
    const ids = await nearestIds({
      meili,
      indexUid,
      q,
      filter: page.filter,
      from: { lat: query.zip.lat, lng: query.zip.lng, meters: query.radius * METERS_PER_MILE },
      start,
      end: start + query.perPage,
      outside,
    });
    if (ids.length === 0) return [];
    const found = hitsOnlySchema.parse(
      await meili.index(indexUid).search("", {
        filter: idsFilter(ids),
        limit: ids.length,
        attributesToRetrieve: [...HIT_FIELDS],
      }),
    );
    const byId = new Map(found.hits.map((h) => hitSchema.parse(h)).map((d) => [d.id, d]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  const cached = cache?.get(cacheKey);
  const queries = cached
    ? [page]
    : [
        { ...page, facets: attrs(idle) },
        ...groups.map((g) => ({
          indexUid,
          q,
          filter: filter(g.key),
          matchingStrategy: "all" as const,
          page: 1,
          hitsPerPage: 0,
          facets: attrs([...g.facets]),
        })),
        ...(q ? [{ indexUid, q: "", filter: filter(), page: 1, hitsPerPage: 0 }] : []),
      ];
  const [{ results }, nearby] = await Promise.all([
    meili.multiSearch({ queries }).then((r) => multiSchema.parse(r)),
    nearestDocs(),
  ]);
  const [main, ...rest] = results;
  if (!main || rest.length !== queries.length - 1) throw new Error("Meilisearch answered too few results");
  const docs = nearby ?? main.hits.map((h) => hitSchema.parse(h));
  if (cached) return { docs, total: main.totalHits, ...cached };
  const facets: FacetCounts = countsFromDistribution(idle, main.facetDistribution);
  const relax: BackendAnswer["relax"] = {};
  groups.forEach((g, i) => {
    const r = rest[i]!;
    Object.assign(facets, countsFromDistribution(g.facets, r.facetDistribution));
    relax[g.key] = r.totalHits;
  });
  if (q) relax.q = rest[groups.length]!.totalHits;
  cache?.set(cacheKey, { facets, relax });
  return { docs, total: main.totalHits, facets, relax };
}
