import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
/** Fault tests that turn the page cache on (startApp({ pageCache: true })): they run alone, see below. */
const PAGE_CACHE_FAULTS = [
  "test/faults/several-processes.fault.test.ts",
  "test/faults/reduced-search-cache.fault.test.ts",
];
/** What both fault projects share: the build every file starts its site from, made once before them. */
const faults = {
  environment: "node" as const,
  globalSetup: ["test/faults/global-setup.ts"],
  testTimeout: 240_000,
  hookTimeout: 240_000,
};
const shared = {
  resolve: {
    alias: {
      "@": root,
      // Next.js enforces "server-only" at build time; under Node tests it is a no-op.
      "server-only": path.join(root, "test/support/empty.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["{lib,db,components,app,scripts}/**/*.test.ts"],
          // The files share their worker's modules instead of each loading its own copy: unit tests are
          // pure functions, and no file leaves state another reads (a test that changes process.env puts
          // it back; lib/cache.test.ts alone calls what logs once per process). Passes in shuffled orders.
          // 485 tests in 13 s of CPU instead of 61 s (import time 41 s -> 7 s), which leaves the
          // production build that runs beside them in npm test the second core.
          isolate: false,
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["test/**/*.int.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          // Two files at once (this machine has 2 cores; Vitest's default there is 1). Files never share
          // a database (each takes its own copy of the seeded template, test/support/db.ts) nor a
          // Meilisearch index (test/support/search.ts names them per worker and file); a test that
          // needs the engine to be slow or gone starts a Meilisearch of its own.
          fileParallelism: true,
          maxWorkers: 2,
          // Its own group: a project whose maxWorkers differs from the others' must run apart from them.
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          ...faults,
          name: "faults",
          include: ["test/faults/**/*.fault.test.ts"],
          exclude: PAGE_CACHE_FAULTS,
          // Two files at once, each with a stack of its own (test/faults/app.ts): most of their time is
          // waiting (Meilisearch's 30 s outage, PostgreSQL stopped and started), so the other core does
          // the rest meanwhile: all six files 179 -> 153 s on a shared machine (load 5), the same CPU;
          // their time bounds held two at a time also at load 11.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        ...shared,
        test: {
          ...faults,
          name: "faults-page-cache",
          include: PAGE_CACHE_FAULTS,
          // The page-cache files run one at a time, after the others. With every fault file two at a
          // time (175 -> 133 s), a full CI run once found several-processes' page not answered by the
          // page cache at all (its render for the cache failed), which it never did one file at a
          // time; until that is understood, these run alone.
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
