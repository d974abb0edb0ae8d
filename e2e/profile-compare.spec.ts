import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { SCORE_RUBRIC } from "../lib/aftercare/score";
import { seriousViolations } from "./support/axe";
import { zodLoaded } from "./support/bundle";
import { expect, test } from "./support/fixtures";
import { holdScripts, hydrated } from "./support/hydrated";

/** Distinct profile paths listed on a page (a result card may link to its profile more than once). */
async function profilePaths(page: Page, from: "/clinics" | "/"): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page
    .locator('main a[href^="/clinics/"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => /^\/clinics\/[a-z0-9-]+$/.test(h)))];
}

/** Opens the `i`-th distinct profile listed by search. */
async function openProfileFromSearch(page: Page, i: number) {
  const paths = await profilePaths(page, "/clinics");
  expect(paths.length, "search lists profiles").toBeGreaterThanOrEqual(3);
  const path = paths[i]!;
  await page.locator(`main a[href="${path}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** Published slugs from the home page's featured clinics (the seed is deterministic). */
async function knownSlugs(page: Page): Promise<string[]> {
  const slugs = (await profilePaths(page, "/")).map((p) => p.replace("/clinics/", ""));
  expect(slugs.length).toBeGreaterThanOrEqual(6);
  return slugs;
}

const courseCells = (page: Page) => page.locator('tr[data-row="course"] td');

test("open a profile from search, add three clinics through the tray, compare, change the numbers and share the link", async ({
  page,
  context,
}) => {
  // A long journey (three profiles, compare, the tray on another page): about 35 s on a quiet
  // machine, past the 60 s default when the machine is busy.
  test.slow();
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    await openProfileFromSearch(page, i);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toBeVisible();
    names.push((await h1.innerText()).trim());
    await expect(page.getByText(/Aftercare score \d+\/100/)).toBeVisible();
    await page.getByRole("button", { name: /^Add to compare/ }).click();
    await expect(page.getByRole("button", { name: /Remove from compare/ })).toBeVisible();
    // The change is announced politely.
    await expect(page.getByTestId("compare-announcer").filter({ hasText: `Added ${names[i]}` })).toHaveCount(
      1,
    );
  }
  const tray = page.getByRole("region", { name: /Compare list/ });
  await expect(tray).toContainText("(3 of 4)");
  for (const n of names) await expect(tray.getByRole("link", { name: n })).toBeVisible();

  // The tray survives a trip to another page.
  await page.goto("/methodology");
  await tray.getByRole("link", { name: "Compare 3 clinics" }).click();
  await expect(page).toHaveURL(/\/compare\?c=/);
  const headers = page.locator("thead th[scope=col]");
  await expect(headers).toHaveCount(3);
  for (const [i, n] of names.entries()) await expect(headers.nth(i)).toContainText(n);

  const before = await courseCells(page).allInnerTexts();
  await page.getByLabel("Ketamine sessions").fill("9");
  await page.getByLabel("Integration sessions").fill("0");
  await page.getByLabel(/Boosters/).fill("4");
  await page.getByRole("button", { name: "Update the comparison" }).click();
  await expect(page).toHaveURL(/sessions=9/);
  await expect(page).toHaveURL(/integration=0/);
  await expect(page).toHaveURL(/boosters=4/);
  await expect(page.getByText("The course cost counts 9 ketamine sessions")).toBeVisible();
  const after = await courseCells(page).allInnerTexts();
  expect(after).not.toEqual(before);

  // Reload: the URL alone carries the comparison.
  await page.reload();
  await expect(page.getByLabel("Ketamine sessions")).toHaveValue("9");
  expect(await courseCells(page).allInnerTexts()).toEqual(after);

  // Someone else opening the shared link (no tray, no history) sees the same thing.
  const shared = page.url();
  const other = await context.browser()!.newContext();
  const theirs = await other.newPage();
  await theirs.goto(shared);
  await expect(theirs.getByLabel("Integration sessions")).toHaveValue("0");
  await expect(theirs.getByLabel(/Boosters/)).toHaveValue("4");
  expect(await courseCells(theirs).allInnerTexts()).toEqual(after);
  // No compare bar on the comparison itself: the table is the list, and the bar would cover it.
  const theirTray = theirs.getByRole("region", { name: /Compare list/ });
  await expect(theirs.getByRole("link", { name: `Remove ${names[0]} from the comparison` })).toBeVisible();
  await expect(theirTray).toHaveCount(0);
  // Their compare list fills with the shared clinics, and "Remove" in the table takes one out of both.
  await theirs.getByRole("link", { name: `Remove ${names[0]} from the comparison` }).click();
  await expect(theirs.locator("thead th[scope=col]")).toHaveCount(2);
  await theirs.goto("/methodology");
  await expect(theirTray).toContainText("(2 of 4)");
  await expect(theirTray.getByRole("link", { name: names[0] })).toHaveCount(0);
  await other.close();

  // Removing a clinic from the tray updates it everywhere on the page.
  await page.goto("/methodology");
  await tray.getByRole("button", { name: `Remove ${names[0]} from compare` }).click();
  await expect(tray).toContainText("(2 of 4)");
  await expect(page.getByTestId("compare-announcer")).toContainText(`Removed ${names[0]}`);
});

test("the tray holds four clinics and says so when you try a fifth", async ({ page }) => {
  const slugs = await knownSlugs(page);
  const four = slugs.slice(0, 4).map((slug, i) => ({ slug, name: `Clinic ${i + 1}` }));
  await page.evaluate(
    (value) => localStorage.setItem("aftercare-atlas:compare:v1", value),
    JSON.stringify(four),
  );
  await page.goto(`/clinics/${slugs[4]}`);
  const add = page.getByRole("button", { name: /Add to compare/ });
  await expect(add).toBeDisabled();
  await expect(page.getByText("You can compare up to 4 clinics.")).toBeVisible();
  await page.getByRole("button", { name: "Remove Clinic 2 from compare" }).click();
  await expect(add).toBeEnabled();
  await add.click();
  await expect(page.getByRole("region", { name: /Compare list/ })).toContainText("(4 of 4)");
  // Storage written by anything else is ignored rather than trusted.
  await page.evaluate(() =>
    localStorage.setItem("aftercare-atlas:compare:v1", '[{"slug":"<img src=x>","name":"x"}]'),
  );
  await page.reload();
  await expect(page.getByTestId("compare-tray")).toHaveCount(0);
});

test("'Add to compare' pressed before the page is interactive is added once it is", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/clinics", { waitUntil: "domcontentloaded" });
  const first = page.getByTestId("result").first();
  const name = (await first.getByRole("heading").innerText()).trim();
  // No script of the page's own has run yet: React cannot hear this press.
  await first.getByRole("button", { name: /Add to compare/ }).click({ force: true });
  release();
  const tray = page.getByRole("region", { name: /Compare list/ });
  await expect(tray).toContainText("(1 of 4)", { timeout: 30_000 });
  await expect(tray.getByRole("link", { name })).toBeVisible();
  await expect(first.getByRole("button", { name: /Remove from compare/ })).toBeVisible();
});

test("a first visit does not load the check for a stored list; a stored list loads it and shows", async ({
  page,
}) => {
  const slugs = await knownSlugs(page);
  const add = page.getByRole("button", { name: /Add to compare/ });
  await page.goto(`/clinics/${slugs[0]}`);
  await hydrated(add); // the (empty) list known
  expect(await zodLoaded(page)).toBe(false);
  await add.click(); // adding needs no check either: we trust what we write
  await expect(page.getByRole("region", { name: /Compare list/ })).toContainText("(1 of 4)");
  expect(await zodLoaded(page)).toBe(false);

  await page.reload(); // now storage holds a list: it is checked before it is shown
  await expect(page.getByRole("region", { name: /Compare list/ })).toContainText("(1 of 4)");
  await expect(page.getByRole("button", { name: /Remove from compare/ })).toBeEnabled();
  expect(await zodLoaded(page)).toBe(true);
});

test("compare explains bad links and shows what it can, never failing", async ({ page }) => {
  const [a, b, c, d, e] = await knownSlugs(page);

  let res = await page.goto("/compare");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Nothing to compare yet" })).toBeVisible();

  res = await page.goto("/compare?c=no-such-clinic,another-missing-one");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("compare-problems")).toContainText(
    "We couldn't find “no-such-clinic” and “another-missing-one”",
  );
  await expect(page.getByRole("heading", { name: "There are no clinics to show" })).toBeVisible();

  res = await page.goto(`/compare?c=${a},${a},${b},no-such-clinic`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("compare-problems")).toContainText(`“${a}” was listed more than once`);
  await expect(page.getByTestId("compare-problems")).toContainText("We couldn't find “no-such-clinic”");
  await expect(page.locator("thead th[scope=col]")).toHaveCount(2);

  res = await page.goto(`/compare?c=${[a, b, c, d, e].join(",")}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("compare-problems")).toContainText(
    `up to 4 clinics at a time, so we left out “${e}”`,
  );
  await expect(page.locator("thead th[scope=col]")).toHaveCount(4);

  res = await page.goto(`/compare?c=${encodeURIComponent("<script>alert(1)</script>")},${a}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("compare-problems")).toContainText("doesn't look like a clinic");
  await expect(page.getByText("Add at least one more clinic")).toBeVisible();
  await expect(page.locator("thead th[scope=col]")).toHaveCount(1);

  res = await page.goto(`/compare?c=${a},${b}&sessions=99&integration=lots&boosters=-2`);
  expect(res?.status()).toBe(200);
  const notices = page.getByTestId("assumption-notices");
  await expect(notices).toContainText("Ketamine sessions can be 1 to 12, so we used 12.");
  await expect(notices).toContainText(
    "We couldn't read the number of integration therapy sessions, so we used 3.",
  );
  await expect(notices).toContainText("so we used 0.");
  await expect(page.getByLabel("Ketamine sessions")).toHaveValue("12");
  await expect(page.getByLabel("Integration sessions")).toHaveValue("3");
  await expect(page.getByLabel(/Boosters/)).toHaveValue("0");
});

test("compare marks the best value with words, not only colour, and can hide rows that match", async ({
  page,
}) => {
  const [a, b, c] = await knownSlugs(page);
  await page.goto(`/compare?c=${a},${b},${c}`);
  const best = page.locator("td[data-best]");
  expect(await best.count()).toBeGreaterThan(0);
  for (const text of await best.allInnerTexts()) expect(text).toMatch(/^★?\s*(best|lowest|most recent)/i);
  const all = await page.locator("tbody tr[data-row]").count();
  await page.getByRole("link", { name: "Show only differences" }).click();
  await expect(page).toHaveURL(/diff=1/);
  await expect(page.locator('tbody tr[data-differs="false"]')).toHaveCount(0);
  expect(await page.locator("tbody tr[data-row]").count()).toBeLessThan(all);
  // No row carries a "Differs" tag: the toggle is the one way to see the differences.
  await expect(page.getByTestId("compare-table")).not.toContainText("Differs");
  // Recounting the course keeps the choice; "Show every row" brings the rest back.
  await page.getByRole("button", { name: "Update the comparison" }).click();
  await expect(page).toHaveURL(/diff=1/);
  await page.getByRole("link", { name: "Show every row" }).click();
  await expect(page).not.toHaveURL(/diff=1/);
  await expect(page.locator("tbody tr[data-row]")).toHaveCount(all);
});

test("a profile carries structured data, a canonical link, Open Graph tags and prints cleanly", async ({
  page,
}) => {
  const [slug] = await knownSlugs(page);
  await page.goto(`/clinics/${slug}`);
  const name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld).toMatchObject({ "@context": "https://schema.org", "@type": "MedicalClinic", name });
  expect(typeof ld.isAcceptingNewPatients).toBe("boolean");
  expect(Array.isArray(ld.availableService)).toBe(true);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    new RegExp(`/clinics/${slug}$`),
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  );
  await expect(page.getByText("Fictional sample", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Is this your clinic\?/ })).toHaveAttribute(
    "href",
    `/for-clinics/claim?clinic=${slug}`,
  );
  // Every term explained where it appears opens without JavaScript.
  const explain = page.locator("details.explain").first();
  await explain.locator("summary").click();
  await expect(explain.locator("dfn")).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Add to compare/ })).toBeHidden();
  await expect(page.getByRole("heading", { name: "After a session" })).toBeVisible();
});

test("unknown, draft and suspended listings answer 404 with a way back to search", async ({ page, sql }) => {
  // A draft and a suspended copy of a published listing (so nothing but the status stops them).
  // The row as stored, less the generated full-text column (PostgreSQL computes it; it refuses a value).
  const [row] = await sql<Record<string, unknown>[]>`
    select * from clinics where status = 'published' order by slug limit 1`;
  const { search_vector: _generated, ...source } = row!;
  const token = randomBytes(4).toString("hex");
  const hidden = (["draft", "suspended"] as const).map((status) => ({
    ...source,
    id: crypto.randomUUID(),
    slug: `hidden-${status}-${token}`,
    name: `Hidden ${status} ${token}`,
    status,
  }));
  await sql`insert into clinics ${sql(hidden)}`;
  try {
    for (const slug of ["no-such-clinic-anywhere", ...hidden.map((h) => h.slug)]) {
      const res = await page.goto(`/clinics/${slug}`);
      expect(res?.status(), slug).toBe(404);
      await expect(page.getByRole("heading", { name: "We couldn't find that clinic" })).toBeVisible();
      await expect(page.getByText(/Hidden (draft|suspended)/)).toHaveCount(0);
      await expect(page.getByRole("search")).toBeVisible();
    }
    // The same row published is found: the 404s above come from the status alone.
    expect((await page.goto(`/clinics/${source!.slug as string}`))?.status()).toBe(200);
  } finally {
    await sql`delete from clinics where id in ${sql(hidden.map((h) => h.id))}`;
  }
});

// The methodology, the guide and a profile without the tray have their scans in e2e/a11y.spec.ts: the
// same pages in the same state at the same size, so one scan of each.
test("compare, full and empty, and a profile with the compare tray have no serious accessibility problems", async ({
  page,
}) => {
  // axe reads every node; three pages of it take a while on a busy machine.
  test.setTimeout(240_000);
  const [a, b, c] = await knownSlugs(page);
  for (const path of [`/compare?c=${a},${b},${c}`, "/compare"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // With the tray open too: the comparison above filled it, and it stays filled on other pages.
  await page.goto(`/clinics/${a}`);
  await expect(page.getByTestId("compare-tray")).toContainText("(3 of 4)");
  await expect(page.getByRole("button", { name: /Remove from compare/ })).toBeVisible();
  expect(await seriousViolations(page), "tray").toEqual([]);
});

test("the methodology renders every rubric item, and the guide's questions link into filtered search", async ({
  page,
}) => {
  await page.goto("/methodology");
  // Rendered from the rubric the site scores with, so the two cannot drift apart.
  await expect(page.locator("#score ol > li")).toHaveCount(SCORE_RUBRIC.length);
  for (const entry of SCORE_RUBRIC) {
    await expect(page.locator("#score").getByRole("heading", { name: entry.label })).toBeVisible();
  }
  await expect(page.getByText("The points above add up to 100.")).toBeVisible();
  await expect(page.getByText(/6 ketamine sessions/).first()).toBeVisible();
  await page.goto("/guide");
  await expect(page.getByRole("link", { name: /Clinics that include integration therapy/ })).toHaveAttribute(
    "href",
    "/clinics?integration=included",
  );
  await expect(page.getByRole("link", { name: /check in within 24 hours/ })).toHaveAttribute(
    "href",
    "/clinics?followUp24h=true",
  );
  await expect(page.getByRole("link", { name: "988" }).first()).toHaveAttribute("href", "tel:988");
});

test("the compare table stays readable on a phone @phone-only", async ({ page }) => {
  const [a, b, c] = await knownSlugs(page);
  // 390 px wide (the phone project's Pixel 7 is 412).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/compare?c=${a},${b},${c}`);
  await expect(page.getByRole("table", { name: /3 clinics side by side/ })).toBeVisible();
  // Nothing scrolls sideways: below 640 px each row's label sits above its cells, which share the width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  const rowHeader = page.locator('tr[data-row="course"] th[scope=row]');
  const cells = page.locator('tr[data-row="course"] td');
  await expect(cells).toHaveCount(3);
  const label = (await rowHeader.boundingBox())!;
  for (let i = 0; i < 3; i++) {
    const cell = (await cells.nth(i).boundingBox())!;
    expect(cell.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
    expect(cell.x + cell.width).toBeLessThanOrEqual(390);
  }
  const fontSize = await rowHeader.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(14);
  // Controls keep a 44 px tap target.
  const submit = await page.getByRole("button", { name: "Update the comparison" }).boundingBox();
  expect(submit?.height).toBeGreaterThanOrEqual(44);
});

