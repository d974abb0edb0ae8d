import "server-only";
import { and as sqlAnd, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinics, clinicSearch, listingsGeneration } from "@/db/schema";
import { toSearchDocument, UNKNOWN_PRICE_SORT } from "./document";
import { distanceSql } from "./geo-sql";
import {
  andAlso,
  combined,
  countsFromDistribution,
  FACETS,
  filterGroups,
  type Facet,
  type FacetCounts,
  type FilterGroup,
} from "./filters";
import type { BackendAnswer } from "./backend";
import type { SearchQuery } from "./query";
import type { CountAsk } from "./suggestions";
import { condSql, countBits, distributionOf, dollarsSql, FACET_VALUES } from "./search-table";
import { searchWords } from "./settings";
import { textMatchSql } from "./text-sql";

/**
 * The PostgreSQL answer to a search, for when Meilisearch is unreachable, failing or slow: the same
 * filter tree (`lib/search/filters.ts`) compiled to SQL over the narrow search table `clinic_search`
 * (`lib/search/search-table.ts`: filters on facet values are tests of bits of its `facet_bits`),
 * the same sorts, every facet count from one pass over those numbers, distance by the haversine
 * formula (`lib/search/geo-sql.ts`), and text matched by full-text search over the fields
 * Meilisearch searches (`lib/search/text-sql.ts`: the same words, synonyms and stop words; no typo
 * tolerance, no ranking beyond "the name matches").
 */

const c = clinics;
const s = clinicSearch;

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
function nameMatchSql(words: string[]): SQL {
  return sql`(${sql.join(
    words.map((w) => sql`${s.name} ilike ${`%${likeEscape(w)}%`}`),
    sql` and `,
  )})`;
}

/** ORDER BY over the columns of `m` (see `run`); ties go by id, so pages never overlap. */
function orderBy(query: SearchQuery, words: string[]): SQL {
  switch (query.sort) {
    case "price":
      return sql.raw(`coalesce(session_dollars, ${UNKNOWN_PRICE_SORT}) asc, id asc`);
    case "score":
      return sql.raw("score desc, id asc");
    case "distance":
      return sql.raw(query.zip ? "dist asc nulls last, id asc" : "score desc, id asc");
    case "verified":
      return sql.raw("last_verified_at desc nulls last, id asc");
    case "relevance":
      // Without words, "relevance" is the best aftercare first (as in Meilisearch, see backend.ts).
      return sql.raw(words.length ? "name_match desc, score desc, id asc" : "score desc, id asc");
  }
}

const toInt = (v: unknown) => Number(v ?? 0);

/**
 * At most this many fallback searches run at once per server process (each takes up to three
 * connections): when Meilisearch is down under load, the rest wait their turn instead of taking
 * every connection of the pool, which pages and the database probe need too.
 */
const MAX_CONCURRENT = 2;
let active = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export function searchPostgres(db: Db, query: SearchQuery, groups: FilterGroup[]): Promise<BackendAnswer> {
  return limited(() => run(db, query, groups));
}

/** Every facet count and the total over all published listings, and the data they were counted from. */
type GlobalCounts = { generation: number; total: number; facets: FacetCounts };

/** Per database client (a process may talk to several: tests, the benchmark), the latest count. */
const kept = globalThis as unknown as { __atlasFallbackCounts?: WeakMap<Db, Promise<GlobalCounts>> };
const latest = () => (kept.__atlasFallbackCounts ??= new WeakMap());

/** Forgets the shared counts (`globalCounts`): the next search that needs them counts afresh. */
export function clearFallbackCache(): void {
  kept.__atlasFallbackCounts = new WeakMap();
}

const lg = listingsGeneration;
const GENERATION = sql`(select ${lg.generation} from ${lg} where ${lg.id} = 1)`;

/**
 * The counts over every published listing. A facet counts the rows that pass every filter group but
 * its own, so for a search without words these are the counts of every facet when no filter is on,
 * and of the one active group's facets (and its relax count) when one is: the same for all such
 * searches, whatever their filter, sort or page. Kept per database client and keyed to the
 * listings' generation (`listings_generation`, bumped at the commit of every write to `clinics`),
 * read in the same statement as the counts, so they are never older than the data a search sees;
 * one count runs at a time, and the searches that need it meanwhile wait for it.
 */
async function globalCounts(db: Db): Promise<GlobalCounts> {
  const [row] = await db.execute<{ g: unknown }>(sql`select ${GENERATION} as g`);
  const generation = toInt(row?.g);
  const current = latest().get(db);
  if (current) {
    const found = await current.catch(() => undefined);
    if (found && found.generation >= generation) return found;
    // Another search may have started a newer count meanwhile.
    if (latest().get(db) !== current) return globalCounts(db);
  }
  const counting = count(db, { words: [], groups: [] }).then(({ agg, facets, total }) => ({
    generation: toInt(agg?.generation),
    total,
    facets,
  }));
  latest().set(db, counting);
  counting.catch(() => {
    if (latest().get(db) === counting) latest().delete(db);
  });
  return counting;
}

