import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, buildStampFile, sourceHash } from "./source-hash";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/**
 * Runs `next build` unless the last build was made from the current source. Resolves to true when it
 * built. `onSpawn` receives the build process (so a launcher can end it if it stops early).
 */
export async function ensureBuild(
  opts: { say?: (m: string) => void; onSpawn?: (c: ChildProcess) => void } = {},
): Promise<boolean> {
  if (buildIsCurrent(ROOT)) return false;
  opts.say?.("Building the app (about a minute the first time)…");
  const hash = sourceHash(ROOT);
  await new Promise<void>((resolve, reject) => {
    const { NODE_OPTIONS: _omit, ...env } = process.env;
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    opts.onSpawn?.(child);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
  writeFileSync(buildStampFile(ROOT), hash);
  return true;
}