test("four long-named clinics on a phone: the pinned names leave the rows most of the screen @phone-only", async ({
  page,
  sql,
}) => {
  const longest = await sql<{ slug: string; name: string }[]>`
    select slug, name from clinics where status = 'published' order by length(name) desc, slug limit 4`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/compare?c=${longest.map((c) => c.slug).join(",")}`);
  const head = page.getByTestId("compare-head");
  await expect(head.getByRole("columnheader")).toHaveCount(4);
  // Scrolled to the cost rows, the names are pinned at the top and take at most a fifth of the screen
  // (the badge, up to three lines of name, and "Remove"; a whole name took 230 px of 844 at three clinics).
  await page.locator('tr[data-row="consult"]').scrollIntoViewIfNeeded();
  const box = (await head.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(-1);
  expect(box.y).toBeLessThanOrEqual(1);
  expect(box.height).toBeLessThanOrEqual(844 / 5);
  // Cut short on screen, each name is whole for a screen reader, and its "Remove" keeps its tap target.
  for (const c of longest) {
    await expect(head.getByRole("link", { name: c.name, exact: true })).toBeInViewport();
    const remove = await head
      .getByRole("link", { name: `Remove ${c.name} from the comparison` })
      .boundingBox();
    expect(remove!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the comparison asks the server for nothing once loaded, so the back/forward cache can keep it", async ({
  page,
}) => {
  const [a, b] = await knownSlugs(page);
  const fetches: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "fetch" || r.resourceType() === "xhr") fetches.push(r.url());
  });
  await page.goto(`/compare?c=${a},${b}`);
  // The numbers form in view: a prefetching form fetched an empty /compare here, answered no-store.
  const update = page.getByRole("button", { name: "Update the comparison" });
  await hydrated(update);
  await update.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1_000);
  expect(fetches).toEqual([]);
});
