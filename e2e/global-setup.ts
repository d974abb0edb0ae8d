import { spawn } from "node:child_process";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { ensureBuild, ROOT } from "../scripts/lib/build";

/**
 * Builds the app if the build is stale, then starts a throwaway stack (real PostgreSQL, Meilisearch
 * and the production server, seeded with the 1,500 sample clinics) for the whole run.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? "http://localhost:3210";
  await ensureBuild({ say: (m) => console.log(`[e2e] ${m}`) });
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "scripts/serve-temp.ts",
      `--port=${new URL(baseURL).port}`,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (b: Buffer) => {
      buf += b.toString();
      const m = /READY (\{.*\})/.exec(buf);
      if (m) resolve(JSON.parse(m[1]!));
    });
    child.on("exit", (code) => reject(new Error(`the e2e stack exited early (${code})`)));
  });
  process.env.E2E_DATABASE_URL = ready.databaseUrl;
  process.env.E2E_MEILI_HOST = ready.meiliHost;
  process.env.E2E_MEILI_KEY = ready.meiliKey;
  process.env.E2E_MAIL_DIR = ready.mailDir;
  process.env.E2E_ADMIN_EMAILS = ready.adminEmails;
  return async () => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  };
}
