import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/connect";
import { CACHE_TAGS } from "@/lib/cache";
import { cachedFigures } from "@/lib/cached-figures";

export type SiteStats = {
  clinics: number;
  /** How many offer integration therapy (`OFFERS_INTEGRATION`). */
  offersIntegration: number;
  integrationShare: number;
  medianSessionCents: number | null;
};

const statsRow = z.object({
  clinics: z.number().int(),
  integration: z.number().int(),
  median: z.number().nullable(),
});

/** The home page's headline numbers (published listings only). */
async function computeSiteStats(db: Db): Promise<SiteStats> {
  const [row] = z.array(statsRow).parse(
    await db.execute(sql`
      select count(*)::int as clinics,
             count(*) filter (where offers_integration)::int as integration,
             percentile_cont(0.5) within group (order by session_min)::float8 as median
      from clinics where status = 'published'`),
  );
  const clinics = row?.clinics ?? 0;
  const integration = row?.integration ?? 0;
  return {
    clinics,
    offersIntegration: integration,
    integrationShare: clinics > 0 ? integration / clinics : 0,
    medianSessionCents: row?.median == null ? null : Math.round(row.median),
  };
}

export type FeaturedClinic = { slug: string; name: string; city: string; state: string };

/** Recently verified clinics with integration therapy included and next-day follow-up. */
async function computeFeaturedClinics(db: Db): Promise<FeaturedClinic[]> {
  return z.array(z.object({ slug: z.string(), name: z.string(), city: z.string(), state: z.string() })).parse(
    await db.execute(sql`
        select slug, name, city, state from clinics
        where status = 'published' and integration_therapy = 'included' and follow_up_24h
        order by last_verified_at desc nulls last, slug limit 6`),
  );
}

/**
 * The home page's numbers and featured clinics: aggregates over every listing (a scan of the whole
 * table at 100,000 clinics), so cached together like the cost figures (one data check for both),
 * and expired by a listing write (`CACHE_TAGS.home`).
 */
export const homeFigures = cachedFigures(
  "home",
  async (db: Db) => {
    const [stats, featured] = await Promise.all([computeSiteStats(db), computeFeaturedClinics(db)]);
    return { stats, featured };
  },
  () => [CACHE_TAGS.home],
);
