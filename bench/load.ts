// npm run bench:load — autocannon against the main pages of a throwaway site with 100,000 clinics.
// Prints requests/s, latency p50/p95/p99 and errors per page and connection count, and the server's
// peak memory. Loopback only; every run is bounded in time. Signed-out pages come from the page cache
// (lib/page-cache.ts) as in production; BENCH_FRESH=1 sends `Cache-Control: no-cache` so every page is rendered.
import autocannon from "autocannon";
import postgres from "postgres";
import { peakMemoryMiB, percentile, printTable, startTempStack } from "./lib/temp-stack";

/** One autocannon run; latencies are recorded per response so p95 is exact (autocannon reports p97.5). */
async function load(url: string, connections: number, duration: number) {
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const headers = FRESH ? { "cache-control": "no-cache" } : {};
    const instance = autocannon({ url, connections, duration, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(r.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 30);
const FRESH = process.env.BENCH_FRESH === "1";

const stack = await startTempStack(COUNT);
try {
  const sql = postgres(stack.databaseUrl, { max: 1 });
  const slugs = (await sql`select slug from clinics where status = 'published' order by id limit 3`).map(
    (r) => r.slug as string,
  );
  await sql.end();
  const pages: [string, string][] = [
    ["home", "/"],
    ["search (filters)", "/clinics?state=CA&integration=included&followUp24h=true&sort=score"],
    ["profile", `/clinics/${slugs[0]}`],
    ["compare", `/compare?c=${slugs.join(",")}`],
    ["costs", "/costs"],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, path] of pages) {
    await fetch(stack.baseURL + path); // warm caches and compile
    for (const connections of [10, 50]) {
      const r = await load(stack.baseURL + path, connections, DURATION);
      rows.push([name, connections, r.rps, r.p50, r.p95, r.p99, r.errors]);
      console.error(
        `${name} @${connections}: ${r.rps} req/s, p95 ${r.p95.toFixed(1)} ms, errors ${r.errors}`,
      );
    }
  }
  printTable(
    `Load at ${COUNT.toLocaleString("en-US")} clinics, ${DURATION} s per run (latency in ms)${FRESH ? ", every page rendered (no-cache)" : ", page cache on"}`,
    ["page", "conns", "req/s", "p50", "p95", "p99", "errors"],
    rows,
  );
  console.log(`\nServer peak memory (VmHWM): ${peakMemoryMiB(stack.serverPid) ?? "n/a"} MiB`);
  if (rows.some((r) => r[6] !== 0)) process.exitCode = 1;
} finally {
  await stack.stop();
}
