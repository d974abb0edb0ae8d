import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seriousViolations } from "./support/axe";
import { adminEmail, createSession, expect, test, type Sql } from "./support/fixtures";
import { createListingAsAdmin, searchSynced } from "./support/listings";

/**
 * The admin tools through the site, to success: members (only an admin removes an owner), search sync
 * health and the rebuild, and the CSV import from the template download through the job page, with
 * its failed state (its limits, which save nothing, are e2e/admin-import-limits.spec.ts).
 * test/admin-tools.int.test.ts covers the same rules in lib/. These add listings and rebuild the
 * index, so they run in the "writes" project, one at a time.
 */

// One after the other; each does several admin round trips (a listing, a rebuild, an import), so
// twice the default time on a busy 2-core machine.
test.describe.configure({ mode: "default", timeout: 120_000 });

const INDEX = "clinics"; // MEILI_INDEX's default, which the e2e site uses
const meili = (p: string, init: RequestInit = {}) =>
  fetch(`${process.env.E2E_MEILI_HOST}${p}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${process.env.E2E_MEILI_KEY}`,
      "Content-Type": "application/json",
      ...init.headers,
    },
  });
const publishedCount = async (sql: Sql) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from clinics where status = 'published'`)[0]!.n;

test("an admin removes an owner from a listing; its owner cannot remove a co-owner", async ({
  sql,
  signedInPage,
}) => {
  const a = await signedInPage(adminEmail);
  const listing = await createListingAsAdmin(a.page, sql, {
    name: "Members Test Ketamine Clinic",
    city: "Burlington",
    state: "VT",
    status: "published",
  });
  const stamp = Date.now();
  const owner = `owner.${stamp}@members.example`;
  const coOwner = `co-owner.${stamp}@members.example`;
  for (const email of [owner, coOwner]) {
    const { userId } = await createSession(sql, email);
    await sql`insert into clinic_members (user_id, clinic_id, role) values (${userId}, ${listing.id}, 'owner')`;
  }

  // The owner manages the listing but is offered no way to remove another owner.
  const o = await signedInPage(owner);
  await o.page.goto(`/dashboard/listings/${listing.id}`);
  const members = o.page.getByRole("region", { name: "People who can edit this listing" });
  await expect(members).toContainText(`${coOwner} — Owner`);
  await expect(members.getByRole("button", { name: /^Remove / })).toHaveCount(0);

  // An admin is, and the removal sticks.
  await a.page.goto(`/dashboard/listings/${listing.id}`);
  const panel = a.page.getByRole("region", { name: "People who can edit this listing" });
  await expect(panel.getByRole("button", { name: `Remove ${owner}` })).toBeVisible();
  await panel.getByRole("button", { name: `Remove ${coOwner}` }).click();
  // The row goes; the answer stays under the list, names who went, and takes the focus (the button
  // it came from is gone).
  const answer = panel.getByRole("status");
  await expect(answer).toHaveText(`Removed ${coOwner}. They can no longer edit this listing.`);
  await expect(answer).toBeFocused();
  await expect(panel.getByRole("listitem").filter({ hasText: coOwner })).toHaveCount(0);
  expect(await seriousViolations(a.page)).toEqual([]);
  const left = await sql<{ email: string }[]>`
    select u.email from clinic_members m join users u on u.id = m.user_id
    where m.clinic_id = ${listing.id} order by 1`;
  expect(left.map((r) => r.email)).toEqual([owner]);
  await a.page.reload();
  await expect(panel).toContainText(`${owner} — Owner`);
  await expect(panel).not.toContainText(coOwner);
});

test("sync health shows an empty queue, and a rebuild makes a fresh index with every published listing", async ({
  sql,
  signedInPage,
}) => {
  const all = (await sql<{ id: string }[]>`select id from clinics`).map((r) => r.id);
  await searchSynced(sql, all);
  const a = await signedInPage(adminEmail);
  await a.page.goto("/admin");
  const health = a.page.getByRole("region", { name: "Search sync health" });
  await expect(health.getByTestId("outbox-pending")).toHaveText("0");
  await expect(health.locator("dd").nth(2)).toHaveText("None"); // the last error

  // A stray document the database does not have: a fresh index must not keep it.
  const stray = "00000000-0000-4000-8000-0000000beef1";
  const added = (await (
    await meili(`/indexes/${INDEX}/documents`, {
      method: "POST",
      body: JSON.stringify([{ id: stray, name: "Stray Document" }]),
    })
  ).json()) as { taskUid: number };
  await expect
    .poll(async () => ((await (await meili(`/tasks/${added.taskUid}`)).json()) as { status: string }).status)
    .toBe("succeeded");

  const want = await publishedCount(sql);
  await health.getByRole("button", { name: "Rebuild the search index" }).click();
  await expect(
    health.getByRole("status").filter({
      hasText: new RegExp(
        `Rebuilt the search index: ${want.toLocaleString("en-US")} listings in [\\d.]+ s\\.`,
      ),
    }),
  ).toBeVisible({ timeout: 60_000 });
  const stats = (await (await meili(`/indexes/${INDEX}/stats`)).json()) as { numberOfDocuments: number };
  expect(stats.numberOfDocuments).toBe(want);
  expect((await meili(`/indexes/${INDEX}/documents/${stray}`)).status).toBe(404);
  // Search still answers from the new index.
  const res = await a.page.request.get("/api/clinics?perPage=1");
  expect(((await res.json()) as { total: number; degraded: boolean }).degraded).toBe(false);
});

test("the template downloads, imports through the job page, and its example listing goes live", async ({
  sql,
  signedInPage,
}) => {
  const a = await signedInPage(adminEmail);
  await a.page.goto("/admin/import");
  const downloading = a.page.waitForEvent("download");
  await a.page.getByRole("link", { name: "template" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("listings-template.csv");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "atlas-import-")), "listings-template.csv");
  await download.saveAs(file);
  const [header, example] = readFileSync(file, "utf8").split("\r\n");
  expect(header!.split(",")).toEqual(
    expect.arrayContaining(["name", "city", "state", "routes", "sessionMin"]),
  );
  expect(example).toContain("Example Ketamine Clinic");

  await a.page.getByLabel(/^CSV file/).setInputFiles(file);
  await a.page.getByRole("button", { name: "Check and import" }).click();
  await expect(a.page).toHaveURL(/\/admin\/import\/[0-9a-f-]{36}$/);
  // The page reloads itself while the job runs, then says it is done.
  const status = a.page.getByTestId("import-status");
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(status).toHaveText(/^Finished: 1 listings? added\./);
  await expect(a.page.getByText("1 of 1 rows written (100%)")).toBeVisible();
  await expect(a.page.locator("progress")).toHaveAttribute("value", "1");

  const [created] = await sql<{ id: string; slug: string; status: string }[]>`
    select id, slug, status from clinics
    where data_source = 'import' and name = 'Example Ketamine Clinic' order by created_at desc limit 1`;
  expect(created?.status).toBe("published");
  const profile = await a.page.request.get(`/clinics/${created!.slug}`);
  expect(profile.status()).toBe(200);
  expect(await profile.text()).toContain("Example Ketamine Clinic");
  // The job is listed on the import page.
  await a.page.goto("/admin/import");
  await expect(a.page.getByRole("region", { name: "Recent imports" })).toContainText(
    "listings-template.csv — Finished, 1 rows",
  );
});

test("a failed import's page shows its error", async ({ sql, signedInPage }) => {
  const a = await signedInPage(adminEmail);
  // The state runImport leaves when the write fails (test/admin-tools.int.test.ts makes it fail for real).
  const error = "The import stopped and nothing was saved: duplicate key value violates a rule.";
  const [job] = await sql<{ id: string }[]>`
    insert into import_jobs (file_name, total, processed, status, error, finished_at)
    values ('broken.csv', 40, 0, 'failed', ${error}, now()) returning id`;
  await a.page.goto(`/admin/import/${job!.id}`);
  await expect(a.page.getByTestId("import-status")).toHaveText("Failed (nothing was imported)");
  await expect(a.page.getByRole("alert").filter({ hasText: "The import stopped" })).toHaveText(error);
  await expect(a.page.getByText("0 of 40 rows written (0%)")).toBeVisible();
  // A failed job does not reload itself.
  await expect(a.page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
});
