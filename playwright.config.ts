import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The end-to-end suite starts its own PostgreSQL, Meilisearch and production server (e2e/global-setup.ts).
const port = Number(process.env.E2E_PORT ?? 3210);
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const desktop = { ...devices["Desktop Chrome"], channel: undefined };
const WRITES = /\.writes\.spec\.ts$/;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  globalSetup: "./e2e/global-setup.ts",
  // Tests are independent (each signs in with its own session row, e2e/support/fixtures.ts), so two
  // run at once. Specs that add listings (the site-wide counts change) are `*.writes.spec.ts`: they
  // run after every other test, so a count read elsewhere never moves under it.
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    // No trace: recording one (a DOM snapshot before and after every action, and screencast frames)
    // cost more than the tests on this 2-core machine: journey.spec.ts took 3.1 min with
    // "retain-on-failure" and 1.9 min without, back to back. A failed test still leaves a screenshot and
    // Playwright's error context (the page's accessibility snapshot); rerun it with `--trace on` for a trace.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // A test tagged `@phone` runs in both projects; one tagged `@phone-only` (it sizes the page as a
  // phone itself, so a desktop run would repeat the phone run) runs in the phone project alone.
  // The phone project is listed first: its queue is short and holds some of the longest tests (the
  // patient-report round trip), which, queued last, left one worker idle at the end while the other
  // finished them. The workers take the desktop tests after it, which end with short ones.
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/, testIgnore: WRITES },
    { name: "desktop", use: desktop, grepInvert: /@phone-only/, testIgnore: WRITES },
    // Run one such spec alone with `--project=writes --no-deps`.
    // One worker: two such specs at once would change the counts the other compares.
    { name: "writes", use: desktop, testMatch: WRITES, dependencies: ["desktop", "phone"], workers: 1 },
  ],
});
