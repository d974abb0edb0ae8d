import { readMailbox } from "../lib/mail/mailbox";
import { seriousViolations } from "./support/axe";
import { adminEmail, expect, failOnDialog, mailDir, test } from "./support/fixtures";
import { ownedListing } from "./support/listings";
import { HOSTILE_SCRIPT, HOSTILE_TEXT, expectNoScriptRan } from "./support/hostile";

/**
 * "Report a problem with this listing" (issue 16, part 2) end to end: a signed-out visitor reports
 * from the profile (hostile text in the details), the listing's member gets an email, an editor sees
 * it in the queue next to the listing's current values and resolves it, and the reporter is told.
 */

test.slow();

const mailTo = (to: string, subject: RegExp) =>
  expect
    .poll(() => readMailbox(mailDir, { to }).find((m) => subject.test(m.subject)) ?? null, {
      timeout: 10_000,
    })
    .not.toBeNull();

test("a visitor reports a problem; the clinic is emailed; an editor resolves it and the reporter is told", async ({
  page,
  sql,
  signedInPage,
}) => {
  const l = await ownedListing(sql, {
    offset: 700 + test.info().parallelIndex * 11,
    ownerEmail: (x) => `owner-${x.id.slice(0, 8)}@report.example`,
  });
  const memberEmail = l.ownerEmail;
  failOnDialog(page);

  await page.goto(`/clinics/${l.slug}`);
  await page.getByText("Report a problem with this listing").click();
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was sent" })).toBeVisible();
  await expect(page.getByText("Choose what is wrong.")).toBeVisible();

  const reporter = `reporter-${l.id.slice(0, 8)}@example.org`;
  await page.getByLabel("The prices are wrong").check();
  await page.getByLabel("Details (optional)").fill(`${HOSTILE_TEXT} — charged $600, not as listed.`);
  await page.getByLabel("Your email (optional)").fill(reporter);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByRole("status").filter({ hasText: "email you the outcome" })).toBeVisible();

  await mailTo(memberEmail, /reported a problem/);
  const toClinic = readMailbox(mailDir, { to: memberEmail }).find((m) =>
    /reported a problem/.test(m.subject),
  )!;
  expect(toClinic.text).toContain("The prices are wrong");
  expect(toClinic.text).not.toContain(reporter);

  const editor = await signedInPage(adminEmail);
  failOnDialog(editor.page);
  await editor.page.goto("/admin/reports");
  const card = editor.page.getByTestId("problem-report").filter({ hasText: l.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("problem-details")).toContainText(HOSTILE_SCRIPT);
  await expect(card).toContainText("Per session");
  expect(await editor.page.locator('img[src="x"]').count()).toBe(0);
  await expectNoScriptRan(editor.page);
  await expectNoScriptRan(page);
  expect(await seriousViolations(editor.page)).toEqual([]);

  await card.getByLabel("Fixed: we corrected the listing").check();
  await card.getByLabel("Note to the reporter (optional)").fill("Prices corrected with the clinic.");
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card).toHaveCount(0);
  await expect(editor.page.getByRole("status").filter({ hasText: "Resolved." })).toBeFocused();
  await mailTo(reporter, /Your report about/);
  const told = readMailbox(mailDir, { to: reporter }).find((m) => /Your report about/.test(m.subject))!;
  expect(told.text).toContain("Prices corrected with the clinic.");
  expect(
    (await sql`select status, email from problem_reports where clinic_id = ${l.id}`).map((r) => [
      r.status,
      r.email,
    ]),
  ).toEqual([["fixed", null]]);
});
