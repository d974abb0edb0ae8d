import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { ROOT } from "./build";

/** What scripts/serve-temp.ts prints on its `READY {json}` line. */
export const tempSiteReadySchema = z.object({
  baseURL: z.string(),
  databaseUrl: z.string(),
  meiliHost: z.string(),
  meiliKey: z.string(),
  dataDir: z.string(),
  serverPid: z.number().int(),
  mailDir: z.string(),
  /** The mail sink's SMTP address (for commands a test runs, e.g. `npm run prices:remind`). */
  mailServer: z.string(),
  adminEmails: z.string(),
});
export type TempSiteReady = z.infer<typeof tempSiteReadySchema>;
export type TempSite = TempSiteReady & { stop(): Promise<void> };

/** The `READY {json}` line, read from a running serve-temp's output (for `--stack=` options). */
function parseReady(text: string): TempSiteReady | undefined {
  const m = /READY (\{.*\})/.exec(text);
  return m ? tempSiteReadySchema.parse(JSON.parse(m[1]!)) : undefined;
}

/**
 * Starts scripts/serve-temp.ts (a throwaway copy of the site: real PostgreSQL and Meilisearch in a
 * temporary folder, `seed` sample clinics, the production build on `port`) and resolves when it is up.
 *
 * It runs in a process group of its own, and `stop()` (or this process exiting) ends the whole group:
 * first SIGTERM to serve-temp so it stops its services and removes its folder, then, after
 * `graceMs`, SIGKILL to anything of the group still running. Signalling only the `tsx` wrapper could
 * leave next-server, PostgreSQL and Meilisearch running after a test run on a busy machine.
 */
export async function startTempSite(opts: {
  port: number;
  seed?: number;
  /** Each line serve-temp writes to stderr; by default they pass through to this process's stderr. */
  onLog?: (line: string) => void;
  graceMs?: number;
}): Promise<TempSite> {
  const args = [
    path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
    "--conditions=react-server",
    "scripts/serve-temp.ts",
    `--port=${opts.port}`,
    ...(opts.seed === undefined ? [] : [`--seed=${opts.seed}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true, // its own process group, so the group can be ended as one
    stdio: ["ignore", "pipe", opts.onLog ? "pipe" : "inherit"],
  });
  const pgid = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // ESRCH: every process of the group has already exited
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);
  if (opts.onLog) {
    let rest = "";
    child.stderr!.on("data", (b: Buffer) => {
      const lines = (rest + b.toString()).split("\n");
      rest = lines.pop()!;
      for (const line of lines) opts.onLog!(line);
    });
  }
  const ready = await new Promise<TempSiteReady>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (b: Buffer) => {
      buf += b.toString();
      try {
        const r = parseReady(buf);
        if (r) resolve(r);
      } catch (err) {
        reject(err as Error);
      }
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`serve-temp exited before it was ready (${signal ?? `exit code ${code}`})`)),
    );
  }).catch((err: Error) => {
    killGroup("SIGKILL");
    process.off("exit", onExit);
    throw err;
  });
  return {
    ...ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, opts.graceMs ?? 15_000))]);
      }
      killGroup("SIGKILL");
      process.off("exit", onExit);
    },
  };
}
