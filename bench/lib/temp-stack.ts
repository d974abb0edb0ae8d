import fs from "node:fs";
import { freePort } from "@/scripts/lib/services/ports";
import { ensureBuild } from "@/scripts/lib/build";
import { startTempSite, type TempSite } from "@/scripts/lib/temp-site";

export type TempStack = TempSite;

/**
 * A throwaway copy of the site for a benchmark (scripts/serve-temp.ts): real PostgreSQL and
 * Meilisearch in a temporary folder, `seed` sample clinics, the production build on a free port.
 * `onLog` receives serve-temp's progress lines (by default they go to stderr).
 */
export async function startTempStack(seed: number, onLog?: (line: string) => void): Promise<TempStack> {
  await ensureBuild({ say: (m) => console.error(m) });
  return startTempSite({ port: await freePort(), seed, onLog, graceMs: 20_000 });
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
