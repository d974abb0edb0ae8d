import "server-only";
import { and, asc, eq, gt, gte } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinics, listingRevisions, type Clinic } from "@/db/schema";
import { zipToPoint } from "@/db/geo";
import { assertCanEditListing, assertCanManageMembers, type Actor } from "@/lib/auth/authz";
import { SafeError } from "@/lib/errors";
import type { ClaimMatch } from "@/lib/wording/misleading-claims";
import { fieldLabel, formatFieldValue, LISTING_FIELDS, type ListingField } from "./fields";
import {
  editEnvelopeSchema,
  fieldErrors,
  listingInputSchema,
  pickListingValues,
  priceRule,
  toFormValues,
  type FieldErrors,
  type ListingValues,
} from "./schema";
import { ListingConflictError, ListingNotFoundError, updateListing, type ListingPatch } from "./service";

/**
 * What a clinic (owner or editor) or an admin does to a listing's content: save the editor form, and
 * restore an earlier version. Each function authorizes the actor for THIS listing before anything
 * else, validates with the shared schema, and writes through `updateListing` (one transaction with
 * a revision and an outbox row; optimistic concurrency on `version`).
 */

export type Conflict = { field: ListingField; label: string; theirs: string; yours: string };

export type SaveOutcome =
  /** `flagged`: the misleading claims for which this save queued the listing for an editor. */
  | { ok: true; version: number; changed: string[]; flagged: ClaimMatch[] }
  | { ok: false; code: "invalid"; message: string; errors: FieldErrors }
  | { ok: false; code: "conflict"; message: string; conflicts: Conflict[]; currentVersion: number };

class ListingEditError extends SafeError {}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function parseEnvelope(input: unknown) {
  const env = editEnvelopeSchema.safeParse(input);
  if (!env.success)
    throw new ListingEditError("invalid_request", "The form is out of date. Reload the page and try again.");
  return env.data;
}

/**
 * The map point of a ZIP code when the ZIP code or state changes; a ZIP code we do not know, or one
 * in another state, is a field error. Telehealth services without a ZIP code have no point.
 */
export function locate(
  row: Pick<Clinic, "postalCode" | "state" | "lat" | "lng"> | null,
  values: Pick<ListingValues, "postalCode" | "state">,
): { ok: true; patch: Pick<ListingPatch, "lat" | "lng"> } | { ok: false; errors: FieldErrors } {
  if (row && row.postalCode === values.postalCode && row.state === values.state)
    return { ok: true, patch: {} };
  if (!values.postalCode) return { ok: true, patch: { lat: null, lng: null } };
  const point = zipToPoint(values.postalCode);
  if (!point)
    return {
      ok: false,
      errors: { postalCode: "We do not know this ZIP code. Check it, or leave it empty." },
    };
  if (point.state !== values.state) {
    return {
      ok: false,
      errors: { postalCode: `ZIP code ${values.postalCode} is in ${point.state}, not ${values.state}.` },
    };
  }
  return { ok: true, patch: { lat: point.lat, lng: point.lng } };
}

/** What another writer changed since `expectedVersion`, next to what this writer wanted. */
async function describeConflict(
  db: Db,
  clinicId: string,
  expectedVersion: number,
  current: Clinic,
  yours: Partial<ListingValues>,
): Promise<Conflict[]> {
  const revs = await db
    .select({ changes: listingRevisions.changes })
    .from(listingRevisions)
    .where(and(eq(listingRevisions.clinicId, clinicId), gt(listingRevisions.version, expectedVersion)));
  const touched = new Set(revs.flatMap((r) => Object.keys(r.changes as Record<string, unknown>)));
  const candidates = LISTING_FIELDS.filter((f) => f in yours && (touched.size === 0 || touched.has(f)));
  return candidates
    .filter((f) => !sameValue(current[f], yours[f]))
    .map((f) => ({
      field: f,
      label: fieldLabel(f),
      theirs: formatFieldValue(f, current[f]),
      yours: formatFieldValue(f, yours[f]),
    }));
}

async function loadListing(db: Db, id: string): Promise<Clinic> {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id)).limit(1);
  if (!row) throw new ListingEditError("not_found", "We could not find that listing.");
  return row;
}

/**
 * Writes through `updateListing` and answers as an action does: the new version and the changed
 * fields, or — when someone saved first — a conflict built by `onConflict`. Nothing is written then.
 */
export async function writeListing(
  db: Db,
  input: Parameters<typeof updateListing>[1],
  onConflict: (err: ListingConflictError) => Promise<SaveOutcome> | SaveOutcome,
): Promise<SaveOutcome> {
  try {
    const { clinic, changes, flagged } = await updateListing(db, input);
    return { ok: true, version: clinic.version, changed: Object.keys(changes), flagged };
  } catch (err) {
    if (err instanceof ListingConflictError) return onConflict(err);
    if (err instanceof ListingNotFoundError)
      throw new ListingEditError("not_found", "We could not find that listing.");
    throw err;
  }
}

