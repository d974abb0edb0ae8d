import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
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
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["test/**/*.int.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          // One file at a time: files have databases of their own (test/support/db.ts) but share one
          // Meilisearch, and on a busy 2-core machine two files at once made its answers slow enough
          // to fail health and sync checks.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: "faults",
          environment: "node",
          include: ["test/faults/**/*.fault.test.ts"],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
