import "server-only";
import { and as sqlAnd, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinics, listingsGeneration } from "@/db/schema";
import { toSearchDocument, UNKNOWN_PRICE_SORT } from "./document";
import { distanceSql, withinSql } from "./geo-sql";
import {
  andAlso,
  combined,
  FACETS,
  filterGroups,
  type Cond,
  type Facet,
  type FacetCounts,
  type FilterGroup,
} from "./filters";
import type { BackendAnswer } from "./backend";
import type { SearchQuery } from "./query";
import type { CountAsk } from "./suggestions";
import { FILTERS, type FilterDef, type SqlType } from "./registry";
import type { FilterableAttribute } from "./settings";
import { searchWords } from "./settings";
import { textMatchSql } from "./text-sql";

/**
 * The PostgreSQL answer to a search, for when Meilisearch is unreachable, failing or slow: the same
 * filter tree (`lib/search/filters.ts`) compiled to SQL, the same sorts, facet counts with
 * `count(*) filter (…)`, distance by the haversine formula (`lib/search/geo-sql.ts`), and text matched
 * by full-text search over the fields Meilisearch searches (`lib/search/text-sql.ts`: the same words,
 * synonyms and stop words; no typo tolerance, no ranking beyond "the name matches").
 */

const c = clinics;

/**
 * `expr` is what the document holds, `type` its SQL type (e.g. `condition[]`, `insurance`, `text`);
 * a range's `cents` is its stored column in cents.
 */
type Column = { expr: SQL; kind: SqlType; type: string; cents?: SQL };

/** Cents to whole dollars, as `dollars()` in lib/search/registry.ts. */
const dollarsSql = (cents: SQL) => sql`round(${cents} / 100.0)`;

/**
 * The SQL of every attribute a filter may name, from the registry (the meaning of `filterFields`):
 * the filter's column, derived facts included (stored, db/schema.ts `derivedColumns`).
 */
const COLUMNS = new Map<string, Column>(
  (FILTERS as readonly FilterDef[]).flatMap((f) => {
    if (!f.attr || !f.type) return [];
    if (!f.column) throw new Error(`filter ${f.param} has no column`);
    const column = c[f.column];
    const col = sql`${column}`;
    const type = column.getSQLType();
    if (f.kind === "range") return [[f.attr, { expr: dollarsSql(col), kind: "number", type, cents: col }]];
    return [[f.attr, { expr: col, kind: f.type, type }]];
  }),
);

function column(attr: FilterableAttribute): Column {
  const col = COLUMNS.get(attr);
  if (!col) throw new Error(`no SQL for filter attribute ${attr}`);
  return col;
}

/**
 * Values as an array of the column's own type (`array[$1, $2]::condition[]`): the values are cast
 * once, where casting the column (enums to text) would convert every row's value at every test.
 */
