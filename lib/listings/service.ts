import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics, listingRevisions, type Clinic, type DerivedKey, type NewClinic } from "@/db/schema";
import { deriveListing, type DeriveInput } from "@/lib/aftercare/derived";
import { revalidateListingCaches } from "@/lib/cache";
import { confirmationFor } from "@/lib/patient-reports/confirmation";
import { enqueueSearchSync } from "@/lib/search/sync";
import { findMisleadingClaims, type ClaimMatch } from "@/lib/wording/misleading-claims";
import { recordWordingReview } from "@/lib/wording/reviews";

/**
 * The one write path for listings. Every change is one transaction: the row change, a revision
 * (who, when, before/after of each changed field), a search-outbox row and, when the free text
 * changed, the wording check (lib/wording/reviews.ts). Callers authorize first;
 * this module enforces consistency, not permissions. After a commit, each write expires the cached
 * public figures the listing counts in (`lib/cache.ts`). Every write stores the listing's derived
 * facts (`deriveListing`) with it; they are not part of a patch and not in the history.
 */

/** Fields no write through this service may set directly. */
const MANAGED = ["id", "createdAt", "updatedAt", "version", "patientConfirmed"] as const;
type Managed = (typeof MANAGED)[number];
export type ListingPatch = Partial<Omit<NewClinic, Managed | DerivedKey>>;

export class ListingNotFoundError extends Error {
  readonly code = "listing_not_found";
  constructor(id: string) {
    super(`No listing with id ${id}`);
  }
}

/** Saving over a newer version: nothing is written; `current` is what the other writer saved. */
export class ListingConflictError extends Error {
  readonly code = "listing_conflict";
  constructor(
    readonly expectedVersion: number,
    readonly current: Clinic,
  ) {
    super(`The listing changed since version ${expectedVersion} (now version ${current.version})`);
  }
}

export type FieldChange = { before: unknown; after: unknown };

const comparable = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

/** The fields of `patch` whose value differs from `row`, as before/after pairs. */
function diffListing(row: Clinic, patch: ListingPatch): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined || (MANAGED as readonly string[]).includes(key)) continue;
    const before = (row as Record<string, unknown>)[key];
    if (comparable(before) !== comparable(after)) out[key] = { before: before ?? null, after: after ?? null };
  }
  return out;
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function lockListing(tx: Tx, id: string): Promise<Clinic> {
  const [row] = await tx.select().from(clinics).where(eq(clinics.id, id)).for("update");
  if (!row) throw new ListingNotFoundError(id);
  return row;
}

/**
 * Applies `patch` to a listing if it is still at `expectedVersion` (optimistic concurrency).
 * `patch` may be a function of the locked row, for rules that depend on what is stored (e.g. "a
 * price that changes becomes clinic-reported"). `note` says what kind of change it was, for the
 * history. A patch that changes nothing writes nothing and returns the row as it is. `guard`, when
 * given, runs in the same transaction with the locked row before anything is written: what it writes
 * commits with the change, and what it throws undoes both (e.g. spending a one-time link).
 */
