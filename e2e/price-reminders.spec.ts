import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { readMailbox } from "../lib/mail/mailbox";
import { seriousViolations } from "./support/axe";
import { expect, mailDir, test } from "./support/fixtures";
import { ownedListing } from "./support/listings";

/**
 * Stale prices (issue 16, part 3): `npm run prices:remind` emails the owner of a listing whose prices
 * are over a year old; the email's one-click "Prices are still correct" link opens a page that changes
 * nothing until its button is pressed, dates the prices today (the profile stops flagging them), and
 * is refused the second time, on a fresh open and from a page opened before the first use.
 */

test.slow();

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const { NODE_OPTIONS: _loaders, ...env } = process.env;
/** `npm run prices:remind` against this run's database and mail sink. */
const remind = (siteUrl: string, ...args: string[]) =>
  run(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/prices-remind.ts", ...args],
    {
      cwd: ROOT,
      env: {
        ...env,
        DATABASE_URL: process.env.E2E_DATABASE_URL!,
        EMAIL_SERVER: process.env.E2E_MAIL_SERVER!,
        SITE_URL: siteUrl,
      },
    },
  );

test("the one-click re-verify link from the email works once; the second use is refused", async ({
  page,
  browser,
  sql,
  baseURL,
}) => {
  const l = await ownedListing(sql, {
    offset: 900 + test.info().parallelIndex * 13,
    ownerEmail: (x) => `owner-${x.id.slice(0, 8)}@prices.example`,
  });
  const owner = l.ownerEmail;
  await sql`update clinics set price_updated_at = current_date - 400 where id = ${l.id}`;

  await page.goto(`/clinics/${l.slug}`);
  await expect(page.getByText("These prices were last updated more than 12 months ago")).toBeVisible();

  // The command sends what is due (the server's hourly pass may have sent this one already: either
  // way the owner has exactly one reminder).
  const { stdout } = await remind(baseURL!);
  expect(stdout).toMatch(/Sent \d+ email\(s\)/);
  await expect.poll(() => readMailbox(mailDir, { to: owner }).length, { timeout: 10_000 }).toBe(1);
  const mail = readMailbox(mailDir, { to: owner })[0]!;
  expect(mail.subject).toBe(`The prices of ${l.name} are over a year old`);
  const link = mail.links.find((x) => x.includes("/verify-prices?token="))!;
  expect(link.startsWith(`${baseURL}/verify-prices?token=`)).toBe(true);
  expect(mail.links).toContain(`${baseURL}/dashboard/listings/${l.id}`);

  // Opening the link (as a mail scanner would) changes nothing.
  const early = await browser.newPage();
  await early.goto(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Are these prices still correct?" })).toBeVisible();
  await expect(page.getByText(l.name)).toBeVisible();
  const [before] = await sql<{ d: string; used: boolean }[]>`
    select c.price_updated_at::text as d, r.used_at is not null as used
    from clinics c join price_reminders r on r.clinic_id = c.id where c.id = ${l.id}`;
  expect(before!.used).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Prices are still correct" }).click();
  await expect(page.getByRole("status")).toContainText(`The prices of “${l.name}” now show as checked`);
  const [after] = await sql<{ fresh: boolean; source: string; used: boolean }[]>`
    select c.price_updated_at = current_date as fresh, c.price_source::text as source,
           r.used_at is not null as used
    from clinics c join price_reminders r on r.clinic_id = c.id where c.id = ${l.id}`;
  expect(after).toEqual({ fresh: true, source: "clinic_reported", used: true });
  await page.goto(`/clinics/${l.slug}`);
  await expect(page.getByRole("heading", { name: l.name })).toBeVisible();
  await expect(page.getByText("These prices were last updated more than 12 months ago")).toHaveCount(0);
  // Confirmed prices are not due again: a dry run does not list the listing (and sends nothing).
  const dry = await remind(baseURL!, "--dry-run");
  expect(dry.stdout).toMatch(/Dry run: would send \d+ email\(s\) for \d+ listing\(s\)\. Nothing was sent\./);
  expect(dry.stdout).not.toContain(`/clinics/${l.slug})`);

  // Second use: the link opened again is refused…
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("already used");
  await expect(page.getByRole("button", { name: "Prices are still correct" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // …and so is the button of a page opened before the first use.
  await early.getByRole("button", { name: "Prices are still correct" }).click();
  await expect(early.getByRole("main").getByRole("alert")).toContainText("already used");
  await early.close();
  const [revisions] = await sql<{ n: number }[]>`
    select count(*)::int as n from listing_revisions
    where clinic_id = ${l.id} and note like 'Prices confirmed%'`;
  expect(revisions!.n).toBe(1);
  // A tampered token is refused too.
  await page.goto(link.replace(/token=(.)/, (_m, c: string) => `token=${c === "A" ? "B" : "A"}`));
  await expect(page.getByRole("main").getByRole("alert")).toContainText("We do not know this link");
});
