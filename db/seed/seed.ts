import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { Db } from "../connect";
import type { ChargedAnswer, SupportAnswer } from "../enum-values";
import { clinics, type DerivedFields, type NewClinic } from "../schema";
import { sampleClinics, type SampleRow } from "./generate";
import { sampleRevisions, type SampleRevision } from "./history";

/** Every column of `clinics`: the property name in a row, and the column name in the database. */
const COLUMNS = Object.entries(getTableColumns(clinics)).map(([key, column]) => ({ key, name: column.name }));

/** The fictional patients who write the sample patient reports (no mail reaches `.invalid`). */
const SAMPLE_PATIENTS = Array.from({ length: 6 }, (_, i) => `sample-patient-${i + 1}@example.invalid`);

/** A fictional patient report (lib/patient-reports/sample.ts draws them). */
export type SamplePatientReport = {
  clinicId: string;
  /** Index into `SAMPLE_PATIENTS`. */
  patient: number;
  treatmentStart: string;
  route: string;
  answers: Record<string, SupportAnswer>;
  charged: ChargedAnswer;
  comment: string;
};

/** Rows per chunk handed to COPY (and per progress report). */
const CHUNK_ROWS = 1000;
/** Sample revisions per INSERT (one JSON parameter each). */
const REVISION_CHUNK = 5000;

/**
 * Inserts `count` fictional sample clinics (see `generateClinics`) in one transaction: on any failure
 * nothing is written. With `reset`, every existing clinic is deleted first, in the same transaction
 * (their memberships, claims and revisions go with them through ON DELETE CASCADE). The listings'
 * sample price history (db/seed/history.ts) goes into `listing_revisions` in the same transaction.
 * The search index and its outbox are not touched: rebuild the index afterwards. Returns the number
 * of rows inserted.
 *
 * Rows are streamed with COPY rather than multi-row INSERTs: 100,000 rows take about 10 s where
 * Drizzle's `insert().values()` in batches of 1,000 took about 42 s (building 61,000-parameter
 * queries dominated), and COPY has no 65,535-parameter limit to mind. Memory stays flat: rows are
 * generated as COPY consumes them.
 *
 * COPY goes into a constraint-free temporary table, and one INSERT … SELECT moves the rows into
 * `clinics`. postgres.js 3.4.9 never settles a COPY whose server-side error arrives after the last
 * chunk (porsager/postgres#1173): the transaction would hang, never rolled back. A staging table
 * without keys or NOT NULLs cannot fail that way on a duplicate slug or id; such errors come from the
 * INSERT, an ordinary query that rejects and rolls back. The only errors left to COPY are malformed
 * values, which the generator's tests rule out.
 */
