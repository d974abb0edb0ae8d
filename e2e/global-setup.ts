import type { FullConfig } from "@playwright/test";
import { ensureBuild } from "../scripts/lib/build";
import { startTempSite } from "../scripts/lib/temp-site";

/**
 * Builds the app if the build is stale, then starts a throwaway stack (real PostgreSQL, Meilisearch
 * and the production server, seeded with the 1,500 sample clinics) for the whole run.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? "http://localhost:3210";
  await ensureBuild({ say: (m) => console.log(`[e2e] ${m}`) });
  const site = await startTempSite({ port: Number(new URL(baseURL).port) });
  process.env.E2E_DATABASE_URL = site.databaseUrl;
  process.env.E2E_MEILI_HOST = site.meiliHost;
  process.env.E2E_MEILI_KEY = site.meiliKey;
  process.env.E2E_MAIL_DIR = site.mailDir;
  process.env.E2E_MAIL_SERVER = site.mailServer;
  process.env.E2E_ADMIN_EMAILS = site.adminEmails;
  return () => site.stop();
}
