import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/connect";
import { clinics, clinicSearch } from "@/db/schema";
import { FACETS, type Cond, type Facet } from "./filters";
import { withinSql, type Place } from "./geo-sql";
import { FILTERS, type FilterDef, type SqlType } from "./registry";

/**
 * The PostgreSQL fallback's search table, `clinic_search` (db/schema.ts `clinicSearch`): one narrow
 * row per listing, so a search reads ~100 bytes a listing instead of the ~1.8 KB of `clinics`.
 *
 * Its `facet_bits` column is a bitmap of the facet values a listing's search document holds: every
 * value a facet's choices sum (`Facet.values`, from the filter registry), numbered from 1 in registry
 * order (`FACET_VALUES`), number n at bit n - 1. A filter condition on those values is then a test of
 * a few bits (`get_bit(facet_bits, 2) | get_bit(facet_bits, 6)`), and every facet count of a search
 * is one pass over the matching rows' bitmaps, joined end to end in SQL and counted in TypeScript
 * (`countBits`), summed per choice as Meilisearch's facet distribution is (`countsFromDistribution`). The conditions the numbers cannot answer (a city, a radius, a price
 * limit that is not one of the steps, "no price") read the table's other columns.
 *
 * Triggers on `clinics` (migration 0011_clinic_search) rewrite a listing's row in the statement that
 * writes the listing, through `copy_clinic_search(ids)`, whose body is generated here from the
 * registry and installed by the migrate step (`installSearchTable`): when the registry changes, the
 * next migrate replaces it and rewrites every row.
 */

/** `expr` is the value a filter compares, `type` its SQL type; a range's `cents` is its stored column. */
type Column = { expr: SQL; kind: SqlType; type: string; cents?: SQL };

/** Cents to whole dollars, as `dollars()` in lib/search/registry.ts. */
export const dollarsSql = (cents: SQL) => sql`round(${cents} / 100.0)`;

/** The registry filters' columns (`FilterDef.column`) that `table` has, by filter attribute. */
function columnsOf(table: PgTable): Map<string, Column> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return new Map(
    (FILTERS as readonly FilterDef[]).flatMap((f): [string, Column][] => {
      if (!f.attr || !f.type) return [];
      if (!f.column) throw new Error(`filter ${f.param} has no column`);
      const column = columns[f.column];
      if (!column) return [];
      const col = sql`${column}`;
      const type = column.getSQLType();
      if (f.kind === "range") return [[f.attr, { expr: dollarsSql(col), kind: "number", type, cents: col }]];
      return [[f.attr, { expr: col, kind: f.type, type }]];
    }),
  );
}

/** A table filter conditions can be compiled against. */
type Source = { columns: Map<string, Column>; place: Place; bits?: SQL };
const ON_CLINICS: Source = { columns: columnsOf(clinics), place: clinics };
const ON_SEARCH: Source = {
  columns: columnsOf(clinicSearch),
  place: clinicSearch,
  bits: sql`${clinicSearch.facetBits}`,
};

/**
 * One value a facet counts: its number in `facet_bits`, and when a listing holds it. A price limit
 * (`lte`) is cumulative: the row holds only the lowest limit its price is within, and a limit's
 * count is the sum of its own and the lower limits' (`distributionOf`): a few values a row instead
 * of one per limit.
 */
type FacetValue = { id: number; facet: Facet; value: string; cond: Cond };

/** The layout of `facet_bits`: every facet's values, numbered from 1 in registry order. */
export const FACET_VALUES: readonly FacetValue[] = FACETS.flatMap((facet) =>
  facet.values.map((value) => ({ facet, value, cond: facet.holds(value) })),
).map((v, i) => ({ ...v, id: i + 1 }));

const limitOf = (v: FacetValue) => (v.cond.op === "lte" ? v.cond.value : undefined);
/** The values a row holding `v` counts for: itself, and for a price limit every higher limit too. */
const countsFor = (v: FacetValue) => {
  const limit = limitOf(v);
  return limit === undefined ? [v] : FACET_VALUES.filter((w) => w.facet === v.facet && limitOf(w)! >= limit);
};

const keyOf = (attr: string, value: string | boolean) => `${attr} = ${String(value)}`;

/** A condition on one value of one attribute, as `FacetValue.cond` states it. */
function leafKey(cond: Cond): string | undefined {
  switch (cond.op) {
    case "eq":
      return keyOf(cond.attr, cond.value);
    case "in":
      return cond.values.length === 1 ? keyOf(cond.attr, cond.values[0]!) : undefined;
    case "lte":
      return `${cond.attr} <= ${cond.value}`;
    default:
      return undefined;
  }
}

