import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { importJobs } from "@/db/schema";
import { requireAdmin, type Actor } from "@/lib/auth/authz";
import { rootMessage, SafeError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, uploadTooLarge } from "@/lib/security/limits";
import { decodeUtf8, parseCsv, toCsvLine } from "./csv";
import { locate } from "./edit";
import { LISTING_FIELDS } from "./fields";
import { allocateSlug, newListingRow, takenSlugs } from "./moderation";
import { BLANK_LISTING, fieldErrors, listingInputSchema, toFormValues } from "./schema";
import { createListings, type NewListing } from "./service";
import { count, counted } from "@/lib/format";
import { findMisleadingClaims } from "@/lib/wording/misleading-claims";

/**
 * CSV import (admins): every row validated with the listing schema, then all rows written in ONE
 * transaction (each with its revision and outbox row) or none. Columns are the listing field names
 * (see the template); yes/no for tick boxes, "a; b" for lists, dollars for prices. Rows whose text
 * holds a misleading claim are imported (published) and queued for an editor, as a save would be.
 */

export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;
export const MAX_IMPORT_ROWS = 50_000;

/** What a row starts from; the state has no default (a listing in the wrong state is worse than an error). */
const BLANK_FORM = { ...toFormValues(BLANK_LISTING), state: "" };

/** The example row of the import template (fictional): it must import as it is (test/admin-tools.int.test.ts). */
const TEMPLATE_EXAMPLE: Record<string, string> = {
  name: "Example Ketamine Clinic",
  clinicType: "infusion_clinic",
  city: "Denver",
  state: "CO",
  postalCode: "80202",
  routes: "iv_infusion; im_injection",
  conditions: "depression; ptsd",
  languages: "English; Spanish",
  integrationTherapy: "add_on",
  integrationBy: "licensed_therapist",
  supportGroups: "virtual",
  onCall: "nurse",
  onCallHours: "business",
  insurance: "superbill",
  newPatientStatus: "accepting",
  sessionMin: "450",
  sessionMax: "650",
  followUp24h: "yes",
  website: "https://example.org",
};

/** The template an admin downloads (GET /admin/import/template.csv): every column, one example row. */
export const importTemplateCsv = () =>
  `${toCsvLine(LISTING_FIELDS)}\r\n${toCsvLine(LISTING_FIELDS.map((f) => TEMPLATE_EXAMPLE[f] ?? ""))}\r\n`;

export type ImportIssue = { row: number; column: string; message: string };

export class ImportError extends SafeError {}

/** Validates a whole file. `row` numbers are spreadsheet line numbers (the header is row 1). */
function validateCsv(text: string): { rows: NewListing[]; issues: ImportIssue[]; total: number } {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (err) {
    return { rows: [], issues: [{ row: 0, column: "", message: (err as Error).message }], total: 0 };
  }
  const [header, ...body] = table;
  if (!header || body.length === 0) {
    return {
      rows: [],
      issues: [{ row: 1, column: "", message: "The file has no rows under the header." }],
      total: 0,
    };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      issues: [{ row: 0, column: "", message: `At most ${count(MAX_IMPORT_ROWS)} rows per file.` }],
      total: body.length,
    };
  }
  const columns = header.map((h) => h.trim());
  const issues: ImportIssue[] = [];
  columns.forEach((c) => {
    if (!(LISTING_FIELDS as string[]).includes(c)) {
      issues.push({ row: 1, column: c, message: `Unknown column. Use the names from the template.` });
    }
  });
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup) issues.push({ row: 1, column: dup, message: "This column appears twice." });
  if (issues.length) return { rows: [], issues, total: body.length };

  const values = [];
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    if (cells.length !== columns.length) {
      issues.push({
        row: line,
        column: "",
        message: `Has ${cells.length} cells; the header has ${columns.length}.`,
      });
      continue;
    }
    // Absent columns and empty cells take the blank listing's value (e.g. "none" for integration).
    const raw: Record<string, unknown> = { ...BLANK_FORM };
    columns.forEach((c, j) => {
      if (cells[j]!.trim() !== "") raw[c] = cells[j];
    });
    const parsed = listingInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error))) {
        issues.push({ row: line, column: field === "_form" ? "" : field, message });
      }
      continue;
    }
    const where = locate(null, parsed.data);
    if (!where.ok) {
      for (const [field, message] of Object.entries(where.errors))
        issues.push({ row: line, column: field, message });
      continue;
    }
    values.push({ v: parsed.data, point: { lat: where.patch.lat ?? null, lng: where.patch.lng ?? null } });
  }
  if (issues.length) return { rows: [], issues, total: body.length };
  const rows = values.map(({ v, point }) =>
    newListingRow(v, point, { slug: "", status: "published", dataSource: "import" }),
  );
  return { rows, issues, total: body.length };
}