export async function updateListing(
  db: Db,
  input: {
    id: string;
    userId: string | null;
    expectedVersion: number;
    patch: ListingPatch | ((row: Clinic) => ListingPatch);
    note?: string;
    guard?: (tx: Tx, row: Clinic) => Promise<void>;
  },
): Promise<{ clinic: Clinic; changes: Record<string, FieldChange>; flagged: ClaimMatch[] }> {
  let before: Clinic | undefined;
  const result = await db.transaction(async (tx) => {
    const row = await lockListing(tx, input.id);
    before = row;
    if (row.version !== input.expectedVersion) throw new ListingConflictError(input.expectedVersion, row);
    await input.guard?.(tx, row);
    const patch = typeof input.patch === "function" ? input.patch(row) : input.patch;
    const changes = diffListing(row, patch);
    if (Object.keys(changes).length === 0) return { clinic: row, changes, flagged: [] };
    const set = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (patch as Record<string, unknown>)[k]]),
    );
    const derived = deriveListing({ ...row, ...(set as Partial<DeriveInput>) });
    // The supports it claims may have changed: so may "aftercare confirmed by patients".
    const patientConfirmed = await confirmationFor(tx, input.id, { ...row, ...set, ...derived });
    const [updated] = await tx
      .update(clinics)
      .set({
        ...set,
        ...derived,
        patientConfirmed,
        updatedAt: sql`clock_timestamp()`,
        version: sql`${clinics.version} + 1`,
      })
      .where(and(eq(clinics.id, input.id), eq(clinics.version, input.expectedVersion)))
      .returning();
    if (!updated) throw new ListingConflictError(input.expectedVersion, await lockListing(tx, input.id));
    await tx.insert(listingRevisions).values({
      clinicId: input.id,
      userId: input.userId,
      changes,
      version: updated.version,
      note: input.note ?? null,
    });
    await enqueueSearchSync(tx, [input.id], [row, updated]);
    const flagged = await recordWordingReview(tx, {
      clinic: updated,
      changed: Object.keys(changes),
      userId: input.userId,
    });
    return { clinic: updated, changes, flagged };
  });
  if (before && Object.keys(result.changes).length > 0)
    await revalidateListingCaches([before, result.clinic]);
  return result;
}

export type NewListing = Omit<NewClinic, Managed | DerivedKey> & DeriveInput;

const creationChanges = (values: NewListing) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { before: null, after: v ?? null }]));

/** Creates a listing (with its first revision and outbox row). */
export async function createListing(
  db: Db,
  input: { userId: string | null; values: NewListing; note?: string },
): Promise<Clinic> {
  const [created] = await createListings(db, { ...input, rows: [input.values] });
  if (!created) throw new Error("insert returned no row");
  return created;
}

/**
 * Creates many listings in ONE transaction (all or nothing), each with its first revision and an
 * outbox row (and a wording review when its text holds a misleading claim). Inserts go in chunks of `chunkSize`; `onProgress` is told after each chunk (it runs
 * outside the transaction's visibility, so a progress write must use another connection).
 */
export async function createListings(
  db: Db,
  input: {
    userId: string | null;
    rows: NewListing[];
    note?: string;
    chunkSize?: number;
    onProgress?: (done: number, total: number) => Promise<void> | void;
  },
): Promise<Clinic[]> {
  const chunk = input.chunkSize ?? 500;
  const created = await db.transaction(async (tx) => {
    const out: Clinic[] = [];
    for (let i = 0; i < input.rows.length; i += chunk) {
      const part = input.rows.slice(i, i + chunk);
      const values = part.map((row) => ({ ...row, ...deriveListing(row) }));
      const created = await tx.insert(clinics).values(values).returning();
      if (created.length !== part.length) throw new Error("insert returned fewer rows than it was given");
      await tx.insert(listingRevisions).values(
        created.map((c, j) => ({
          clinicId: c.id,
          userId: input.userId,
          changes: creationChanges(part[j]!),
          version: c.version,
          note: input.note ?? null,
        })),
      );
      await enqueueSearchSync(
        tx,
        created.map((c) => c.id),
        created,
      );
      // A new listing has no review yet: only the flagged ones need a query.
      for (const c of created.filter((row) => findMisleadingClaims(row).length > 0)) {
        await recordWordingReview(tx, { clinic: c, changed: Object.keys(c), userId: input.userId });
      }
      out.push(...created);
      await input.onProgress?.(out.length, input.rows.length);
    }
    return out;
  });
  await revalidateListingCaches(created);
  return created;
}

/** Deletes a listing for good; the outbox row makes the index drop it too. */
export async function deleteListing(db: Db, input: { id: string }): Promise<void> {
  const deleted = await db.transaction(async (tx) => {
    const row = await lockListing(tx, input.id);
    await tx.delete(clinics).where(eq(clinics.id, input.id));
    await enqueueSearchSync(tx, [input.id], [row]);
    return row;
  });
  await revalidateListingCaches([deleted]);
}