/** A conflict answer without field detail (for restores and admin actions, which change few fields). */
export const reloadConflict =
  (message: string) =>
  (err: ListingConflictError): SaveOutcome => ({
    ok: false,
    code: "conflict",
    message,
    conflicts: [],
    currentVersion: err.current.version,
  });

/** Saves the editor form: `input` is `{ id, version, values }` straight from the request. */
export async function saveListing(
  db: Db,
  actor: Actor,
  input: { id: unknown; version: unknown; values: unknown },
): Promise<SaveOutcome> {
  const { id, version } = parseEnvelope({ id: input.id, version: input.version });
  const user = await assertCanEditListing(db, actor, id);
  const parsed = listingInputSchema.safeParse(input.values);
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid",
      message: "Some answers need fixing. Nothing was saved.",
      errors: fieldErrors(parsed.error),
    };
  }
  const values = parsed.data;
  const row = await loadListing(db, id);
  const where = locate(row, values);
  if (!where.ok)
    return {
      ok: false,
      code: "invalid",
      message: "Some answers need fixing. Nothing was saved.",
      errors: where.errors,
    };
  return writeListing(
    db,
    {
      id,
      userId: user.id,
      expectedVersion: version,
      // `where` was worked out on the same version of the row (a different one is a conflict).
      patch: (locked) => ({ ...values, ...priceRule(locked, values), ...where.patch }),
    },
    async (err) => ({
      ok: false,
      code: "conflict",
      message:
        "Someone saved this listing after you opened it. Nothing was saved. Compare the changes below.",
      conflicts: await describeConflict(db, id, version, err.current, values),
      currentVersion: err.current.version,
    }),
  );
}

/**
 * The listing's content as it was just BEFORE revision `revisionId`: every editable field that this
 * or a later revision changed goes back to its value before the earliest of them.
 */
export async function valuesBeforeRevision(db: Db, clinicId: string, revisionId: number) {
  const revs = await db
    .select({ id: listingRevisions.id, changes: listingRevisions.changes })
    .from(listingRevisions)
    .where(and(eq(listingRevisions.clinicId, clinicId), gte(listingRevisions.id, revisionId)))
    .orderBy(asc(listingRevisions.id));
  if (revs[0]?.id !== revisionId) return null;
  const target: Partial<Record<ListingField, unknown>> = {};
  for (const r of revs) {
    for (const [field, change] of Object.entries(r.changes as Record<string, { before: unknown }>)) {
      if ((LISTING_FIELDS as string[]).includes(field) && !(field in target))
        target[field as ListingField] = change.before;
    }
  }
  return target;
}

/**
 * Restores the listing's content to how it was before revision `revisionId`, as a NEW revision
 * (owners and admins). Status and verification are not touched: they have their own admin actions.
 */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  input: { id: unknown; version: unknown; revisionId: unknown },
): Promise<SaveOutcome> {
  const { id, version } = parseEnvelope({ id: input.id, version: input.version });
  const user = await assertCanManageMembers(db, actor, id);
  const revisionId = Number(input.revisionId);
  if (!Number.isSafeInteger(revisionId) || revisionId < 1)
    throw new ListingEditError("invalid_request", "Unknown change.");
  const target = await valuesBeforeRevision(db, id, revisionId);
  if (!target)
    throw new ListingEditError("not_found", "We could not find that change in this listing's history.");
  return writeListing(
    db,
    {
      id,
      userId: user.id,
      expectedVersion: version,
      note: `Restored to how it was before change #${revisionId}`,
      patch: (locked) => {
        const merged = { ...pickListingValues(locked), ...target } as Pick<Clinic, ListingField>;
        const parsed = listingInputSchema.safeParse(toFormValues(merged));
        if (!parsed.success) {
          const first = Object.entries(fieldErrors(parsed.error))[0];
          throw new ListingEditError(
            "restore_invalid",
            `That earlier version cannot be restored as it is (${first ? `${fieldLabel(first[0])}: ${first[1]}` : "invalid"}). Edit the listing instead.`,
          );
        }
        const loc = locate(locked, parsed.data);
        if (!loc.ok) {
          throw new ListingEditError(
            "restore_invalid",
            `That earlier version cannot be restored as it is (${Object.values(loc.errors)[0]}).`,
          );
        }
        return { ...parsed.data, ...priceRule(locked, parsed.data), ...loc.patch };
      },
    },
    reloadConflict(
      "Someone saved this listing after you opened its history. Nothing was restored. Reload and try again.",
    ),
  );
}
