/**
 * Sitemap XML (sitemaps.org protocol): a sitemap index at /sitemap.xml pointing at the page list and
 * at 16 clinic sitemaps split by the first hex digit of the clinic id. Random UUIDs spread evenly,
 * so each holds about 1/16 of the published clinics: the 50,000-URL limit per file holds up to
 * roughly 800,000 clinics.
 */

export const CLINIC_SHARDS = [..."0123456789abcdef"] as const;
export type ClinicShard = (typeof CLINIC_SHARDS)[number];

/** The child sitemap files: "pages.xml" and "clinics-0.xml" … "clinics-f.xml". */
export const SITEMAP_FILES = ["pages.xml", ...CLINIC_SHARDS.map((s) => `clinics-${s}.xml`)] as const;

export type SitemapFile = { kind: "pages" } | { kind: "clinics"; shard: ClinicShard };

export function parseSitemapFile(name: string): SitemapFile | null {
  if (name === "pages.xml") return { kind: "pages" };
  const m = /^clinics-([0-9a-f])\.xml$/.exec(name);
  return m ? { kind: "clinics", shard: m[1] as ClinicShard } : null;
}

/** The uuid range [from, to) of a shard; `to` is null for the last one. */
export function shardRange(shard: ClinicShard): { from: string; to: string | null } {
  const i = CLINIC_SHARDS.indexOf(shard);
  const bound = (c: string) => `${c}0000000-0000-0000-0000-000000000000`;
  const next = CLINIC_SHARDS[i + 1];
  return { from: bound(shard), to: next ? bound(next) : null };
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

export type SitemapEntry = { url: string; lastModified?: Date };

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  const body = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</url>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function sitemapIndexXml(urls: readonly string[]): string {
  const body = urls.map((u) => `<sitemap><loc>${escapeXml(u)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/** An absolute URL on the site for a path ("/costs/ca"). */
export const absolute = (siteUrl: string, path: string) => new URL(path, siteUrl).toString();
