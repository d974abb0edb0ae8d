import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminEmail, expect, test } from "./support/fixtures";

/**
 * The CSV import's limits, through the site: a file over 20 MB is refused in the browser before it is
 * sent, and one of 50,001 rows by the server, by name; neither starts a job. Nothing is saved, so this
 * runs beside the other tests, not in the "writes" project (e2e/admin-tools.writes.spec.ts has the
 * import that saves).
 */

// A 2 MB upload read row by row on a busy 2-core machine: twice the default time.
test.describe.configure({ timeout: 120_000 });

test("the import's limits: a file over 20 MB is refused before upload; 50,001 rows are refused by name", async ({
  sql,
  signedInPage,
}) => {
  const a = await signedInPage(adminEmail);
  await a.page.goto("/admin/import");
  // No job for either file: counted by their names, as other tests may start imports meanwhile.
  const jobs = async () =>
    (
      await sql<{ n: number }[]>`
        select count(*)::int as n from import_jobs where file_name in ('too-big.csv', 'too-many.csv')`
    )[0]!.n;
  const input = a.page.getByLabel(/^CSV file/);
  const header = "name,city,state,routes\n";
  // Files on disk, which the browser reads itself: handed over as buffers, the 20 MB went through the
  // protocol as base64 and was decoded in the page, most of this test's time.
  const dir = mkdtempSync(path.join(os.tmpdir(), "atlas-import-limits-"));
  try {
    const tooBig = path.join(dir, "too-big.csv");
    writeFileSync(tooBig, header + "x".repeat(20 * 1024 * 1024 + 1 - header.length));
    await input.setInputFiles(tooBig);
    await a.page.getByRole("button", { name: "Check and import" }).click();
    await expect(a.page.getByRole("alert").filter({ hasText: "The file is" })).toHaveText(
      "The file is 20.1 MB; the limit is 20 MB. Nothing was imported.",
    );

    const rows = Array.from({ length: 50_001 }, (_, i) => `Row Limit Clinic ${i},Denver,CO,oral`);
    const tooMany = path.join(dir, "too-many.csv");
    writeFileSync(tooMany, header + rows.join("\n"));
    await input.setInputFiles(tooMany);
    await a.page.getByRole("button", { name: "Check and import" }).click();
    const alert = a.page.getByRole("alert").filter({ hasText: "Nothing was imported" });
    await expect(alert).toContainText("Nothing was imported: 1 problem found.", { timeout: 30_000 });
    await expect(a.page.getByTestId("import-issues")).toContainText("At most 50,000 rows per file.");
    await expect(a.page).toHaveURL(/\/admin\/import$/);
    expect(await jobs()).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