/** What `count` counts: the rows matching `words` and passing the groups but one at most. */
type CountSpec = {
  words: string[];
  textMatch?: SQL;
  groups: FilterGroup[];
  /** The facets and relax counts known already (`globalCounts`): left out. */
  known?: { facets: ReadonlySet<Facet>; relax: boolean };
  /** The page of ids, in the query's order. */
  page?: SearchQuery;
};

/**
 * One statement: the listings that can count anywhere are read once from `clinic_search` into `m`,
 * with what the answer needs computed once per row (sort keys, and `miss`: 0 when the row passes
 * every filter group, i + 1 when it misses group i only); the page, the total and the relax counts
 * are then counted from `m`, and every facet count not `known` from one pass over its rows' facet
 * bitmaps: a value of an idle facet counts the rows that pass every group, one of group i's facets
 * those that pass every group but i.
 */
async function count(db: Db, spec: CountSpec) {
  const { words, groups, page: query } = spec;
  // A row that misses two filter groups or more counts nowhere (not in the page, the total, a relax
  // count or a facet, each of which forgives at most one group), and with the relax counts known,
  // neither does one that misses any: leave it out of `m` at once.
  // (Tested on the groups' columns `g0`, `g1` … of the row, so each condition runs once a row.)
  const nearly =
    groups.length >= 2 || (groups.length === 1 && spec.known?.relax)
      ? sql`where (${sql.join(
          groups.map((_, i) => sql.raw(`coalesce(g${i}::int, 0)`)),
          sql` + `,
        )}) >= ${spec.known?.relax ? groups.length : groups.length - 1}`
      : undefined;
  const base = sqlAnd(eq(s.status, "published"), spec.textMatch)!;
  const passes = (except?: string) => {
    const rest = groups.flatMap((g, i) => (g.key === except ? [] : [sql.raw(`g${i}`)]));
    return rest.length ? sql.join(rest, sql` and `) : sql`true`;
  };

  const columns: SQL[] = [sql`${s.id} as id`, sql`${s.aftercareScore} as score`];
  // The facet values' bitmap, when facets are counted.
  const counting = FACETS.filter((f) => !spec.known?.facets.has(f));
  if (counting.length) columns.push(sql`${s.facetBits} as facet_bits`);
  // The other sort keys, when the page is sorted by them.
  if (query?.sort === "verified") columns.push(sql`${s.lastVerifiedAt} as last_verified_at`);
  // The sort by price: the lowest effective price per session, as `priceSort` in the document.
  if (query?.sort === "price") columns.push(sql`${dollarsSql(sql`${s.sessionPrice}`)} as session_dollars`);
  if (query?.zip) columns.push(sql`${distanceSql(query.zip.lat, query.zip.lng, s)} as dist`);
  if (words.length) columns.push(sql`${nameMatchSql(words)} as name_match`);
  groups.forEach((g, i) => columns.push(sql`${condSql(g.cond)} as ${sql.raw(`g${i}`)}`));
  const miss = sql`case when ${passes()} then 0 ${sql.join(
    groups.map((g, i) => sql`when ${passes(g.key)} then ${sql.raw(String(i + 1))}`),
    sql` `,
  )} else -1 end`;

  const aggregates: SQL[] = [
    sql`count(*) filter (where miss = 0) as total`,
    sql`${GENERATION} as generation`,
  ];
  if (query)
    aggregates.push(sql`array(select id from m where miss = 0 order by ${orderBy(query, words)}
      limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as ids`);
  if (!spec.known?.relax)
    groups.forEach((_, i) =>
      aggregates.push(sql.raw(`count(*) filter (where miss in (0, ${i + 1})) as relax_${i}`)),
    );

  // With the facets to count, the bitmaps of the rows that count (`miss` 0, or i + 1 for group i's
  // facets), joined end to end a thousand rows at a time, one result row each beside the aggregates
  // (one value of megabytes is slow to receive), and counted here bit by bit (`countBits`): several
  // times faster than unnesting the values and grouping them in SQL.
  const bitmaps = counting.length
    ? sql` left join (select miss as bits_miss, string_agg(facet_bits, '') as bits from (
        select miss, facet_bits, (row_number() over ()) / 1000 as chunk from m where miss >= 0) x
        group by miss, chunk) b on true`
    : sql``;
  // `offset 0` keeps `r` a subquery of its own: each group's condition is computed once a row, not
  // again wherever `miss` and `nearly` name it.
  const statement = sql`with m as materialized (
      select *, ${miss} as miss from (
        select ${sql.join(columns, sql`, `)} from ${s} where ${base} offset 0) r ${nearly}),
    a as (select ${sql.join(aggregates, sql`, `)} from m)
    select * from a${bitmaps}`;
  const rows = await db.transaction(async (tx) => {
    // `m` holds one row per matching listing; let it stay in memory.
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx.execute<Record<string, unknown>>(statement);
  });
  const agg = rows[0];

  // The counts of each facet value: a value of an idle facet counts the rows that pass every group;
  // one of group i's facets, those that pass every group but i too. Then summed per choice, as
  // Meilisearch's facet distribution is.
  const facets: FacetCounts = {};
  if (counting.length) {
    const chunks = groups.map((): Uint8Array[] => []).concat([[]]);
    for (const row of z
      .array(z.object({ bits_miss: z.number().nullable(), bits: z.instanceof(Uint8Array).nullable() }))
      .parse(rows))
      if (row.bits_miss !== null && row.bits) chunks[row.bits_miss]!.push(row.bits);
    const passing = countBits(chunks[0]!);
    const held = groups.map((_, i) => countBits(chunks[i + 1]!));
    const owner = new Map(
      FACET_VALUES.map((v) => [v.id, groups.findIndex((g) => g.facets.includes(v.facet))]),
    );
    const distribution = distributionOf((id) => {
      const o = owner.get(id)!;
      return passing(id) + (o >= 0 ? held[o]!(id) : 0);
    });
    Object.assign(facets, countsFromDistribution(counting, distribution));
  }
  const relax: BackendAnswer["relax"] = {};
  if (!spec.known?.relax) groups.forEach((g, i) => (relax[g.key] = toInt(agg?.[`relax_${i}`])));
  return { agg, facets, relax, total: toInt(agg?.total) };
}

