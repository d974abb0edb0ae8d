import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { Db } from "@/db/connect";
import { clinics } from "@/db/schema";

/** A published listing by slug, or undefined (drafts and suspended listings are not public). */
export async function getPublishedClinic(slug: string) {
  const [row] = await getDb()
    .select()
    .from(clinics)
    .where(and(eq(clinics.slug, slug), eq(clinics.status, "published")))
    .limit(1);
  return row;
}

/**
 * The published listings among `slugs`, in no particular order; slugs that are unknown, drafts or
 * suspended are simply missing from the result. For short lists (the compare page asks for at most 4).
 */
export async function getPublishedClinicsBySlugs(slugs: readonly string[], db: Db = getDb()) {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(clinics)
    .where(and(inArray(clinics.slug, [...slugs]), eq(clinics.status, "published")));
}
