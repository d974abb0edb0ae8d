import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { clinics } from "@/db/schema";
import {
  AFTERCARE_WEEKS_TARGET,
  DEFAULT_ASSUMPTIONS,
  OUTSIDE_INTEGRATION_FEE,
  SCORE_RUBRIC,
  type ScoreKey,
} from "@/lib/aftercare";

/**
 * The two numbers the search index stores per listing (aftercare score, low end of the course
 * estimate), as SQL over the `clinics` row, for the PostgreSQL fallback to filter and sort by.
 *
 * `lib/aftercare` stays the one definition: the points come from `SCORE_RUBRIC` and the counts from
 * `DEFAULT_ASSUMPTIONS`; only the choice of level per row is restated here, and
 * `test/search-derived-sql.int.test.ts` checks both expressions against `aftercareScore` and
 * `courseEstimate` on every sample listing and on edge cases. (A stored column kept by the write
 * service would remove this restatement; that needs a migration.)
 */

const c = clinics;

/** A whole number as an SQL literal (never user input: rubric points and assumption counts). */
function int(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`not a whole number: ${n}`);
  return sql.raw(String(n));
}

function points(key: ScoreKey, level: string): SQL {
  const entry = SCORE_RUBRIC.find((e) => e.key === key);
  const found = entry?.levels.find((l) => l.id === level);
  if (!found) throw new Error(`SCORE_RUBRIC has no level ${key}.${level}`);
  return int(found.points);
}

/** `case <column> when <level> then <points> … end` for an entry whose level is the column's value. */
function byValue(key: ScoreKey, column: SQL, levels: readonly string[]): SQL {
  const whens = levels.map((l) => sql`when ${sql.raw(`'${l.replace(/'/g, "''")}'`)} then ${points(key, l)}`);
  return sql`(case ${column} ${sql.join(whens, sql` `)} end)`;
}

const yesNo = (key: ScoreKey, condition: SQL) =>
  sql`(case when ${condition} then ${points(key, "yes")} else ${points(key, "no")} end)`;

/** The aftercare score (0–100) of a row, as `aftercareScore(row).total`. */
export function aftercareScoreSql(): SQL {
  const parts: SQL[] = [
    byValue("integration", sql`${c.integrationTherapy}::text`, [
      "included",
      "add_on",
      "referral_only",
      "none",
    ]),
    sql`(case when ${c.integrationTherapy} = 'none' then ${points("integrationLicensed", "not_offered")}
      else ${byValue("integrationLicensed", sql`${c.integrationBy}::text`, ["licensed_therapist", "coach", "peer", "none"])} end)`,
    yesNo("followUp", sql`${c.followUp24h}`),
    sql`(case when ${c.onCall} = 'none' then ${points("onCall", "none")}
      when ${c.onCallHours} is null then ${points("onCall", "hours_not_stated")}
      else ${byValue("onCall", sql`${c.onCallHours}::text`, ["always", "extended", "business"])} end)`,
    byValue("supportGroups", sql`${c.supportGroups}::text`, ["both", "in_person", "virtual", "none"]),
    yesNo("prep", sql`${c.prepSessions} >= 1`),
    yesNo("measurement", sql`${c.measurementBasedCare}`),
    yesNo("digitalTools", sql`cardinality(${c.digitalTools}) >= 1`),
    yesNo("lifestyle", sql`cardinality(${c.lifestyle}) >= 1`),
    yesNo("recoveryRoom", sql`${c.recoveryRoom}`),
    sql`(case when ${c.aftercareWeeks} < 1 then ${points("aftercareLength", "not_stated")}
      when ${c.aftercareWeeks} >= ${int(AFTERCARE_WEEKS_TARGET)} then ${points("aftercareLength", "yes")}
      else ${points("aftercareLength", "no")} end)`,
  ];
  return sql`(${sql.join(parts, sql` + `)})`;
}

/** A listed price: negative counts as 0, unknown stays null (as `price()` in lib/aftercare/cost.ts). */
const price = (col: SQL | AnyColumn) =>
  sql`(case when ${col} is null then null else greatest(${col}, 0) end)`;
/** The low end of a min/max pair (one missing end means a single price; least() skips nulls). */
const low = (a: AnyColumn, b: AnyColumn) => sql`least(${price(a)}, ${price(b)})::numeric`;

/**
 * The low end of `courseEstimate(row)` in cents with the default assumptions, or null when no
 * ketamine price is known. Exact arithmetic (numeric); each part rounded as the estimate rounds it.
 */
export function courseLowCentsSql(): SQL {
  const { ketamineSessions: n, integrationSessions: m, boosters: b } = DEFAULT_ASSUMPTIONS;
  const session = low(c.sessionMin, c.sessionMax);
  const series = low(c.seriesMin, c.seriesMax);
  const size = sql`(case when ${c.seriesSessions} >= 1 then ${c.seriesSessions} end)`;
  const hasSeries = sql`(${series} is not null and ${size} is not null)`;
  const perSession = sql`coalesce(${session}, case when ${hasSeries} then ${series} / ${size} end)`;
  const ketamine = sql`(case
    when ${perSession} is null then null
    when not ${hasSeries} then round(${int(n)} * ${perSession})
    when ${int(n)} >= ${size} then round(${series} + (${int(n)} - ${size}) * ${perSession})
    else round(least(${int(n)} * ${perSession}, ${series})) end)`;
  const consult = sql`greatest(${c.consultFee}, 0)`; // greatest() skips a null: unknown counts as 0
  const integration =
    m === 0
      ? sql`0`
      : sql`(case when ${c.integrationTherapy} = 'included' then 0
          when ${c.integrationTherapy} = 'add_on' and ${c.integrationSessionFee} is not null
            then ${int(m)} * greatest(${c.integrationSessionFee}, 0)
          else ${int(m * OUTSIDE_INTEGRATION_FEE.low)} end)`;
  const boosters =
    b === 0 ? sql`0` : sql`round(${int(b)} * coalesce(${low(c.boosterMin, c.boosterMax)}, ${perSession}))`;
  return sql`(${consult} + ${ketamine} + ${integration} + ${boosters})`;
}

/** Cents to whole dollars, as `dollars()` in lib/search/document.ts. */
export const dollarsSql = (cents: SQL | AnyColumn) => sql`round(${cents} / 100.0)`;
