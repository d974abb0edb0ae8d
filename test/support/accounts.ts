import { sql } from "drizzle-orm";
import { inject } from "vitest";
import type { Db } from "@/db/connect";
import { generateClinics } from "@/db/seed/generate";
import { withDerived } from "@/lib/aftercare/derived";
import { clinicMembers, clinics, users, type Clinic } from "@/db/schema";
import type { SignedIn } from "@/lib/auth/authz";
import { toCsvLine } from "@/lib/listings/csv";
import { LISTING_FIELDS } from "@/lib/listings/fields";
import { toFormValues } from "@/lib/listings/schema";
import { readMailbox } from "@/lib/mail/mailbox";
import { smtpMailer } from "@/lib/mail/send";

/** Test fixtures for accounts: published sample clinics, users with roles, and the real mail sink. */

export async function insertClinics(db: Db, count: number, seed: number) {
  const rows = generateClinics(count, seed).map((c) =>
    withDerived({
      ...c,
      status: "published" as const,
      website: `https://${c.slug.split("-")[0]}-${seed}.example`,
    }),
  );
  return db.insert(clinics).values(rows).returning();
}

export async function insertUser(
  db: Db,
  email: string,
  role: "member" | "admin" = "member",
): Promise<SignedIn> {
  const [u] = await db.insert(users).values({ email, role }).returning({ id: users.id, email: users.email });
  return { id: u!.id, email: u!.email, role };
}

export async function addMember(db: Db, userId: string, clinicId: string, role: "owner" | "editor") {
  await db.insert(clinicMembers).values({ userId, clinicId, role });
}

/** The real SMTP sink the integration global setup started. */
export function testMailer() {
  return smtpMailer(inject("mail").url, "Aftercare Atlas <no-reply@atlas.test>");
}

export const siteUrl = (p: string) => new URL(p, "http://localhost:3999").toString();

/** Waits for the newest message to `to` whose subject matches. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = readMailbox(inject("mail").dir, { to }).find((x) => subject.test(x.subject));
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fingerprint of every table in the public schema: equal fingerprints mean no row changed. */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.execute<{ t: string }>(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await db.execute<{ h: string | null; n: number }>(
      sql.raw(
        `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h, count(*)::int as n from "${t}" x`,
      ),
    );
    out[t] = `${row?.n}:${row?.h}`;
  }
  return out;
}

/**
 * A snapshot without the listings and what triggers keep in step with them (the cost figures' copy,
 * the search table, the listings' generation): for comparing the rest after a test changed a listing itself.
 */
export function apartFromListings(snap: Record<string, string>): Record<string, string> {
  return { ...snap, clinics: "", clinic_cost_inputs: "", clinic_search: "", listings_generation: "" };
}

/** The CSV import's header line, and a listing as one import row (`over`: cells to change). */
export const CSV_HEADER = toCsvLine(LISTING_FIELDS);
export function csvRowOf(c: Clinic, over: Record<string, string> = {}) {
  const v = { ...toFormValues(c), ...over };
  return toCsvLine(
    LISTING_FIELDS.map((f) => {
      const x = v[f];
      return Array.isArray(x) ? x.join("; ") : typeof x === "boolean" ? (x ? "yes" : "no") : x;
    }),
  );
}
