import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { clinics, users, wordingReviews, type Clinic } from "@/db/schema";
import { requireAdmin, type Actor } from "@/lib/auth/authz";
import { SafeError } from "@/lib/errors";
import { CHECKED_FIELDS, findMisleadingClaims, type ClaimMatch } from "./misleading-claims";

/**
 * The editors' queue of listings whose wording holds a misleading claim. A flagged save is still
 * published: the check never blocks a clinic, it puts the listing in front of an editor.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Called by every listing write, inside its transaction, with the row as saved and the fields that
 * changed. When a checked field changed: flagged words queue the listing (or update its waiting
 * review); none clear a waiting review. Returns the matches that queued it ([] when not queued).
 */
export async function recordWordingReview(
  tx: Tx,
  input: { clinic: Clinic; changed: readonly string[]; userId: string | null },
): Promise<ClaimMatch[]> {
  if (!CHECKED_FIELDS.some((f) => input.changed.includes(f))) return [];
  const matches = findMisleadingClaims(input.clinic);
  if (matches.length === 0) {
    await tx
      .update(wordingReviews)
      .set({ status: "cleared", decidedBy: input.userId, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(wordingReviews.clinicId, input.clinic.id), eq(wordingReviews.status, "pending")));
    return [];
  }
  await tx
    .insert(wordingReviews)
    .values({
      clinicId: input.clinic.id,
      matches,
      savedBy: input.userId,
      version: input.clinic.version,
    })
    .onConflictDoUpdate({
      target: wordingReviews.clinicId,
      targetWhere: sql`${wordingReviews.status} = 'pending'`,
      set: { matches, savedBy: input.userId, version: input.clinic.version, updatedAt: sql`now()` },
    });
  return matches;
}

/** The waiting reviews, oldest first, with the listing's CURRENT text (highlighted from the same list). */
export async function pendingWordingReviews(db: Db, actor: Actor) {
  requireAdmin(actor);
  const rows = await db
    .select({
      id: wordingReviews.id,
      updatedAt: wordingReviews.updatedAt,
      savedBy: users.email,
      clinic: {
        id: clinics.id,
        slug: clinics.slug,
        status: clinics.status,
        city: clinics.city,
        state: clinics.state,
        name: clinics.name,
        description: clinics.description,
        aftercareNotes: clinics.aftercareNotes,
        refundPolicy: clinics.refundPolicy,
      },
    })
    .from(wordingReviews)
    .innerJoin(clinics, eq(clinics.id, wordingReviews.clinicId))
    .leftJoin(users, eq(users.id, wordingReviews.savedBy))
    .where(eq(wordingReviews.status, "pending"))
    .orderBy(asc(wordingReviews.updatedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, matches: findMisleadingClaims(r.clinic) }));
}

/** Whether this listing has a review waiting (for its editor page); the caller may edit the listing. */
export async function hasPendingWordingReview(db: Db, clinicId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: wordingReviews.id })
    .from(wordingReviews)
    .where(and(eq(wordingReviews.clinicId, clinicId), eq(wordingReviews.status, "pending")))
    .limit(1);
  return Boolean(row);
}

class WordingReviewError extends SafeError {}

const decisionSchema = z.object({ reviewId: z.uuid(), decision: z.literal("approved") });

/** An editor accepts the wording as written (site editors only). */
export async function decideWordingReview(db: Db, actor: Actor, input: unknown): Promise<void> {
  const admin = requireAdmin(actor);
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success)
    throw new WordingReviewError("invalid_request", "Unknown review. Reload the page and try again.");
  const done = await db
    .update(wordingReviews)
    .set({ status: parsed.data.decision, decidedBy: admin.id, decidedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(wordingReviews.id, parsed.data.reviewId), eq(wordingReviews.status, "pending")))
    .returning({ id: wordingReviews.id });
  if (done.length === 0)
    throw new WordingReviewError(
      "not_found",
      "This review is no longer waiting (decided already, or the words were taken out).",
    );
}
