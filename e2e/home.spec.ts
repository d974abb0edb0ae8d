import { expect, test } from "./support/fixtures";

test("home page shows live counts, the crisis line and the sample-data notice @phone", async ({
  page,
  sql,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const count = Number((await page.getByTestId("stat-clinics").innerText()).replace(/,/g, ""));
  // Published listings only (listings are added only by the "writes" project, after this).
  const [published] = await sql<{ n: number }[]>`
    select count(*)::int as n from clinics where status = 'published'`;
  expect(count).toBe(published!.n);
  await expect(page.getByTestId("stat-median")).toHaveText(/^\$\d/);
  await expect(page.getByRole("link", { name: "988" }).first()).toBeVisible();
  await expect(page.getByText(/Not medical advice/)).toBeVisible();
  await expect(page.getByRole("note", { name: "Sample data" })).toContainText("fictional");
});

test("a featured clinic opens its page with its main facts", async ({ page }) => {
  await page.goto("/");
  const link = page.locator("#featured ~ ul a").first();
  const name = await link.innerText();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Fictional sample", { exact: true })).toBeVisible();
  await expect(page.getByText(/Aftercare score \d+\/100/)).toBeVisible();
});

test("health answers 200 with both services up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
  expect(body.search.ok).toBe(true);
});

test("an unknown clinic answers 404", async ({ page }) => {
  const res = await page.goto("/clinics/no-such-clinic-anywhere");
  expect(res?.status()).toBe(404);
});
