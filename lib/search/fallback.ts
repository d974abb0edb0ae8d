import "server-only";
import { and as sqlAnd, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";
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

/**
 * One statement: the listings that match the words are read once into `m`, with what the answer
 * needs computed once per row (derived numbers, sort keys, whether the row passes each filter group);
 * the page, the total, the relax counts and every facet count are then counted from `m`.
 */
async function run(db: Db, query: SearchQuery, groups: FilterGroup[]): Promise<BackendAnswer> {
  const words = searchWords(query.q);
  // A row that misses two filter groups or more counts nowhere (not in the page, the total, a relax
  // count or a facet, each of which forgives at most one group): leave it out of `m` at once.
  const nearly =
    groups.length >= 2
      ? sql`(${sql.join(
          groups.map((g) => sql`coalesce((${toSql(g.cond)})::int, 0)`),
          sql` + `,
        )}) >= ${groups.length - 1}`
      : undefined;
  const base = sqlAnd(eq(c.status, "published"), textMatchSql(query.q), nearly)!;
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
  if (query.zip) columns.push(sql`${distanceSql(query.zip.lat, query.zip.lng)} as dist`);
  if (words.length) columns.push(sql`${nameMatchSql(words)} as name_match`);
  groups.forEach((g, i) => columns.push(sql`${toSql(g.cond)} as ${sql.raw(`g${i}`)}`));

  const counted: { alias: string; param: Facet["param"]; choice: string }[] = [];
  const aggregates: SQL[] = [
    sql`array(select id from m where ${passes()} order by ${orderBy(query, words)}
      limit ${query.perPage} offset ${(query.page - 1) * query.perPage}) as ids`,
    sql`count(*) filter (where ${passes()}) as total`,
  ];
  groups.forEach((g, i) =>
    aggregates.push(sql`count(*) filter (where ${passes(g.key)}) as ${sql.raw(`relax_${i}`)}`),
  );
  for (const facet of FACETS) {
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
  const groupedFacets = FACETS.filter((f) => GROUPED.has(f.param));
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

  const ids = z.array(z.string()).parse(agg?.ids ?? []);
  const order = new Map(ids.map((id, i) => [id, i]));
  const rows = ids.length
    ? (
        await db
          .select()
          .from(c)
          .where(sqlAnd(eq(c.status, "published"), inArray(c.id, ids)))
      ).sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    : [];

  const facets: FacetCounts = {};
  groupedFacets.forEach((facet, i) => {
    const found = z.record(z.string(), z.coerce.number()).parse(agg?.[`f${i}`] ?? {});
    facets[facet.param] = Object.fromEntries(facet.choices.map((ch) => [ch, found[ch] ?? 0]));
  });
  for (const { alias, param, choice } of counted) (facets[param] ??= {})[choice] = toInt(agg?.[alias]);
  const relax: BackendAnswer["relax"] = {};
  groups.forEach((g, i) => (relax[g.key] = toInt(agg?.[`relax_${i}`])));
  const total = toInt(agg?.total);
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
