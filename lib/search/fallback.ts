import "server-only";
import { and as sqlAnd, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";
import { aftercareScoreSql, courseLowCentsSql, dollarsSql } from "./derived-sql";
import { toSearchDocument, UNKNOWN_PRICE_SORT } from "./document";
import { combined, FACETS, type Cond, type Facet, type FacetCounts, type FilterGroup } from "./filters";
import type { BackendAnswer } from "./backend";
import type { SearchQuery } from "./query";
import type { FilterableAttribute } from "./settings";
import { searchWords, synonymMap } from "./settings";

/**
 * The PostgreSQL answer to a search, for when Meilisearch is unreachable, failing or slow: the same
 * filter tree (`lib/search/filters.ts`) compiled to SQL, the same sorts, facet counts with
 * `count(*) filter (…)`, distance by the haversine formula, and text matched with ILIKE on name,
 * city, state code, description and aftercare notes (no typo tolerance, no ranking beyond "the name matches").
 */

const c = clinics;
const telehealth = sql`(${c.clinicType} = 'telehealth' or 'at_home' = any(${c.routes}))`;

type Column = { expr: SQL; kind: "text" | "array" | "bool" | "number" };

/** The SQL of every attribute a filter may name (the same meaning as in `toSearchDocument`). */
const COLUMNS: Record<Exclude<FilterableAttribute, "_geo" | "docVersion" | "sessionUnder" | "courseUnder">, Column> = {
  state: { expr: sql`${c.state}`, kind: "text" },
  city: { expr: sql`${c.city}`, kind: "text" },
  telehealthStates: { expr: sql`(case when ${telehealth} then ${c.statesServed} else '{}'::text[] end)`, kind: "array" },
  clinicType: { expr: sql`${c.clinicType}::text`, kind: "text" },
  routes: { expr: sql`${c.routes}::text[]`, kind: "array" },
  conditions: { expr: sql`${c.conditions}::text[]`, kind: "array" },
  integrationTherapy: { expr: sql`${c.integrationTherapy}::text`, kind: "text" },
  integrationByLicensed: {
    expr: sql`(${c.integrationTherapy} <> 'none' and ${c.integrationBy} = 'licensed_therapist')`,
    kind: "bool",
  },
  followUp24h: { expr: sql`${c.followUp24h}`, kind: "bool" },
  onCall: { expr: sql`${c.onCall}::text`, kind: "text" },
  onCallHours: { expr: sql`(case when ${c.onCall} = 'none' then null else ${c.onCallHours}::text end)`, kind: "text" },
  supportGroups: { expr: sql`${c.supportGroups}::text`, kind: "text" },
  hasPrepSessions: { expr: sql`(${c.prepSessions} > 0)`, kind: "bool" },
  measurementBasedCare: { expr: sql`${c.measurementBasedCare}`, kind: "bool" },
  digitalTools: { expr: sql`${c.digitalTools}::text[]`, kind: "array" },
  lifestyle: { expr: sql`${c.lifestyle}::text[]`, kind: "array" },
  recoveryRoom: { expr: sql`${c.recoveryRoom}`, kind: "bool" },
  sessionMin: { expr: dollarsSql(c.sessionMin), kind: "number" },
  courseLow: { expr: dollarsSql(courseLowCentsSql()), kind: "number" },
  insurance: { expr: sql`${c.insurance}::text`, kind: "text" },
  hsaFsa: { expr: sql`${c.hsaFsa}`, kind: "bool" },
  financing: { expr: sql`${c.financing}`, kind: "bool" },
  slidingScale: { expr: sql`${c.slidingScale}`, kind: "bool" },
  accepting: { expr: sql`(${c.newPatientStatus} = 'accepting')`, kind: "bool" },
  languages: { expr: sql`${c.languages}`, kind: "array" },
  eveningHours: { expr: sql`${c.eveningHours}`, kind: "bool" },
  weekendHours: { expr: sql`${c.weekendHours}`, kind: "bool" },
}; // prettier-ignore

function column(attr: FilterableAttribute): Column {
  const col = (COLUMNS as Partial<Record<FilterableAttribute, Column>>)[attr];
  if (!col) throw new Error(`no SQL for filter attribute ${attr}`);
  return col;
}

const EARTH_KM = 6371; // as distanceKm in db/seed/places.ts

/** Great-circle distance in km from (lat, lng) to the listing, by the haversine formula. */
function distanceSql(lat: number, lng: number): SQL {
  return sql`(2 * ${EARTH_KM} * asin(least(1, sqrt(
    power(sin(radians(${c.lat} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${c.lat})) * power(sin(radians(${c.lng} - ${lng}) / 2), 2)))))`;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A filter condition as SQL; values travel as bound parameters. */
export function toSql(cond: Cond): SQL {
  switch (cond.op) {
    case "eq": {
      const col = column(cond.attr);
      if (typeof cond.value === "boolean")
        return cond.value ? sql`coalesce(${col.expr}, false)` : sql`not coalesce(${col.expr}, false)`;
      return col.kind === "array"
        ? sql`(${cond.value} = any(${col.expr}))`
        : sql`(${col.expr} = ${cond.value})`;
    }
    case "in": {
      const col = column(cond.attr);
      if (cond.values.length === 0) return sql`false`;
      return col.kind === "array"
        ? sql`(${col.expr} && array[${list(cond.values)}]::text[])`
        : sql`(${col.expr} in (${list(cond.values)}))`;
    }
    case "lte":
      return sql`(${column(cond.attr).expr} <= ${cond.value})`;
    case "geo": {
      // A bounding box first (cheap), then the exact distance.
      const km = cond.meters / 1000;
      const dLat = km / 111.2;
      const dLng = km / (111.2 * Math.max(0.01, Math.cos((cond.lat * Math.PI) / 180)));
      return sql`(${c.lat} between ${cond.lat - dLat} and ${cond.lat + dLat}
        and ${c.lng} between ${cond.lng - dLng} and ${cond.lng + dLng}
        and ${distanceSql(cond.lat, cond.lng)} * 1000 <= ${cond.meters})`;
    }
    case "and":
    case "or":
      return sql`(${sql.join(cond.items.map(toSql), cond.op === "and" ? sql` and ` : sql` or `)})`;
  }
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const SYNONYMS = synonymMap();
const TEXT_FIELDS = [c.name, c.city, c.state, c.description, c.aftercareNotes];

/** Every word must appear (or one of its synonyms) in the name, city, state, description or aftercare notes. */
function textSql(words: string[]): SQL | undefined {
  if (words.length === 0) return undefined;
  return sqlAnd(
    ...words.map((w) => {
      const forms = [w, ...(SYNONYMS[w] ?? [])];
      const matches = forms.flatMap((f) =>
        TEXT_FIELDS.map((col) => sql`${col} ilike ${`%${likeEscape(f)}%`}`),
      );
      return sql`(${sql.join(matches, sql` or `)})`;
    }),
  );
}

function nameMatchSql(words: string[]): SQL {
  return sql`(${sql.join(
    words.map((w) => sql`${c.name} ilike ${`%${likeEscape(w)}%`}`),
    sql` and `,
  )})`;
}

function orderBy(query: SearchQuery, words: string[]): SQL[] {
  const score = aftercareScoreSql();
  switch (query.sort) {
    case "price":
      return [sql`coalesce(${dollarsSql(c.sessionMin)}, ${UNKNOWN_PRICE_SORT}) asc`, sql`${c.id} asc`];
    case "score":
      return [sql`${score} desc`, sql`${c.id} asc`];
    case "distance":
      return query.zip
        ? [sql`${distanceSql(query.zip.lat, query.zip.lng)} asc nulls last`, sql`${c.id} asc`]
        : [sql`${score} desc`, sql`${c.id} asc`];
    case "verified":
      return [sql`${c.lastVerifiedAt} desc nulls last`, sql`${c.id} asc`];
    case "relevance":
      // Without words, "relevance" is the best aftercare first (as in Meilisearch, see backend.ts).
      return words.length ? [sql`${nameMatchSql(words)} desc`, sql`${score} desc`, sql`${c.id} asc`] : [sql`${score} desc`, sql`${c.id} asc`];
  }
} // prettier-ignore

/** Facets with many choices are counted with GROUP BY; the rest with one count(*) filter each. */
const GROUPED = new Set<Facet["param"]>(["state", "telehealthIn", "language"]);

const toInt = (v: unknown) => Number(v ?? 0);

export async function searchPostgres(
  db: Db,
  query: SearchQuery,
  groups: FilterGroup[],
): Promise<BackendAnswer> {
  const words = searchWords(query.q);
  const base = sqlAnd(eq(c.status, "published"), textSql(words))!;
  const all = combined(groups);
  const where = all ? sqlAnd(base, toSql(all))! : base;

  const hitsP = db
    .select()
    .from(c)
    .where(where)
    .orderBy(...orderBy(query, words))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);

  // Per row, whether it passes each group; a count without group g then needs only the other flags.
  const flags = groups.map((g, i) => ({ key: g.key, name: `g${i}`, cond: toSql(g.cond) }));
  const allBut = (key?: string) => {
    const rest = flags.filter((f) => f.key !== key).map((f) => sql.raw(`f.${f.name}`));
    return rest.length ? sql.join(rest, sql` and `) : sql`true`;
  };
  const ownerOf = (facet: Facet) => groups.find((g) => g.facets.includes(facet))?.key;

  const counted: { alias: string; param: Facet["param"]; choice: string }[] = [];
  const aggregates: SQL[] = [sql`count(*) filter (where ${allBut()}) as total`];
  groups.forEach((g, i) =>
    aggregates.push(sql`count(*) filter (where ${allBut(g.key)}) as ${sql.raw(`relax_${i}`)}`),
  );
  for (const facet of FACETS) {
    if (GROUPED.has(facet.param)) continue;
    for (const choice of facet.choices) {
      const alias = `c${counted.length}`;
      counted.push({ alias, param: facet.param, choice });
      aggregates.push(
        sql`count(*) filter (where ${allBut(ownerOf(facet))} and ${toSql(facet.cond(choice))}) as ${sql.raw(alias)}`,
      );
    }
  }
  const lateral = flags.length
    ? sql`cross join lateral (select ${sql.join(
        flags.map((f) => sql`${f.cond} as ${sql.raw(f.name)}`),
        sql`, `,
      )}) f`
    : sql``;
  const aggP = db.execute<Record<string, unknown>>(
    sql`select ${sql.join(aggregates, sql`, `)} from ${c} ${lateral} where ${base}`,
  );

  const groupedP = FACETS.filter((f) => GROUPED.has(f.param)).map(async (facet) => {
    const others = combined(groups, ownerOf(facet));
    const col = column(facet.attr);
    const value = col.kind === "array" ? sql`unnest(${col.expr})` : col.expr;
    const rows = await db.execute<{ v: string; n: number }>(sql`
      select v, count(*)::int as n from (
        select ${value} as v from ${c} where ${others ? sqlAnd(base, toSql(others)) : base}) t
      group by v`);
    const found = new Map(rows.map((r) => [r.v, toInt(r.n)]));
    return [facet.param, Object.fromEntries(facet.choices.map((ch) => [ch, found.get(ch) ?? 0]))] as const;
  });

  const [rows, [agg], grouped] = await Promise.all([hitsP, aggP, Promise.all(groupedP)]);
  const facets: FacetCounts = Object.fromEntries(grouped);
  for (const { alias, param, choice } of counted) (facets[param] ??= {})[choice] = toInt(agg?.[alias]);
  const relax: BackendAnswer["relax"] = {};
  groups.forEach((g, i) => (relax[g.key] = toInt(agg?.[`relax_${i}`])));
  const total = toInt(agg?.total);
  if (words.length && total === 0) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(c)
      .where(all ? sqlAnd(eq(c.status, "published"), toSql(all)) : eq(c.status, "published"));
    relax.q = toInt(row?.n);
  }
  return { docs: rows.map(toSearchDocument), total, facets, relax };
}
