import { serverEnv } from "@/lib/env";
import { SITEMAP_FILES, absolute, sitemapIndexXml } from "@/lib/sitemap";

export const dynamic = "force-dynamic";

/** The sitemap index: the page list and the clinic sitemaps. */
export function GET() {
  const site = serverEnv().SITE_URL;
  return new Response(sitemapIndexXml(SITEMAP_FILES.map((f) => absolute(site, `/sitemaps/${f}`))), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
