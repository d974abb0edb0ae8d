import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clinics } from "@/db/schema";
import { US_STATES } from "@/db/enums";
import { costsHref } from "@/lib/costs/links";
import { getCityPages } from "@/lib/costs/queries";
import { serverEnv } from "@/lib/env";
import {
  absolute,
  parseSitemapFile,
  shardRange,
  urlsetXml,
  type ClinicShard,
  type SitemapEntry,
} from "@/lib/sitemap";

export const dynamic = "force-dynamic";

async function pageEntries(site: string): Promise<SitemapEntry[]> {
  const cities = await getCityPages();
  return [
    ...["/", "/clinics", "/costs"].map((p) => ({ url: absolute(site, p) })),
    ...US_STATES.map((s) => ({ url: absolute(site, costsHref(s)) })),
    ...cities.map((c) => ({ url: absolute(site, costsHref(c.state, c.slug)) })),
  ];
}

async function clinicEntries(site: string, shard: ClinicShard): Promise<SitemapEntry[]> {
  const { from, to } = shardRange(shard);
  const rows = await getDb()
    .select({ slug: clinics.slug, updatedAt: clinics.updatedAt })
    .from(clinics)
    .where(and(eq(clinics.status, "published"), gte(clinics.id, from), to ? lt(clinics.id, to) : undefined))
    .orderBy(asc(clinics.id));
  return rows.map((r) => ({ url: absolute(site, `/clinics/${r.slug}`), lastModified: r.updatedAt }));
}

/** One child sitemap: "pages.xml" (home, search, cost pages) or "clinics-N.xml" (published clinics). */
export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFile((await ctx.params).file);
  if (!file) return new Response("Not found", { status: 404 });
  const site = serverEnv().SITE_URL;
  const entries = file.kind === "pages" ? await pageEntries(site) : await clinicEntries(site, file.shard);
  return new Response(urlsetXml(entries), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
