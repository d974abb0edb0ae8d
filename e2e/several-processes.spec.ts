import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { OPT_OUT_MARKER } from "../lib/page-cache";
import { freePort } from "../lib/services/ports";
import { NEXT_BIN, ROOT } from "../scripts/lib/build";
import { signIn } from "./support/sign-in";

/**
 * The site as several web processes sharing one PostgreSQL and one Meilisearch (as behind a load
 * balancer): the suite's server (A) and a second `next start` (B) on the same data. An edit through A
 * shows on B's cached /clinics page (B's page cache is dropped on the change notices) and reaches
 * Meilisearch once (one process pushes the outbox at a time).
 */

const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 2, onnotice: () => {} });
const meiliHost = process.env.E2E_MEILI_HOST!;
const adminEmail = (process.env.E2E_ADMIN_EMAILS ?? "").split(",")[0]!.trim();
let b: ChildProcess | undefined;
let bURL = "";

test.slow();

test.beforeAll(async () => {
  const port = await freePort();
  bURL = `http://127.0.0.1:${port}`;
  const { NODE_OPTIONS: _omit, ...env } = process.env;
  b = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    cwd: ROOT,
    detached: true, // its own process group, ended as one below
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL!,
      MEILI_HOST: meiliHost,
      MEILI_MASTER_KEY: process.env.E2E_MEILI_KEY!,
      AUTH_SECRET: "second-process-secret-0123456789-0123456789",
      AUTH_TRUST_HOST: "true",
      ATLAS_INTERNAL_ORIGIN: bURL,
      SITE_URL: bURL,
      ADMIN_EMAILS: adminEmail,
    },
  });
  await expect
    .poll(async () => (await fetch(`${bURL}/api/health`).catch(() => undefined))?.ok ?? false, {
      timeout: 90_000,
      intervals: [250],
    })
    .toBe(true);
});

test.afterAll(async () => {
  if (b?.pid) {
    try {
      process.kill(-b.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await sql.end();
});

/** The document batches Meilisearch took since `since` (every push is one). */
async function pushesSince(since: Date): Promise<number> {
  const res = await fetch(
    `${meiliHost}/tasks?types=documentAdditionOrUpdate&afterEnqueuedAt=${since.toISOString()}&limit=1000`,
    { headers: { authorization: `Bearer ${process.env.E2E_MEILI_KEY}` } },
  );
  expect(res.ok).toBe(true);
  return ((await res.json()) as { results: unknown[] }).results.length;
}

test("an edit through one process shows on the other's /clinics at once and is pushed once", async ({
  page,
}) => {
  const [l] = await sql<{ id: string }[]>`
    select id from clinics where status = 'published' order by slug offset 40 limit 1`;
  const word = `Quorvex${Date.now() % 100_000}`;
  const search = `${bURL}/clinics?q=${word}`;

  // B's page for the new word, cached: no results yet.
  const first = await fetch(search);
  expect(first.status).toBe(200);
  expect(await first.text()).not.toContain(`${word} Care`);
  const again = await fetch(search);
  expect(again.headers.get("x-atlas-page-cache")).toBe("hit");

  await signIn(page, adminEmail, `/dashboard/listings/${l!.id}`);
  await page.getByLabel("Clinic name").fill(`${word} Care`);
  const since = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved 1 change");
  const saved = Date.now();

  // B answers from Meilisearch (not its fallback, whose pages carry the opt-out marker) with the new
  // name. The page cache keeps a page 10 s: finding it well within that shows B's cache was dropped.
  let shownMs = 0;
  await expect
    .poll(
      async () => {
        const body = await (await fetch(search)).text();
        shownMs = Date.now() - saved;
        return body.includes(`${word} Care`) && !body.includes(OPT_OUT_MARKER);
      },
      { timeout: 5_000, intervals: [50] },
    )
    .toBe(true);
  console.log(`[e2e] the edit through A showed on B's /clinics ${shownMs} ms after it was saved`);

  // Pushed once: one outbox row, done, and one Meilisearch batch since the edit (nothing else wrote).
  await new Promise((r) => setTimeout(r, 1000));
  const rows = await sql<{ done: boolean }[]>`
    select done_at is not null as done from search_outbox where clinic_id = ${l!.id} and enqueued_at >= ${since}`;
  expect(rows).toEqual([{ done: true }]);
  expect(await pushesSince(since)).toBe(1);
});
