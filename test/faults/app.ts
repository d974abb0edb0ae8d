import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/scripts/lib/services/postgres-server";
import { startMeilisearch } from "@/scripts/lib/services/meilisearch-server";
import { freePort, waitFor } from "@/scripts/lib/services/ports";
import { killOnExit } from "@/scripts/lib/services/process";
import type { ManagedService } from "@/scripts/lib/services/types";
import { NEXT_BIN, ROOT } from "@/scripts/lib/build";
import { prepareData } from "@/scripts/lib/prepare";

type Stop = () => Promise<void>;

/**
 * What this test file has started and not stopped yet, so that the file's `afterAll(stopAll)` ends it
 * all, also when its set-up failed or timed out halfway (then the file never got a stack to close).
 */
const running = new Set<Stop>();
let stoppedAll = false;

/**
 * Runs `start` and registers `stop` (safe to call more than once). A start that fails stops what it
 * had started; one still under way when `stopAll` runs is waited for (`start` calls `stillWanted()`
 * after each step, so it gives up at the next one), and then stopped: nothing is stopped under a
 * step that is still writing to it.
 */
function startTracked<T>(start: () => Promise<T>, stop: Stop): Promise<T> {
  const started = (async () => {
    try {
      return await start();
    } catch (err) {
      await stop();
      throw err;
    }
  })();
  running.add(async () => {
    await started.catch(() => {});
    await stop();
  });
  return started;
}

function stillWanted() {
  if (stoppedAll)
    throw new Error("set-up abandoned: the test file's afterAll has already stopped everything");
}

/** Stops every stack and web process this test file started, newest first, once their starts have settled. */
export async function stopAll(): Promise<void> {
  stoppedAll = true;
  const errors: unknown[] = [];
  for (const stop of [...running].reverse()) {
    running.delete(stop);
    await stop().catch((e: unknown) => errors.push(e));
  }
  if (errors.length) throw new AggregateError(errors, "stopping the fault test's services failed");
}

/**
 * The whole site for fault tests: the production build on a free port, over a real PostgreSQL and a
 * real Meilisearch that the test can stop and start again (on the same ports and data), or pause
 * (SIGSTOP: it holds connections and answers nothing, as a hung server does), unsupervised.
 * `pageCache: true` turns on the page cache for signed-out visitors as in production (scripts/start.ts
 * sets ATLAS_INTERNAL_ORIGIN unless PAGE_CACHE=off); without it the pages are rendered every time.
 * Every stack has its own free ports and temporary folder, so two files can run at once (vitest.config.ts
 * says which run alone and why); the build they share is made once, before them (test/faults/global-setup.ts).
 */
export async function startApp(
  opts: { seed?: number; env?: Record<string, string>; pageCache?: boolean } = {},
) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-fault-"));
  const pgPort = await freePort();
  const meiliPort = await freePort();
  const password = "fault-test-password";
  const meiliKey = "fault-test-master-key-0123456789";
  const startPg = () => startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: pgPort, password });
  const startMeili = () =>
    startMeilisearch({ dir: path.join(dir, "meili"), port: meiliPort, masterKey: meiliKey });
  const services: { pg?: ManagedService & { url: string }; meili?: ManagedService & { host: string } } = {};
  let web: Awaited<ReturnType<typeof startWebProcess>> | undefined;
  const stop = async () => {
    await web?.close();
    web = undefined;
    try {
      if (services.meili?.pid) process.kill(services.meili.pid, "SIGCONT"); // a paused engine cannot stop
    } catch {
      // ESRCH: it has already exited
    }
    await services.meili?.stop();
    services.meili = undefined;
    await services.pg?.stop();
    services.pg = undefined;
    rmSync(dir, { recursive: true, force: true });
  };
  return startTracked(async () => {
    services.pg = await startPg();
    stillWanted();
    services.meili = await startMeili();
    stillWanted();
    const e = { databaseUrl: services.pg.url, meiliHost: services.meili.host, meiliKey };
    await prepareData(e, { seedCount: opts.seed ?? 300, say: () => {} });
    stillWanted();
    web = await startWebProcess(e, opts.env, { pageCache: opts.pageCache });
    stillWanted();
    const { server, serverLog, baseURL } = web;
    return {
      baseURL,
      ...e,
      server,
      serverLog,
      stopPostgres: async () => {
        await services.pg?.stop();
        services.pg = undefined;
      },
      startPostgres: async () => {
        services.pg = await startPg();
      },
      stopMeilisearch: async () => {
        await services.meili?.stop();
        services.meili = undefined;
      },
      startMeilisearch: async () => {
        services.meili = await startMeili();
      },
      meiliRunning: () => services.meili !== undefined,
      /** Freezes Meilisearch (SIGSTOP) or lets it go on (SIGCONT): a slow engine, not a dead one. */
      pauseMeilisearch: () => process.kill(services.meili!.pid!, "SIGSTOP"),
      resumeMeilisearch: () => process.kill(services.meili!.pid!, "SIGCONT"),
    };
  }, stop);
}

export type App = Awaited<ReturnType<typeof startApp>>;

/**
 * One production web process (`next start` on a free port) over the given PostgreSQL and
 * Meilisearch, its stderr kept in `serverLog`. Several of them over the same services are the site
 * behind a load balancer.
 */
export async function startWebProcess(
  e: { databaseUrl: string; meiliHost: string; meiliKey: string },
  extraEnv: Record<string, string> = {},
  opts: { pageCache?: boolean } = {},
) {
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const { NODE_OPTIONS: _omit, ...env } = process.env;
  const server: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: e.databaseUrl,
      MEILI_HOST: e.meiliHost,
      MEILI_MASTER_KEY: e.meiliKey,
      AUTH_SECRET: "fault-secret-fault-secret-fault-secret-0123",
      AUTH_TRUST_HOST: "true",
      SITE_URL: baseURL,
      // The page cache is on when the app knows its own origin (as `npm start` sets it).
      ...(opts.pageCache ? { ATLAS_INTERNAL_ORIGIN: `http://127.0.0.1:${port}` } : {}),
      ...extraEnv,
    },
  });
  killOnExit(server, "SIGKILL");
  const serverLog: string[] = [];
  server.stderr!.on("data", (b: Buffer) => serverLog.push(b.toString()));
  const close = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (server.exitCode === null) server.kill("SIGKILL");
  };
  return startTracked(async () => {
    await waitFor("next start", async () => (await fetch(`${baseURL}/api/health`)).ok, { timeoutMs: 60_000 });
    stillWanted();
    return { baseURL, server, serverLog, close };
  }, close);
}

/** Fetch that measures: status, body text and elapsed milliseconds. */
export async function timedGet(url: string) {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - t0, headers: res.headers };
}