const list = (values: readonly string[], type: string) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type.endsWith("[]") ? type : `${type}[]`)}`;

/** A filter condition as SQL; values travel as bound parameters. */
function toSql(cond: Cond): SQL {
  switch (cond.op) {
    case "eq": {
      const col = column(cond.attr);
      if (typeof cond.value === "boolean")
        return cond.value ? sql`coalesce(${col.expr}, false)` : sql`not coalesce(${col.expr}, false)`;
      return col.kind === "array"
        ? sql`(${col.expr} @> ${list([cond.value], col.type)})`
        : sql`(${col.expr} = any(${list([cond.value], col.type)}))`;
    }
    case "in": {
      const col = column(cond.attr);
      if (cond.values.length === 0) return sql`false`;
      return col.kind === "array"
        ? sql`(${col.expr} && ${list(cond.values, col.type)})`
        : sql`(${col.expr} = any(${list(cond.values, col.type)}))`;
    }
    case "lte": {
      // round(cents / 100) <= n  ⇔  cents < 100 n + 50 (n whole): a plain comparison an index serves.
      const col = column(cond.attr);
      return col.cents && Number.isInteger(cond.value)
        ? sql`(${col.cents} < ${cond.value * 100 + 50})`
        : sql`(${col.expr} <= ${cond.value})`;
    }
    case "null": {
      const col = column(cond.attr);
      return sql`(${col.cents ?? col.expr} is null)`;
    }
    case "geo":
      return withinSql(cond);
    case "and":
    case "or":
      return sql`(${sql.join(cond.items.map(toSql), cond.op === "and" ? sql` and ` : sql` or `)})`;
  }
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
function nameMatchSql(words: string[]): SQL {
  return sql`(${sql.join(
    words.map((w) => sql`${c.name} ilike ${`%${likeEscape(w)}%`}`),
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

/** Facets with many choices are counted with GROUP BY; the rest with one count(*) filter each. */
const GROUPED = new Set<Facet["param"]>(["state", "telehealthIn", "language"]);

const toInt = (v: unknown) => Number(v ?? 0);

/** The order of the facets in an answer, as `count` fills them in: the grouped ones first. */
const FACET_ORDER = [
  ...FACETS.filter((f) => GROUPED.has(f.param)),
  ...FACETS.filter((f) => !GROUPED.has(f.param)),
];

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
 * One statement: the listings that can count anywhere are read once into `m`, with what the answer
 * needs computed once per row (sort keys, whether the row passes each filter group, each choice);
 * the page, the total, the relax counts and every facet count not `known` are then counted from `m`.
 */
async function count(db: Db, spec: CountSpec) {
  const { words, groups, page: query } = spec;
  // A row that misses two filter groups or more counts nowhere (not in the page, the total, a relax
  // count or a facet, each of which forgives at most one group), and with the relax counts known,
  // neither does one that misses any: leave it out of `m` at once.
  const nearly =
    groups.length >= 2 || (groups.length === 1 && spec.known?.relax)
      ? sql`(${sql.join(
          groups.map((g) => sql`coalesce((${toSql(g.cond)})::int, 0)`),
          sql` + `,
        )}) >= ${spec.known?.relax ? groups.length : groups.length - 1}`
      : undefined;
  const base = sqlAnd(eq(c.status, "published"), spec.textMatch, nearly)!;
  const ownerOf = (facet: Facet) => groups.find((g) => g.facets.includes(facet))?.key;
  const passes = (except?: string) => {
    const rest = groups.flatMap((g, i) => (g.key === except ? [] : [sql.raw(`g${i}`)]));
    return rest.length ? sql.join(rest, sql` and `) : sql`true`;
  };

  const columns: SQL[] = [
    sql`${c.id} as id`,
    sql`${c.state} as state`,
    sql`${column("telehealthStates").expr} as telehealth_states`,
    sql`${c.languages} as languages`,
    sql`${c.lastVerifiedAt} as last_verified_at`,
    sql`${c.aftercareScore} as score`,
    // The sort by price: the lowest effective price per session, as `priceSort` in the document.
    sql`${dollarsSql(sql`${c.sessionPrice}`)} as session_dollars`,
  ];
  if (query?.zip) columns.push(sql`${distanceSql(query.zip.lat, query.zip.lng)} as dist`);
  if (words.length) columns.push(sql`${nameMatchSql(words)} as name_match`);
  groups.forEach((g, i) => columns.push(sql`${toSql(g.cond)} as ${sql.raw(`g${i}`)}`));

  const counted: { alias: string; param: Facet["param"]; choice: string }[] = [];
  const aggregates: SQL[] = [
    sql`count(*) filter (where ${passes()}) as total`,
    sql`${GENERATION} as generation`,
  ];
  if (query)
    aggregates.push(sql`array(select id from m where ${passes()} order by ${orderBy(query, words)}
      limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as ids`);
  if (!spec.known?.relax)
    groups.forEach((g, i) =>
      aggregates.push(sql`count(*) filter (where ${passes(g.key)}) as ${sql.raw(`relax_${i}`)}`),
    );
  const counting = FACETS.filter((f) => !spec.known?.facets.has(f));
  for (const facet of counting) {
    if (GROUPED.has(facet.param)) continue;
    for (const choice of facet.choices) {
      const alias = `c${counted.length}`;
      counted.push({ alias, param: facet.param, choice });
      columns.push(sql`${toSql(facet.cond(choice))} as ${sql.raw(alias)}`);
      aggregates.push(
        sql`count(*) filter (where ${passes(ownerOf(facet))} and ${sql.raw(alias)}) as ${sql.raw(alias)}`,
      );
    }
  }
  const groupedFacets = counting.filter((f) => GROUPED.has(f.param));
  const GROUPED_COLUMN: Partial<Record<Facet["param"], SQL>> = {
    state: sql`state`,
    telehealthIn: sql`unnest(telehealth_states)`,
    language: sql`unnest(languages)`,
  };
  groupedFacets.forEach((facet, i) =>
    aggregates.push(sql`(select coalesce(json_object_agg(v, n), '{}') from (
      select v, count(*) as n from (select ${GROUPED_COLUMN[facet.param]!} as v from m where ${passes(ownerOf(facet))}) t
      group by v) x) as ${sql.raw(`f${i}`)}`),
  );

  const statement = sql`with m as materialized (
      select ${sql.join(columns, sql`, `)} from ${c} where ${base})
    select ${sql.join(aggregates, sql`, `)} from m`;
  const [agg] = await db.transaction(async (tx) => {
    // `m` holds one row per matching listing; let it stay in memory.
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx.execute<Record<string, unknown>>(statement);
  });

  const facets: FacetCounts = {};
  groupedFacets.forEach((facet, i) => {
    const found = z.record(z.string(), z.coerce.number()).parse(agg?.[`f${i}`] ?? {});
    facets[facet.param] = Object.fromEntries(facet.choices.map((ch) => [ch, found[ch] ?? 0]));
  });
  for (const { alias, param, choice } of counted) (facets[param] ??= {})[choice] = toInt(agg?.[alias]);
  const relax: BackendAnswer["relax"] = {};
  if (!spec.known?.relax) groups.forEach((g, i) => (relax[g.key] = toInt(agg?.[`relax_${i}`])));
  return { agg, facets, relax, total: toInt(agg?.total) };
}

/** The page of ids of a search without words or filters, straight from the listings. */
async function plainPage(db: Db, query: SearchQuery): Promise<string[]> {
  const columns: SQL[] = [
    sql`${c.id} as id`,
    sql`${c.lastVerifiedAt} as last_verified_at`,
    sql`${c.aftercareScore} as score`,
    sql`${dollarsSql(sql`${c.sessionPrice}`)} as session_dollars`,
  ];
  const [row] = await db.execute<{ ids: unknown }>(sql`select array(
      select id from (select ${sql.join(columns, sql`, `)} from ${c} where ${eq(c.status, "published")}) m
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
    for (const f of FACET_ORDER) {
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
    const allWhere = all ? sqlAnd(eq(c.status, "published"), toSql(all)) : eq(c.status, "published");
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${c} where ${allWhere}`);
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
      const where = sqlAnd(eq(c.status, "published"), textMatchSql(query.q), all && toSql(all));
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${c} where ${where}`);
      counts.push(toInt(row?.n));
    }
    return counts;
  });
}
