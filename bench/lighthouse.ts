// npm run bench:lighthouse — Lighthouse 12.2.3 (mobile preset) on the main pages of a throwaway site,
// median of 3 runs per page, with Debian's Chromium. Also prints the JavaScript each page loads, the
// metrics behind the performance score, and this machine's CPU benchmark index (Lighthouse's own).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import postgres from "postgres";
import { printTable, startTempStack } from "./lib/temp-stack";

const RUNS = Number(process.env.LH_RUNS ?? 3);
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95, seo: 100 } as const;
type Cat = keyof typeof TARGETS;

/** The lab metrics the performance score is made of (simulated mobile throttling). */
const METRIC_AUDITS = { fcp: "first-contentful-paint", lcp: "largest-contentful-paint", tbt: "total-blocking-time", cls: "cumulative-layout-shift", si: "speed-index" } as const; // prettier-ignore
type Metric = keyof typeof METRIC_AUDITS;
const cpuIndex: number[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const stack = await startTempStack(Number(process.env.BENCH_COUNT ?? 1500));
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
try {
  const sql = postgres(stack.databaseUrl, { max: 1 });
  const slugs = (await sql`select slug from clinics where status = 'published' order by id limit 3`).map(
    (r) => r.slug as string,
  );
  await sql.end();
  const pages: [string, string][] = [
    ["home", "/"],
    ["search", "/clinics?state=CA&integration=included"],
    ["profile", `/clinics/${slugs[0]}`],
    ["compare", `/compare?c=${slugs.join(",")}`],
    ["costs", "/costs"],
  ];
  const rows: (string | number)[][] = [];
  let missed = false;
  for (const [name, path] of pages) {
    const scores: Record<Cat, number[]> = {
      performance: [],
      accessibility: [],
      "best-practices": [],
      seo: [],
    };
    const jsKb: number[] = [];
    const metrics: Record<Metric, number[]> = { fcp: [], lcp: [], tbt: [], cls: [], si: [] };
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(stack.baseURL + path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        formFactor: "mobile",
        // Loopback has no network cost: keep Lighthouse's simulated mobile throttling (the default).
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${path}`);
      for (const c of Object.keys(scores) as Cat[])
        scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
      const summary = lhr.audits["resource-summary"]?.details as
        { items?: { resourceType: string; transferSize: number }[] } | undefined;
      const script = summary?.items?.find((it) => it.resourceType === "script")?.transferSize ?? 0;
      jsKb.push(script / 1024);
      for (const [k, audit] of Object.entries(METRIC_AUDITS) as [Metric, string][])
        metrics[k].push(lhr.audits[audit]?.numericValue ?? NaN);
      cpuIndex.push(lhr.environment.benchmarkIndex);
      if (i === 0) {
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a.id);
        if (failing.length) console.error(`${name}: failing audits: ${failing.join(", ")}`);
      }
    }
    const m = Object.fromEntries((Object.keys(scores) as Cat[]).map((c) => [c, median(scores[c])])) as Record<
      Cat,
      number
    >;
    for (const c of Object.keys(TARGETS) as Cat[]) if (m[c] < TARGETS[c]) missed = true;
    rows.push([
      name,
      m.performance,
      m.accessibility,
      m["best-practices"],
      m.seo,
      `${median(jsKb).toFixed(0)} KiB`,
      Math.round(median(metrics.fcp)),
      Math.round(median(metrics.lcp)),
      Math.round(median(metrics.tbt)),
      median(metrics.cls).toFixed(3),
      Math.round(median(metrics.si)),
    ]);
  }
  printTable(
    `Lighthouse 12.2.3, mobile preset, median of ${RUNS} (targets: perf ≥ 95, a11y 100, best practices ≥ 95, SEO 100)`,
    ["page", "perf", "a11y", "best", "seo", "JS (gzip)", "FCP ms", "LCP ms", "TBT ms", "CLS", "SI ms"],
    rows,
  );
  console.log(
    `\nLighthouse benchmarkIndex of this machine: ${Math.min(...cpuIndex)}–${Math.max(...cpuIndex)}`,
  );
  if (missed) console.log("\nSome targets were missed (see the failing audits above).");
} finally {
  await chrome.kill();
  await stack.stop();
}