export async function seedDatabase(
  db: Db,
  opts: {
    count: number;
    seed?: number;
    reset?: boolean;
    onProgress?: (done: number, total: number) => void;
    /** The stored derived facts of a row (`deriveListing`, given by lib/listings/seed.ts). */
    derive: (row: SampleRow) => DerivedFields;
    /**
     * The sample patient reports of a row (lib/patient-reports/sample.ts, given by lib/listings/seed.ts)
     * and whether they confirm its aftercare (stored as `patient_confirmed`).
     */
    reports?: (
      row: SampleRow & DerivedFields,
      index: number,
      seed: number,
    ) => { reports: SamplePatientReport[]; confirmed: boolean };
  },
): Promise<number> {
  const { count, seed = 42, reset = false, onProgress, derive } = opts;
  const drawReports = opts.reports ?? (() => ({ reports: [], confirmed: false }));
  const rows = sampleClinics(count, seed); // validates count and seed before anything is written
  const table = getTableName(clinics);
  const staging = `${table}_seed_staging`;
  const columns = COLUMNS.map((c) => c.name);
  const inserted = await db.$client.begin(async (sql) => {
    // A deliberate whole-table delete: `reset` means "replace every listing".
    if (reset) await sql`delete from ${sql(table)}`;
    // CREATE TABLE AS copies the column types only: no keys, no NOT NULLs, no defaults.
    await sql`create temporary table ${sql(staging)} on commit drop as select ${sql(columns)} from ${sql(table)} with no data`;
    // Progress counts the rows COPY has taken, reported as each next chunk is handed over; the rows
    // of the last chunk count once the INSERT has moved everything into place.
    const revisions: SampleRevision[] = [];
    const reports: SamplePatientReport[] = [];
    function* chunks() {
      let done = 0;
      let chunk = "";
      let n = 0;
      for (const row of rows) {
        const derived = { ...row, ...derive(row) };
        const sampleReports = drawReports(derived, done + n, seed);
        chunk += copyLine({ ...derived, patientConfirmed: sampleReports.confirmed });
        revisions.push(...sampleRevisions(row, done + n, seed));
        reports.push(...sampleReports.reports);
        if (++n === CHUNK_ROWS) {
          onProgress?.(done, count);
          yield chunk;
          done += n;
          [chunk, n] = ["", 0];
        }
      }
      if (n > 0) {
        onProgress?.(done, count);
        yield chunk;
      }
    }
    const copy = await sql`copy ${sql(staging)} (${sql(columns)}) from stdin`.writable();
    await pipeline(Readable.from(chunks()), copy);
    const inserted =
      await sql`insert into ${sql(table)} (${sql(columns)}) select ${sql(columns)} from ${sql(staging)}`;
    for (let i = 0; i < revisions.length; i += REVISION_CHUNK) {
      const part = revisions.slice(i, i + REVISION_CHUNK).map((r) => ({
        clinic_id: r.clinicId,
        changes: r.changes,
        note: r.note,
        created_at: r.createdAt.toISOString(),
      }));
      await sql`insert into listing_revisions (clinic_id, changes, note, created_at)
        select * from jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
          as r(clinic_id uuid, changes jsonb, note text, created_at timestamptz)`;
    }
    if (reports.length > 0) {
      // The fictional patients who wrote the sample reports (lib/patient-reports/sample.ts).
      const ids = await sql<{ id: string; email: string }[]>`
        insert into users (id, email) select gen_random_uuid()::text, e from unnest(${SAMPLE_PATIENTS}::text[]) e
        on conflict (email) do update set email = excluded.email returning id, email`;
      const idOf = new Map(ids.map((u) => [u.email, u.id]));
      const part = reports.map((r) => ({
        clinic_id: r.clinicId,
        user_id: idOf.get(SAMPLE_PATIENTS[r.patient]!)!,
        treatment_start: r.treatmentStart,
        route: r.route,
        answers: r.answers,
        charged: r.charged,
        comment: r.comment,
        comment_status: r.comment ? "approved" : null,
      }));
      await sql`insert into patient_reports
          (clinic_id, user_id, treatment_start, route, answers, charged, comment, comment_status, sample)
        select clinic_id, user_id, treatment_start, route::route, answers, charged::charged_answer, comment,
          comment_status::comment_status, true
        from jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
          as r(clinic_id uuid, user_id text, treatment_start date, route text, answers jsonb, charged text,
               comment text, comment_status text)`;
    }
    onProgress?.(inserted.count, count);
    return inserted.count;
  });
  // Planner statistics for what was just loaded, including the tables triggers filled (the
  // fallback's clinic_search, the cost figures' clinic_cost_inputs): without them the first searches
  // are planned blind until autovacuum gets round to it (100,000 listings: the fallback's p95 was 630 ms
  // on a freshly seeded stack, 292 ms on another once analyzed). About 5 s at 100,000 listings.
  await db.$client`analyze`;
  return inserted;
}

/** True when the database holds no clinics at all (of any status or source). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: clinics.id }).from(clinics).limit(1);
  return rows.length === 0;
}

/**
 * One row in COPY's text format: fields separated by tabs, `\N` for NULL. Every column must be present
 * in the row: COPY has no "use the column default", and silently writing NULL would hide a bug.
 */
export function copyLine(row: NewClinic): string {
  const record = row as Record<string, unknown>;
  let line = "";
  for (let i = 0; i < COLUMNS.length; i++) {
    const { key } = COLUMNS[i] as (typeof COLUMNS)[number];
    const value = record[key];
    if (value === undefined) throw new Error(`sample row ${String(record.slug)} has no value for ${key}`);
    line += (i === 0 ? "" : "\t") + copyField(value);
  }
  return line + "\n";
}

/** One field in COPY's text format. Covers every value type the clinics table holds. */
export function copyField(value: unknown): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) {
    // A PostgreSQL array literal with every element quoted, then escaped again for COPY.
    return copyEscape(`{${value.map((e) => `"${String(e).replace(/[\\"]/g, "\\$&")}"`).join(",")}}`);
  }
  if (typeof value === "string") return copyEscape(value);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return copyEscape(JSON.stringify(value)); // jsonb
  throw new Error(`cannot store a ${typeof value} in a sample row`);
}

const COPY_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

function copyEscape(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c);
}
