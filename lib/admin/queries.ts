import "server-only";
import { asc, desc, eq, ilike, or } from "drizzle-orm";
import type { Db } from "@/db/connect";
import { claims, clinics, importJobs, users } from "@/db/schema";
import { requireAdmin, type Actor } from "@/lib/auth/authz";

/** Reads for the admin pages; each checks the actor is an admin. */

export function pendingClaims(db: Db, actor: Actor) {
  requireAdmin(actor);
  return db
    .select({
      id: claims.id,
      createdAt: claims.createdAt,
      method: claims.method,
      email: users.email,
      clinicId: clinics.id,
      clinicName: clinics.name,
      clinicSlug: clinics.slug,
      website: clinics.website,
      city: clinics.city,
      state: clinics.state,
    })
    .from(claims)
    .innerJoin(users, eq(users.id, claims.userId))
    .innerJoin(clinics, eq(clinics.id, claims.clinicId))
    .where(eq(claims.status, "pending"))
    .orderBy(asc(claims.createdAt))
    .limit(100);
}

/** Listings whose name or web address name contains `q` (case-insensitive), at most 20. */
export function findListings(db: Db, actor: Actor, q: string) {
  requireAdmin(actor);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: clinics.id,
      name: clinics.name,
      slug: clinics.slug,
      city: clinics.city,
      state: clinics.state,
      status: clinics.status,
      version: clinics.version,
      lastVerifiedAt: clinics.lastVerifiedAt,
      priceSource: clinics.priceSource,
    })
    .from(clinics)
    .where(or(ilike(clinics.name, like), ilike(clinics.slug, like)))
    .orderBy(asc(clinics.name))
    .limit(20);
}

export function recentImports(db: Db, actor: Actor) {
  requireAdmin(actor);
  return db.select().from(importJobs).orderBy(desc(importJobs.createdAt)).limit(5);
}