/** The numbers a row holds when it meets a condition on one value (for a price limit: it or a lower one). */
const VALUE_IDS = new Map<string, number[]>();
for (const v of FACET_VALUES) {
  const key = leafKey(v.cond);
  if (!key || VALUE_IDS.has(key))
    throw new Error(`facet value ${v.facet.param}=${v.value} has no key of its own`);
  VALUE_IDS.set(key, []);
}
for (const v of FACET_VALUES) for (const w of countsFor(v)) VALUE_IDS.get(leafKey(w.cond)!)!.push(v.id);
const idsOf = (attr: string, value: string | boolean) => VALUE_IDS.get(keyOf(attr, value));

/**
 * A distribution as Meilisearch gives it (attribute, value, number of listings) from how many rows
 * hold each number.
 */
export function distributionOf(held: (id: number) => number): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const v of FACET_VALUES) (out[v.facet.attr] ??= {})[v.value] ??= 0;
  for (const v of FACET_VALUES) {
    const n = held(v.id);
    for (const w of countsFor(v)) out[w.facet.attr]![w.value]! += n;
  }
  return out;
}

/** 1 when the listing holds one of these values, else 0 (numbers of our own, never user input). */
const anyBit = (bits: SQL, ids: readonly number[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`get_bit(${bits}, ${sql.raw(String(id - 1))})`),
    sql` | `,
  )})`;
const holdsAny = (bits: SQL, ids: readonly number[]) => sql`(${anyBit(bits, ids)} = 1)`;

/** A condition on one attribute as a test of `facet_bits`, when its values are all numbered. */
function valuesSql(cond: Cond, values: SQL): SQL | undefined {
  switch (cond.op) {
    case "eq": {
      if (typeof cond.value === "boolean") {
        const ids = idsOf(cond.attr, true);
        if (ids === undefined) return undefined;
        return cond.value ? holdsAny(values, ids) : sql`(${anyBit(values, ids)} = 0)`;
      }
      const ids = idsOf(cond.attr, cond.value);
      return ids === undefined ? undefined : holdsAny(values, ids);
    }
    case "in": {
      if (cond.values.length === 0) return sql`false`;
      const ids = cond.values.map((v) => idsOf(cond.attr, v));
      return ids.every((i): i is number[] => i !== undefined) ? holdsAny(values, ids.flat()) : undefined;
    }
    case "lte": {
      const ids = VALUE_IDS.get(leafKey(cond)!);
      return ids === undefined ? undefined : holdsAny(values, ids);
    }
    default:
      return undefined;
  }
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

/** A condition on one attribute, on its column. */
function columnSql(cond: Exclude<Cond, { op: "geo" | "and" | "or" }>, on: Source): SQL {
  const col = on.columns.get(cond.attr);
  if (!col) throw new Error(`no SQL for filter attribute ${cond.attr}`);
  switch (cond.op) {
    case "eq":
      if (typeof cond.value === "boolean")
        return cond.value ? sql`coalesce(${col.expr}, false)` : sql`not coalesce(${col.expr}, false)`;
      return col.kind === "array"
        ? sql`(${col.expr} @> ${list([cond.value], col.type)})`
        : sql`(${col.expr} = any(${list([cond.value], col.type)}))`;
    case "in":
      if (cond.values.length === 0) return sql`false`;
      return col.kind === "array"
        ? sql`(${col.expr} && ${list(cond.values, col.type)})`
        : sql`(${col.expr} = any(${list(cond.values, col.type)}))`;
    case "lte":
      // round(cents / 100) <= n  ⇔  cents < 100 n + 50 (n whole): a plain comparison an index serves.
      return col.cents && Number.isInteger(cond.value)
        ? sql`(${col.cents} < ${cond.value * 100 + 50})`
        : sql`(${col.expr} <= ${cond.value})`;
    case "null":
      return sql`(${col.cents ?? col.expr} is null)`;
  }
}

function condSqlOn(cond: Cond, on: Source): SQL {
  switch (cond.op) {
    case "and":
    case "or":
      return sql`(${sql.join(
        cond.items.map((i) => condSqlOn(i, on)),
        cond.op === "and" ? sql` and ` : sql` or `,
      )})`;
    case "geo":
      return withinSql(cond, on.place);
    default:
      return (on.bits && valuesSql(cond, on.bits)) ?? columnSql(cond, on);
  }
}

/** A filter condition over `clinic_search` (values travel as bound parameters). */
export function condSql(cond: Cond): SQL {
  return condSqlOn(cond, ON_SEARCH);
}

/**
 * The numbers of a `clinics` row's facet values, computed from its columns by the filters' own
 * conditions: one element per value, and one per price facet (its lowest limit the price is within,
 * if any). Stored as the bitmap `facet_bits` (`facetBitsSql`).
 */
const FACET_VALUES_OF_CLINICS = sql`array_remove(array[${sql.join(
  FACETS.flatMap((facet) => {
    const values = FACET_VALUES.filter((v) => v.facet === facet);
    const when = (v: FacetValue) => sql`when ${condSqlOn(v.cond, ON_CLINICS)} then ${sql.raw(String(v.id))}`;
    if (values.every((v) => limitOf(v) !== undefined)) {
      const lowestFirst = [...values].sort((a, b) => limitOf(a)! - limitOf(b)!);
      return [sql`case ${sql.join(lowestFirst.map(when), sql` `)} end`];
    }
    return values.map((v) => sql`case ${when(v)} end`);
  }),
  sql`, `,
)}]::smallint[], null)`;

/**
 * `facet_bits`: those numbers as a bitmap of `FACET_BYTES` bytes, number n at bit (n - 1) % 8 (the
 * byte's value 1, 2, 4 …) of byte (n - 1) / 8, which is where `get_bit(facet_bits, n - 1)` reads.
 * Every row's bitmap has the same length, so the bitmaps of many rows joined end to end
 * (`string_agg`) are counted in one pass (`countBits`).
 */
export const FACET_BYTES = Math.ceil(FACET_VALUES.length / 8);
const facetBitsSql = (values: string) => `decode(array_to_string(array(
    SELECT lpad(to_hex(coalesce((SELECT sum(1 << ((n - 1) % 8))::int FROM unnest(${values}) n WHERE (n - 1) / 8 = b), 0)), 2, '0')
    FROM generate_series(0, ${FACET_BYTES - 1}) b ORDER BY b), ''), 'hex')`;

/** How many of the bitmaps in `chunks` (`facet_bits` joined end to end) hold each number, by number. */
export function countBits(chunks: readonly Uint8Array[]): (id: number) => number {
  // How many rows hold each value of each byte, then each bit's count from those.
  const seen = new Uint32Array(FACET_BYTES * 256);
  for (const bits of chunks) {
    if (bits.length % FACET_BYTES)
      throw new Error(`facet bitmaps of ${bits.length} bytes, not rows of ${FACET_BYTES}`);
    for (let row = 0; row < bits.length; row += FACET_BYTES)
      for (let b = 0; b < FACET_BYTES; b++) seen[b * 256 + bits[row + b]!]!++;
  }
  const held = new Float64Array(FACET_BYTES * 8 + 1);
  for (let b = 0; b < FACET_BYTES; b++)
    for (let byte = 1; byte < 256; byte++) {
      const n = seen[b * 256 + byte]!;
      if (n) for (let k = 0; k < 8; k++) if (byte & (1 << k)) held[b * 8 + k + 1]! += n;
    }
  return (id) => held[id] ?? 0;
}

/** The body of `copy_clinic_search(ids uuid[])`: the listings' rows rewritten from `clinics`. */
export function copyFunctionBody(): string {
  const copied = Object.values(getTableColumns(clinicSearch))
    .filter((c) => c.name !== clinicSearch.facetBits.name)
    .map((c) => `"${c.name}"`)
    .join(", ");
  const values = new PgDialect().sqlToQuery(sql`${FACET_VALUES_OF_CLINICS}`.inlineParams()).sql;
  return `
  DELETE FROM "clinic_search" WHERE "id" = ANY ("ids");
  INSERT INTO "clinic_search" (${copied}, "facet_bits")
  SELECT ${copied}, ${facetBitsSql(`"values"`)}
  FROM (SELECT ${copied}, ${values} AS "values" FROM "clinics" WHERE "id" = ANY ("ids")) "listing";
`;
}

/**
 * Installs `copy_clinic_search` as the registry defines it, when the database holds another
 * definition (the migration's placeholder, or one from before a registry change), and rewrites every
 * listing's row with it. Run by the migrate step (`runMigrations`); a current database is left
 * alone. Returns whether it installed.
 */
export async function installSearchTable(db: Db): Promise<boolean> {
  const body = copyFunctionBody();
  const [row] = await db.execute<{ src: string }>(sql`select prosrc as src from pg_proc
    where proname = 'copy_clinic_search' and pronamespace = 'public'::regnamespace`);
  if (row?.src === body) return false;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(
        `CREATE OR REPLACE FUNCTION "copy_clinic_search"("ids" uuid[]) RETURNS void LANGUAGE sql AS $copy$${body}$copy$`,
      ),
    );
    // Emptied first, so the rewrite leaves no dead rows behind for searches to scan past.
    await tx.execute(sql`truncate ${clinicSearch}`);
    await tx.execute(sql`select copy_clinic_search(array(select id from clinics))`);
    await tx.execute(sql`analyze ${clinicSearch}`);
  });
  return true;
}
