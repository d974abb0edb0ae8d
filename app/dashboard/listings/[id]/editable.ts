import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { canEditListing } from "@/lib/auth/authz";
import { requireUserPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listingById } from "@/lib/listings/account-queries";

/**
 * The guard of every dashboard page of one listing: the visitor signs in first (and comes back to
 * `path`); a malformed id, a listing they may not edit and one that does not exist all look the same,
 * a 404. Answers who is asking, the database and the listing.
 */
export async function editableListing(id: string, path: string) {
  const actor = await requireUserPage(path);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  if (!(await canEditListing(db, actor, id))) notFound();
  const clinic = await listingById(db, id);
  if (!clinic) notFound();
  return { actor, db, clinic };
}
