import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export type SiteStats = { clinics: number; integrationShare: number; medianSessionCents: number | null };

/** The live headline numbers on the home page, straight from PostgreSQL (published listings only). */
export async function siteStats(): Promise<SiteStats> {
  const [row] = await getDb().execute<{ clinics: number; integration: number; median: number | null }>(sql`
    select count(*)::int as clinics,
           coalesce(avg((integration_therapy in ('included', 'add_on'))::int), 0)::float8 as integration,
           percentile_cont(0.5) within group (order by session_min)::float8 as median
    from clinics where status = 'published'`);
  return {
    clinics: row?.clinics ?? 0,
    integrationShare: row?.integration ?? 0,
    medianSessionCents: row?.median == null ? null : Math.round(row.median),
  };
}

export async function featuredClinics(limit = 6) {
  return getDb().execute<{ slug: string; name: string; city: string; state: string }>(sql`
    select slug, name, city, state from clinics
    where status = 'published' and integration_therapy = 'included' and follow_up_24h
    order by last_verified_at desc nulls last, slug limit ${limit}`);
}
