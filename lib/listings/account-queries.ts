import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { clinicInvites, clinicMembers, clinics, listingRevisions, users } from "@/db/schema";

/** Reads for the clinic dashboard. Callers authorize first; these return only the columns pages show. */

/** The listings a person manages, with their role on each. */
export function listingsOf(db: Db, userId: string) {
  return db
    .select({
      id: clinics.id,
      name: clinics.name,
      slug: clinics.slug,
      city: clinics.city,
      state: clinics.state,
      status: clinics.status,
      updatedAt: clinics.updatedAt,
      role: clinicMembers.role,
    })
    .from(clinicMembers)
    .innerJoin(clinics, eq(clinics.id, clinicMembers.clinicId))
    .where(eq(clinicMembers.userId, userId))
    .orderBy(asc(clinics.name));
}

/** People who manage a listing, and open invitations. */
export async function membersOf(db: Db, clinicId: string) {
  const [members, invites] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, role: clinicMembers.role })
      .from(clinicMembers)
      .innerJoin(users, eq(users.id, clinicMembers.userId))
      .where(eq(clinicMembers.clinicId, clinicId))
      .orderBy(asc(clinicMembers.role), asc(users.email)),
    db
      .select({ id: clinicInvites.id, email: clinicInvites.email, createdAt: clinicInvites.createdAt })
      .from(clinicInvites)
      .where(and(eq(clinicInvites.clinicId, clinicId), isNull(clinicInvites.acceptedAt)))
      .orderBy(asc(clinicInvites.email)),
  ]);
  return { members, invites };
}

/** A listing's revisions, newest first, with who made them. */
export function revisionsOf(db: Db, clinicId: string, limit = 200) {
  return db
    .select({
      id: listingRevisions.id,
      changes: listingRevisions.changes,
      version: listingRevisions.version,
      note: listingRevisions.note,
      createdAt: listingRevisions.createdAt,
      email: users.email,
    })
    .from(listingRevisions)
    .leftJoin(users, eq(users.id, listingRevisions.userId))
    .where(eq(listingRevisions.clinicId, clinicId))
    .orderBy(desc(listingRevisions.id))
    .limit(limit);
}

export async function listingById(db: Db, id: string) {
  const [row] = await db.select().from(clinics).where(eq(clinics.id, id)).limit(1);
  return row;
}