/** The page of ids of a search without words or filters. */
async function plainPage(db: Db, query: SearchQuery): Promise<string[]> {
  const columns: SQL[] = [
    sql`${s.id} as id`,
    sql`${s.lastVerifiedAt} as last_verified_at`,
    sql`${s.aftercareScore} as score`,
    sql`${dollarsSql(sql`${s.sessionPrice}`)} as session_dollars`,
  ];
  const [row] = await db.execute<{ ids: unknown }>(sql`select array(
      select id from (select ${sql.join(columns, sql`, `)} from ${s} where ${eq(s.status, "published")}) m
      order by ${orderBy(query, [])} limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as ids`);
  return z.array(z.string()).parse(row?.ids ?? []);
}

/**
 * A search: the page of ids, the total, the relax counts and every facet count (`count`). Without
 * words and with one filter group at most, the counts that forgive that group, or every count when
 * no filter is on, are the shared ones (`globalCounts`), and only the rest is counted.
 */
async function run(db: Db, query: SearchQuery, groups: FilterGroup[]): Promise<BackendAnswer> {
  const words = searchWords(query.q);
  const global = !words.length && groups.length <= 1 ? await globalCounts(db) : undefined;
  let answer: { ids: string[]; total: number; facets: FacetCounts; relax: BackendAnswer["relax"] };
  if (global && groups.length === 0) {
    answer = { ids: await plainPage(db, query), total: global.total, facets: global.facets, relax: {} };
  } else {
    const known = global && { facets: new Set(groups[0]!.facets), relax: true };
    const counted = await count(db, { words, textMatch: textMatchSql(query.q), groups, known, page: query });
    const facets: FacetCounts = {};
    for (const f of FACETS) {
      facets[f.param] = known?.facets.has(f) ? global!.facets[f.param] : counted.facets[f.param];
    }
    const relax = known ? { [groups[0]!.key]: global!.total } : counted.relax;
    answer = { ids: z.array(z.string()).parse(counted.agg?.ids ?? []), total: counted.total, facets, relax };
  }

  const { ids, total, facets, relax } = answer;
  const order = new Map(ids.map((id, i) => [id, i]));
  const rows = ids.length
    ? (
        await db
          .select()
          .from(c)
          .where(sqlAnd(eq(c.status, "published"), inArray(c.id, ids)))
      ).sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    : [];
  if (words.length && total === 0) {
    const all = combined(groups);
    const allWhere = sqlAnd(eq(s.status, "published"), all && condSql(all));
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${s} where ${allWhere}`);
    relax.q = toInt(row?.n);
  }
  return { docs: rows.map(toSearchDocument), total, facets, relax };
}

/**
 * How many listings each ask finds (its query's words and filters, and its extra condition; page and
 * sort play no part): the PostgreSQL side of the counts behind the ways out (`suggestions.ts`).
 */
export function countPostgres(db: Db, asks: readonly CountAsk[]): Promise<number[]> {
  return limited(async () => {
    const counts: number[] = [];
    for (const { query, and: extra } of asks) {
      const all = andAlso(combined(filterGroups(query)), extra);
      const where = sqlAnd(eq(s.status, "published"), textMatchSql(query.q), all && condSql(all));
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${s} where ${where}`);
      counts.push(toInt(row?.n));
    }
    return counts;
  });
}
