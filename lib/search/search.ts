import "server-only";
import { getDb } from "@/lib/db";
import type { Db } from "@/db/connect";
import { searchMeili, type BackendAnswer } from "./backend";
import { FacetCache } from "./facet-cache";
import { isDroppedConnection, type MeiliClient } from "./client";
import { errorChain } from "@/lib/errors";
import { countPostgres, searchPostgres } from "./fallback";
import { filterGroups, type FacetCounts, type GroupKey } from "./filters";
import type { OutsideFinder } from "./geo";
import { outsideFinder } from "./geo-sql";
import { toClinicHit, type ClinicHit } from "./hits";
import type { QueryIssue, SearchQuery } from "./query";
import { indexName, searchClient } from "./server";
import { meiliCounter, waysOut, type CountAsk, type WayOut } from "./suggestions";
import { count } from "@/lib/format";

export type SearchDeps = {
  db: Db;
  meili: MeiliClient;
  indexName: string;
  /** After Meilisearch fails, go straight to PostgreSQL for this long (ms) before trying it again. */
  coolOffMs?: number;
  /** Keeps facet counts for a few seconds (see FacetCache); without one, every search counts afresh. */
  facetCache?: FacetCache;
  /** The listings outside a radius (see `lib/search/geo.ts`); by default asked of `db` each time. */
  outside?: OutsideFinder;
  log?: (message: string) => void;
};

const shared = globalThis as unknown as { __atlasFacetCache?: FacetCache; __atlasOutside?: OutsideFinder };

/** The app's database, its short-timeout Meilisearch client, the index name and the caches. */
export function appSearchDeps(): SearchDeps {
  const db = getDb();
  shared.__atlasFacetCache ??= new FacetCache();
  shared.__atlasOutside ??= outsideFinder(db);
  return {
    db,
    meili: searchClient(),
    indexName: indexName(),
    facetCache: shared.__atlasFacetCache,
    outside: shared.__atlasOutside,
  };
}

export type SearchResult = {
  hits: ClinicHit[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  facets: FacetCounts;
  /** True when PostgreSQL answered because Meilisearch could not. */
  degraded: boolean;
  /** Plain-language notes for the page (a page past the end, …). */
  notices: QueryIssue[];
  /** When nothing matched: how many results dropping each active filter would give. */
  relax: Partial<Record<GroupKey | "q", number>>;
  /** When fewer than three matched: ways out, each with its count (`lib/search/suggestions.ts`). */
  suggestions: WayOut[];
};

/** Thrown in strict mode for a page past the last one (the API answers 400). */
export class PageOutOfRangeError extends Error {
  readonly code = "invalid_parameter";
  readonly parameter = "page";
  constructor(
    readonly page: number,
    readonly totalPages: number,
  ) {
    super(`page must be from 1 to ${Math.max(1, totalPages)}; got ${page}`);
  }
}

/** A tiny circuit breaker, per Meilisearch host: after a failure, skip it for a short while. */
const breaker = globalThis as unknown as { __atlasMeiliDownUntil?: Map<string, number> };
const downUntil = (breaker.__atlasMeiliDownUntil ??= new Map());

const DEFAULT_COOL_OFF_MS = 2000;

async function answer(
  deps: SearchDeps & { outside: OutsideFinder },
  query: SearchQuery,
): Promise<{ answer: BackendAnswer; degraded: boolean }> {
  const groups = filterGroups(query);
  const key = `${deps.meili.config.host}|${deps.indexName}`;
  if ((downUntil.get(key) ?? 0) <= Date.now()) {
    const ask = () =>
      searchMeili(deps.meili, deps.indexName, query, groups, {
        outside: deps.outside,
        cache: deps.facetCache,
      });
    try {
      // A request whose idle connection was closed under it is sent again once, on a new connection.
      const a = await ask().catch((err: unknown) => {
        if (isDroppedConnection(err)) return ask();
        throw err;
      });
      downUntil.delete(key);
      return { answer: a, degraded: false };
    } catch (err) {
      downUntil.set(key, Date.now() + (deps.coolOffMs ?? DEFAULT_COOL_OFF_MS));
      (deps.log ?? console.warn)(
        `[search] Meilisearch failed, answering from PostgreSQL: ${errorChain(err)}`,
      );
    }
  }
  return { answer: await searchPostgres(deps.db, query, groups), degraded: true };
}

/**
 * Searches listings: Meilisearch first (with its short timeout), PostgreSQL when Meilisearch is
 * unreachable, failing or slow (`degraded: true`). A page past the end is the last page with a notice
 * (`lenient`) or a `PageOutOfRangeError` (`strict`).
 */
export async function searchClinics(
  query: SearchQuery,
  deps: SearchDeps,
  mode: "lenient" | "strict" = "lenient",
): Promise<SearchResult> {
  const withFinder = { ...deps, outside: deps.outside ?? outsideFinder(deps.db) }; // one per search
  let { answer: a, degraded } = await answer(withFinder, query);
  const notices: QueryIssue[] = [];
  let q = query;
  const totalPages = Math.ceil(a.total / query.perPage);
  if (query.page > 1 && query.page > totalPages) {
    if (mode === "strict") throw new PageOutOfRangeError(query.page, totalPages);
    q = { ...query, page: Math.max(1, totalPages) };
    notices.push({
      parameter: "page",
      message: `page must be from 1 to ${Math.max(1, totalPages)}`,
      notice:
        totalPages > 0
          ? `There is no page ${count(query.page)}, so here is the last page, ${count(totalPages)}.`
          : `There is no page ${count(query.page)}.`,
    });
    if (totalPages > 0) ({ answer: a, degraded } = await answer(withFinder, q));
  }
  // Counted by the engine that answered; PostgreSQL if Meilisearch fails now.
  const pg = (asks: readonly CountAsk[]) => countPostgres(deps.db, asks);
  const meili = meiliCounter(deps.meili, deps.indexName, withFinder.outside);
  const suggestions = await waysOut(q, a.total, a.relax, (qs) =>
    degraded ? pg(qs) : meili(qs).catch(() => pg(qs)),
  );
  return {
    hits: a.docs.map((d) => toClinicHit(d, q)),
    total: a.total,
    page: q.page,
    perPage: q.perPage,
    totalPages: Math.ceil(a.total / q.perPage),
    facets: a.facets,
    degraded,
    notices,
    relax: a.total === 0 ? a.relax : {},
    suggestions,
  };
}
