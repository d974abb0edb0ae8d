import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FullConfig } from "@playwright/test";
import { buildIsCurrent, buildStampFile, sourceHash } from "../scripts/lib/source-hash";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function build() {
  return new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

/**
 * Builds the app if the build is stale, then starts a throwaway stack (real PostgreSQL, Meilisearch
 * and the production server, seeded with the 1,500 sample clinics) for the whole run.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? "http://localhost:3210";
  if (!buildIsCurrent(root)) {
    console.log("[e2e] building the app…");
    const hash = sourceHash(root);
    await build();
    writeFileSync(buildStampFile(root), hash);
  }
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "scripts/serve-temp.ts",
      `--port=${new URL(baseURL).port}`,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
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
