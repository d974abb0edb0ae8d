import { seriousViolations } from "./support/axe";
import { adminEmail, expect, failOnDialog, test } from "./support/fixtures";
import { ownedListing } from "./support/listings";
import { HOSTILE_SCRIPT, HOSTILE_TEXT, expectNoScriptRan } from "./support/hostile";

/**
 * Misleading claims (issue 16, part 3) end to end: the editor points out flagged words as they are
 * typed, with why; the save publishes and queues the listing; the editors' queue shows the words
 * highlighted, every piece of the text as text (the hostile-text payload goes through it).
 */

test.slow();

test("the editor warns about misleading claims while typing; the save is queued for an editor, who sees them highlighted", async ({
  sql,
  signedInPage,
}) => {
  const l = await ownedListing(sql, {
    offset: test.info().parallelIndex * 13,
    desc: true,
    ownerEmail: (x) => `owner-wording-${x.id.slice(0, 8)}@wording.example`,
  });
  const { page } = await signedInPage(l.ownerEmail);
  failOnDialog(page);

  await page.goto(`/dashboard/listings/${l.id}`);
  const about = page.getByLabel("About the clinic");
  await about.fill(`${HOSTILE_TEXT}. Our infusions cure depression, guaranteed results.`);
  // Pointed out under the field as it is typed, with the words and why (no save yet).
  const warning = page.getByTestId("claims-description");
  await expect(warning).toContainText("“cure”");
  await expect(warning).toContainText("Ketamine does not cure depression");
  await expect(warning).toContainText("“guaranteed results”");
  await expect(about).toHaveAttribute("aria-describedby", /field-description-claims/);
  await expect(page.getByTestId("claims-summary")).toContainText("2 phrases");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText(
    "a site editor will review the wording",
  );
  expect((await sql`select status from clinics where id = ${l.id}`)[0]?.status).toBe("published");

  const editor = await signedInPage(adminEmail);
  failOnDialog(editor.page);
  await editor.page.goto("/admin/wording");
  const card = editor.page.getByTestId("wording-review").filter({ hasText: l.name });
  await expect(card).toBeVisible();
  const text = card.getByTestId("flagged-description");
  await expect(text).toContainText(HOSTILE_SCRIPT);
  await expect(text.locator("mark")).toHaveText(["cure", "guaranteed results"]);
  await expect(card.locator("li[data-claim='cure']")).toContainText("Ketamine does not cure depression");
  expect(await editor.page.locator('img[src="x"]').count()).toBe(0);
  await expectNoScriptRan(editor.page);
  expect(await seriousViolations(editor.page)).toEqual([]);

  await card.getByRole("button", { name: "The wording is fine as written" }).click();
  // Accepted: the page is drawn again without it, and the answer stays, with the focus.
  await expect(card).toHaveCount(0);
  await expect(editor.page.getByRole("status").filter({ hasText: "Accepted." })).toBeFocused();
  expect(
    (await sql`select status from wording_reviews where clinic_id = ${l.id}`).map((r) => r.status),
  ).toEqual(["approved"]);
});
