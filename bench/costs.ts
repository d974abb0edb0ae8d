// Benchmark of the cost pages at 100,000 clinics: starts a throwaway stack (scripts/serve-temp.ts:
// real PostgreSQL, Meilisearch and the production server, seeded), measures the first request of
// each page (figures computed, cache empty), warms the cache, then prints p50/p95/p99 of a single
// client requesting each page in turn. Also times the uncached aggregates straight against
// PostgreSQL: what a visitor waits for right after a listing change expires the cache.
//
//   npm run bench:costs [-- --count=100000 --requests=200]
import os from "node:os";
import { z } from "zod";
import { createDb } from "@/db/connect";
import { priceMovement } from "@/lib/costs/movement";
import { cityCosts, nationCosts, stateCosts } from "@/lib/costs/queries";
import { percentile, startTempStack } from "./lib/temp-stack";

const args = z
  .object({
    count: z.coerce.number().int().min(1).default(100_000),
    requests: z.coerce.number().int().min(10).default(200),
  })
  .parse(Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("="))));

const TARGET_P95_MS = 100;
const PAGES = [
  "/costs",
  "/costs/ca",
  "/costs/tx",
  "/costs/ca/los-angeles",
  "/costs?map=integration",
  "/costs?route=esketamine_nasal",
  "/costs/wy",
  "/costs/compare?states=tx,ca,ny,fl",
  "/costs/tx.csv",
  "/costs/tx.json",
  "/costs.json",
  "/costs/compare.csv?states=tx,ca,ny,fl",
  "/costs/compare.json?states=tx,ca,ny,fl",
];
/** A trivial dynamic response: the floor that the machine's load alone puts under every request. */
const BASELINE = "/robots.txt";

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

async function main() {
  console.log(`Starting a throwaway stack with ${args.count.toLocaleString("en-US")} clinics…`);
  const t0 = performance.now();
  const stack = await startTempStack(args.count);
  console.log(`Ready in ${((performance.now() - t0) / 1000).toFixed(0)} s.\n`);
  try {
    // Aggregates straight from PostgreSQL, no cache (what a visit costs right after a listing change).
    const { db, end } = createDb(stack.databaseUrl, { max: 10 });
    console.log("Uncached aggregates (PostgreSQL + course model), 3 runs each, best and worst:");
    const direct: [string, () => Promise<unknown>][] = [
      ["nation", () => nationCosts(db)],
      ["state CA", () => stateCosts(db, "CA")],
      ["city Los Angeles", () => cityCosts(db, "CA", "Los Angeles")],
      // The price movement alone (part of the nation's and each state's figures above).
      ["movement nation", () => priceMovement(db, { kind: "nation" })],
      ["movement CA", () => priceMovement(db, { kind: "state", state: "CA" })],
    ];
    for (const [name, run] of direct) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        await run();
        runs.push(performance.now() - s);
      }
      console.log(`  ${name.padEnd(18)} ${ms(Math.min(...runs))} ${ms(Math.max(...runs))}`);
    }
    await end();

    console.log("\nFirst request of each page (empty cache):");
    for (const p of PAGES) console.log(`  ${p.padEnd(26)} ${ms(await timed(stack.baseURL + p))}`);
    for (let i = 0; i < 5; i++) for (const p of PAGES) await timed(stack.baseURL + p); // warm-up

    const load = () =>
      os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ");
    console.log(
      `\nCached, one client, ${args.requests} requests per page (load average ${load()}, ${os.cpus().length} CPUs):`,
    );
    console.log(
      `  ${"page".padEnd(26)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)}`,
    );
    let worst = 0;
    for (const p of [...PAGES, BASELINE]) {
      const samples: number[] = [];
      for (let i = 0; i < args.requests; i++) samples.push(await timed(stack.baseURL + p));
      samples.sort((a, b) => a - b);
      const p95 = percentile(samples, 95);
      if (p !== BASELINE) worst = Math.max(worst, p95);
      console.log(
        `  ${p.padEnd(26)} ${ms(percentile(samples, 50))} ${ms(p95)} ${ms(percentile(samples, 99))} ${ms(samples.at(-1) ?? NaN)}`,
      );
    }
    console.log(`  (${BASELINE} is the baseline: no data, no rendering; load average now ${load()})`);
    console.log(
      `\nTarget: p95 ≤ ${TARGET_P95_MS} ms once cached — ${worst <= TARGET_P95_MS ? "met" : "NOT met"} (worst p95 ${worst.toFixed(1)} ms).`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