export type StartImportOutcome =
  | { ok: true; jobId: string; total: number }
  | { ok: false; code: "invalid"; message: string; issues: ImportIssue[] };

/**
 * Validates the file and, when every row is valid, records an import job. The caller then runs
 * `runImport` (in the background for the web; awaited in tests) and shows the job's progress.
 * `text` is the file as uploaded (bytes, decoded strictly as UTF-8) or already as text.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  input: { fileName: string; text: string | Uint8Array },
): Promise<StartImportOutcome & { rows?: NewListing[] }> {
  const admin = requireAdmin(actor);
  const size = typeof input.text === "string" ? Buffer.byteLength(input.text, "utf8") : input.text.byteLength;
  const tooLarge = uploadTooLarge(size);
  if (tooLarge) throw new ImportError("too_large", tooLarge);
  let text: string;
  if (typeof input.text === "string") text = input.text;
  else {
    const decoded = decodeUtf8(input.text);
    if (!decoded.ok) {
      const issues = decoded.badLines.map((line) => ({
        row: line,
        column: "",
        message: `Line ${count(line)} is not UTF-8 text (a file saved in another encoding, such as Latin-1?). Save it as “CSV UTF-8” and upload it again.`,
      }));
      return {
        ok: false,
        code: "invalid",
        message: "Nothing was imported: the file is not UTF-8 text.",
        issues,
      };
    }
    text = decoded.text;
  }
  const { rows, issues, total } = validateCsv(text);
  if (issues.length) {
    return {
      ok: false,
      code: "invalid",
      message: `Nothing was imported: ${counted(issues.length, "problem")} found.`,
      issues,
    };
  }
  const [job] = await db
    .insert(importJobs)
    .values({ fileName: input.fileName.slice(0, 200) || "upload.csv", total, createdBy: admin.id })
    .returning({ id: importJobs.id });
  return { ok: true, jobId: job!.id, total, rows };
}

/** Writes the rows of a started job in one transaction, recording progress on the job row as it goes. */
export async function runImport(db: Db, actor: Actor, jobId: string, rows: NewListing[]): Promise<void> {
  const admin = requireAdmin(actor);
  await db.update(importJobs).set({ status: "running" }).where(eq(importJobs.id, jobId));
  try {
    const bases = rows.map((r) => allocateSlug({ name: r.name, city: r.city, state: r.state }, new Set()));
    const taken = await takenSlugs(db, bases);
    const withSlugs = rows.map((r) => ({
      ...r,
      slug: allocateSlug({ name: r.name, city: r.city, state: r.state }, taken),
    }));
    await createListings(db, {
      userId: admin.id,
      rows: withSlugs,
      note: "Imported from a CSV file",
      chunkSize: 250,
      // `db` is the pool, not the transaction: the page sees progress while the import runs.
      onProgress: async (done) => {
        await db.update(importJobs).set({ processed: done }).where(eq(importJobs.id, jobId));
      },
    });
    const flagged = rows.filter((r) => findMisleadingClaims(r).length > 0).length;
    await db
      .update(importJobs)
      .set({ status: "done", processed: rows.length, flagged, finishedAt: sql`now()` })
      .where(eq(importJobs.id, jobId));
  } catch (err) {
    console.error(`[import ${jobId}] failed: ${rootMessage(err)}`);
    await db
      .update(importJobs)
      .set({
        status: "failed",
        processed: 0,
        error: `The import stopped and nothing was saved: ${rootMessage(err).slice(0, 300)}`,
        finishedAt: sql`now()`,
      })
      .where(eq(importJobs.id, jobId));
  }
}

export async function getImportJob(db: Db, actor: Actor, jobId: string) {
  requireAdmin(actor);
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId)).limit(1);
  return job;
}
