import "server-only";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinics, type Clinic } from "@/db/schema";
import { slugify } from "@/db/seed/names";
import { requireAdmin, type Actor } from "@/lib/auth/authz";
import { SafeError } from "@/lib/errors";
import { locate, parseEnvelope, reloadConflict, writeListing, type SaveOutcome } from "./edit";
import { fieldErrors, listingInputSchema, todayUtc, type FieldErrors, type ListingValues } from "./schema";
import { createListing, type updateListing, type NewListing } from "./service";

/**
 * What only site editors (admins) do to listings: hide and show them (they leave and re-enter search
 * through the outbox), mark them verified, and create them. Every function starts with `requireAdmin`.
 */

class ModerationError extends SafeError {}

async function adminUpdate(
  db: Db,
  userId: string,
  t: { id: string; version: number },
  patch: Parameters<typeof updateListing>[1]["patch"],
  note: string,
): Promise<SaveOutcome> {
  return writeListing(
    db,
    { id: t.id, userId, expectedVersion: t.version, patch, note },
    reloadConflict(
      "The listing changed since you opened this page. Nothing was changed. Reload and try again.",
    ),
  );
}

/** Hide a listing from the public (suspended) or show it again (published). */
export async function setListingStatus(db: Db, actor: Actor, input: unknown): Promise<SaveOutcome> {
  const admin = requireAdmin(actor);
  const t = parseEnvelope(input);
  const parsed = z.object({ status: z.enum(["published", "suspended"]) }).safeParse(input);
  if (!parsed.success)
    throw new ModerationError("invalid_request", "Unknown status. Reload the page and try again.");
  const { status } = parsed.data;
  return adminUpdate(
    db,
    admin.id,
    t,
    { status },
    status === "suspended" ? "Hidden by a site editor" : "Shown again by a site editor",
  );
}

/** Marks the listing checked today; with `verifyPrices`, its prices become "checked by our editors". */
export async function markVerified(db: Db, actor: Actor, input: unknown): Promise<SaveOutcome> {
  const admin = requireAdmin(actor);
  const t = parseEnvelope(input);
  const verifyPrices = z
    .object({ verifyPrices: z.coerce.boolean().default(false) })
    .parse(input).verifyPrices;
  return adminUpdate(
    db,
    admin.id,
    t,
    {
      lastVerifiedAt: new Date(),
      ...(verifyPrices ? { priceSource: "verified" as const, priceUpdatedAt: todayUtc() } : {}),
    },
    verifyPrices ? "Checked by a site editor, prices verified" : "Checked by a site editor",
  );
}

/** "name-city-st", or with the first free "-2", "-3", … suffix among `taken` (which it updates). */
export function allocateSlug(
  values: { name: string; city: string; state: string },
  taken: Set<string>,
): string {
  const base = slugify(`${values.name} ${values.city} ${values.state}`) || "clinic";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Slugs already used that start like these bases (one query, for creating or importing). */
export async function takenSlugs(db: Db, bases: string[]): Promise<Set<string>> {
  if (bases.length === 0) return new Set();
  const firstWords = [...new Set(bases.map((b) => b.split("-")[0] ?? b))];
  const rows = await db
    .select({ slug: clinics.slug })
    .from(clinics)
    .where(inArray(sql`split_part(${clinics.slug}, '-', 1)`, firstWords));
  return new Set(rows.map((r) => r.slug));
}

/** A new listing from validated values (data source and status given by the caller). */
export function newListingRow(
  values: ListingValues,
  point: { lat: number | null; lng: number | null },
  extra: Pick<NewListing, "slug" | "status" | "dataSource">,
): NewListing {
  return {
    ...values,
    ...point,
    ...extra,
    priceSource: "clinic_reported",
    priceUpdatedAt: todayUtc(),
    lastVerifiedAt: null,
  };
}

export type CreateOutcome =
  | { ok: true; id: string; slug: string }
  | { ok: false; code: "invalid"; message: string; errors: FieldErrors };

/** An admin creates a listing (editorial data), as a draft or live at once. */
export async function createListingAsAdmin(
  db: Db,
  actor: Actor,
  input: { values: unknown; status: unknown },
): Promise<CreateOutcome> {
  const admin = requireAdmin(actor);
  const status = z.enum(["draft", "published"]).safeParse(input.status);
  const parsed = listingInputSchema.safeParse(input.values);
  if (!parsed.success || !status.success) {
    return {
      ok: false,
      code: "invalid",
      message: "Some answers need fixing. Nothing was saved.",
      errors: parsed.success
        ? { _form: "Choose whether the listing is live or a draft." }
        : fieldErrors(parsed.error),
    };
  }
  const where = locate(null, parsed.data);
  if (!where.ok)
    return {
      ok: false,
      code: "invalid",
      message: "Some answers need fixing. Nothing was saved.",
      errors: where.errors,
    };
  const point = { lat: where.patch.lat ?? null, lng: where.patch.lng ?? null };
  const base = allocateSlug(parsed.data, new Set());
  const slug = allocateSlug(parsed.data, await takenSlugs(db, [base]));
  const created: Clinic = await createListing(db, {
    userId: admin.id,
    values: newListingRow(parsed.data, point, { slug, status: status.data, dataSource: "editorial" }),
    note: "Created by a site editor",
  });
  return { ok: true, id: created.id, slug: created.slug };
}
