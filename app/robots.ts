import type { MetadataRoute } from "next";
import { serverEnv } from "@/lib/env";

// Read SITE_URL when asked, not at build time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const site = serverEnv().SITE_URL;
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/admin", "/dashboard"] },
    sitemap: new URL("/sitemap.xml", site).toString(),
  };
}
