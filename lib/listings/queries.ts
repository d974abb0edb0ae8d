import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
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
