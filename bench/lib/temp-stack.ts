import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/services/ports";
import { ensureBuild, ROOT } from "@/scripts/lib/build";

export type TempStack = {
  baseURL: string;
  databaseUrl: string;
  meiliHost: string;
  meiliKey: string;
  serverPid: number;
  stop(): Promise<void>;
};

/**
 * A throwaway copy of the site for a benchmark (scripts/serve-temp.ts): real PostgreSQL and
 * Meilisearch in a temporary folder, `seed` sample clinics, the production build on a free port.
 */
export async function startTempStack(seed: number): Promise<TempStack> {
  await ensureBuild({ say: (m) => console.error(m) });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "scripts/serve-temp.ts",
      `--port=${port}`,
      `--seed=${seed}`,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  const ready = await new Promise<Omit<TempStack, "stop">>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (b: Buffer) => {
      buf += b.toString();
      const m = /READY (\{.*\})/.exec(buf);
      if (m) resolve(JSON.parse(m[1]!));
    });
    child.on("exit", (code) => reject(new Error(`serve-temp exited early (${code})`)));
  });
  return {
    ...ready,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    },
  };
}

/** Peak resident memory (VmHWM) of a process and its descendants, in MiB, from /proc. */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const pids = [pid];
    for (let i = 0; i < pids.length; i++) {
      const p = pids[i]!;
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      }
    }
    let kb = 0;
    for (const p of pids) {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    }
    return Math.round(kb / 1024);
  } catch {
    return null; // not Linux, or the process is gone: the figure is simply unavailable
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [
    header,
    ...rows.map((r) =>
      r.map((c) => (typeof c === "number" ? (Number.isInteger(c) ? String(c) : c.toFixed(1)) : c)),
    ),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  console.log(`\n${title}`);
  for (const [i, r] of cells.entries()) {
    console.log(r.map((c, j) => String(c).padEnd(widths[j]!)).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
