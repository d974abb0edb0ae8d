import { describe, expect, it } from "vitest";
import { CLINIC_SHARDS, parseSitemapFile, shardRange, sitemapIndexXml, urlsetXml } from "./sitemap";

describe("sitemap", () => {
  it("splits clinics into 16 contiguous uuid ranges that cover every id", () => {
    expect(shardRange("0")).toEqual({
      from: "00000000-0000-0000-0000-000000000000",
      to: "10000000-0000-0000-0000-000000000000",
    });
    expect(shardRange("f")).toEqual({ from: "f0000000-0000-0000-0000-000000000000", to: null });
    for (let i = 1; i < CLINIC_SHARDS.length; i++) {
      expect(shardRange(CLINIC_SHARDS[i]!).from).toBe(shardRange(CLINIC_SHARDS[i - 1]!).to);
    }
  });

  it("reads only the file names it serves", () => {
    expect(parseSitemapFile("pages.xml")).toEqual({ kind: "pages" });
    expect(parseSitemapFile("clinics-a.xml")).toEqual({ kind: "clinics", shard: "a" });
    for (const bad of ["clinics-g.xml", "clinics-A.xml", "clinics-1.xml.gz", "../pages.xml", ""]) {
      expect(parseSitemapFile(bad)).toBeNull();
    }
  });

  it("writes escaped XML", () => {
    const xml = urlsetXml([
      { url: "https://x.test/a?b=1&c=<2>", lastModified: new Date("2026-01-02T03:04:05Z") },
    ]);
    expect(xml).toContain(
      "<loc>https://x.test/a?b=1&amp;c=&lt;2&gt;</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod>",
    );
    expect(sitemapIndexXml(["https://x.test/s.xml"])).toContain(
      "<sitemap><loc>https://x.test/s.xml</loc></sitemap>",
    );
  });
});
