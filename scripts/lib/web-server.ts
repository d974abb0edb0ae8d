import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { PEER_ENV, PEER_HEADER } from "@/lib/auth/client-address";
import { ROOT } from "./build";

/**
 * Starts the web server (`scripts/web-server.mjs`: Next.js behind a Node.js HTTP server that listens
 * on `host` only and passes each connection's peer address to the app) with `env`.
 */
export function spawnWebServer(
  opts: { host: string; port: number; dev?: boolean; env: NodeJS.ProcessEnv },
  spawnOpts: Omit<SpawnOptions, "env" | "cwd"> = {},
) {
  const args = [path.join(ROOT, "scripts/web-server.mjs"), `--host=${opts.host}`, `--port=${opts.port}`];
  if (opts.dev) args.push("--dev");
  return spawn(process.execPath, args, {
    ...spawnOpts,
    cwd: ROOT,
    env: { ...opts.env, [PEER_ENV]: PEER_HEADER },
  });
}
